import Colorimetry
import Foundation

/// Reads a palette JSON tree into a ``Palette``, collecting every structural problem with its JSON
/// path instead of stopping at the first (so `palette validate` can list them all).
struct PaletteReader {
  /// Assumed scattering for the Lab-swatch fallback, mm⁻¹ per unit concentration (flat): a mid-range
  /// value between the modelled carbon black (≈2) and iron oxides (≈6–16).
  static let labSwatchScattering = 8.0
  /// Saunderson constants assumed for a measured Lab swatch (paint-film drawdown; Allen 1980).
  static let swatchSaunderson = (k1: 0.04, k2: 0.6)

  private(set) var problems: [PaletteProblem] = []

  /// The palette, or nil when any error-severity problem was found.
  static func read(_ parsed: JSONValue.Parsed) -> (palette: Palette?, problems: [PaletteProblem]) {
    var reader = PaletteReader()
    switch parsed {
    case .malformed:
      reader.error(nil, .malformedJSON, "$", "not valid JSON")
      return (nil, reader.problems)
    case .overLimit(let message):
      reader.error(nil, .overLimit, "$", message)
      return (nil, reader.problems)
    case .json5(let value):
      reader.error(
        nil, .notStrictJSON, "$",
        "not strict JSON (NaN, Infinity, comments or trailing commas are not allowed)")
      _ = reader.readPalette(value)
      return (nil, reader.problems)
    case .strict(let value):
      let palette = reader.readPalette(value)
      let hasError = reader.problems.contains { $0.severity == .error }
      return (hasError ? nil : palette, reader.problems)
    }
  }

  // MARK: - Problems

  private mutating func error(
    _ pigment: String?, _ code: PaletteProblem.Code, _ path: String, _ detail: String
  ) {
    problems.append(
      PaletteProblem(severity: .error, pigment: pigment, code: code, path: path, detail: detail))
  }

  private mutating func warning(
    _ pigment: String?, _ code: PaletteProblem.Code, _ path: String, _ detail: String
  ) {
    problems.append(
      PaletteProblem(severity: .warning, pigment: pigment, code: code, path: path, detail: detail))
  }

  // MARK: - Document

  private mutating func readPalette(_ root: JSONValue) -> Palette? {
    guard case .object(let object) = root else {
      error(nil, .schema, "$", "a palette must be a JSON object, found \(root.typeName)")
      return nil
    }
    let vendor = requiredString(object, "vendor", "$", pigment: nil)
    let name = requiredString(object, "name", "$", pigment: nil)
    let version = requiredString(object, "version", "$", pigment: nil)
    let source = requiredString(object, "source", "$", pigment: nil)
    let diluent = readDiluent(object["diluent"])
    var pigments: [Pigment] = []
    switch object["pigments"] {
    case .none:
      error(nil, .schema, "$.pigments", "missing: a palette needs a pigments array")
    case .array(let items)? where items.count > PaletteLimits.maxPigments:
      error(
        nil, .overLimit, "$.pigments",
        "\(items.count) pigments, over the limit of \(PaletteLimits.maxPigments)")
    case .array(let items)?:
      if items.isEmpty { error(nil, .noPigments, "$.pigments", "the palette has no pigments") }
      var seen: [String: Int] = [:]
      for (index, item) in items.enumerated() {
        let path = "$.pigments[\(index)]"
        guard let pigment = readPigment(item, path: path) else { continue }
        if pigment.id == Palette.waterID {
          error(
            pigment.id, .reservedId, "\(path).id",
            "\"water\" is reserved for the diluent; give the pigment another id")
        } else if let first = seen[pigment.id] {
          error(
            pigment.id, .duplicateId, "\(path).id",
            "duplicate id \"\(pigment.id)\" (also $.pigments[\(first)])")
        } else {
          seen[pigment.id] = index
        }
        pigments.append(pigment)
      }
    case .some(let other):
      error(nil, .schema, "$.pigments", "expected an array of pigments, found \(other.typeName)")
    }
    guard let vendor, let name, let version, let source, let diluent else { return nil }
    return Palette(
      vendor: vendor, name: name, version: version, source: source, diluent: diluent,
      pigments: pigments)
  }

  private mutating func readDiluent(_ value: JSONValue?) -> Palette.Diluent? {
    guard let value else {
      error(nil, .missingDiluent, "$.diluent", "missing: every SMP palette needs its diluent (water)")
      return nil
    }
    guard case .object(let object) = value else {
      error(nil, .schema, "$.diluent", "expected an object, found \(value.typeName)")
      return nil
    }
    if let id = object["id"], id != .string(Palette.waterID) {
      error(nil, .schema, "$.diluent.id", "the diluent's id must be \"water\"")
    }
    let name = requiredString(object, "name", "$.diluent", pigment: nil)
    return name.map { Palette.Diluent(name: $0, notes: optionalString(object, "notes", "$.diluent")) }
  }

  // MARK: - Pigments

  private mutating func readPigment(_ value: JSONValue, path: String) -> Pigment? {
    guard case .object(let object) = value else {
      error(nil, .schema, path, "a pigment must be an object, found \(value.typeName)")
      return nil
    }
    let id = requiredString(object, "id", path, pigment: nil)
    if let id, id.isEmpty { error(nil, .schema, "\(path).id", "the id is empty") }
    let label = id ?? path
    let name = requiredString(object, "name", path, pigment: id)
    let pigmentClass = readClass(object["class"], path: "\(path).class", pigment: label)
    let lightfastness = readLightfastness(
      object["lightfastness"], path: "\(path).lightfastness", pigment: label)
    let notes = optionalString(object, "notes", path)
    let optics = readOptics(object, path: path, pigment: label)
    guard let id, !id.isEmpty, let name, let optics else { return nil }
    return Pigment(
      id: id, name: name, pigmentClass: pigmentClass, lightfastness: lightfastness, notes: notes,
      optics: optics)
  }

  private mutating func readClass(_ value: JSONValue?, path: String, pigment: String)
    -> PigmentClass?
  {
    guard let value else {
      warning(pigment, .missingClass, path, "no pigment class (carbonBlack, ironOxide or organic)")
      return nil
    }
    guard case .string(let text) = value, let result = PigmentClass(rawValue: text) else {
      error(
        pigment, .schema, path,
        "unknown class \(describe(value)) (expected carbonBlack, ironOxide or organic)")
      return nil
    }
    return result
  }

  private mutating func readLightfastness(_ value: JSONValue?, path: String, pigment: String)
    -> Lightfastness?
  {
    guard let value else {
      warning(pigment, .missingLightfastness, path, "no Blue Wool light fastness (1–8)")
      return nil
    }
    guard case .number(let number) = value else {
      error(pigment, .schema, path, "expected a Blue Wool rating 1–8, found \(value.typeName)")
      return nil
    }
    // Compared as a Double first: Int(1e19) would trap.
    guard number.isFinite, number == number.rounded(), (1...8).contains(number),
      let rating = Lightfastness(blueWool: Int(number))
    else {
      error(pigment, .outOfRange, path, "Blue Wool rating must be a whole number 1–8, got \(number)")
      return nil
    }
    return rating
  }

  private mutating func readOptics(_ object: [String: JSONValue], path: String, pigment: String)
    -> PigmentOptics?
  {
    let hasKS = object["k"] != nil || object["s"] != nil
    let hasReflectance = object["reflectance"] != nil
    let hasSwatch = object["labSwatch"] != nil
    let count = [hasKS, hasReflectance, hasSwatch].filter { $0 }.count
    guard count == 1 else {
      error(
        pigment, .schema, path,
        count == 0
          ? "no optics: give k and s spectra, reflectance (masstone + tint), or a labSwatch"
          : "give only one of k/s, reflectance or labSwatch")
      return nil
    }
    if hasKS {
      let k = readSpectrum(object["k"], path: "\(path).k", pigment: pigment, upperBound: nil)
      let s = readSpectrum(object["s"], path: "\(path).s", pigment: pigment, upperBound: nil)
      guard let k, let s else { return nil }
      return PigmentOptics(k: k, s: s, provenance: .coefficients)
    }
    if hasReflectance {
      return readReflectance(object["reflectance"], path: "\(path).reflectance", pigment: pigment)
    }
    return readSwatch(object["labSwatch"], path: "\(path).labSwatch", pigment: pigment)
  }

  private mutating func readReflectance(_ value: JSONValue?, path: String, pigment: String)
    -> PigmentOptics?
  {
    guard case .object(let object)? = value else {
      error(pigment, .schema, path, "expected an object with masstone, tint, white, pigmentFraction")
      return nil
    }
    let masstone = readSpectrum(
      object["masstone"], path: "\(path).masstone", pigment: pigment, upperBound: 1)
    let tint = readSpectrum(object["tint"], path: "\(path).tint", pigment: pigment, upperBound: 1)
    let white = readSpectrum(object["white"], path: "\(path).white", pigment: pigment, upperBound: 1)
    let fraction = readNumber(
      object["pigmentFraction"], path: "\(path).pigmentFraction", pigment: pigment,
      range: 0...1, openEnds: true)
    let whiteScattering = readNumber(
      object["whiteScattering"], path: "\(path).whiteScattering", pigment: pigment,
      range: 0...Double.greatestFiniteMagnitude, openEnds: true)
    guard let masstone, let tint, let white, let fraction, let whiteScattering else { return nil }
    var k: [Double] = []
    var s: [Double] = []
    for index in 0..<Spectrum.count {
      let nm = Int(Spectrum.wavelengths[index])
      if tint[index] <= masstone[index] {
        error(
          pigment, .tintDoesNotLighten, "\(path).tint[\(index)]",
          "the tint (\(tint[index])) is not lighter than the masstone (\(masstone[index])) at \(nm) nm")
        return nil
      }
      guard
        let constants = KubelkaMunk.constantsFromMasstoneAndTint(
          masstone: masstone[index], tint: tint[index], white: white[index],
          pigmentFraction: fraction)
      else {
        error(
          pigment, .underivable, "\(path).tint[\(index)]",
          "masstone, tint and white at \(nm) nm give no positive K and S (is the white lighter than the tint?)")
        return nil
      }
      k.append(constants.k * whiteScattering)
      s.append(constants.s * whiteScattering)
    }
    guard let optics = PigmentOptics(k: k, s: s, provenance: .masstoneAndTint) else {
      error(pigment, .nonFinite, path, "the derived K and S are not finite")
      return nil
    }
    return optics
  }

  private mutating func readSwatch(_ value: JSONValue?, path: String, pigment: String)
    -> PigmentOptics?
  {
    guard case .object(let object)? = value, case .array(let items)? = object["lab"] else {
      error(pigment, .schema, path, "expected {\"lab\": [L, a, b]}")
      return nil
    }
    guard items.count == 3 else {
      error(pigment, .schema, "\(path).lab", "expected [L, a, b], got \(items.count) values")
      return nil
    }
    var lab: [Double] = []
    for (index, item) in items.enumerated() {
      guard case .number(let number) = item else {
        error(pigment, .schema, "\(path).lab[\(index)]", "expected a number, found \(item.typeName)")
        return nil
      }
      guard number.isFinite else {
        error(pigment, .nonFinite, "\(path).lab[\(index)]", "\(number) is not a finite number")
        return nil
      }
      lab.append(number)
    }
    guard lab[0] > 0, lab[0] < 100 else {
      error(pigment, .outOfRange, "\(path).lab[0]", "L* must be in 0…100 (exclusive), got \(lab[0])")
      return nil
    }
    warning(
      pigment, .lowConfidenceOptics, path,
      "K and S derived from a Lab swatch alone (smooth recovered spectrum, assumed S): lower confidence")
    guard
      let measured = SpectralRecovery.smoothReflectance(for: Lab(l: lab[0], a: lab[1], b: lab[2]))
    else {
      error(pigment, .underivable, "\(path).lab", "no smooth reflectance reaches this colour")
      return nil
    }
    let s = [Double](repeating: Self.labSwatchScattering, count: Spectrum.count)
    let k = measured.map { rm in
      let interior = KubelkaMunk.inverseSaunderson(
        rm, k1: Self.swatchSaunderson.k1, k2: Self.swatchSaunderson.k2)
      return KubelkaMunk.kOverS(reflectanceInfinite: interior) * Self.labSwatchScattering
    }
    return PigmentOptics(k: k, s: s, provenance: .labSwatch)
  }

  // MARK: - Values

  private mutating func readSpectrum(
    _ value: JSONValue?, path: String, pigment: String, upperBound: Double?
  ) -> [Double]? {
    guard let value else {
      error(pigment, .schema, path, "missing: expected 31 numbers (400–700 nm every 10 nm)")
      return nil
    }
    guard case .array(let items) = value else {
      error(pigment, .schema, path, "expected an array of 31 numbers, found \(value.typeName)")
      return nil
    }
    guard items.count == Spectrum.count else {
      error(
        pigment, .spectrumLength, path,
        "expected 31 values (400–700 nm every 10 nm), got \(items.count)")
      return nil
    }
    var result: [Double] = []
    var ok = true
    for (index, item) in items.enumerated() {
      let itemPath = "\(path)[\(index)]"
      let nm = Int(Spectrum.wavelengths[index])
      guard case .number(let number) = item else {
        error(pigment, .schema, itemPath, "expected a number, found \(item.typeName)")
        ok = false
        continue
      }
      if !number.isFinite {
        error(pigment, .nonFinite, itemPath, "\(number) at \(nm) nm is not a finite number")
        ok = false
      } else if number < 0 {
        error(pigment, .negative, itemPath, "\(number) at \(nm) nm is negative")
        ok = false
      } else if let upperBound, number > upperBound {
        let hint = number <= 100 ? " (percent? give reflectance as 0–1)" : ""
        error(
          pigment, .outOfRange, itemPath,
          "reflectance \(number) at \(nm) nm is above \(upperBound)\(hint)")
        ok = false
      }
      result.append(number)
    }
    return ok ? result : nil
  }

  private mutating func readNumber(
    _ value: JSONValue?, path: String, pigment: String, range: ClosedRange<Double>, openEnds: Bool
  ) -> Double? {
    guard let value else {
      error(pigment, .schema, path, "missing: expected a number")
      return nil
    }
    guard case .number(let number) = value else {
      error(pigment, .schema, path, "expected a number, found \(value.typeName)")
      return nil
    }
    guard number.isFinite else {
      error(pigment, .nonFinite, path, "\(number) is not a finite number")
      return nil
    }
    let inside =
      openEnds
      ? number > range.lowerBound && number < range.upperBound : range.contains(number)
    guard inside else {
      error(pigment, .outOfRange, path, "\(number) is outside \(range.lowerBound)…\(range.upperBound)")
      return nil
    }
    return number
  }

  private mutating func requiredString(
    _ object: [String: JSONValue], _ key: String, _ path: String, pigment: String?
  ) -> String? {
    switch object[key] {
    case .string(let text)?: return text
    case .none:
      error(pigment, .schema, "\(path).\(key)", "missing: expected a string")
    case .some(let other):
      error(pigment, .schema, "\(path).\(key)", "expected a string, found \(other.typeName)")
    }
    return nil
  }

  private mutating func optionalString(_ object: [String: JSONValue], _ key: String, _ path: String)
    -> String?
  {
    switch object[key] {
    case .string(let text)?: return text
    case .none, .null?: return nil
    case .some(let other):
      error(nil, .schema, "\(path).\(key)", "expected a string, found \(other.typeName)")
      return nil
    }
  }

  private func describe(_ value: JSONValue) -> String {
    if case .string(let text) = value { return "\"\(text)\"" }
    return value.typeName
  }
}
