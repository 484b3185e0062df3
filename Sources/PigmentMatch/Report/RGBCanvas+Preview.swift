import Colorimetry
import Foundation
import PhotoIO

extension RGBCanvas {
  /// The raster as a PNG `data:` URI (RFC 2397) for an `<img>`.
  func pngDataURI() throws(PhotoError) -> String {
    "data:image/png;base64," + Data(try PNGEncoder.encode(srgb8: samples, width: width, height: height, channels: 3))
      .base64EncodedString()
  }

  /// The largest CIEDE2000 difference of any pixel from `lab`.
  func maximumDeltaE00(from lab: Lab) -> Double {
    var seen = Set<SRGB8>()
    var largest = 0.0
    for y in 0..<height {
      for x in 0..<width {
        let c = colour(x: x, y: y)
        guard seen.insert(c).inserted else { continue }
        largest = max(largest, DeltaE.ciede2000(Lab(c), lab))
      }
    }
    return largest
  }
}
