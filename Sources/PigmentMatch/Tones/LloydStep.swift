/// One Lloyd iteration of ``KMeans`` (Lloyd 1982): every point to its nearest centre (squared
/// ΔE76; the lowest-index centre on ties), then per-cluster sums for the new centres.
///
/// The points are planar (L, a, b arrays) with weights. The nearest-centre search runs centre by
/// centre over all points with branch-free selects (``NearestCentre``), which the compiler
/// vectorises; the weighted sums are accumulated in Double, in point order.
struct LloydStep {
  /// Planar coordinates of the points, and their weights.
  let l, a, b: [Float]
  let weights: [Double]

  /// The points of an interleaved L, a, b array with one weight each.
  init(interleaved points: [Float], weights: [Double]) {
    let n = points.count / 3
    l = (0..<n).map { points[3 * $0] }
    a = (0..<n).map { points[3 * $0 + 1] }
    b = (0..<n).map { points[3 * $0 + 2] }
    self.weights = weights
  }

  var count: Int { l.count }

  /// Per cluster: weighted sums of L, a, b and the total weight; plus the inertia (weighted sum
  /// of squared distances).
  struct Sums {
    var l, a, b: [Double]
    var weight: [Double]
    var inertia = 0.0
  }

  /// Assigns every point to its nearest of `centres`, updating `assignment` (with `distance` as
  /// scratch); returns whether any assignment changed, and the sums.
  func run(centres: [(Float, Float, Float)], assignment: inout [Int32], distance: inout [Float])
    -> (changed: Bool, sums: Sums)
  {
    let k = centres.count
    let n = count
    var sums = Sums(
      l: [Double](repeating: 0, count: k), a: [Double](repeating: 0, count: k),
      b: [Double](repeating: 0, count: k), weight: [Double](repeating: 0, count: k))
    var changed = false
    l.withUnsafeBufferPointer { lp in
      a.withUnsafeBufferPointer { ap in
        b.withUnsafeBufferPointer { bp in
          assignment.withUnsafeMutableBufferPointer { assigned in
            distance.withUnsafeMutableBufferPointer { bestD in
              guard let lb = lp.baseAddress, let ab = ap.baseAddress, let bb = bp.baseAddress,
                let out = assigned.baseAddress, let dist = bestD.baseAddress
              else { return }
              // Remember the previous assignment's checksum cheaply: compare after.
              var previous = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
                buffer.baseAddress?.update(from: out, count: n)
                initialized = n
              }
              NearestCentre.search(l: lb, a: ab, b: bb, count: n, centres: centres, best: out, distance: dist)
              previous.withUnsafeMutableBufferPointer { old in
                for i in 0..<n where old[i] != out[i] {
                  changed = true
                  break
                }
              }
              sums.l.withUnsafeMutableBufferPointer { sl in
                sums.a.withUnsafeMutableBufferPointer { sa in
                  sums.b.withUnsafeMutableBufferPointer { sb in
                    sums.weight.withUnsafeMutableBufferPointer { sw in
                      weights.withUnsafeBufferPointer { w in
                        var inertia = 0.0
                        for i in 0..<n {
                          let j = Int(out[i])
                          let wi = w[i]
                          sl[j] += wi * Double(lb[i])
                          sa[j] += wi * Double(ab[i])
                          sb[j] += wi * Double(bb[i])
                          sw[j] += wi
                          inertia += wi * Double(dist[i])
                        }
                        sums.inertia = inertia
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (changed, sums)
  }
}

/// Nearest centre (squared Euclidean distance in L*a*b*) of many points, two centres per pass
/// with branch-free integer masks so the loop has unconditional stores and vectorises (one pass
/// per centre re-read and re-wrote every point's best distance and label k times). Ties keep the
/// lower-index centre, as a per-point scan with a strict `<` would: the two centres of a pass are
/// compared in index order. Inputs must be finite.
enum NearestCentre {
  static func search(
    l: UnsafePointer<Float>, a: UnsafePointer<Float>, b: UnsafePointer<Float>, count n: Int,
    centres: [(Float, Float, Float)], best: UnsafeMutablePointer<Int32>, distance bestD: UnsafeMutablePointer<Float>
  ) {
    for i in 0..<n {
      bestD[i] = .infinity
      best[i] = 0
    }
    var j = 0
    while j < centres.count {
      let (x0, y0, z0) = centres[j]
      let label0 = Int32(truncatingIfNeeded: j)
      // A lone last centre is paired with itself: its second comparison never wins (d < d is false).
      let (x1, y1, z1) = centres[min(j + 1, centres.count - 1)]
      let label1 = Int32(truncatingIfNeeded: min(j + 1, centres.count - 1))
      for i in 0..<n {
        let (pl, pa, pb) = (l[i], a[i], b[i])
        let dl0 = pl - x0
        let da0 = pa - y0
        let db0 = pb - z0
        let d0 = dl0 * dl0 + da0 * da0 + db0 * db0
        let dl1 = pl - x1
        let da1 = pa - y1
        let db1 = pb - z1
        let d1 = dl1 * dl1 + da1 * da1 + db1 * db1
        var old = bestD[i]
        var label = best[i]
        // All ones when d < old: the sign of d − old (both ≥ 0, old may be +∞; equal gives +0).
        let m0 = Int32(bitPattern: (d0 - old).bitPattern) >> 31
        old = Float(bitPattern: UInt32(bitPattern: (Int32(bitPattern: d0.bitPattern) & m0) | (Int32(bitPattern: old.bitPattern) & ~m0)))
        label = (label0 & m0) | (label & ~m0)
        let m1 = Int32(bitPattern: (d1 - old).bitPattern) >> 31
        old = Float(bitPattern: UInt32(bitPattern: (Int32(bitPattern: d1.bitPattern) & m1) | (Int32(bitPattern: old.bitPattern) & ~m1)))
        label = (label1 & m1) | (label & ~m1)
        bestD[i] = old
        best[i] = label
      }
      j += 2
    }
  }
}
