import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

@Suite("Hyperpigmentation")
struct HyperpigmentationTests {
  /// Coverages from sparse (0.10 mm at 1 mm) to dense (0.15 mm at 0.5 mm).
  static let coverages = [
    StubbleImpression.coverage(dotDiameter: 0.10, spacing: 1.0),
    StubbleImpression.coverage(dotDiameter: 0.125, spacing: 0.75),
    StubbleImpression.coverage(dotDiameter: 0.15, spacing: 0.5),
  ]

  @Test("risk never falls as ITA° falls", arguments: coverages)
  func monotoneInITA(coverage: Double) {
    var previous = HyperpigmentationRisk.low
    // ITA° from +80 down to −80 at L* 20…80 along b* = 15.
    for degrees in stride(from: 80.0, through: -80.0, by: -0.5) {
      let lab = Lab(l: 50 + 15 * tan(degrees * .pi / 180), a: 10, b: 15)
      let risk = Hyperpigmentation.risk(ita: ITA(lab), coverage: coverage)
      #expect(risk >= previous, "ITA \(degrees): \(risk) after \(previous)")
      previous = risk
    }
  }

  @Test("risk never falls as dots get denser", arguments: SkinClassReference.all)
  func monotoneInDensity(skin: SkinClassReference) {
    let risks = Self.coverages.map { Hyperpigmentation.risk(ita: ITA(skin.lab), coverage: $0) }
    #expect(zip(risks, risks.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test("high for the dark class at any density", arguments: coverages)
  func darkIsHigh(coverage: Double) throws {
    let dark = try #require(SkinClassReference.all.first { $0.category == .dark })
    #expect(Hyperpigmentation.risk(ita: ITA(dark.lab), coverage: coverage) == .high)
  }

  @Test("the halo is visible, lasts 4–12 weeks, and is gone by week 12", arguments: SkinClassReference.all)
  func halo(skin: SkinClassReference) throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let optics = try SkinFit(skin: skin.lab).optics
    let model = DotModel(palette: palette, optics: optics)
    let assessment = Hyperpigmentation(skin: optics, model: model, fractions: [0.2, 0, 0, 0, 0.8])
    #expect(assessment.haloDeltaE00 > 0)
    #expect(assessment.haloLab.l < optics.skinLab.l)
    #expect((4...12).contains(assessment.weeks))
    #expect((1.2...2).contains(assessment.melaninFactor))
    #expect((1...3).contains(assessment.haloWidthInRadii))
    #expect(assessment.healing.map(\.week) == [0, 4, 8, 12])
    let looks = assessment.healing.map(\.deltaE00ToSettled)
    #expect(looks[0] > 0)
    #expect(zip(looks, looks.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(looks[3] < 1e-9)
    #expect(!assessment.advice.isEmpty)
    #expect(Hyperpigmentation.basis.contains("proxies"))
  }

  @Test("the halo grows more visible with the risk level")
  func haloScalesWithRisk() throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    var byRisk: [HyperpigmentationRisk: Double] = [:]
    for skin in SkinClassReference.all {
      let optics = try SkinFit(skin: skin.lab).optics
      let a = Hyperpigmentation(
        skin: optics, model: DotModel(palette: palette, optics: optics), fractions: [0.2, 0, 0, 0, 0.8])
      byRisk[a.risk] = max(byRisk[a.risk] ?? 0, a.haloDeltaE00)
    }
    let low = try #require(byRisk[.low])
    let high = try #require(byRisk[.high])
    #expect(high > low)
  }
}
