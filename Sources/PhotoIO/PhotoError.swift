/// Why a photo could not be read. Every case names the file; `description` is one line a
/// practitioner understands, e.g. `photo.jpg: the file ends early (truncated JPEG)`.
public enum PhotoError: Error, Sendable, Equatable, CustomStringConvertible {
  /// There is no file at the path.
  case fileNotFound(path: String)
  /// The file exists but could not be read (permissions, a directory, an I/O error).
  case unreadable(path: String, reason: String)
  /// The file has no bytes.
  case empty(path: String)
  /// The bytes are an image format this library does not decode (GIF, BMP, WebP, TIFF …).
  case unsupportedFormat(path: String, format: String)
  /// The bytes are not a PNG, JPEG, HEIF or AVIF image at all.
  case notAnImage(path: String)
  /// The data ends before the image does.
  case truncated(path: String, format: PhotoFormat, detail: String)
  /// The data is damaged: bad signature, CRC, Huffman code, marker or header field.
  case corrupt(path: String, format: PhotoFormat, detail: String)
  /// A valid file using a feature this decoder does not support (e.g. a 12-bit JPEG, a HEIF codec
  /// without a decoder).
  case unsupportedFeature(path: String, format: PhotoFormat, detail: String)
  /// The header claims more pixels than the configured limit; nothing was allocated.
  case tooLarge(path: String, width: Int, height: Int, limit: Int)
  /// The file goes past a decode limit other than the pixel counts (a JPEG with more scans than
  /// ``DecodeOptions/maxScans``, a PNG side over ``DecodeOptions/maxPNGSide``); `detail` names it.
  case limitExceeded(path: String, format: PhotoFormat, detail: String)
  /// Memory ran out while decoding.
  case outOfMemory(path: String)
  /// The photo could not be encoded (report output).
  case encodingFailed(detail: String)

  public var path: String? {
    switch self {
    case .fileNotFound(let path), .unreadable(let path, _), .empty(let path),
      .unsupportedFormat(let path, _), .notAnImage(let path), .truncated(let path, _, _),
      .corrupt(let path, _, _), .unsupportedFeature(let path, _, _), .tooLarge(let path, _, _, _),
      .limitExceeded(let path, _, _), .outOfMemory(let path):
      return path
    case .encodingFailed: return nil
    }
  }

  /// What is wrong, without the path.
  public var problem: String {
    switch self {
    case .fileNotFound: return "no such file"
    case .unreadable(_, let reason): return "cannot read the file (\(reason))"
    case .empty: return "the file is empty"
    case .unsupportedFormat(_, let format):
      return "\(format) images are not supported (use PNG, JPEG, HEIC/HEIF or AVIF)"
    case .notAnImage: return "not a PNG, JPEG, HEIF or AVIF image"
    case .truncated(_, let format, let detail):
      return "the file ends early (truncated \(format.name)): \(detail)"
    case .corrupt(_, let format, let detail): return "damaged \(format.name) data: \(detail)"
    case .unsupportedFeature(_, let format, let detail): return "unsupported \(format.name): \(detail)"
    case .tooLarge(_, let width, let height, let limit):
      return "\(width)×\(height) pixels is over the limit of \(limit) pixels"
    case .limitExceeded(_, let format, let detail): return "\(format.name) over a decode limit: \(detail)"
    case .outOfMemory: return "out of memory while decoding"
    case .encodingFailed(let detail): return "could not encode the image: \(detail)"
    }
  }

  public var description: String {
    if let path { return "\(path): \(problem)" }
    return problem
  }
}
