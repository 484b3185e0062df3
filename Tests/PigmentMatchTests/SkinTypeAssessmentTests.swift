import Foundation
import PigmentMatch
import Testing

/// The skin type behind the hyperpigmentation risk: stated, measured, or unconfirmed.
@Suite struct SkinTypeAssessmentTests {
  /// Dot coverage of the default pattern (0.125 mm dots at 0.6 mm: not dense).
  static let coverage = 0.03

  /// Measured skins across every ITA° class, including what a wrong role can return (a grey wall
  /// #ada59e as in issue 13, a white shirt, a dark backdrop).
  static let measuredSkins: [Lab] = {
    var labs: [Lab] = [Lab(SRGB8(hex: "#ada59e")!), Lab(l: 92, a: 1, b: 3), Lab(l: 12, a: 2, b: 4)]
    for l in stride(from: 20.0, through: 85, by: 5) {
      for b in stride(from: 5.0, through: 35, by: 10) { labs.append(Lab(l: l, a: 12, b: b)) }
    }
    return labs
  }()

  @Test("An uncertain measurement never gives low risk", arguments: measuredSkins)
  func uncertainNeverLow(_ skin: Lab) {
    for (calibrated, confidence) in [(false, 0.9), (false, 0.3), (true, 0.3), (true, 0.49)] {
      let assessment = SkinTypeAssessment(skin: skin, calibrated: calibrated, confidence: confidence)
      #expect(assessment.source == .unconfirmed)
      #expect(assessment.risk(coverage: Self.coverage) >= .moderate)
      #expect(assessment.summary.contains("--fitzpatrick"))
    }
  }

  @Test func lowConfidenceMakesEveryTypePlausible() {
    let assessment = SkinTypeAssessment(skin: Lab(l: 70, a: 10, b: 15), calibrated: true, confidence: 0.2)
    #expect(assessment.plausible == FitzpatrickConvention.allCases)
    #expect(assessment.risk(coverage: Self.coverage) == .high)
  }

  @Test func uncalibratedBrownSkinReachesDarkRisk() {
    // ITA° of L* 40, b* 20 is −26.6 (brown); 10 L* darker it is dark (ITA° ≤ −30): high risk.
    let assessment = SkinTypeAssessment(skin: Lab(l: 40, a: 10, b: 20), calibrated: false, confidence: 0.9)
    #expect(assessment.plausible.contains(.vi))
    #expect(assessment.risk(coverage: Self.coverage) == .high)
  }

  @Test func calibratedConfidentLightSkinIsLow() {
    // ITA° of L* 75, b* 12 is 64° (very light); calibrated and confident: measured, low risk.
    let assessment = SkinTypeAssessment(skin: Lab(l: 75, a: 8, b: 12), calibrated: true, confidence: 0.9)
    #expect(assessment.source == .measured)
    #expect(assessment.fitzpatrick == .i)
    #expect(assessment.risk(coverage: Self.coverage) == .low)
  }

  @Test("The practitioner's type overrides the photo", arguments: FitzpatrickConvention.allCases)
  func statedOverrides(_ type: FitzpatrickConvention) {
    let assessment = SkinTypeAssessment(skin: Lab(l: 75, a: 8, b: 12), calibrated: false, confidence: 0.2, stated: type)
    #expect(assessment.source == .stated)
    #expect(assessment.fitzpatrick == type)
    // Del Bino classes by the same convention: I–III low, IV–V moderate, VI high (DESIGN.md).
    let expected: HyperpigmentationRisk = type.rawValue <= 3 ? .low : type.rawValue <= 5 ? .moderate : .high
    #expect(assessment.risk(coverage: Self.coverage) == expected)
    #expect(assessment.summary.contains("stated by the practitioner"))
  }

  /// Issue 13's most dangerous case: the dark-skinned client's whole photo, automatic and
  /// uncalibrated. Whatever the roles find, the risk must not be low.
  @Test func darkSkinnedClientsWholePhotoIsNotLowRisk() throws {
    let palette = try Palette.load(
      path: TestData.packageRoot.appendingPathComponent("Palettes/carbon-greyscale.json").path)
    let measurement = try PhotoMeasurement(contentsOf: TestData.path("photos/consultation/afro-dark-skin.jpg"))
    let report = try MatchPipeline(palette: palette).run(measurement: measurement)
    #expect(report.hyperpigmentation.risk != .low)
    #expect(report.hyperpigmentation.skinType?.source == .unconfirmed)
    let stated = try MatchPipeline(palette: palette).run(measurement: measurement, fitzpatrick: .vi)
    #expect(stated.hyperpigmentation.risk == .high)
    #expect(stated.hyperpigmentation.skinType?.source == .stated)
  }
}
