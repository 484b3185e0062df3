/// Running sums for the least-squares lines of a* and b* on one regressor x (``HairUnmixing``).
struct LineSums: Sendable, Equatable {
  var n = 0.0
  var sx = 0.0
  var sxx = 0.0
  var sa = 0.0
  var saa = 0.0
  var sxa = 0.0
  var sb = 0.0
  var sbb = 0.0
  var sxb = 0.0

  @inline(__always)
  mutating func add(x: Double, a: Double, b: Double) {
    n += 1
    sx += x
    sxx += x * x
    sa += a
    saa += a * a
    sxa += x * a
    sb += b
    sbb += b * b
    sxb += x * b
  }

  static func + (p: LineSums, q: LineSums) -> LineSums {
    LineSums(
      n: p.n + q.n, sx: p.sx + q.sx, sxx: p.sxx + q.sxx, sa: p.sa + q.sa, saa: p.saa + q.saa, sxa: p.sxa + q.sxa,
      sb: p.sb + q.sb, sbb: p.sbb + q.sbb, sxb: p.sxb + q.sxb)
  }

  /// The joint R² of the two lines and their values at x = 1; nil with fewer than 50 points or
  /// when x barely varies (variance ≤ 0.005: the fit must reach towards the hair end, or it would
  /// extrapolate far).
  var line: (r2: Double, a: Double, b: Double)? {
    guard n >= 50 else { return nil }
    let vx = sxx / n - (sx / n) * (sx / n)
    guard vx > 0.005 else { return nil }
    let cxa = sxa / n - (sx / n) * (sa / n)
    let cxb = sxb / n - (sx / n) * (sb / n)
    let va = saa / n - (sa / n) * (sa / n)
    let vb = sbb / n - (sb / n) * (sb / n)
    let slopeA = cxa / vx
    let slopeB = cxb / vx
    let interceptA = sa / n - slopeA * sx / n
    let interceptB = sb / n - slopeB * sx / n
    let explained = (cxa * cxa + cxb * cxb) / vx
    let r2 = va + vb > 0 ? explained / (va + vb) : 0
    return (r2, interceptA + slopeA, interceptB + slopeB)
  }
}
