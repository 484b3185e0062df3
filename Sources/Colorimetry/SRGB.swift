/// Gamma-encoded sRGB (IEC 61966-2-1), nominal range 0…1 per channel; values outside are kept.
public struct SRGB: Sendable, Hashable {
  /// Encoded red, green, blue.
  public var r, g, b: Double

  /// Memberwise; no validation.
  @inlinable
  public init(r: Double, g: Double, b: Double) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// Linear → encoded by the IEC 61966-2-1 curve, per channel.
  @inlinable
  public init(_ linear: LinearRGB) {
    self.init(
      r: SRGBTransfer.encode(linear.r), g: SRGBTransfer.encode(linear.g),
      b: SRGBTransfer.encode(linear.b))
  }

  /// 8-bit → encoded: code/255.
  @inlinable
  public init(_ srgb8: SRGB8) {
    self.init(r: Double(srgb8.r) / 255, g: Double(srgb8.g) / 255, b: Double(srgb8.b) / 255)
  }

  /// Lab (D65) → encoded sRGB, unclamped (out-of-gamut colours leave 0…1).
  @inlinable
  public init(_ lab: Lab) { self.init(LinearRGB(lab)) }
}
