/// One finding of palette validation: `{"severity","pigment","code","message"}` (DESIGN.md).
public struct PaletteProblem: Sendable, Equatable, Codable {
  /// Errors make a palette unusable; warnings are advice to the vendor.
  public enum Severity: String, Sendable, Codable {
    /// The palette cannot be used as is.
    case error
    /// The palette works but something is missing, doubtful or low-confidence.
    case warning
  }

  /// Machine-readable problem kinds.
  public enum Code: String, Sendable, Codable, CaseIterable {
    /// The file is not JSON at all.
    case malformedJSON
    /// The file breaks a `PaletteLimits` bound (size, nesting depth, pigment count).
    case overLimit
    /// The file parses only as JSON5 (e.g. NaN, Infinity, comments): not strict JSON.
    case notStrictJSON
    /// A required field is missing or has the wrong JSON type.
    case schema
    /// Two pigments share an id.
    case duplicateId
    /// A pigment uses the diluent's reserved id `water`.
    case reservedId
    /// NaN or ±∞ where a number is required.
    case nonFinite
    /// A negative K, S or reflectance.
    case negative
    /// A value outside its range (reflectance 0…1, Blue Wool 1…8, Lab L* 0…100, fraction 0…1).
    case outOfRange
    /// A spectrum without exactly 31 values (400…700 nm / 10 nm).
    case spectrumLength
    /// No `diluent` (water) entry.
    case missingDiluent
    /// No pigments.
    case noPigments
    /// K and S cannot be derived (e.g. a Lab swatch outside what a smooth spectrum reaches).
    case underivable
    /// A tint is not lighter than its masstone, or a dot does not lighten with dilution.
    case tintDoesNotLighten
    /// Two shades whose masstone dots are within ΔE00 1 of each other.
    case nearDuplicate
    /// No Blue Wool light fastness: fading cannot be modelled well.
    case missingLightfastness
    /// No pigment class: fading cannot be modelled well.
    case missingClass
    /// Optics derived from a Lab swatch only: a lower-confidence fallback.
    case lowConfidenceOptics
  }

  /// Error or warning.
  public let severity: Severity
  /// The pigment id concerned, or nil for the palette as a whole.
  public let pigment: String?
  /// The kind of problem.
  public let code: Code
  /// A practitioner-readable message starting with the JSON path.
  public let message: String
  /// The JSON path of the offending value (`$.pigments[2].k`); `$` for the whole document. Not
  /// encoded (the JSON contract has four keys); it is also the start of `message`.
  public let path: String

  /// A problem at `path`; the message is prefixed with the path.
  public init(severity: Severity, pigment: String?, code: Code, path: String, detail: String) {
    self.severity = severity
    self.pigment = pigment
    self.code = code
    self.path = path
    self.message = "\(path): \(detail)"
  }

  /// Decodes the four contract keys; the path is recovered from the message prefix.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    severity = try container.decode(Severity.self, forKey: .severity)
    pigment = try container.decodeIfPresent(String.self, forKey: .pigment)
    code = try container.decode(Code.self, forKey: .code)
    message = try container.decode(String.self, forKey: .message)
    path = message.split(separator: ":", maxSplits: 1).first.map(String.init) ?? "$"
  }

  enum CodingKeys: String, CodingKey { case severity, pigment, code, message }

  /// Encodes all four keys, `pigment` as null for palette-level problems.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(severity, forKey: .severity)
    try container.encode(pigment, forKey: .pigment)
    try container.encode(code, forKey: .code)
    try container.encode(message, forKey: .message)
  }
}
