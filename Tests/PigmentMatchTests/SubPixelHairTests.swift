import Foundation
@testable import PigmentMatch
import Testing

/// ``SubPixelHair``: whether a hair cluster's coverage piles up at pure hair, on hand-made
/// distributions of t (the position along the skin→hair line).
@Suite struct SubPixelHairTests {
  /// Dots smaller than a pixel: coverage, and t, thin out steadily toward full hair (density ∝ 1 − t).
  @Test func steadilyThinningCoverageIsSubPixel() {
    var t: [Double] = []
    for i in 0..<1000 { t.append(1 - (Double(i) / 1000).squareRoot()) }
    #expect(SubPixelHair.isSubPixel(t))
  }

  /// A head of hair: most pixels pure (t near 1), a few mixtures at the edges.
  @Test func pureHairPilesUp() {
    var t: [Double] = (0..<200).map { 0.5 + 0.5 * Double($0) / 200 }
    t += (0..<800).map { 0.98 + 0.04 * Double($0) / 800 }
    #expect(!SubPixelHair.isSubPixel(t))
  }

  /// The line's end is read at the 99th percentile of t: t uniform on 0…2 ends at ≈ 1.98.
  @Test func lineEndAtTheMostCoveredPixels() {
    let t = (0...1000).map { 2 * Double($0) / 1000 }
    let end = SubPixelHair.lineEnd(t: t, skin: Lab(l: 60, a: 10, b: 20), centre: Lab(l: 40, a: 6, b: 12))
    #expect(abs(end.l - (60 - 1.98 * 20)) < 0.1)
    #expect(abs(end.b - (20 - 1.98 * 8)) < 0.1)
  }

  /// Thin strands: coverage spread about evenly from none to about the strand's width (density
  /// level over t 0.3…0.9, 10 % higher on its upper half), then thinning out (falling linearly to 0
  /// at t 1.5). The densest bin is not among the lowest, but no hump stands well above the low
  /// end: sub-pixel.
  @Test func levelThenFallingCoverageIsSubPixel() {
    var t: [Double] = (0..<1200).map { 0.3 + 0.6 * Double($0) / 1200 }
    t += (0..<60).map { 0.6 + 0.3 * Double($0) / 60 }
    // Inverse of the falling ramp's cumulative distribution on 0.9…1.5.
    t += (0..<600).map { 1.5 - 0.6 * (1 - Double($0) / 600).squareRoot() }
    #expect(SubPixelHair.isSubPixel(t))
  }

  /// A mild pile-up of pure hair over a level run of mixtures (hair close to the skin's colour,
  /// noise spreading the pile): its peak stands 60 % above the low end, so pure hair is there.
  @Test func aMildHumpIsNotSubPixel() {
    var t: [Double] = (0..<1000).map { 0.3 + 0.9 * Double($0) / 1000 }
    t += (0..<600).map { 0.9 + 0.2 * Double($0) / 600 }
    #expect(!SubPixelHair.isSubPixel(t))
  }

  /// The line past the hair's centre ends where it leaves natural hair, solved by hand: from skin
  /// (78, 5, 12) through (40, 3, 6) L* reaches 0 at t = 78/38 = 2.053 (chroma ≤ 8 there: achromatic,
  /// in the gamut); from (70, 10, 15) through (45, 12, 22) C*ab reaches 32 where
  /// (10 + 2t)² + (15 + 7t)² = 32², t = 1.972 (hue 64°, inside 15°–100°, L* 20.7).
  @Test(arguments: [
    ((78.0, 5.0, 12.0), (40.0, 3.0, 6.0), 2.053), ((70, 10, 15), (45, 12, 22), 1.972),
  ])
  func naturalReachEndsWhereTheLineLeavesNaturalHair(
    _ skin: (Double, Double, Double), _ centre: (Double, Double, Double), _ expected: Double
  ) {
    let reach = SubPixelHair.naturalReach(
      skin: Lab(l: skin.0, a: skin.1, b: skin.2), centre: Lab(l: centre.0, a: centre.1, b: centre.2))
    #expect(abs(reach - expected) <= SubPixelHair.reachStep, "reach \(reach)")
  }
}
