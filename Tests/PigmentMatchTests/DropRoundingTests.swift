import Foundation
import Testing

@testable import PigmentMatch

/// Rounding to drops keeps what the solve optimised: the rounded dot is as close to the exact blend
/// as any largest-remainder rounding of it (which the search includes), for day-one and fade-aware
/// blends alike.
@Suite("Drop rounding")
struct DropRoundingTests {
  static let targets: [Lab] = [
    Lab(l: 35, a: 3, b: 6), Lab(l: 45, a: 1, b: 2), Lab(l: 55, a: 4, b: 9), Lab(l: 40, a: 8, b: 12), Lab(l: 62, a: 0, b: 1),
  ]

  @Test(arguments: targets)
  func roundingIsNoWorseThanLargestRemainder(_ target: Lab) throws {
    let palette = try ShippedPalettes.load("iron-oxide-tones.json")
    let solver = BlendSolver(palette: palette, optics: NeutralDermisDotOptics())
    let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
    for solution in [try solver.solve(target: target), try solver.solve(target: target, years: 5)] {
      let blend = solution.blend
      let active = blend.fractions.indices.filter { blend.fractions[$0] > 0 }
      let plain = DropRecipe.largestRemainder(blend.fractions, active: active, total: DropRecipe.defaultMaxDrops)
      let plainLab = model.lab(plain.map { Double($0) / Double(plain.reduce(0, +)) })
      let plainCost = DeltaE.ciede2000(plainLab, blend.dotLab)
      #expect(solution.drops.roundingDeltaE00 <= plainCost + 1e-9)
      #expect(solution.drops.totalDrops <= DropRecipe.defaultMaxDrops)
      // deltaE00 stays "to the target", roundingDeltaE00 "to the exact blend".
      #expect(abs(solution.drops.deltaE00 - DeltaE.ciede2000(solution.drops.dotLab, target)) < 1e-9)
    }
  }
}
