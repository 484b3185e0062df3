import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Among matches (ΔE00 ≤ 1.8) the solver returns the fewest stock pigments, then the smallest ΔE00.
/// The oracle is the construction: a target placed within 1.8 of one diluted pigment's dot, so a
/// one-pigment match exists whatever the solver does.
@Suite("Fewest pigments among matches")
struct FewestPigmentsTests {
  /// The client skin the dots are seen through (a light-medium scalp, the README's fade example).
  static let skin = Lab(l: 61, a: 11, b: 16)
  /// How far the target is moved off the one-pigment dot, ΔE00: well inside a match, well outside
  /// what the optimiser's tolerance could absorb.
  static let offset = 1.0

  /// A target 1.0 ΔE00 (±0.3) away from `pigment` diluted 1:`water`, moved in b*.
  static func target(model: DotModel, pigment: Int, water: Double) -> (target: Lab, oneDot: Lab) {
    var c = [Double](repeating: 0, count: model.componentCount)
    c[pigment] = 1 / (1 + water)
    c[model.palette.pigments.count] = water / (1 + water)
    let dot = model.lab(c)
    var shift = 0.0
    var target = dot
    while DeltaE.ciede2000(target, dot) < offset {
      shift += 0.05
      target = Lab(l: dot.l, a: dot.a, b: dot.b + shift)
    }
    return (target, dot)
  }

  @Test(
    "a target one diluted pigment matches gets one pigment and water",
    arguments: [
      ("iron-oxide-tones.json", "io-dark-brown", 4.0), ("iron-oxide-tones.json", "io-black", 8.0),
      ("carbon-greyscale.json", "cb-mid-grey", 2.0),
    ])
  func onePigment(file: String, pigment id: String, water: Double) throws {
    let palette = try ShippedPalettes.load(file)
    let optics = try SkinFit(skin: Self.skin).optics
    let solver = BlendSolver(palette: palette, optics: optics)
    let index = try #require(palette.pigments.firstIndex { $0.id == id })
    let (target, oneDot) = Self.target(model: solver.model, pigment: index, water: water)
    let oneDeltaE = DeltaE.ciede2000(oneDot, target)
    #expect(oneDeltaE <= FadeModel.matchThreshold)
    let blend = try solver.solve(target: target).blend
    #expect(blend.pigmentCount == 1, "\(blend.components.map(\.pigment))")
    #expect(blend.deltaE00 <= FadeModel.matchThreshold)
    // Then the smallest ΔE00: no single pigment at any dilution on a grid does better.
    for p in 0..<palette.pigments.count {
      for w in stride(from: 0.0, through: 0.98, by: 0.02) {
        var c = [Double](repeating: 0, count: solver.model.componentCount)
        c[p] = 1 - w
        c[palette.pigments.count] = w
        #expect(blend.deltaE00 <= DeltaE.ciede2000(solver.model.lab(c), target) + 0.01)
      }
    }
  }

  @Test("asking for the closest (threshold 0) may use more pigments to come closer")
  func closestUsesMore() throws {
    let palette = try ShippedPalettes.load("iron-oxide-tones.json")
    let optics = try SkinFit(skin: Self.skin).optics
    let simplest = BlendSolver(palette: palette, optics: optics)
    let closest = BlendSolver(palette: palette, optics: optics, options: .init(matchThreshold: 0))
    let index = try #require(palette.pigments.firstIndex { $0.id == "io-dark-brown" })
    let (target, _) = Self.target(model: simplest.model, pigment: index, water: 4)
    let a = try simplest.solve(target: target).blend
    let b = try closest.solve(target: target).blend
    #expect(a.pigmentCount <= b.pigmentCount)
    #expect(b.deltaE00 <= a.deltaE00 + 1e-9)
    #expect(b.pigmentCount > 1, "the moved target should need a second pigment to be met exactly")
  }
}
