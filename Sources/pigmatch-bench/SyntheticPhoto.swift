import Foundation
import PigmentMatch

/// A deterministic consultation-like photo for benchmarks: a skin-toned scalp under a lighting
/// gradient, dark stubble dots on a jittered grid, and sensor noise. Not a test sample (those are
/// in Samples/ with their truth files); only a realistic workload for the codecs and analysis.
enum SyntheticPhoto {
  /// Interleaved 8-bit sRGB pixels of a `width` × `height` photo.
  static func pixels(width: Int, height: Int, seed: UInt64 = 42) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    let skin: (Double, Double, Double) = (196, 150, 122)
    let hair: (Double, Double, Double) = (48, 36, 30)
    var out = [UInt8](repeating: 0, count: width * height * 3)
    let spacing = max(6, width / 500)
    for y in 0..<height {
      let light = 0.75 + 0.35 * Double(y) / Double(height)
      for x in 0..<width {
        let shade = light * (0.9 + 0.2 * Double(x) / Double(width))
        let cellX = x / spacing, cellY = y / spacing
        var cell = SplitMix64(seed: UInt64(truncatingIfNeeded: cellX &* 73_856_093 ^ cellY &* 19_349_663))
        let h = cell.next()
        let cx = Double(cellX * spacing) + Double(h % UInt64(spacing))
        let cy = Double(cellY * spacing) + Double((h >> 8) % UInt64(spacing))
        let d = ((Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)).squareRoot()
        let cover = max(0, min(1, 2.0 - d))  // ≈ 2-pixel dots with an anti-aliased edge
        let noise = Double(Int(rng.next() % 9) - 4)
        let base = [skin.0, skin.1, skin.2]
        let dot = [hair.0, hair.1, hair.2]
        for c in 0..<3 {
          let value = (base[c] * (1 - cover) + dot[c] * cover) * shade + noise
          out[(y * width + x) * 3 + c] = UInt8(max(0, min(255, value.rounded())))
        }
      }
    }
    return out
  }

  /// The photo as a JPEG (q90, 4:2:0) written to a temporary file; returns its path.
  static func jpegFile(width: Int, height: Int) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pigmatch-bench-\(width)x\(height).jpg").path
    if !FileManager.default.fileExists(atPath: path) {
      let jpeg = try JPEGEncoder.encode(rgb8: pixels(width: width, height: height), width: width, height: height, quality: 90)
      try Data(jpeg).write(to: URL(fileURLWithPath: path))
    }
    return path
  }
}
