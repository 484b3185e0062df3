import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

@Suite("Follicle target")
struct FollicleTargetTests {
  /// d'Eon et al. (2011) σa at their RGB: eumelanin (0.419, 0.697, 1.37), pheomelanin (0.187,
  /// 0.4, 1.05). Their blue/red ratios (3.27, 5.61) must match the spectral forms' ratio between
  /// 450 and 650 nm within 10 % (an independent published model).
  @Test func melaninSpectraAgreeWithDEon() {
    func ratio(_ s: [Double]) -> Double { s[5] / s[25] }  // 450 nm / 650 nm
    #expect(abs(ratio(MelaninAbsorption.eumelanin) / (1.37 / 0.419) - 1) < 0.10)
    #expect(abs(ratio(MelaninAbsorption.pheomelanin) / (1.05 / 0.187) - 1) < 0.10)
    // Jacques (1998): melanosome absorption 6.6·10¹¹·λ^−3.33 cm⁻¹ at 500 nm = 679 cm⁻¹ = 67.9 mm⁻¹.
    #expect(abs(MelaninAbsorption.eumelanin[10] - 67.9) < 0.1)
  }

  /// Diffuse (hemispherical) Fresnel reflectance of glass, n = 1.5: 0.0918 (Judd 1942's table,
  /// reproduced in Wyszecki & Stiles).
  @Test func diffuseFresnelOfGlass() {
    #expect(abs(HairFibreOptics.diffuseFresnel(relativeIndex: 1.5) - 0.0918) < 0.0015)
    #expect(HairFibreOptics.diffuseFresnel(relativeIndex: 1) < 1e-9)
  }

  /// Round trip: a colour the forward model made is fitted back (the fit is only as good as its
  /// search, and this is what it must at least do).
  @Test(arguments: [(0.5, 0.05, 1.0), (2.0, 0.2, 1.0), (0.05, 0.3, 0.9), (1.0, 0.01, 0.6)])
  func fitRecoversModelColours(eu: Double, pheo: Double, share: Double) {
    let lab = DotModel.lab(
      ofReflectance: HairMelaninFit.reflectance(eumelanin: eu, pheomelanin: pheo, pigmentedShare: share))
    let fit = HairMelaninFit(hair: lab)
    #expect(fit.deltaE00 < 0.3, "\(lab): fit ΔE00 \(fit.deltaE00)")
  }

  /// The natural hair tones (Lozano et al. 2017 ranges) fit within ΔE00 1.5, about a
  /// just-noticeable difference; white hair as photographed (L* 81.8, a* 2.7, b* 0.6) within 3.
  @Test(arguments: HairReference.coverageTargets)
  func naturalHairFits(hair: HairReference) {
    #expect(HairMelaninFit(hair: hair.lab).deltaE00 <= 1.5, "\(hair.name)")
  }

  /// An unpigmented shaft is nearly invisible in its follicle: within ΔE00 1.5 of the bare skin
  /// (keratin's own absorption is the only difference).
  @Test(arguments: SkinClassReference.all)
  func unpigmentedShaftIsNearlyInvisible(skin: SkinClassReference) throws {
    let optics = try SkinFit(skin: skin.lab).optics
    // Near-white hair, the colour of an unpigmented fibre mass (the fit finds next to no melanin).
    let fit = HairMelaninFit(hair: Lab(l: 95, a: 0, b: 2.5))
    #expect(fit.pigmentedShare * fit.eumelanin < 0.01)
    let follicle = FollicleTarget(hair: fit, optics: optics, layerThickness: 0.1)
    #expect(DeltaE.ciede2000(follicle.lab, optics.skinLab) < 1.5, "\(follicle.lab) vs \(optics.skinLab)")
  }

  /// Darker hair, darker follicle; and every follicle is darker than the bare skin.
  @Test(arguments: SkinClassReference.all)
  func darkerHairDarkerFollicle(skin: SkinClassReference) throws {
    let optics = try SkinFit(skin: skin.lab).optics
    let ladder = ["natural black", "dark brown", "medium brown", "light brown", "dark blond"]
      .compactMap { name in HairReference.coverageTargets.first { $0.name == name }?.lab }
    let follicles = ladder.map { FollicleTarget(hair: $0, optics: optics).lab.l }
    #expect(follicles == follicles.sorted(), "\(follicles)")
    #expect(follicles.allSatisfy { $0 < optics.skinLab.l })
  }
}

@Suite("Dilution")
struct DilutionTests {
  @Test func ratios() throws {
    #expect(try #require(Dilution(pigment: 1, water: 4)).waterPerPigment == 4)
    #expect(try #require(Dilution(pigment: 0.2, water: 0.8)).pigmentFraction == 0.2)
    #expect(try #require(Dilution(fractions: [0.1, 0.15, 0.75])).waterPerPigment == 3)
    #expect(Dilution(pigment: 0, water: 1) == nil)
    #expect(Dilution(pigment: 1, water: -1) == nil)
    #expect(Dilution(waterPerPigment: .nan) == nil)
    #expect(Dilution(clamping: -3).waterPerPigment == 0)
  }

  @Test(arguments: [(0.0, "undiluted"), (2.0, "1 ml pigment in 2.0 ml water"), (6.26, "1 ml pigment in 6.3 ml water"), (18.4, "1 ml pigment in 18 ml water")])
  func text(ratio: Double, expected: String) {
    #expect(Dilution(clamping: ratio).description == expected)
  }
}

@Suite("Out of reach")
struct PaletteReachTests {
  static func model() throws -> DotModel {
    let palette = try Palette.load(path: PigmentsTestSupport.fixture("carbon-only.json").path)
    return DotModel(palette: palette, optics: try SkinFit(skin: Lab(l: 72, a: 8, b: 12)).optics)
  }

  /// A target darker than undiluted carbon under this skin: the reach says so, and the
  /// lightness-first alternative is the undiluted pigment.
  @Test func tooDark() throws {
    let model = try Self.model()
    let target = Lab(l: 20, a: 0, b: 0)
    let reach = try #require(PaletteReach(model: model, target: target, closest: model.masstoneLab(componentIndex: 0)))
    #expect(reach.darkest.dilution.waterPerPigment == 0)
    #expect(reach.darkest.lab.l > target.l + 10)
    #expect(reach.missing.first?.code == "darker")
    #expect(reach.lightnessFirst.dot.dilution.waterPerPigment == 0)
    #expect(reach.lightestIsLighterThanDarkest)
  }

  /// A warm target carbon cannot make: the reach asks for a warmer pigment, and the lightness-first
  /// dot has the target's L* exactly (it is a plain dilution of carbon, whose dot is grey).
  @Test func tooWarm() throws {
    let model = try Self.model()
    let target = Lab(l: 50, a: 4, b: 14)
    let reach = try #require(PaletteReach(model: model, target: target, closest: Lab(l: 50, a: 1, b: 1)))
    #expect(reach.missing.map(\.code).contains("warmer"))
    #expect(abs(reach.lightnessFirst.deltaL) < 0.05)
    #expect(reach.lightnessFirst.deltaE00 > FadeModel.matchThreshold)
    let water = reach.lightnessFirst.dot.fractions.last ?? 0
    #expect(abs(reach.lightnessFirst.dot.dilution.waterPerPigment - water / (1 - water)) < 1e-9)
  }
}

extension PaletteReach {
  var lightestIsLighterThanDarkest: Bool { lightest.lab.l > darkest.lab.l }
}

@Suite("Hair melanin fit, fast path")
struct HairFastPathTests {
  /// The fit's allocation-free colour equals the plain reflectance → Lab path (batch equals scalar).
  @Test(arguments: [(0.001, 0.001, 1.0), (0.3, 0.05, 1.0), (5.0, 2.0, 0.7), (0.05, 0.3, 0.0)])
  func fastLabEqualsPlainLab(eu: Double, pheo: Double, share: Double) {
    let fast = HairMelaninFit.fastLab(eumelanin: eu, pheomelanin: pheo, pigmentedShare: share)
    let plain = HairMelaninFit.lab(eumelanin: eu, pheomelanin: pheo, pigmentedShare: share)
    #expect(DeltaE.ciede2000(fast, plain) < 1e-9)
  }
}
