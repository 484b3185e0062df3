import Foundation

/// k-means in CIELAB with k-means++ seeding (Arthur & Vassilvitskii 2007, "k-means++: the
/// advantages of careful seeding") and Lloyd iterations (Lloyd 1982). Deterministic: the seeding
/// draws from a SplitMix64 stream started at `seed`.
public enum KMeans {
  /// A clustering: centres, the centre index of each point, and the within-cluster sum of squared
  /// Euclidean (ΔE76²) distances (inertia).
  public struct Result: Sendable {
    public let centres: [Lab]
    public let assignments: [Int]
    public let inertia: Double
  }

  /// Clusters `points` (interleaved L, a, b, 3 floats per point) into `k` clusters.
  /// `k` is clamped to 1…point count; an empty input gives an empty result.
  ///
  /// Lloyd stops when no point changes centre, after `maxIterations`, or when the centres' squared
  /// shifts in one iteration sum to at most `tolerance` × the mean per-channel variance of the
  /// points (scikit-learn's `KMeans(tol=1e-4)` criterion): on the skin→hair mixture continuum the
  /// centres otherwise creep by ~0.1 ΔE per iteration until the cap.
  public static func cluster(_ points: [Float], k: Int, seed: UInt64, maxIterations: Int = 40, tolerance: Double = 1e-4)
    -> Result
  {
    let n = points.count / 3
    guard n > 0 else { return Result(centres: [], assignments: [], inertia: 0) }
    let k = max(1, min(k, n))
    var rng = SplitMix64(seed: seed)
    // k-means++ seeding: first centre uniform, then each next one with probability ∝ D(x)².
    var centres: [(Float, Float, Float)] = []
    let first = Int(rng.next() % UInt64(n))
    centres.append((points[3 * first], points[3 * first + 1], points[3 * first + 2]))
    var nearest = [Float](repeating: .infinity, count: n)
    while centres.count < k {
      let c = centres[centres.count - 1]
      var total = 0.0
      for i in 0..<n {
        let d = distance2(points, i, c)
        if d < nearest[i] { nearest[i] = d }
        total += Double(nearest[i])
      }
      guard total > 0 else { break }  // fewer distinct points than k
      var target = rng.unit() * total
      var chosen = n - 1
      for i in 0..<n {
        target -= Double(nearest[i])
        if target <= 0 {
          chosen = i
          break
        }
      }
      centres.append((points[3 * chosen], points[3 * chosen + 1], points[3 * chosen + 2]))
    }
    // Lloyd iterations, with Hamerly's (2010) lower bound to skip most nearest-centre scans:
    // `lower[i] − drift` bounds the distance from point i to every centre but its own (`drift`
    // adds up how far the centres have moved since). A point whose own centre is nearer than that
    // by a margin far above Float rounding keeps it without a scan — the scan would pick it too —
    // so assignments, inertia and centres are bit-identical to plain Lloyd (first strict minimum,
    // sums in point order); on unsafe buffers without bounds checks.
    let margin = 1e-3
    var assignments = [Int](repeating: 0, count: n)
    var lower = [Double](repeating: -.infinity, count: n)
    var drift = 0.0
    var inertia = 0.0
    let shiftLimit = tolerance * meanVariance(points)
    var cl = [Float](repeating: 0, count: centres.count)
    var ca = cl
    var cb = cl
    for iteration in 0..<maxIterations {
      for (j, c) in centres.enumerated() {
        cl[j] = c.0
        ca[j] = c.1
        cb[j] = c.2
      }
      var changed = false
      inertia = 0
      var sums = [(Double, Double, Double, Int)](repeating: (0, 0, 0, 0), count: centres.count)
      let k = centres.count
      let currentDrift = drift
      points.withUnsafeBufferPointer { p in
        assignments.withUnsafeMutableBufferPointer { assigned in
          lower.withUnsafeMutableBufferPointer { lower in
            sums.withUnsafeMutableBufferPointer { sum in
              cl.withUnsafeBufferPointer { cl in
                ca.withUnsafeBufferPointer { ca in
                  cb.withUnsafeBufferPointer { cb in
                    for i in 0..<n {
                      let l = p[3 * i]
                      let a = p[3 * i + 1]
                      let b = p[3 * i + 2]
                      let own = assigned[i]
                      let ol = l - cl[own]
                      let oa = a - ca[own]
                      let ob = b - cb[own]
                      var bestD = ol * ol + oa * oa + ob * ob
                      var best = own
                      if iteration == 0 || Double(bestD).squareRoot() + margin >= lower[i] - currentDrift {
                        best = 0
                        bestD = .infinity
                        var second = Float.infinity
                        for j in 0..<k {
                          let dl = l - cl[j]
                          let da = a - ca[j]
                          let db = b - cb[j]
                          let d = dl * dl + da * da + db * db
                          if d < bestD {
                            second = bestD
                            bestD = d
                            best = j
                          } else if d < second {
                            second = d
                          }
                        }
                        lower[i] = Double(second).squareRoot() + currentDrift
                      }
                      if own != best { changed = true }
                      assigned[i] = best
                      inertia += Double(bestD)
                      sum[best].0 += Double(l)
                      sum[best].1 += Double(a)
                      sum[best].2 += Double(b)
                      sum[best].3 += 1
                    }
                  }
                }
              }
            }
          }
        }
      }
      var moved = 0.0
      var shift2 = 0.0
      for j in centres.indices where sums[j].3 > 0 {
        let m = Double(sums[j].3)
        let next = (Float(sums[j].0 / m), Float(sums[j].1 / m), Float(sums[j].2 / m))
        let dl = Double(next.0) - Double(centres[j].0)
        let da = Double(next.1) - Double(centres[j].1)
        let db = Double(next.2) - Double(centres[j].2)
        moved = max(moved, (dl * dl + da * da + db * db).squareRoot())
        shift2 += dl * dl + da * da + db * db
        centres[j] = next
      }
      drift += moved
      if (!changed || shift2 <= shiftLimit) && iteration > 0 { break }
    }
    return Result(
      centres: centres.map { Lab(l: Double($0.0), a: Double($0.1), b: Double($0.2)) }, assignments: assignments,
      inertia: inertia)
  }

  /// Chooses k in `range` by the elbow rule: the smallest k for which adding one more cluster lowers
  /// the inertia by less than `elbow` (default 25 %) of its value, and returns that clustering.
  public static func clusterChoosingK(
    _ points: [Float], range: ClosedRange<Int> = 2...6, seed: UInt64, elbow: Double = 0.25
  ) -> Result {
    // The ks are clustered independently, as many at a time as there are cores; the rule then
    // walks them in order, so the choice is the same as clustering one k after another.
    let ks = Array(range)
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    @Sendable func run(_ k: Int) -> Result { cluster(points, k: k, seed: k == range.lowerBound ? seed : seed &+ UInt64(k - 1)) }
    var current = run(ks[0])
    var next = 1
    while next < ks.count {
      let batch = Array(ks[next..<min(ks.count, next + width)])
      let results = ParallelMap.map(count: batch.count) { run(batch[$0]) }
      for result in results {
        guard current.inertia > 0, (current.inertia - result.inertia) / current.inertia >= elbow else {
          return current
        }
        current = result
      }
      next += batch.count
    }
    return current
  }

  /// Mean over L, a, b of the points' variance (0 for fewer than two points).
  static func meanVariance(_ points: [Float]) -> Double {
    let n = points.count / 3
    guard n > 1 else { return 0 }
    var sum = (0.0, 0.0, 0.0)
    var sum2 = (0.0, 0.0, 0.0)
    for i in 0..<n {
      let l = Double(points[3 * i]), a = Double(points[3 * i + 1]), b = Double(points[3 * i + 2])
      sum.0 += l
      sum.1 += a
      sum.2 += b
      sum2.0 += l * l
      sum2.1 += a * a
      sum2.2 += b * b
    }
    let m = Double(n)
    let variance = (sum2.0 - sum.0 * sum.0 / m) + (sum2.1 - sum.1 * sum.1 / m) + (sum2.2 - sum.2 * sum.2 / m)
    return max(0, variance / m / 3)
  }

  @inline(__always)
  static func distance2(_ p: [Float], _ i: Int, _ c: (Float, Float, Float)) -> Float {
    let dl = p[3 * i] - c.0
    let da = p[3 * i + 1] - c.1
    let db = p[3 * i + 2] - c.2
    return dl * dl + da * da + db * db
  }
}
