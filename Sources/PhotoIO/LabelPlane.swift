import Foundation

/// One label a pixel of an image painted with role colours (a `--regions` mask): one byte a pixel
/// instead of a decoded photo's 3 to 16 (and 12 more as linear floats).
public struct LabelPlane: Sendable, Equatable {
  /// Upright size (EXIF orientation applied, as for ``Photo``).
  public let width, height: Int
  /// Row-major, `width × height` labels, as the caller's `label` function gave them.
  public let labels: [UInt8]
  /// Bytes the decoder held for the plane and its working rows (PNG, JPEG), or 0 when the image
  /// was decoded as a photo (HEIF).
  public let decoderBytes: Int
}

extension PhotoDecoder {
  /// Reads the image at `path` as a ``LabelPlane``: each pixel's label is `label(r, g, b, alpha)`
  /// of its colour-managed linear-light sRGB and its opacity 0…1 — the values ``Photo/linearRGB(at:)``
  /// and ``Photo/alpha(at:)`` give for the decoded photo. A PNG or JPEG streams row by row (an
  /// interlaced PNG pass by pass; each row written where the upright picture shows it) into the
  /// plane, so memory holds one byte a pixel and a row (and a progressive JPEG's coefficients),
  /// within the same limits as a full decode; HEIF (libheif has no row API) is decoded as a ``Photo``.
  public static func decodeLabels(
    contentsOf path: String, options: DecodeOptions = .full,
    label: (_ r: Float, _ g: Float, _ b: Float, _ alpha: Float) -> UInt8
  ) throws(PhotoError) -> LabelPlane {
    let (file, format) = try openIdentified(path)
    defer { fclose(file) }
    guard RowStream.streams(format) else {
      let photo = try decode(contentsOf: path, options: options)
      let labels = (0..<photo.pixelCount).map { i in
        let (r, g, b) = photo.linearRGB(at: i)
        return label(r, g, b, photo.alpha(at: i))
      }
      return LabelPlane(width: photo.width, height: photo.height, labels: labels, decoderBytes: 0)
    }
    let plane = try RowStream.plane(
      file, format: format, path: path, options: options, linearize: true, empty: UInt8(0)
    ) { row, k in label(row.linear[3 * k], row.linear[3 * k + 1], row.linear[3 * k + 2], row.alpha(k)) }
    return LabelPlane(width: plane.width, height: plane.height, labels: plane.values, decoderBytes: plane.decoderBytes)
  }

  /// Streams the PNG at `path` row by row (an interlaced file pass by pass, never deinterlaced) to
  /// `rows`, each row with its colour-managed linear light, within the same limits as a full decode:
  /// memory holds a row, whatever the image's size or interlacing. Rows come in file order (pass
  /// by pass when interlaced) at their stored positions (before any EXIF turn). Returns what
  /// ``decode(contentsOf:options:)`` would say about the photo (metadata and warnings), or nil
  /// without calling `rows` when the file is not a PNG.
  public static func streamPNGRows(
    contentsOf path: String, options: DecodeOptions = .full, rows: (StreamedPNGRow) -> Void
  ) throws(PhotoError) -> (metadata: PhotoMetadata, warnings: [String])? {
    let (file, format) = try openIdentified(path)
    defer { fclose(file) }
    guard format == .png else { return nil }
    let decoded = try RowStream.run(file, format: .png, path: path, options: options, linearize: true, rows: rows)
    return PhotoAssembly(decoded: decoded, format: .png, name: path, options: options).streamedDescription()
  }
}
