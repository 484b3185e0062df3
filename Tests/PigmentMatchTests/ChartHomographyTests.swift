import Foundation
import Testing

@testable import PigmentMatch

/// The square-to-quadrilateral map that places the ColorChecker's patches.
@Suite struct ChartHomographyTests {
  /// A chart seen at an angle: a convex, non-parallelogram quadrilateral.
  static let corners: [(x: Double, y: Double)] = [(100, 80), (520, 120), (480, 400), (130, 350)]

  @Test func cornersMapOntoTheGivenPoints() throws {
    let map = try #require(ChartHomography(corners: Self.corners))
    for (corner, (u, v)) in zip(Self.corners, [(0.0, 0.0), (1, 0), (1, 1), (0, 1)]) {
      let p = map.map(u: u, v: v)
      #expect(abs(p.x - corner.x) < 1e-9 && abs(p.y - corner.y) < 1e-9)
    }
  }

  /// A projective map keeps lines and incidence: the square's centre, where its diagonals cross,
  /// lands where the quadrilateral's diagonals cross (solved here by hand from the two lines).
  @Test func centreLandsOnTheDiagonalsCrossing() throws {
    let map = try #require(ChartHomography(corners: Self.corners))
    let (p0, p1, p2, p3) = (Self.corners[0], Self.corners[1], Self.corners[2], Self.corners[3])
    // p0 + s (p2 − p0) = p1 + t (p3 − p1): Cramer's rule for s.
    let (ax, ay) = (p2.x - p0.x, p2.y - p0.y)
    let (bx, by) = (p1.x - p3.x, p1.y - p3.y)
    let (cx, cy) = (p1.x - p0.x, p1.y - p0.y)
    let s = (cx * by - bx * cy) / (ax * by - bx * ay)
    let crossing = (x: p0.x + s * ax, y: p0.y + s * ay)
    let centre = map.map(u: 0.5, v: 0.5)
    #expect(abs(centre.x - crossing.x) < 1e-9 && abs(centre.y - crossing.y) < 1e-9)
  }

  @Test(
    "Degenerate corners are refused",
    arguments: [
      [(0.0, 0.0), (10, 0), (20, 0), (30, 0)],  // collinear
      [(0.0, 0.0), (10, 10), (10, 0), (0, 10)],  // folded (a bow tie)
      [(0.0, 0.0), (10, 0), (10, 10)],  // three points
    ])
  func degenerate(_ corners: [(Double, Double)]) {
    #expect(ChartHomography(corners: corners.map { (x: $0.0, y: $0.1) }) == nil)
  }
}
