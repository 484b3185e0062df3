import Colorimetry
import Foundation
import PhotoIO

/// A small copy of the consultation photo for a report: box-filtered in linear light, encoded as
/// an 8-bit sRGB PNG by `PNGEncoder`, with the map of where skin and hair were sampled
/// (``ToneAnalysis/regions``) so the report can outline them on it.
public struct ReportThumbnail: Sendable, Equatable {
  /// Thumbnail width and height, pixels.
  public let width, height: Int
  /// The PNG file's bytes.
  public let png: [UInt8]
  /// Where skin and hair were sampled in the photo (outlined by the report); nil draws no outlines.
  public let regions: ToneRegionMap?

  /// Default longest side, pixels (about 2× the printed width of 70 mm at 96 dpi: sharp enough on
  /// screen and paper, small enough to keep the page well under a megabyte).
  public static let defaultMaximumSide = 400

  /// A thumbnail of `photo` whose longer side is at most `maximumSide` (≥ 1), with the sampled
  /// `regions` of its analysis. Pixels are averaged over integer boxes in linear light (so stubble
  /// does not alias into a darker or lighter skin) and re-encoded to sRGB; transparency is
  /// composited over white.
  public init(photo: Photo, regions: ToneRegionMap?, maximumSide: Int = defaultMaximumSide) throws(PhotoError) {
    self.regions = regions
    let limit = max(1, maximumSide)
    let factor = max(1, Int((Double(max(photo.width, photo.height)) / Double(limit)).rounded(.up)))
    let w = max(1, photo.width / factor)
    let h = max(1, photo.height / factor)
    var samples = [UInt8](repeating: 255, count: w * h * 3)
    if photo.width > 0, photo.height > 0 {
      for y in 0..<h {
        for x in 0..<w {
          var sum = (0.0, 0.0, 0.0)
          var count = 0.0
          for sy in (y * factor)..<min(photo.height, (y + 1) * factor) {
            for sx in (x * factor)..<min(photo.width, (x + 1) * factor) {
              let i = sy * photo.width + sx
              let (r, g, b) = photo.linearRGB(at: i)
              let alpha = Double(photo.alpha(at: i))
              sum.0 += Double(r) * alpha + (1 - alpha)
              sum.1 += Double(g) * alpha + (1 - alpha)
              sum.2 += Double(b) * alpha + (1 - alpha)
              count += 1
            }
          }
          guard count > 0 else { continue }
          let pixel = SRGB8(
            clamping: SRGB(LinearRGB(r: sum.0 / count, g: sum.1 / count, b: sum.2 / count)))
          let o = 3 * (y * w + x)
          samples[o] = pixel.r
          samples[o + 1] = pixel.g
          samples[o + 2] = pixel.b
        }
      }
    }
    width = w
    height = h
    png = try PNGEncoder.encode(srgb8: samples, width: w, height: h, channels: 3)
  }

  /// The PNG as a `data:image/png;base64,…` URI (RFC 2397) for an `<img>` or SVG `<image>`.
  public var dataURI: String { "data:image/png;base64," + Data(png).base64EncodedString() }
}
