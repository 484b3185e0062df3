import Foundation
import PhotoIO

/// A vendor's SMP pigment line: stock pigments with Kubelka–Munk optics, plus the water diluent.
///
/// Read from the JSON format described by `Palettes/palette.schema.json`. A `Palette` value is
/// always structurally valid: loading throws ``PaletteError`` on the first error-severity problem
/// (``PaletteValidator`` lists them all).
public struct Palette: Sendable, Equatable {
  /// The diluent's id in recipes and JSON output.
  public static let waterID = "water"

  /// The palette's diluent (always water, K = S = 0).
  public struct Diluent: Sendable, Equatable {
    /// Display name, e.g. "Distilled water".
    public let name: String
    /// Free-text notes.
    public let notes: String?
    /// A diluent with a display name.
    public init(name: String, notes: String? = nil) {
      self.name = name
      self.notes = notes
    }
  }

  /// Vendor or maker.
  public let vendor: String
  /// Line name.
  public let name: String
  /// Version of the palette data.
  public let version: String
  /// Where the numbers come from (measured, modelled, how).
  public let source: String
  /// The diluent.
  public let diluent: Diluent
  /// Stock pigments, in file order.
  public let pigments: [Pigment]

  /// A palette from parts; ids must be unique and none may be `"water"` (nil otherwise).
  public init?(
    vendor: String, name: String, version: String, source: String, diluent: Diluent,
    pigments: [Pigment]
  ) {
    let ids = pigments.map(\.id)
    guard Set(ids).count == ids.count, !ids.contains(Self.waterID) else { return nil }
    self.vendor = vendor
    self.name = name
    self.version = version
    self.source = source
    self.diluent = diluent
    self.pigments = pigments
  }

  /// The pigment with `id`, or nil (water is not a pigment).
  public func pigment(id: String) -> Pigment? { pigments.first { $0.id == id } }

  /// Parses palette JSON; `file` names the source in errors.
  public init(jsonData data: Data, file: String) throws(PaletteError) {
    let (palette, problems) = PaletteReader.read(JSONValue.parse(data))
    if let palette {
      self = palette
      return
    }
    if problems.contains(where: { $0.code == .malformedJSON }) {
      throw .malformedJSON(file: file)
    }
    if let limit = problems.first(where: { $0.code == .overLimit }) {
      throw .overLimit(file: file, message: String(limit.message.dropFirst(limit.path.count + 2)))
    }
    // Prefer the specific problem (e.g. a NaN) over "not strict JSON".
    let errors = problems.filter { $0.severity == .error }
    let first = errors.first { $0.code != .notStrictJSON } ?? errors.first
    guard let first else { throw .invalid(file: file, path: "$", message: "not a palette") }
    throw .invalid(
      file: file, path: first.path,
      message: String(first.message.dropFirst(first.path.count + 2)))
  }

  /// Loads a palette file.
  public static func load(path: String) throws(PaletteError) -> Palette {
    let data = try PaletteFile.read(path: path)
    return try Palette(jsonData: data, file: path)
  }
}

/// Reading palette files from disk: the one place this module touches the file system for palettes.
enum PaletteFile {
  /// The bytes of the regular file at `path`, at most ``PaletteLimits/maxFileBytes``.
  static func read(path: String) throws(PaletteError) -> Data {
    do {
      return Data(try RegularFile.read(path, limit: PaletteLimits.maxFileBytes))
    } catch .notFound {
      throw .fileNotFound(file: path)
    } catch .tooLarge(let bytes, let limit) {
      throw .overLimit(
        file: path, message: "the palette is \(bytes) bytes, over the limit of \(limit) bytes")
    } catch {
      throw .unreadable(file: path, reason: error.reason)
    }
  }
}
