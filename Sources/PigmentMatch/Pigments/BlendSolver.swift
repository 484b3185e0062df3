import Colorimetry
import Foundation

/// Finds the blend of stock pigments and water whose healed dot is closest to a target colour.
///
/// Minimises ΔE00(dot(c), target) over c ≥ 0, Σc = 1 (stock fractions and water; DESIGN.md
/// "Blend solve"):
/// 1. Starts: NNLS (Lawson–Hanson) on a Beer–Lambert linearisation of the dot model — per-component
///    absorbance −ln(R/R_water) per unit fraction, measured through the actual ``DotOptics`` at two
///    reference strengths — against the absorbance of a smooth spectrum recovered from the target;
///    plus an equal-parts start.
/// 2. Levenberg–Marquardt on the CIEDE2000 residual vector (‖r‖ = ΔE00), each step an NNLS
///    subproblem (so c stays ≥ 0) with Σc = 1 as a heavily weighted row, then renormalised
///    (Levenberg 1944; Marquardt 1963; bounded by construction rather than by projection).
/// 3. At most ``Options/maxPigments`` stock pigments: if the free solution uses more, every subset of
///    that size is scored from its linear start and the best few are refined.
///    In a palette of more than 12 pigments, steps 1–3 work with 12 candidate pigments (chosen by the linear start and by each pigment alone),
///    so a solve's cost does not grow with the palette beyond one linear start per pigment.
/// 4. Among blends within ``Options/matchThreshold`` (a match), the fewest stock pigments win, then
///    the smallest ΔE00: every subset of fewer pigments is solved, smallest first. Out of reach,
///    fewer pigments are preferred when dropping one costs ≤ ``Options/fewerPigmentsTolerance``.
/// With `Objective/meanOverYears(_:)` the same machinery minimises the mean ΔE00 over years
/// 0…N of a `FadeProjection` instead of day one only (fade-aware solve, DESIGN.md "Fade").
/// The residual is reported as it is: a dot cannot reach colours darker than the skin surface
/// reflection, and the solver says so rather than pretending.
public struct BlendSolver: Sendable {
  /// Solver settings.
  public struct Options: Sendable {
    /// Most stock pigments in a blend (water not counted); default 3.
    public var maxPigments: Int
    /// Levenberg–Marquardt iterations per refinement.
    public var maxIterations: Int
    /// Most drops in the rounded recipe, water included.
    public var maxDrops: Int
    /// ΔE00 a blend may lose by dropping a pigment and still be preferred (0.05: far below the
    /// ≈1 ΔE00 just-noticeable difference).
    public var fewerPigmentsTolerance: Double
    /// ΔE00 (or mean ΔE00 for a fade-aware solve) within which blends count as matches and the one
    /// with the fewest stock pigments is chosen (default ``FadeModel/matchThreshold``, 1.8: fewer
    /// pigments round to drops better and are easier to mix again; 0 always takes the closest).
    public var matchThreshold: Double

    /// Defaults: 3 pigments, 40 iterations, 24 drops, 0.05 ΔE00, matches within 1.8 ΔE00.
    public init(
      maxPigments: Int = 3, maxIterations: Int = 40, maxDrops: Int = DropRecipe.defaultMaxDrops,
      fewerPigmentsTolerance: Double = 0.05, matchThreshold: Double = FadeModel.matchThreshold
    ) {
      self.matchThreshold = matchThreshold.isFinite ? max(0, matchThreshold) : 0
      self.maxPigments = max(1, maxPigments)
      self.maxIterations = max(1, maxIterations)
      self.maxDrops = max(1, maxDrops)
      self.fewerPigmentsTolerance = fewerPigmentsTolerance
    }
  }

  /// What the solve minimises (public callers choose it through ``solve(target:years:conditions:)``).
  package enum Objective: Sendable {
    /// ΔE00 of the healed dot (year 0) to the target.
    case dayOne
    /// Mean ΔE00 to the target over the projection's years 0…N: each year's CIEDE2000 residual
    /// vector rᵧ is weighted by 1/√(ΔE00ᵧ·(N + 1)), so the stacked ‖r‖² equals the mean ΔE00.
    case meanOverYears(FadeProjection)
  }

  /// The solved blend and its rounding to drops.
  public struct Solution: Sendable, Equatable {
    /// The continuous optimum (fractions sum to 1).
    public let blend: Blend
    /// The blend in whole drops and what rounding costs.
    public let drops: DropRecipe
  }

  /// Forward model of the palette under the chosen optics.
  public let model: DotModel
  /// Settings.
  public let options: Options
  /// Beer–Lambert absorbance per unit fraction for each component, at each reference strength.
  private let absorbance: [[[Double]]]
  private let waterLogReflectance: [Double]

  /// Reference strengths for the linearised starts: a light dilution and a strong one.
  static let referenceStrengths = [0.05, 0.3]

  /// A solver for `palette` seen through `optics`: the client's skin (``SkinFit/optics``). The skin is
  /// a required part of the solve (the same blend looks different through another skin); the neutral
  /// dermis of ``NeutralDermisDotOptics`` is there as an explicit choice, never as a default.
  public init(palette: Palette, optics: any DotOptics, options: Options = Options()) {
    let model = DotModel(palette: palette, optics: optics)
    self.model = model
    self.options = options
    let water = palette.pigments.count
    var waterOnly = [Double](repeating: 0, count: model.componentCount)
    waterOnly[water] = 1
    let logWater = model.reflectance(waterOnly).map { log(max($0, 1e-9)) }
    waterLogReflectance = logWater
    absorbance = Self.referenceStrengths.map { strength in
      (0..<model.componentCount).map { index in
        guard index != water else { return [Double](repeating: 0, count: Spectrum.count) }
        var c = [Double](repeating: 0, count: model.componentCount)
        c[index] = strength
        c[water] = 1 - strength
        let r = model.reflectance(c)
        return (0..<Spectrum.count).map { (logWater[$0] - log(max(r[$0], 1e-9))) / strength }
      }
    }
  }

  /// The best blend for `target` (CIELAB D65) on day one (healed), rounded to drops.
  public func solve(target: Lab) throws(BlendError) -> Solution {
    try solve(target: target, objective: .dayOne)
  }

  /// The best blend for `target` (CIELAB D65) under `objective`, rounded to drops.
  package func solve(target: Lab, objective: Objective) throws(BlendError) -> Solution {
    guard target.l.isFinite, target.a.isFinite, target.b.isFinite else {
      throw .nonFiniteTarget
    }
    let n = model.palette.pigments.count
    guard n > 0 else { throw .emptyPalette }
    let problem = Problem(solver: self, target: target, objective: objective)
    let candidates = problem.candidatePool(size: options.maxPigments)
    var best = problem.solve(allowed: candidates + [n])
    if best.pigments(n) > options.maxPigments {
      best = problem.solveSubsets(size: options.maxPigments, from: candidates, free: best)
    }
    if best.deltaE <= options.matchThreshold {
      best = problem.fewestPigments(matching: best, within: options.matchThreshold, from: candidates)
    } else {
      best = problem.preferFewer(best)
    }
    let blend = Blend(fractions: best.c, model: model, target: target)
    return Solution(
      blend: blend, drops: DropRecipe.rounding(blend, model: model, maxDrops: options.maxDrops))
  }

  // MARK: - One solve

  /// A candidate: fractions in component order and its objective (ΔE00, or mean ΔE00 over years).
  struct Candidate {
    var c: [Double]
    var deltaE: Double
    func pigments(_ water: Int) -> Int { c.indices.filter { $0 != water && c[$0] > 0 }.count }
  }

  /// The state of one solve against one target.
  struct Problem {
    let solver: BlendSolver
    let target: Lab
    let objective: Objective
    /// A start that reaches this ΔE00 needs no further starts (100× below a visible difference).
    static let goodEnough = 1e-3

    /// Target absorbance relative to water, if a smooth spectrum reaches the target.
    let targetAbsorbance: [Double]?
    var model: DotModel { solver.model }
    var water: Int { solver.model.palette.pigments.count }

    init(solver: BlendSolver, target: Lab, objective: Objective = .dayOne) {
      self.solver = solver
      self.target = target
      self.objective = objective
      targetAbsorbance = SpectralRecovery.smoothReflectance(for: target).map { r in
        (0..<Spectrum.count).map { solver.waterLogReflectance[$0] - log(max(r[$0], 1e-9)) }
      }
    }

    /// The residual vector whose squared norm is the objective's cost (``score(_:)``).
    func residual(_ c: [Double]) -> [Double] {
      switch objective {
      case .dayOne:
        let r = CIEDE2000Residual.vector(target, model.lab(c))
        return [r.x, r.y, r.z]
      case .meanOverYears(let projection):
        let labs = projection.dotLabs(c)
        let n = Double(labs.count)
        var out: [Double] = []
        out.reserveCapacity(3 * labs.count)
        for lab in labs {
          let r = CIEDE2000Residual.vector(target, lab)
          let e = (r * r).sum().squareRoot()
          let w = 1 / (max(e, 1e-4) * n).squareRoot()
          out += [r.x * w, r.y * w, r.z * w]
        }
        return out
      }
    }

    /// The objective from the squared residual norm f: ΔE00 = √f (day one), mean ΔE00 = f.
    func score(_ f: Double) -> Double {
      switch objective {
      case .dayOne: f.squareRoot()
      case .meanOverYears: f
      }
    }

    /// Best refinement over the starts, using only the `allowed` components (water always allowed).
    func solve(allowed: [Int]) -> Candidate {
      let allowed = allowed.contains(water) ? allowed : allowed + [water]
      var best: Candidate?
      for start in starts(allowed: allowed) {
        let candidate = refine(start, allowed: allowed, iterations: solver.options.maxIterations)
        if best.map({ candidate.deltaE < $0.deltaE }) ?? true { best = candidate }
        if candidate.deltaE < Self.goodEnough { break }
      }
      return best ?? evaluate(equalParts(allowed))
    }

    /// Most pigments a solve works with: C(12, 3) = 220 subsets. Solving over every pigment of a
    /// large palette grows as n³–n⁴ (the Lawson–Hanson subproblems) and every subset as C(n, 3)
    /// (400 pigments: 10.6 million subsets, minutes and gigabytes).
    static let candidatePoolSize = 12

    /// The pigments a solve works with: all of them up to ``candidatePoolSize`` (or `size`, if
    /// larger); beyond, the pigments the linear starts over the whole palette use most and the
    /// pigments that come closest to the target alone with water, taken in turn.
    func candidatePool(size: Int) -> [Int] {
      let pigments = Array(0..<water)
      let poolSize = max(Self.candidatePoolSize, size)
      guard pigments.count > poolSize else { return pigments }
      let linear = starts(allowed: pigments + [water])
      let weight = pigments.map { j in linear.map { $0[j] }.max() ?? 0 }
      let byWeight = pigments.sorted { weight[$0] > weight[$1] }
      let alone = pigments.map { j in
        starts(allowed: [j, water]).map { evaluate($0).deltaE }.min() ?? .infinity
      }
      let byAlone = pigments.sorted { alone[$0] < alone[$1] }
      var pool: [Int] = []
      var chosen = Set<Int>()
      for (a, b) in zip(byWeight, byAlone) {
        for j in [a, b] where pool.count < poolSize && chosen.insert(j).inserted {
          pool.append(j)
        }
        if pool.count == poolSize { break }
      }
      return pool.sorted()
    }

    /// Subset search when the free optimum uses too many pigments.
    func solveSubsets(size: Int, from pigments: [Int], free: Candidate) -> Candidate {
      var scored: [(subset: [Int], candidate: Candidate)] = []
      for subset in combinations(pigments, size) {
        let allowed = subset + [water]
        let quick = starts(allowed: allowed).map(evaluate).min { $0.deltaE < $1.deltaE }
        if let quick { scored.append((subset, quick)) }
      }
      // Also the free solution's strongest pigments.
      let strongest = Array(
        pigments.sorted { free.c[$0] > free.c[$1] }.prefix(size)
      ).sorted()
      var finalists = scored.sorted { $0.candidate.deltaE < $1.candidate.deltaE }.prefix(3)
        .map(\.subset)
      if !finalists.contains(strongest) { finalists.append(strongest) }
      var best: Candidate?
      for subset in finalists {
        let candidate = solve(allowed: subset + [water])
        if best.map({ candidate.deltaE < $0.deltaE }) ?? true { best = candidate }
      }
      return best ?? free
    }

    /// The match with the fewest stock pigments (then the smallest objective): refines every subset
    /// of 1, 2, … of the `pigments` (the candidate pool, so a large palette costs no more) below
    /// `match`'s count from its best start and returns the best within `threshold` of the smallest
    /// size that has one; `match` itself when none does.
    func fewestPigments(matching match: Candidate, within threshold: Double, from pigments: [Int]) -> Candidate {
      let count = match.pigments(water)
      guard count > 1 else { return match }
      for size in 1..<count {
        var best: Candidate?
        for subset in combinations(pigments, size) {
          let allowed = subset + [water]
          guard let start = starts(allowed: allowed).map(evaluate).min(by: { $0.deltaE < $1.deltaE }) else {
            continue
          }
          let candidate = refine(start.c, allowed: allowed, iterations: solver.options.maxIterations)
          guard candidate.deltaE <= threshold, candidate.pigments(water) <= size else { continue }
          if best.map({ candidate.deltaE < $0.deltaE }) ?? true { best = candidate }
        }
        if let best { return best }
      }
      return match
    }

    /// Drops the weakest pigment while that costs at most the tolerance.
    func preferFewer(_ candidate: Candidate) -> Candidate {
      var current = candidate
      while current.pigments(water) > 1 {
        let used = (0..<water).filter { current.c[$0] > 0 }
        guard let weakest = used.min(by: { current.c[$0] < current.c[$1] }) else { break }
        // Warm start: the current blend without the weakest pigment.
        var start = current.c
        start[weakest] = 0
        let reduced = refine(
          normalised(start), allowed: used.filter { $0 != weakest } + [water],
          iterations: solver.options.maxIterations)
        guard reduced.deltaE <= current.deltaE + solver.options.fewerPigmentsTolerance else { break }
        current = reduced
      }
      return current
    }

    // MARK: Starts

    func starts(allowed: [Int]) -> [[Double]] {
      var result: [[Double]] = []
      if let targetAbsorbance {
        for table in solver.absorbance {
          if let start = linearStart(allowed: allowed, table: table, target: targetAbsorbance) {
            result.append(start)
          }
        }
      }
      result.append(equalParts(allowed))
      return result
    }

    /// NNLS on the Beer–Lambert linearisation: Σⱼ cⱼ·Dⱼ(λ) ≈ A_target(λ), plus Σc = 1 weighted.
    func linearStart(allowed: [Int], table: [[Double]], target: [Double]) -> [Double]? {
      let rows = Spectrum.count + 1
      var a = DenseMatrix(rows: rows, columns: allowed.count)
      var scale = 1.0
      for j in allowed { for value in table[j] { scale = max(scale, abs(value)) } }
      let weight = 10 * scale
      for (column, j) in allowed.enumerated() {
        for l in 0..<Spectrum.count { a[l, column] = table[j][l] }
        a[Spectrum.count, column] = weight
      }
      let b = target + [weight]
      guard let solution = try? NNLS.solve(a, b) else { return nil }
      var c = [Double](repeating: 0, count: model.componentCount)
      for (column, j) in allowed.enumerated() { c[j] = solution.x[column] }
      return normalised(c)
    }

    func equalParts(_ allowed: [Int]) -> [Double] {
      var c = [Double](repeating: 0, count: model.componentCount)
      for j in allowed { c[j] = 1 / Double(allowed.count) }
      return c
    }

    // MARK: Levenberg–Marquardt with NNLS steps

    func evaluate(_ c: [Double]) -> Candidate {
      return Candidate(c: c, deltaE: score(sumOfSquares(residual(c))))
    }

    func refine(_ start: [Double], allowed: [Int], iterations: Int) -> Candidate {
      var c = start
      var r = residual(c)
      var f = sumOfSquares(r)
      var mu = -1.0
      let k = allowed.count
      let h = 1e-6
      for _ in 0..<iterations {
        if f < 1e-14 { break }
        // Forward-difference Jacobian of the ΔE00 residual in the allowed fractions.
        var jacobian = [[Double]](repeating: [], count: k)
        var maxEntry = 0.0
        for (column, j) in allowed.enumerated() {
          var probe = c
          probe[j] += h
          jacobian[column] = zip(residual(probe), r).map { ($0 - $1) / h }
          for entry in jacobian[column] { maxEntry = max(maxEntry, Swift.abs(entry)) }
        }
        if mu < 0 {
          let diagonal = jacobian.map(sumOfSquares)
          mu = 1e-3 * max(diagonal.max() ?? 1, 1e-6)
        }
        let weight = 1e3 * (1 + maxEntry)
        var accepted = false
        for _ in 0..<10 {
          guard let y = step(c: c, r: r, jacobian: jacobian, allowed: allowed, mu: mu, weight: weight)
          else { break }
          let newR = residual(y)
          let newF = sumOfSquares(newR)
          if newF < f {
            let gain = f - newF
            c = y
            r = newR
            f = newF
            mu = max(mu / 3, 1e-12)
            accepted = true
            if gain < 1e-9 * (1 + f) { return Candidate(c: c, deltaE: score(f)) }
            break
          }
          mu *= 4
        }
        if !accepted { break }
      }
      return Candidate(c: c, deltaE: score(f))
    }

    /// One damped Gauss–Newton step as NNLS: min ‖J(y − c) + r‖² + μ‖y − c‖² + w²(Σy − 1)², y ≥ 0.
    func step(
      c: [Double], r: [Double], jacobian: [[Double]], allowed: [Int], mu: Double,
      weight: Double
    ) -> [Double]? {
      let k = allowed.count
      let m = r.count
      var a = DenseMatrix(rows: m + 1 + k, columns: k)
      var b = [Double](repeating: 0, count: m + 1 + k)
      var jc = [Double](repeating: 0, count: m)
      let rootMu = mu.squareRoot()
      for (column, j) in allowed.enumerated() {
        for row in 0..<m {
          a[row, column] = jacobian[column][row]
          jc[row] += jacobian[column][row] * c[j]
        }
        a[m + column, column] = rootMu
        a[m + k, column] = weight
        b[m + column] = rootMu * c[j]
      }
      for row in 0..<m { b[row] = jc[row] - r[row] }
      b[m + k] = weight
      guard let solution = try? NNLS.solve(a, b) else { return nil }
      var y = [Double](repeating: 0, count: c.count)
      for (column, j) in allowed.enumerated() { y[j] = solution.x[column] }
      return normalised(y)
    }

    func normalised(_ c: [Double]) -> [Double] {
      let sum = c.reduce(0, +)
      guard sum > 0, sum.isFinite else { return equalParts([water]) }
      return c.map { $0 / sum }
    }
  }
}

/// Σ xᵢ².
func sumOfSquares(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 } }

/// All k-element subsets of `items`, in lexicographic order.
func combinations(_ items: [Int], _ k: Int) -> [[Int]] {
  guard k > 0 else { return [[]] }
  guard k <= items.count else { return [] }
  if k == items.count { return [items] }
  var result: [[Int]] = []
  for (index, item) in items.enumerated() {
    for rest in combinations(Array(items[(index + 1)...]), k - 1) { result.append([item] + rest) }
  }
  return result
}
