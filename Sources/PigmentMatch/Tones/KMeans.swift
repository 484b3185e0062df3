import Foundation

/// k-means in CIELAB with k-means++ seeding (Arthur & Vassilvitskii 2007, "k-means++: the
/// advantages of careful seeding") and Lloyd iterations (Lloyd 1982), on points that may carry
/// weights (a point of weight w counts as w coincident points: the bins of a ``ColourHistogram``).
/// Deterministic: the seeding draws from a SplitMix64 stream started at `seed`.
package enum KMeans {
  /// A clustering: centres, the centre index of each point, and the within-cluster sum of squared
  /// Euclidean (ΔE76²) distances (inertia), weighted.
  package struct Result: Sendable {
    package let centres: [Lab]
    package let assignments: [Int]
    package let inertia: Double
  }

  /// Clusters `points` (interleaved L, a, b, 3 floats per point) into `k` clusters; `weights`
  /// (one per point, ≥ 0) default to 1. `k` is clamped to 1…point count; an empty input gives an
  /// empty result. `scatter` is added to the inertia (the spread inside weighted points, which no
  /// clustering changes).
  ///
  /// Lloyd stops when no point changes centre, after `maxIterations`, or when the centres' squared
  /// shifts in one iteration sum to at most `tolerance` × the mean per-channel variance of the
  /// points (scikit-learn's `KMeans(tol=…)` criterion): on the skin→hair mixture continuum the
  /// centres otherwise creep by ~0.1 ΔE per iteration until the cap.
  package static func cluster(
    _ points: [Float], weights: [Double]? = nil, k: Int, seed: UInt64, maxIterations: Int = 40,
    tolerance: Double = 1e-3, scatter: Double = 0
  ) -> Result {
    let n = points.count / 3
    guard n > 0 else { return Result(centres: [], assignments: [], inertia: 0) }
    let w = weights.flatMap { $0.count == n ? $0 : nil } ?? [Double](repeating: 1, count: n)
    let k = max(1, min(k, n))
    var rng = SplitMix64(seed: seed)
    // k-means++ seeding: the first centre with probability ∝ weight, then each next one ∝ w·D(x)².
    var centres: [(Float, Float, Float)] = []
    let first = draw(w, total: w.reduce(0, +), rng: &rng)
    centres.append((points[3 * first], points[3 * first + 1], points[3 * first + 2]))
    var nearest = [Float](repeating: .infinity, count: n)
    var mass = [Double](repeating: 0, count: n)
    while centres.count < k {
      let c = centres[centres.count - 1]
      var total = 0.0
      for i in 0..<n {
        let d = distance2(points, i, c)
        if d < nearest[i] { nearest[i] = d }
        mass[i] = w[i] * Double(nearest[i])
        total += mass[i]
      }
      guard total > 0 else { break }  // fewer distinct points than k
      let chosen = draw(mass, total: total, rng: &rng)
      centres.append((points[3 * chosen], points[3 * chosen + 1], points[3 * chosen + 2]))
    }
    // Lloyd iterations (``LloydStep``).
    let step = LloydStep(interleaved: points, weights: w)
    let shiftLimit = tolerance * meanVariance(points, weights: w)
    var assigned = [Int32](repeating: -1, count: n)
    var distance = [Float](repeating: 0, count: n)
    var inertia = 0.0
    for iteration in 0..<maxIterations {
      let (changed, sums) = step.run(centres: centres, assignment: &assigned, distance: &distance)
      inertia = sums.inertia
      var shift2 = 0.0
      for j in centres.indices where sums.weight[j] > 0 {
        let m = sums.weight[j]
        let next = (Float(sums.l[j] / m), Float(sums.a[j] / m), Float(sums.b[j] / m))
        let dl = Double(next.0) - Double(centres[j].0)
        let da = Double(next.1) - Double(centres[j].1)
        let db = Double(next.2) - Double(centres[j].2)
        shift2 += dl * dl + da * da + db * db
        centres[j] = next
      }
      if (!changed || shift2 <= shiftLimit) && iteration > 0 { break }
    }
    return Result(
      centres: centres.map { Lab(l: Double($0.0), a: Double($0.1), b: Double($0.2)) },
      assignments: assigned.map { Int($0) }, inertia: inertia + scatter)
  }

  /// Chooses k in `range` by the elbow rule: the smallest k for which adding one more cluster lowers
  /// the inertia by less than `elbow` (default 25 %) of its value, and returns that clustering.
  package static func clusterChoosingK(
    _ points: [Float], weights: [Double]? = nil, scatter: Double = 0, range: ClosedRange<Int> = 2...6, seed: UInt64,
    elbow: Double = 0.25
  ) -> Result {
    // The ks are clustered independently, as many at a time as there are cores; the rule then
    // walks them in order, so the choice is the same as clustering one k after another.
    let ks = Array(range)
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    @Sendable func run(_ k: Int) -> Result {
      cluster(
        points, weights: weights, k: k, seed: k == range.lowerBound ? seed : seed &+ UInt64(k - 1), scatter: scatter)
    }
    var current: Result?
    var next = 0
    while next < ks.count {
      let batch = Array(ks[next..<min(ks.count, next + width)])
      let results = ParallelMap.map(count: batch.count) { run(batch[$0]) }
      for result in results {
        guard let previous = current else {
          current = result
          continue
        }
        guard previous.inertia > 0, (previous.inertia - result.inertia) / previous.inertia >= elbow else {
          return previous
        }
        current = result
      }
      next += batch.count
    }
    return current ?? Result(centres: [], assignments: [], inertia: 0)
  }

  /// An index drawn with probability ∝ `mass[i]` (`total` = their sum > 0; the last on rounding).
  static func draw(_ mass: [Double], total: Double, rng: inout SplitMix64) -> Int {
    var target = rng.unit() * total
    for i in mass.indices {
      target -= mass[i]
      if target <= 0 && mass[i] > 0 { return i }
    }
    return mass.lastIndex { $0 > 0 } ?? (mass.count - 1)
  }

  /// Weighted mean over L, a, b of the points' variance (0 without weight).
  static func meanVariance(_ points: [Float], weights: [Double]) -> Double {
    let n = points.count / 3
    var sum = (0.0, 0.0, 0.0)
    var sum2 = (0.0, 0.0, 0.0)
    var total = 0.0
    for i in 0..<n {
      let w = weights[i]
      let l = Double(points[3 * i]), a = Double(points[3 * i + 1]), b = Double(points[3 * i + 2])
      total += w
      sum.0 += w * l
      sum.1 += w * a
      sum.2 += w * b
      sum2.0 += w * l * l
      sum2.1 += w * a * a
      sum2.2 += w * b * b
    }
    guard total > 0 else { return 0 }
    let variance =
      (sum2.0 - sum.0 * sum.0 / total) + (sum2.1 - sum.1 * sum.1 / total) + (sum2.2 - sum.2 * sum.2 / total)
    return max(0, variance / total / 3)
  }

  @inline(__always)
  static func distance2(_ p: [Float], _ i: Int, _ c: (Float, Float, Float)) -> Float {
    let dl = p[3 * i] - c.0
    let da = p[3 * i + 1] - c.1
    let db = p[3 * i + 2] - c.2
    return dl * dl + da * da + db * db
  }
}
