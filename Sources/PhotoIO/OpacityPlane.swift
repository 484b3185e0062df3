import Foundation
internal import CPhotoCodecs

/// Which pixels of an image are marked: not fully transparent and not black. What a mask needs,
/// at one byte a pixel instead of a decoded photo's 3 to 16.
public struct OpacityPlane: Sendable, Equatable {
  /// Upright size (EXIF orientation applied, as for ``Photo``).
  public let width, height: Int
  /// Row-major, `width × height` flags: true where the pixel is marked.
  public let marked: [Bool]
  /// Bytes the decoder held for the plane and its working row (PNG, JPEG), or 0 when the image was
  /// decoded as a photo (HEIF).
  public let decoderBytes: Int
}

extension PhotoDecoder {
  /// Reads the image at `path` as an ``OpacityPlane``: a pixel is marked when it is not fully
  /// transparent and any of its colour samples is non-zero. A PNG or JPEG streams row by row (an
  /// interlaced PNG pass by pass; each row written where the upright picture shows it) into the
  /// plane, so memory holds one byte a pixel and one row (and a progressive JPEG's coefficients),
  /// within the same limits as a full decode; the samples are read as stored (a CMYK JPEG's
  /// converted as without a profile), no colour management. HEIF (libheif has no row API) is
  /// decoded as a ``Photo`` and a pixel is marked when its linear-light value exceeds 10⁻⁶ (the
  /// sRGB decoding of any non-zero 8-bit code does).
  public static func decodeOpacity(contentsOf path: String, options: DecodeOptions = .full) throws(PhotoError)
    -> OpacityPlane
  {
    let (file, format) = try openIdentified(path)
    defer { fclose(file) }
    guard RowStream.streams(format) else {
      let photo = try decode(contentsOf: path, options: options)
      return OpacityPlane(photo: photo)
    }
    let plane = try RowStream.plane(
      file, format: format, path: path, options: options, linearize: false, empty: false
    ) { row, k in row.isMarked(k) }
    return OpacityPlane(
      width: plane.width, height: plane.height, marked: plane.values, decoderBytes: plane.decoderBytes)
  }
}

extension OpacityPlane {
  /// The marked pixels of a decoded photo: opacity above 0 and a linear-light channel above 10⁻⁶.
  init(photo: Photo) {
    var flags = [Bool](repeating: false, count: photo.pixelCount)
    for i in 0..<photo.pixelCount where photo.alpha(at: i) > 0 {
      let (r, g, b) = photo.linearRGB(at: i)
      flags[i] = r > 1e-6 || g > 1e-6 || b > 1e-6
    }
    self.init(width: photo.width, height: photo.height, marked: flags, decoderBytes: 0)
  }
}
