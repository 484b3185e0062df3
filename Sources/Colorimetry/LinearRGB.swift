/// Linear-light RGB with the sRGB primaries and D65 white (IEC 61966-2-1 before encoding).
///
/// Nominal range 0…1 per channel; values outside (out-of-gamut colours) are kept, not clamped.
public struct LinearRGB: Sendable, Hashable {
  /// Linear red, green, blue; 1 = the white's channel value.
  public var r, g, b: Double

  /// Memberwise; no validation.
  @inlinable
  public init(r: Double, g: Double, b: Double) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// XYZ (D65, Y of white = 1) → linear sRGB by the inverse of the derived primaries matrix.
  @inlinable
  public init(_ xyz: XYZ) {
    let m = SRGBPrimaries.fromXYZ
    self.init(
      r: m[0] * xyz.x + m[1] * xyz.y + m[2] * xyz.z,
      g: m[3] * xyz.x + m[4] * xyz.y + m[5] * xyz.z,
      b: m[6] * xyz.x + m[7] * xyz.y + m[8] * xyz.z)
  }

  /// Lab (D65) → linear sRGB via XYZ.
  @inlinable
  public init(_ lab: Lab) { self.init(XYZ(lab)) }

  /// Gamma-encoded sRGB → linear by the IEC 61966-2-1 decoding curve, applied per channel.
  @inlinable
  public init(_ srgb: SRGB) {
    self.init(
      r: SRGBTransfer.decode(srgb.r), g: SRGBTransfer.decode(srgb.g), b: SRGBTransfer.decode(srgb.b))
  }
}
