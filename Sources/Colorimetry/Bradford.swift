/// Bradford chromatic adaptation between D50 and D65 (Lam 1985; von Kries scaling in the Bradford
/// cone space, linearised form as in ICC.1:2010 Annex E and Lindbloom).
///
/// M_A = Bradford matrix; adaptation = M_A⁻¹ · diag(ρ_d/ρ_s, γ_d/γ_s, β_d/β_s) · M_A, built once from
/// the two reference whites, so the white maps exactly onto the white. XYZ scale is preserved (Y of
/// white = 1 in, 1 out). Non-finite components propagate.
public enum Bradford {
  /// The Bradford cone-response matrix (Lam 1985), row-major.
  public static let coneMatrix: [Double] = [
    0.8951, 0.2664, -0.1614,
    -0.7502, 1.7135, 0.0367,
    0.0389, -0.0685, 1.0296,
  ]

  /// Row-major 3×3 adaptation matrix from white `s` to white `d`.
  static func matrix(from s: (x: Double, y: Double, z: Double), to d: (x: Double, y: Double, z: Double))
    -> [Double]
  {
    let m = coneMatrix
    func cone(_ w: (x: Double, y: Double, z: Double)) -> [Double] {
      [
        m[0] * w.x + m[1] * w.y + m[2] * w.z,
        m[3] * w.x + m[4] * w.y + m[5] * w.z,
        m[6] * w.x + m[7] * w.y + m[8] * w.z,
      ]
    }
    let cs = cone(s)
    let cd = cone(d)
    let scale: [Double] = [cd[0] / cs[0], 0, 0, 0, cd[1] / cs[1], 0, 0, 0, cd[2] / cs[2]]
    return multiply3x3(invert3x3(m), multiply3x3(scale, m))
  }

  /// D50 → D65 matrix.
  public static let d50ToD65: [Double] = matrix(from: D50.xyz, to: D65.xyz)
  /// D65 → D50 matrix.
  public static let d65ToD50: [Double] = matrix(from: D65.xyz, to: D50.xyz)

  /// Adapts a D50 colour to D65 (Bradford).
  @inlinable
  public static func adapt(_ xyz: CIEXYZ<D50>) -> CIEXYZ<D65> {
    let m = d50ToD65
    return CIEXYZ(
      x: m[0] * xyz.x + m[1] * xyz.y + m[2] * xyz.z,
      y: m[3] * xyz.x + m[4] * xyz.y + m[5] * xyz.z,
      z: m[6] * xyz.x + m[7] * xyz.y + m[8] * xyz.z)
  }

  /// Adapts a D65 colour to D50 (Bradford).
  @inlinable
  public static func adapt(_ xyz: CIEXYZ<D65>) -> CIEXYZ<D50> {
    let m = d65ToD50
    return CIEXYZ(
      x: m[0] * xyz.x + m[1] * xyz.y + m[2] * xyz.z,
      y: m[3] * xyz.x + m[4] * xyz.y + m[5] * xyz.z,
      z: m[6] * xyz.x + m[7] * xyz.y + m[8] * xyz.z)
  }

  /// Lab (D50) → Lab (D65) through XYZ and Bradford.
  @inlinable
  public static func adapt(_ lab: CIELab<D50>) -> CIELab<D65> { CIELab(adapt(CIEXYZ(lab))) }

  /// Lab (D65) → Lab (D50) through XYZ and Bradford.
  @inlinable
  public static func adapt(_ lab: CIELab<D65>) -> CIELab<D50> { CIELab(adapt(CIEXYZ(lab))) }
}
