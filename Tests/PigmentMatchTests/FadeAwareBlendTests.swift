import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Targets: reachable dark-brown and grey hair colours under an intermediate skin.
private let targets: [Lab] = [
  Lab(l: 46, a: 1, b: 3), Lab(l: 50, a: 2, b: 5), Lab(l: 48, a: 0, b: 1), Lab(l: 53, a: 3, b: 7),
]

@Suite("Fade-aware blend")
struct FadeAwareBlendTests {
  @Test("the fade-aware blend has a lower mean ΔE00 over 5 years than the day-one blend", arguments: targets)
  func lowerMean(target: Lab) throws {
    for file in ShippedPalettes.files {
      let palette = try ShippedPalettes.load(file)
      let solver = BlendSolver(palette: palette, optics: try SkinFit(skin: TypicalFadeCase.skin).optics)
      let dayOne = try solver.solve(target: target)
      let aware = try solver.solve(target: target, years: 5)
      let dayOneMean = solver.meanDeltaE00(dayOne.blend.fractions, target: target, years: 5)
      let awareMean = solver.meanDeltaE00(aware.blend.fractions, target: target, years: 5)
      #expect(awareMean < dayOneMean, "\(file) \(target): aware \(awareMean) day-one \(dayOneMean)")
      // Fractions still a valid blend.
      #expect(abs(aware.blend.fractions.reduce(0, +) - 1) < 1e-9)
      #expect(aware.blend.fractions.allSatisfy { $0 >= 0 })
    }
  }

  @Test("years 0 is the day-one solve")
  func zeroYears() throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let solver = BlendSolver(palette: palette, optics: try SkinFit(skin: TypicalFadeCase.skin).optics)
    let target = targets[0]
    #expect(try solver.solve(target: target, years: 0) == (try solver.solve(target: target)))
  }
}
