import Colorimetry
import Foundation

/// The skin model fitted to a measured skin colour, how close it came, and whether the colour is
/// one skin can have under neutral light.
///
/// Fit: eight physiological parameters (`SkinParameterRange/fitted`: eumelanin + pheomelanin
/// melanosome fraction, pheomelanin share, blood fraction and oxygenation, dermal scattering and
/// its power, epidermal thickness, β-carotene), each moved as t = 1/(1 + e^(−u)) along its range
/// so it stays strictly inside; minimise ΔE00(model skin, measured)² plus a weak prior
/// λ²·Σ(u − u_typical)² (λ = `priorWeight`) that makes the solution unique; a coarse grid over
/// melanin, blood and carotene, then Levenberg–Marquardt on the CIEDE2000 residual vector
/// (Levenberg 1944; Marquardt 1963); a fit that ends at a bound is retried with a barrier off the
/// bounds, and kept if it still reaches the colour. A colour the model cannot reach within ΔE00
/// `gamutTolerance` with every parameter off its bounds is not fitted silently: ``gamut`` says
/// it is likely a colour cast.
public struct SkinFit: Sendable {
  /// Whether the measured colour is one skin can have under neutral light.
  public enum Gamut: String, Sendable, Equatable, Codable {
    /// Reached within ΔE00 1.0 with every parameter inside its range.
    case skin
    /// Not reachable by any skin of the model: likely a colour cast; calibrate the photo.
    case likelyColourCast

    /// What to tell the user.
    public var advice: String? {
      self == .skin ? nil : "likely a colour cast: calibrate the photo (grey card or white balance)"
    }
  }

  /// The measured skin colour.
  public let target: Lab
  /// The fitted model.
  public let optics: SkinOptics
  /// The model's bare-skin colour.
  public let modelLab: Lab
  /// ΔE00(model skin, measured): the fit's residual.
  public let deltaE00: Double
  /// Names of the parameters within 2 % of an end of their range (`SkinParameterRange/name`).
  public let parametersAtBounds: [String]
  /// Skin or likely colour cast.
  public let gamut: Gamut
  /// How the measured colour was taken: ``modelLab`` and ``deltaE00`` are in this geometry, while
  /// ``optics`` is the skin itself (its ``SkinOptics/skinLab`` always includes the specular).
  public let geometry: SkinColourGeometry

  /// Whether the colour is reachable as skin (``gamut`` is ``Gamut/skin``).
  public var inGamut: Bool { gamut == .skin }

  /// ΔE00 within which a fit counts as reaching the colour (the acceptance bound).
  package static let gamutTolerance = 1.0
  /// Fraction of a range at each end that counts as "at a bound".
  package static let boundMargin = 0.02
  /// Weight λ of the prior (ΔE00 per unit of u).
  static let priorWeight = 0.05
  /// Weight of the prior on the melanin, the parameter that spans the skin types (weaker than the
  /// others', so dark skin is reached by melanin rather than by a thicker epidermis).
  static let melaninPriorWeight = 0.02
  /// Weight of the prior on the epidermal thickness (twice the others': the melanin, not the
  /// thickness, should carry the skin type).
  static let thicknessPriorWeight = 0.1

  /// Fits the skin model to `skin` (CIELAB D65); throws when it is not a plausible skin colour at
  /// all (`PlausibleSkin`). `oxygenSaturation`, when given, is held fixed instead of fitted;
  /// `geometry` says whether `skin` includes the surface's specular reflection (the default, as
  /// the model's own colour does) or not (``SkinColourGeometry``).
  public init(
    skin: Lab, oxygenSaturation: Double? = nil, geometry: SkinColourGeometry = .specularIncluded
  ) throws(SkinError) {
    guard PlausibleSkin.contains(skin) else { throw .implausibleSkin(skin) }
    let ranges = SkinParameterRange.fitted
    let fixedSaturation = oxygenSaturation.map { min(max($0, 0), 1) }
    let typical = ranges.map { Self.logit($0.position(of: $0.typical)) }
    // The search needs only the bare skin's colour, not the dot model; the Jacobian's probes
    // (`remember` false) reuse the layers their parameter does not change (`BareSkinCache`).
    let problem = Problem(skin: skin, typical: typical, fixedSaturation: fixedSaturation, geometry: geometry)
    var cache = BareSkinCache(geometry: geometry)
    let skinLab = { (u: [Double], remember: Bool) -> Lab in cache.lab(problem.parameters(u), remember: remember) }
    let residual = { (u: [Double]) -> [Double] in problem.residual(u, barrier: 0, remember: true, cache: &cache) }
    let caroteneIndex = ranges.firstIndex { $0.name == SkinParameterRange.caroteneMicromolar.name }
    var grid: [[Double]] = []
    for cm in [0.012, 0.025, 0.05, 0.1, 0.2, 0.35] {
      for b in [0.008, 0.03] {
        for carotene in Self.caroteneStarts {
          var u = typical
          u[0] = Self.logit(ranges[0].position(of: cm))
          u[2] = Self.logit(ranges[2].position(of: b))
          if let caroteneIndex { u[caroteneIndex] = Self.logit(carotene) }
          grid.append(u)
        }
      }
    }
    // The coarse grid in two halves and the three refinements on both cores, each task with a cache
    // of its own: the cache only remembers layers, so every colour is bit for bit the same.
    let half = (grid.count + 1) / 2
    let startGrid = grid
    var starts: [(cost: Double, u: [Double])] = ParallelMap.map(count: 2) { part in
      var cache = BareSkinCache(geometry: problem.geometry)
      return startGrid[(part * half)..<min(startGrid.count, (part + 1) * half)].map { u in
        (Self.cost(problem.residual(u, barrier: 0, remember: true, cache: &cache)), u)
      }
    }.flatMap { $0 }
    starts.sort { $0.cost < $1.cost }
    var best = starts[0]
    let firstStarts = starts.prefix(3).map(\.u)
    let refinements = ParallelMap.map(count: firstStarts.count) { i in
      var cache = BareSkinCache(geometry: problem.geometry)
      let refined = Self.levenbergMarquardt(
        firstStarts[i], residual: { problem.residual($0, barrier: 0, remember: true, cache: &cache) },
        probe: { problem.residual($0, barrier: 0, remember: false, cache: &cache) })
      return (cost: Self.cost(problem.residual(refined, barrier: 0, remember: true, cache: &cache)), u: refined)
    }
    for refined in refinements where refined.cost < best.cost { best = refined }
    // A fit that ends at a bound may still have an in-range solution within the tolerance that
    // the prior made slightly more costly: look for it with a barrier off the bounds.
    if Self.atBounds(best.u, ranges: ranges, fixedSaturation: fixedSaturation) {
      let barrier = { (u: [Double]) -> [Double] in
        problem.residual(u, barrier: Self.barrierWeight, remember: true, cache: &cache)
      }
      let barrierProbe = { (u: [Double]) -> [Double] in
        problem.residual(u, barrier: Self.barrierWeight, remember: false, cache: &cache)
      }
      let refined = Self.levenbergMarquardt(
        best.u.map { min(max($0, -Self.innerLimit), Self.innerLimit) }, residual: barrier, probe: barrierProbe)
      if DeltaE.ciede2000(skinLab(refined, false), skin) <= Self.gamutTolerance,
        !Self.atBounds(refined, ranges: ranges, fixedSaturation: fixedSaturation)
      {
        best = (Self.cost(residual(refined)), refined)
      }
    }
    let optics = SkinOptics(parameters: problem.parameters(best.u))
    self.target = skin
    self.optics = optics
    let modelLab = geometry.lab(of: optics)
    self.geometry = geometry
    self.modelLab = modelLab
    self.deltaE00 = DeltaE.ciede2000(modelLab, skin)
    parametersAtBounds = Self.boundNames(best.u, ranges: ranges, fixedSaturation: fixedSaturation)
    gamut =
      deltaE00 <= Self.gamutTolerance && parametersAtBounds.isEmpty ? .skin : .likelyColourCast
  }

  /// The fit's residual for one measured colour: the CIEDE2000 residual vector, the prior and,
  /// with `barrier` > 0, a penalty for leaving the inner part of each range (second pass).
  struct Problem: Sendable {
    let skin: Lab
    let typical: [Double]
    let fixedSaturation: Double?
    let geometry: SkinColourGeometry

    /// The skin parameters at `u` (each logistic along its range), the saturation held when fixed.
    func parameters(_ u: [Double]) -> SkinParameters {
      var p = SkinParameterRange.parameters(u.map(SkinFit.logistic))
      if let fixedSaturation { p.oxygenSaturation = fixedSaturation }
      return p
    }

    func residual(_ u: [Double], barrier: Double, remember: Bool, cache: inout BareSkinCache) -> [Double] {
      let r = CIEDE2000Residual.vector(skin, cache.lab(parameters(u), remember: remember))
      var out = [Double]()
      out.reserveCapacity(3 + 2 * u.count)
      out.append(r.x)
      out.append(r.y)
      out.append(r.z)
      for i in 0..<u.count {
        let weight: Double =
          i == 0 ? SkinFit.melaninPriorWeight : (i == 5 ? SkinFit.thicknessPriorWeight : SkinFit.priorWeight)
        out.append(weight * (u[i] - typical[i]))
      }
      if barrier > 0 {
        for i in 0..<u.count { out.append(barrier * max(0, abs(u[i]) - SkinFit.innerLimit)) }
      }
      return out
    }
  }

  /// Positions along the carotene range the coarse grid starts from (typical diet and carotene-rich).
  static let caroteneStarts: [Double] = [
    SkinParameterRange.caroteneMicromolar.position(of: SkinParameterRange.caroteneMicromolar.typical), 0.85,
  ]

  /// |u| beyond which the second pass's barrier acts: twice the bound margin from each end.
  static let innerLimit = log((1 - 2 * boundMargin) / (2 * boundMargin))
  /// Weight of that barrier (ΔE00 per unit of u beyond the limit).
  static let barrierWeight = 2.0

  /// Names of the parameters of `u` within ``boundMargin`` of an end of their range.
  static func boundNames(_ u: [Double], ranges: [SkinParameterRange], fixedSaturation: Double?)
    -> [String]
  {
    zip(ranges, u.map(logistic)).compactMap { range, t in
      (t < boundMargin || t > 1 - boundMargin)
        && !(range.name == SkinParameterRange.oxygenSaturation.name && fixedSaturation != nil)
        ? range.name : nil
    }
  }

  static func atBounds(_ u: [Double], ranges: [SkinParameterRange], fixedSaturation: Double?) -> Bool {
    !boundNames(u, ranges: ranges, fixedSaturation: fixedSaturation).isEmpty
  }

  static func logistic(_ u: Double) -> Double { 1 / (1 + exp(-u)) }
  static func logit(_ t: Double) -> Double {
    let c = min(max(t, 1e-6), 1 - 1e-6)
    return log(c / (1 - c))
  }

  static func cost(_ r: [Double]) -> Double { r.reduce(0) { $0 + $1 * $1 } }

  /// Levenberg–Marquardt with a forward-difference Jacobian; `probe` gives the same residual as
  /// `residual` and is what the Jacobian's probes call (a point near the last `residual` one).
  static func levenbergMarquardt(
    _ start: [Double], residual: ([Double]) -> [Double], probe probeResidual: (([Double]) -> [Double])? = nil
  ) -> [Double] {
    var p = start
    var r = residual(p)
    var f = cost(r)
    var mu = 1e-3
    let h = 1e-5
    for _ in 0..<40 {
      if f < 1e-12 { break }
      let n = p.count
      var jacobian = [[Double]](repeating: [], count: n)
      for j in 0..<n {
        var probe = p
        probe[j] += h
        let rp = if let probeResidual { probeResidual(probe) } else { residual(probe) }
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
        guard let delta = solveLinear(damped, g) else { mu *= 10; continue }
        let candidate = (0..<n).map { min(max(p[$0] + delta[$0], -12), 12) }
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
  static func solveLinear(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
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
