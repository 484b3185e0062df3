internal import CPhotoCodecs

/// The sRGB decoding curve (IEC 61966-2-1:1999 §4.2) as lookup tables, filled by the C codecs'
/// one definition of it. The full colour maths lives in `Colorimetry`.
enum SRGBTransfer {
  /// Linear light of every 8-bit code.
  static let decode8: [Float] = table(levels: 256)
  /// Linear light of every 16-bit code.
  static let decode16: [Float] = table(levels: 65536)

  private static func table(levels: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: levels) { buffer, count in
      pmc_srgb_to_linear_table(buffer.baseAddress, UInt32(levels))
      count = levels
    }
  }
}
