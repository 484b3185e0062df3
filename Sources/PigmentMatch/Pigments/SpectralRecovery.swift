import Colorimetry
import Foundation

/// Recovers a smooth reflectance spectrum with a given colour: one of the infinitely many metamers,
/// chosen smooth so that it behaves like a real broad-band surface colour.
///
/// Model: R(λ) = 1/(1 + exp(−(p₀ + p₁t + p₂t²))), t = (λ − 550 nm)/150 nm — a logistic of a
/// quadratic, so R stays in (0, 1) (in the spirit of Jakob & Hanika 2019, "A low-dimensional function
/// space for efficient spectral upsampling", which uses a sigmoid of a quadratic). The three
/// parameters are fitted by Gauss–Newton so that the spectrum's CIELAB (D65, 2°) equals the target.
package enum SpectralRecovery {
  /// Fit tolerance: ΔE76 below which the recovered spectrum counts as matching (far below visibility).
  package static let tolerance = 1e-3

  /// A smooth reflectance (31 values in (0, 1)) whose CIELAB is `lab`, or nil if the target lies
  /// outside what the smooth model reaches (very saturated colours, L* ≤ 0 or ≥ 100).
  package static func smoothReflectance(for lab: Lab) -> [Double]? {
    guard lab.l.isFinite, lab.a.isFinite, lab.b.isFinite, lab.l > 0, lab.l < 100 else { return nil }
    let fy = (lab.l + 16) / 116
    let y = fy > 6.0 / 29 ? fy * fy * fy : 3 * (6.0 / 29) * (6.0 / 29) * (fy - 4.0 / 29)
    let y0 = min(max(y, 1e-4), 1 - 1e-4)
    var p = [log(y0 / (1 - y0)), 0, 0]
    var current = residual(p, lab)
    for _ in 0..<40 {
      let norm = (current.0 * current.0 + current.1 * current.1 + current.2 * current.2)
        .squareRoot()
      if norm < tolerance { return spectrum(p) }
      // Finite-difference Jacobian of (ΔL, Δa, Δb) in p.
      var jacobian = [[Double]](repeating: [0, 0, 0], count: 3)
      let h = 1e-6
      for j in 0..<3 {
        var q = p
        q[j] += h
        let r = residual(q, lab)
        jacobian[0][j] = (r.0 - current.0) / h
        jacobian[1][j] = (r.1 - current.1) / h
        jacobian[2][j] = (r.2 - current.2) / h
      }
      guard let step = solve3(jacobian, [-current.0, -current.1, -current.2]) else { return nil }
      // Damped step: halve until the residual decreases.
      var scale = 1.0
      var accepted = false
      for _ in 0..<20 {
        let trial = [p[0] + scale * step[0], p[1] + scale * step[1], p[2] + scale * step[2]]
        let r = residual(trial, lab)
        if r.0 * r.0 + r.1 * r.1 + r.2 * r.2 < norm * norm {
          p = trial
          current = r
          accepted = true
          break
        }
        scale /= 2
      }
      if !accepted { break }
    }
    let norm = (current.0 * current.0 + current.1 * current.1 + current.2 * current.2).squareRoot()
    return norm < tolerance ? spectrum(p) : nil
  }

  static func spectrum(_ p: [Double]) -> [Double] {
    Spectrum.wavelengths.map { lambda in
      let t = (lambda - 550) / 150
      let z = min(max(p[0] + p[1] * t + p[2] * t * t, -40), 40)
      return 1 / (1 + exp(-z))
    }
  }

  private static func residual(_ p: [Double], _ target: Lab) -> (Double, Double, Double) {
    guard let lab = try? Spectrum(spectrum(p)).lab() else { return (.infinity, 0, 0) }
    return (lab.l - target.l, lab.a - target.a, lab.b - target.b)
  }

  /// Solves a 3×3 linear system by Gaussian elimination with partial pivoting; nil if singular.
  static func solve3(_ m: [[Double]], _ v: [Double]) -> [Double]? {
    var a = m
    var b = v
    for c in 0..<3 {
      var pivot = c
      for r in (c + 1)..<3 where abs(a[r][c]) > abs(a[pivot][c]) { pivot = r }
      guard abs(a[pivot][c]) > 1e-14 else { return nil }
      a.swapAt(c, pivot)
      b.swapAt(c, pivot)
      for r in (c + 1)..<3 {
        let f = a[r][c] / a[c][c]
        for k in c..<3 { a[r][k] -= f * a[c][k] }
        b[r] -= f * b[c]
      }
    }
    var x = [0.0, 0, 0]
    for r in stride(from: 2, through: 0, by: -1) {
      var sum = b[r]
      for k in (r + 1)..<3 { sum -= a[r][k] * x[k] }
      x[r] = sum / a[r][r]
    }
    return x
  }
}
