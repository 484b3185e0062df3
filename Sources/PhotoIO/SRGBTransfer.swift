/// The sRGB transfer curve (IEC 61966-2-1:1999 §4.2), as PhotoIO needs it for decoding and
/// linear-light box filtering. The full colour maths lives in `Colorimetry`.
enum SRGBTransfer {
  /// Encoded value (0…1) → linear light.
  static func decode(_ v: Float) -> Float {
    v <= 0.04045 ? v / 12.92 : Float(pow(Double((v + 0.055) / 1.055), 2.4))
  }

  /// Linear light → encoded value (unclamped input, clamped to 0…1 on output).
  static func encode(_ v: Float) -> Float {
    let c = min(max(v, 0), 1)
    return c <= 0.0031308 ? 12.92 * c : Float(1.055 * pow(Double(c), 1 / 2.4) - 0.055)
  }

  /// All 256 8-bit codes decoded to linear light.
  static let decode8: [Float] = (0..<256).map { decode(Float($0) / 255) }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
