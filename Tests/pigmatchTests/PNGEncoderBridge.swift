import PigmentMatch

/// Test helper: PNG bytes of 8-bit sRGB pixels.
enum PNGEncoderBridge {
  static func encode(_ pixels: [UInt8], width: Int, height: Int) throws -> [UInt8] {
    try PNGEncoder.encode(srgb8: pixels, width: width, height: height)
  }
}
