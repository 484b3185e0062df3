import Colorimetry

/// An 8-bit sRGB raster to paint rectangles and ``BitmapText`` into: interleaved samples
/// (3 per pixel), row-major, origin top left. Painting is clipped to the raster.
struct RGBCanvas: Sendable, Equatable {
  /// Size, pixels (≥ 0).
  let width, height: Int
  /// `width × height × 3` samples.
  private(set) var samples: [UInt8]

  /// A `width × height` raster filled with `background`.
  init(width: Int, height: Int, background: SRGB8) {
    self.width = max(0, width)
    self.height = max(0, height)
    samples = [UInt8](repeating: 0, count: self.width * self.height * 3)
    fill(x: 0, y: 0, width: self.width, height: self.height, colour: background)
  }

  /// A raster over existing `samples`; nil unless there are exactly `width × height × 3`.
  init?(width: Int, height: Int, samples: [UInt8]) {
    guard width >= 0, height >= 0, samples.count == width * height * 3 else { return nil }
    self.width = width
    self.height = height
    self.samples = samples
  }

  /// The colour of pixel (`x`, `y`), which must lie inside the raster.
  func colour(x: Int, y: Int) -> SRGB8 {
    let o = 3 * (y * width + x)
    return SRGB8(r: samples[o], g: samples[o + 1], b: samples[o + 2])
  }

  /// Paints the rectangle x ∈ [`x`, `x` + `width`), y ∈ [`y`, `y` + `height`) in `colour`.
  mutating func fill(x: Int, y: Int, width w: Int, height h: Int, colour: SRGB8) {
    let xs = max(0, x)..<max(max(0, x), min(width, x + w))
    let ys = max(0, y)..<max(max(0, y), min(height, y + h))
    for row in ys {
      for column in xs {
        let o = 3 * (row * width + column)
        samples[o] = colour.r
        samples[o + 1] = colour.g
        samples[o + 2] = colour.b
      }
    }
  }

  /// Paints a 1-pixel outline just outside the rectangle x ∈ [`x`, `x` + `width`),
  /// y ∈ [`y`, `y` + `height`), leaving the rectangle itself untouched.
  mutating func outline(x: Int, y: Int, width w: Int, height h: Int, colour: SRGB8) {
    fill(x: x - 1, y: y - 1, width: w + 2, height: 1, colour: colour)
    fill(x: x - 1, y: y + h, width: w + 2, height: 1, colour: colour)
    fill(x: x - 1, y: y, width: 1, height: h, colour: colour)
    fill(x: x + w, y: y, width: 1, height: h, colour: colour)
  }

  /// Paints the ink of `text` in `colour` with the text's box at (`x`, `y`); the rest of the box
  /// keeps its colour.
  mutating func draw(_ text: BitmapText, x: Int, y: Int, colour: SRGB8) {
    for row in 0..<text.height {
      for column in 0..<text.width where text.isInk(x: column, y: row) {
        fill(x: x + column, y: y + row, width: 1, height: 1, colour: colour)
      }
    }
  }
}
