/// The projective map from the unit square onto a quadrilateral in the photo (a chart seen at an
/// angle): closed-form square-to-quad mapping (Heckbert 1989, "Fundamentals of Texture Mapping and
/// Image Warping", §2.2.3). Corners in order: (0,0)→p0, (1,0)→p1, (1,1)→p2, (0,1)→p3.
struct ChartHomography: Sendable {
  let a, b, c, d, e, f, g, h: Double

  /// The map for `corners` (four points); nil when they are degenerate (collinear, or the
  /// quadrilateral folds over itself).
  init?(corners p: [(x: Double, y: Double)]) {
    guard p.count == 4, p.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return nil }
    let sx = p[0].x - p[1].x + p[2].x - p[3].x
    let sy = p[0].y - p[1].y + p[2].y - p[3].y
    var g = 0.0
    var h = 0.0
    if sx != 0 || sy != 0 {
      let dx1 = p[1].x - p[2].x
      let dx2 = p[3].x - p[2].x
      let dy1 = p[1].y - p[2].y
      let dy2 = p[3].y - p[2].y
      let den = dx1 * dy2 - dx2 * dy1
      guard abs(den) > 1e-12 else { return nil }
      g = (sx * dy2 - dx2 * sy) / den
      h = (dx1 * sy - sx * dy1) / den
    }
    a = p[1].x - p[0].x + g * p[1].x
    b = p[3].x - p[0].x + h * p[3].x
    c = p[0].x
    d = p[1].y - p[0].y + g * p[1].y
    e = p[3].y - p[0].y + h * p[3].y
    f = p[0].y
    self.g = g
    self.h = h
    // A convex quadrilateral keeps the denominator positive over the whole square.
    for (u, v) in [(0.0, 0.0), (1, 0), (1, 1), (0, 1), (0.5, 0.5)] where g * u + h * v + 1 <= 1e-9 {
      return nil
    }
    // Orientation must not flip (the cross products of consecutive edges share a sign).
    let cross = (0..<4).map { i -> Double in
      let o = p[i]
      let n = p[(i + 1) % 4]
      let m = p[(i + 2) % 4]
      return (n.x - o.x) * (m.y - n.y) - (n.y - o.y) * (m.x - n.x)
    }
    guard cross.allSatisfy({ $0 > 1e-9 }) || cross.allSatisfy({ $0 < -1e-9 }) else { return nil }
  }

  /// The photo point of chart point (`u`, `v`), both 0…1.
  func map(u: Double, v: Double) -> (x: Double, y: Double) {
    let w = g * u + h * v + 1
    return ((a * u + b * v + c) / w, (d * u + e * v + f) / w)
  }
}
