/// CIE 1931 XYZ tristimulus values relative to the reference white `White`.
///
/// Scale: **Y of the white = 1** (a perfect diffuser has `White.xyz`); typical object colours lie in
/// 0…1 but values outside are allowed (no clamping). Non-finite components propagate (IEEE).
public struct CIEXYZ<White: ReferenceWhite>: Sendable, Hashable {
  /// X, Y (luminance factor, 0…1 for reflecting objects), Z.
  public var x, y, z: Double

  /// Memberwise; no validation.
  @inlinable
  public init(x: Double, y: Double, z: Double) {
    self.x = x
    self.y = y
    self.z = z
  }

  /// The reference white itself (Y = 1).
  public static var white: CIEXYZ<White> { CIEXYZ(x: White.xyz.x, y: White.xyz.y, z: White.xyz.z) }

  /// CIELAB → XYZ, inverse of ``CIELab/init(_:)-(CIEXYZ<White>)`` (CIE 015:2018 eq. 8.11–8.13, with the
  /// exact ε = 216/24389, κ = 24389/27).
  @inlinable
  public init(_ lab: CIELab<White>) {
    let fy = (lab.l + 16) / 116
    let fx = fy + lab.a / 500
    let fz = fy - lab.b / 200
    let w = White.xyz
    self.init(
      x: w.x * LabFunction.inverse(fx),
      y: w.y * LabFunction.inverse(fy),
      z: w.z * LabFunction.inverse(fz))
  }
}

/// XYZ relative to D65, Y of the white = 1: the product's working tristimulus space.
public typealias XYZ = CIEXYZ<D65>

extension CIEXYZ where White == D65 {
  /// Linear sRGB → XYZ (IEC 61966-2-1 primaries, D65 white; matrix derived from the chromaticities).
  @inlinable
  public init(_ linear: LinearRGB) {
    let m = SRGBPrimaries.toXYZ
    self.init(
      x: m[0] * linear.r + m[1] * linear.g + m[2] * linear.b,
      y: m[3] * linear.r + m[4] * linear.g + m[5] * linear.b,
      z: m[6] * linear.r + m[7] * linear.g + m[8] * linear.b)
  }
}
