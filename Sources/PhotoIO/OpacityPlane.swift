import Foundation
internal import CPhotoCodecs

/// Which pixels of an image are marked: not fully transparent and not black. What a mask needs,
/// at one byte a pixel instead of a decoded photo's 3 to 16.
public struct OpacityPlane: Sendable, Equatable {
  /// Upright size (EXIF orientation applied, as for ``Photo``).
  public let width, height: Int
  /// Row-major, `width × height` flags: true where the pixel is marked.
  public let marked: [Bool]
  /// Bytes the decoder held for the plane and its working row (PNG), or 0 when the image was
  /// decoded as a photo (other formats).
  public let decoderBytes: Int
}

extension PhotoDecoder {
  /// Reads the image at `path` as an ``OpacityPlane``: a pixel is marked when it is not fully
  /// transparent and any of its colour samples is non-zero. A PNG streams row by row (an interlaced
  /// file pass by pass) into the plane, so memory holds one byte a pixel and one row, within the
  /// same limits as a full decode; other formats are decoded as a ``Photo`` and a pixel is marked
  /// when its linear-light value exceeds 10⁻⁶ (the sRGB decoding of any non-zero 8-bit code does).
  public static func decodeOpacity(contentsOf path: String, options: DecodeOptions = .full) throws(PhotoError)
    -> OpacityPlane
  {
    let (file, format) = try openIdentified(path)
    defer { fclose(file) }
    guard format == .png else {
      let photo = try decode(contentsOf: path, options: options)
      return OpacityPlane(photo: photo)
    }
    let plane = try PNGRowStream.plane(file, path: path, options: options, linearize: false, empty: false) {
      row, k in row.isMarked(k)
    }
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
