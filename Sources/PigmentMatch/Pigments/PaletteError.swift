/// Why a palette or a recipe file could not be used. Every message names the file, and for content
/// problems the JSON path (`$.pigments[2].k`), so a vendor can fix it.
public enum PaletteError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No file at `file`.
  case fileNotFound(file: String)
  /// The file exists but could not be read.
  case unreadable(file: String, reason: String)
  /// The file is not JSON.
  case malformedJSON(file: String)
  /// The file breaks one of the `PaletteLimits` (size, nesting, pigment count).
  case overLimit(file: String, message: String)
  /// The JSON breaks the palette format at `path`; the first error-severity problem found.
  case invalid(file: String, path: String, message: String)

  /// `FILE: what is wrong`, as the CLI prints it.
  public var description: String {
    switch self {
    case .fileNotFound(let file): "\(file): no such palette file"
    case .unreadable(let file, let reason): "\(file): cannot read the palette (\(reason))"
    case .malformedJSON(let file): "\(file): not valid JSON"
    case .overLimit(let file, let message): "\(file): \(message)"
    case .invalid(let file, let path, let message): "\(file): \(path): \(message)"
    }
  }
}
