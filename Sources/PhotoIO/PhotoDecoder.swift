import Foundation
internal import CPhotoCodecs

/// Reads consultation photos (PNG, JPEG, HEIF/HEIC, AVIF) into ``Photo`` values. Never crashes or exits on a bad
/// file: every failure is a ``PhotoError`` naming the file.
public enum PhotoDecoder {
  /// Decodes the photo at `path`, streaming the file through the decoder: memory holds the decoded
  /// pixels (see ``DecodeOptions/maxPixels``) and a few rows, never the whole file.
  public static func decode(contentsOf path: String, options: DecodeOptions = .full) throws(PhotoError) -> Photo {
    try decodeFile(path, options: options, rows: nil)
  }

  /// Decodes the photo at `path` like ``decode(contentsOf:options:)``, handing its rows to `rows`
  /// while it decodes: when the file is an 8-bit RGB JPEG (untagged, or with an RGB ICC profile,
  /// not CMYK) that needs no EXIF turn (orientation 1 or none), the decoder runs on a second thread and `rows` is called on this thread for each
  /// band of finished rows — every row exactly once, top to bottom, with the values the returned
  /// photo holds (8-bit sRGB, or linear light once the profile is applied), before this returns —
  /// so work on the first rows overlaps decoding the rest. For any other file `rows` is never
  /// called; use the returned photo. If the decode fails after some rows were handed out, it still
  /// throws.
  package static func decode(
    contentsOf path: String, options: DecodeOptions = .full, rows: (DecodedRows) -> Void
  ) throws(PhotoError) -> Photo {
    try withoutActuallyEscaping(rows) { (rows) throws(PhotoError) in
      try decodeFile(path, options: options, rows: rows)
    }
  }

  /// Opens `path`, identifies the format and decodes it, streaming rows to `rows` when given.
  private static func decodeFile(_ path: String, options: DecodeOptions, rows: ((DecodedRows) -> Void)?)
    throws(PhotoError) -> Photo
  {
    let (file, format) = try openIdentified(path)
    defer { fclose(file) }
    let decoded = try DecodedImage.decode(.file(file), format: format, path: path, options: options, rows: rows)
    return try PhotoAssembly(decoded: decoded, format: format, name: path, options: options).photo()
  }

  /// The regular file at `path` opened for reading (rewound; the caller closes it) and its format.
  static func openIdentified(_ path: String) throws(PhotoError) -> (UnsafeMutablePointer<FILE>, PhotoFormat) {
    let descriptor = try openRegular(path)
    guard let file = fdopen(descriptor, "rb") else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw .unreadable(path: path, reason: reason)
    }
    do throws(PhotoError) {
      var head = [UInt8](repeating: 0, count: PhotoFormat.signatureLength)
      let count = fread(&head, 1, head.count, file)
      if count == 0 && ferror(file) != 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
      guard fseek(file, 0, SEEK_SET) == 0 else { throw .unreadable(path: path, reason: "cannot seek") }
      return (file, try identify(Array(head.prefix(count)), name: path))
    } catch {
      fclose(file)
      throw error
    }
  }

  /// Decodes `bytes`; `name` is used in error messages.
  public static func decode(bytes: [UInt8], name: String, options: DecodeOptions = .full) throws(PhotoError) -> Photo {
    let format = try identify(bytes, name: name)
    let decoded = try DecodedImage.decode(bytes, format: format, path: name, options: options)
    return try PhotoAssembly(decoded: decoded, format: format, name: name, options: options).photo()
  }

  /// The file's samples as stored, expanded to RGB/RGBA, with no colour management or scaling.
  package static func decodeRaw(bytes: [UInt8], name: String, options: DecodeOptions = .full) throws(PhotoError)
    -> RawImage
  {
    let format = try identify(bytes, name: name)
    var full = options
    full.minimumShortSide = nil
    return try DecodedImage.decode(bytes, format: format, path: name, options: full).rawImage()
  }

  /// An open descriptor of the regular file at `path` (``RegularFile``): a FIFO, device or folder
  /// is an error naming it, never a read that blocks.
  static func openRegular(_ path: String) throws(PhotoError) -> Int32 {
    do { return try RegularFile.open(path) } catch { throw photoError(error, path) }
  }

  /// Reads a whole regular file, mapping file-system failures to ``PhotoError``.
  package static func readFile(_ path: String) throws(PhotoError) -> [UInt8] {
    do { return try RegularFile.read(path) } catch { throw photoError(error, path) }
  }

  private static func photoError(_ failure: RegularFile.Failure, _ path: String) -> PhotoError {
    failure == .notFound ? .fileNotFound(path: path) : .unreadable(path: path, reason: failure.reason)
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
