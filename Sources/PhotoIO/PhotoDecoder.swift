import Foundation
internal import CPhotoCodecs

/// Reads consultation photos (PNG, JPEG) into ``Photo`` values. Never crashes or exits on a bad
/// file: every failure is a ``PhotoError`` naming the file.
public enum PhotoDecoder {
  /// Decodes the photo at `path`.
  public static func decode(contentsOf path: String, options: DecodeOptions = .full) throws(PhotoError) -> Photo {
    try decode(bytes: readFile(path), name: path, options: options)
  }

  /// Decodes `bytes`; `name` is used in error messages.
  public static func decode(bytes: [UInt8], name: String, options: DecodeOptions = .full) throws(PhotoError) -> Photo {
    let format = try identify(bytes, name: name)
    let decoded = try DecodedImage.decode(bytes, format: format, path: name, options: options)
    return try PhotoAssembly(decoded: decoded, format: format, name: name, options: options).photo()
  }

  /// The file's samples as stored, expanded to RGB/RGBA, with no colour management or scaling.
  public static func decodeRaw(bytes: [UInt8], name: String, options: DecodeOptions = .full) throws(PhotoError)
    -> RawImage
  {
    let format = try identify(bytes, name: name)
    var full = options
    full.minimumShortSide = nil
    return try DecodedImage.decode(bytes, format: format, path: name, options: full).rawImage()
  }

  /// Reads a whole file, mapping file-system failures to ``PhotoError``.
  public static func readFile(_ path: String) throws(PhotoError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .fileNotFound(path: path)
    }
    if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      return [UInt8](data)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }

  static func identify(_ bytes: [UInt8], name: String) throws(PhotoError) -> PhotoFormat {
    if bytes.isEmpty { throw .empty(path: name) }
    switch PhotoFormat.sniff(bytes) {
    case .decodable(let format): return format
    case .other(let format): throw .unsupportedFormat(path: name, format: format)
    case .unknown: throw .notAnImage(path: name)
    }
  }
}
