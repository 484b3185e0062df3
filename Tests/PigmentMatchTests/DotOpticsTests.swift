import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Recovery matches to its own tolerance; skin background dots see that skin exactly.
private let recoveryTolerance = SpectralRecovery.tolerance * 2

@Test("a smooth spectrum is recovered for every skin class and hair tone",
  arguments: SkinClassReference.all.map(\.lab) + HairTone.coverageTargets.map(\.lab))
func spectralRecovery(lab: Lab) throws {
  let r = try #require(SpectralRecovery.smoothReflectance(for: lab))
  #expect(r.count == 31)
  #expect(r.allSatisfy { $0 > 0 && $0 < 1 })
  #expect(DeltaE.cie76(try Spectrum(r).lab(), lab) < recoveryTolerance)
}

@Test("skin-background optics: water alone is the bare skin", arguments: SkinClassReference.all)
func skinBackgroundWater(skin: SkinClassReference) throws {
  let optics = try #require(SkinBackgroundDotOptics(skinLab: skin.lab))
  let zeros = [Double](repeating: 0, count: 31)
  let dot = try Spectrum(optics.dotReflectance(k: zeros, s: zeros)).lab()
  #expect(DeltaE.cie76(dot, skin.lab) < recoveryTolerance)
  #expect(ITA(skin.lab).category == skin.category)
}

@Test("dots lighten with water and darken with pigment (neutral dermis)")
func dotMonotone() throws {
  let palette = try ShippedPalettes.load("carbon-greyscale.json")
  let model = DotModel(palette: palette)
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
  let model = DotModel(palette: palette)
  let c = [0.3, 0, 0, 0, 0.7]
  let dot = model.lab(c).l
  let skin = model.lab([0, 0, 0, 0, 1]).l
  let stubble = model.stubbleLab(c).l
  #expect(stubble < skin && stubble > dot)
  #expect(abs(model.stubbleLab(c, coverage: 1).l - dot) < 1e-9)
  #expect(abs(model.stubbleLab(c, coverage: 0).l - skin) < 1e-9)
}
