import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Spectral recovery matches to its own tolerance; neutral-dermis dots behave monotonically.
private let recoveryTolerance = SpectralRecovery.tolerance * 2

@Test("a smooth spectrum is recovered for every skin class and hair tone",
  arguments: SkinClassReference.all.map(\.lab) + HairReference.coverageTargets.map(\.lab))
func spectralRecovery(lab: Lab) throws {
  let r = try #require(SpectralRecovery.smoothReflectance(for: lab))
  #expect(r.count == 31)
  #expect(r.allSatisfy { $0 > 0 && $0 < 1 })
  #expect(DeltaE.cie76(try Spectrum(r).lab(), lab) < recoveryTolerance)
}

@Test("dots lighten with water and darken with pigment (neutral dermis)")
func dotMonotone() throws {
  let palette = try ShippedPalettes.load("carbon-greyscale.json")
  let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
  var previous = -Double.infinity
  for water in stride(from: 0.0, through: 1.0, by: 0.05) {
    let l = model.lab([1 - water, 0, 0, 0, water]).l
    #expect(l >= previous - 1e-9)
    previous = l
  }
  // The darkest dot is bounded below by the surface reflection K1 (L* of Y = K1 ≈ 20).
  #expect(model.lab([1, 0, 0, 0, 0]).l > 19)
}

@Test("the stubble impression lies between dot and skin and nears skin at low coverage")
func stubble() throws {
  let palette = try ShippedPalettes.load("carbon-greyscale.json")
  let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
  let c = [0.3, 0, 0, 0, 0.7]
  let dot = model.lab(c).l
  let skin = model.lab([0, 0, 0, 0, 1]).l
  let stubble = model.stubbleLab(c).l
  #expect(stubble < skin && stubble > dot)
  #expect(abs(model.stubbleLab(c, coverage: 1).l - dot) < 1e-9)
  #expect(abs(model.stubbleLab(c, coverage: 0).l - skin) < 1e-9)
}
