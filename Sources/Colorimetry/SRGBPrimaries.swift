/// The sRGB (IEC 61966-2-1) RGB ⇄ XYZ matrices, **derived** from the primaries' chromaticities
/// R (0.64, 0.33), G (0.30, 0.60), B (0.15, 0.06) and the D65 white (0.3127, 0.3290), so that linear
/// (1, 1, 1) maps exactly onto ``D65/xyz`` (SMPTE RP 177-1993 §3.3 derivation). Row-major 3×3.
public enum SRGBPrimaries {
  /// Linear sRGB → XYZ (D65, Y of white = 1), row-major.
  public static let toXYZ: [Double] = derive()
  /// XYZ (D65) → linear sRGB, row-major; the exact inverse of ``toXYZ``.
  public static let fromXYZ: [Double] = invert3x3(toXYZ)

  /// RP 177: columns are the primaries' XYZ (x/y, 1, z/y) scaled so they sum to the white.
  static func derive() -> [Double] {
    let prim: [(Double, Double)] = [(0.64, 0.33), (0.30, 0.60), (0.15, 0.06)]
    let p: [Double] = [
      prim[0].0 / prim[0].1, prim[1].0 / prim[1].1, prim[2].0 / prim[2].1,
      1, 1, 1,
      (1 - prim[0].0 - prim[0].1) / prim[0].1, (1 - prim[1].0 - prim[1].1) / prim[1].1,
      (1 - prim[2].0 - prim[2].1) / prim[2].1,
    ]
    let w = D65.xyz
    let inv = invert3x3(p)
    let s = [
      inv[0] * w.x + inv[1] * w.y + inv[2] * w.z,
      inv[3] * w.x + inv[4] * w.y + inv[5] * w.z,
      inv[6] * w.x + inv[7] * w.y + inv[8] * w.z,
    ]
    return (0..<9).map { p[$0] * s[$0 % 3] }
  }
}

/// Inverse of a row-major 3×3 matrix by the adjugate (Cramer's rule). Singular input gives ±∞/NaN.
package func invert3x3(_ m: [Double]) -> [Double] {
  let c00 = m[4] * m[8] - m[5] * m[7]
  let c01 = m[5] * m[6] - m[3] * m[8]
  let c02 = m[3] * m[7] - m[4] * m[6]
  let det = m[0] * c00 + m[1] * c01 + m[2] * c02
  let d = 1 / det
  return [
    c00 * d, (m[2] * m[7] - m[1] * m[8]) * d, (m[1] * m[5] - m[2] * m[4]) * d,
    c01 * d, (m[0] * m[8] - m[2] * m[6]) * d, (m[2] * m[3] - m[0] * m[5]) * d,
    c02 * d, (m[1] * m[6] - m[0] * m[7]) * d, (m[0] * m[4] - m[1] * m[3]) * d,
  ]
}

/// Row-major 3×3 matrix product a·b.
package func multiply3x3(_ a: [Double], _ b: [Double]) -> [Double] {
  (0..<9).map { i in
    let r = i / 3
    let c = i % 3
    return a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c]
  }
}
