import Colorimetry
import Foundation

/// The skin model fitted to a measured skin colour, and how close it came.
///
/// Fit: minimise ΔE00(model skin, measured) over Cm, B and the dermal scattering scale (log
/// parameters, box-bounded), plus a weak pull 0.05·ln(scale) toward Jacques' average scattering so
/// the solution is unique; a coarse grid (5 × 3 × 3) then Levenberg–Marquardt on the CIEDE2000
/// residual vector (Levenberg 1944; Marquardt 1963). Oxygen saturation is held at 0.75.
/// Two parameters (Cm, B) cannot reach three coordinates: the third (scattering) is what makes
/// every ITA class fit within ΔE00 1.0 (see `SkinOpticsTests`).
public struct SkinFit: Sendable {
  /// The measured skin colour.
  public let target: Lab
  /// The fitted model.
  public let optics: SkinOptics
  /// The model's bare-skin colour.
  public let modelLab: Lab
  /// ΔE00(model skin, measured): the fit's residual.
  public let deltaE00: Double

  /// Bounds: Cm 0.2…60 %, B 0.05…30 %, scattering scale 0.1…10.
  static let lower = [log(0.002), log(0.0005), log(0.1)]
  static let upper = [log(0.6), log(0.3), log(10.0)]
  /// Weight of the pull toward scale 1 (ΔE00 units per e-fold of scale).
  static let scalePull = 0.05

  /// Fits the skin model to `skin` (CIELAB D65); throws when it is not a plausible skin colour.
  public init(skin: Lab, oxygenSaturation: Double = SkinParameters.defaultOxygenSaturation)
    throws(SkinError)
  {
    guard PlausibleSkin.contains(skin) else { throw .implausibleSkin(skin) }
    let model = { (p: [Double]) -> SkinOptics in
      SkinOptics(
        parameters: SkinParameters(
          melanosomeFraction: exp(p[0]), bloodFraction: exp(p[1]),
          oxygenSaturation: oxygenSaturation, dermalScatteringScale: exp(p[2])))
    }
    let residual = { (p: [Double]) -> [Double] in
      let r = CIEDE2000Residual.vector(skin, model(p).skinLab)
      return [r.x, r.y, r.z, Self.scalePull * p[2]]
    }
    var starts: [(cost: Double, p: [Double])] = []
    for cm in [0.01, 0.03, 0.08, 0.15, 0.3] {
      for b in [0.005, 0.02, 0.05] {
        for scale in [0.5, 1, 2] {
          let p = [log(cm), log(b), log(scale)]
          starts.append((Self.cost(residual(p)), p))
        }
      }
    }
    starts.sort { $0.cost < $1.cost }
    var best = starts[0]
    for start in starts.prefix(3) {
      let refined = Self.levenbergMarquardt(start.p, residual: residual)
      let cost = Self.cost(residual(refined))
      if cost < best.cost { best = (cost, refined) }
    }
    let optics = model(best.p)
    self.target = skin
    self.optics = optics
    self.modelLab = optics.skinLab
    self.deltaE00 = DeltaE.ciede2000(optics.skinLab, skin)
  }

  static func cost(_ r: [Double]) -> Double { r.reduce(0) { $0 + $1 * $1 } }

  /// Box-bounded Levenberg–Marquardt with a forward-difference Jacobian (3 parameters).
  static func levenbergMarquardt(_ start: [Double], residual: ([Double]) -> [Double]) -> [Double] {
    var p = start
    var r = residual(p)
    var f = cost(r)
    var mu = 1e-3
    let h = 1e-5
    for _ in 0..<60 {
      if f < 1e-12 { break }
      let n = p.count
      var jacobian = [[Double]](repeating: [], count: n)
      for j in 0..<n {
        var probe = p
        probe[j] += h
        let rp = residual(probe)
        jacobian[j] = zip(rp, r).map { ($0 - $1) / h }
      }
      // Normal equations (JᵀJ + µ·diag) δ = −Jᵀr.
      var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
      var g = [Double](repeating: 0, count: n)
      for i in 0..<n {
        for j in 0..<n { a[i][j] = zip(jacobian[i], jacobian[j]).reduce(0) { $0 + $1.0 * $1.1 } }
        g[i] = -zip(jacobian[i], r).reduce(0) { $0 + $1.0 * $1.1 }
      }
      var accepted = false
      for _ in 0..<12 {
        var damped = a
        for i in 0..<n { damped[i][i] += mu * max(a[i][i], 1e-9) }
        guard let delta = solve3(damped, g) else { mu *= 10; continue }
        let candidate = (0..<n).map { min(max(p[$0] + delta[$0], lower[$0]), upper[$0]) }
        let rc = residual(candidate)
        let fc = cost(rc)
        if fc < f {
          let gain = f - fc
          p = candidate
          r = rc
          f = fc
          mu = max(mu / 3, 1e-9)
          accepted = true
          if gain < 1e-12 * (1 + f) { return p }
          break
        }
        mu *= 4
      }
      if !accepted { break }
    }
    return p
  }

  /// Gaussian elimination with partial pivoting for a small dense system; nil when singular.
  static func solve3(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
    var a = matrix
    var b = rhs
    let n = b.count
    for col in 0..<n {
      guard let pivot = (col..<n).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }),
        abs(a[pivot][col]) > 1e-300
      else { return nil }
      a.swapAt(col, pivot)
      b.swapAt(col, pivot)
      for row in (col + 1)..<n {
        let factor = a[row][col] / a[col][col]
        for k in col..<n { a[row][k] -= factor * a[col][k] }
        b[row] -= factor * b[col]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
      x[row] = sum / a[row][row]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
  }
}
