import Foundation
import Testing

@testable import PigmentMatch

/// The page (``HTMLReport``) and the swatch sheet (``SwatchNotice``) decide *out of reach* and
/// *low confidence* by one rule each, the pipeline's, even where the JSON's rounded numbers sit on
/// the thresholds: a blend ΔE00 of 1.80004 is written 1.8 (4 decimals) though the pipeline found
/// it above ``FadeModel/matchThreshold`` and wrote a `reach`; a confidence of 0.4996 is written
/// 0.5 (3 decimals) though the pipeline found it below 0.5 and listed the low-confidence warning first.
/// And a decoded JSON's geometry and coverage are what the page shows, within bounds.
@Suite("Report and sheet from a hand-edited JSON")
struct ReportNoticeAgreementTests {
  /// The fixture's follicle, refitted, against a target no iron-oxide palette reaches (saturated
  /// blue): the pipeline writes a `reach`.
  static func outOfReachOutput() throws -> JSONContract.MatchOutput {
    let f = try ReportFixture.get()
    let far = try MatchPipeline(palette: f.palette, options: .init(timelineYears: 10)).run(
      fit: f.match.skinFit, target: .direct(Lab(l: 30, a: 10, b: -45)))
    #expect(far.solution.blend.deltaE00 > FadeModel.matchThreshold)
    return try ReportFixture.output(far)
  }

  /// `output` with `key` of its object `section` set by hand, through its JSON.
  static func edited(
    _ output: JSONContract.MatchOutput, _ changes: [(section: String, key: String, value: Any)]
  ) throws -> JSONContract.MatchOutput {
    let data = try JSONEncoder().encode(output)
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for change in changes {
      if change.section.isEmpty {
        object[change.key] = change.value
        continue
      }
      var section = try #require(object[change.section] as? [String: Any])
      section[change.key] = change.value
      object[change.section] = section
    }
    return try JSONDecoder().decode(
      JSONContract.MatchOutput.self, from: try JSONSerialization.data(withJSONObject: object))
  }

  /// `output` with its blend ΔE00, confidence and warnings set by hand (and no `reach` unless `reach`).
  static func edited(
    _ output: JSONContract.MatchOutput, deltaE00: Double, confidence: Double, warnings: [String], reach: Bool
  ) throws -> JSONContract.MatchOutput {
    try edited(
      output,
      [("blend", "deltaE00", deltaE00), ("analysis", "confidence", confidence), ("analysis", "warnings", warnings)]
        + (reach ? [] : [("", "reach", NSNull())]))
  }

  @Test func onTheThresholdsBothSayOutOfReachAndLowConfidence() throws {
    let output = try Self.outOfReachOutput()
    #expect(output.reach != nil)
    // What the pipeline writes for ΔE00 1.80004 and confidence 0.4996.
    let lowConfidence = ToneWarning.lowConfidence(0.4996).description
    let match = try Self.edited(
      output, deltaE00: 1.8, confidence: 0.5, warnings: [lowConfidence, "strong colour cast"], reach: true)
    #expect(match.blend.deltaE00.value == 1.8 && match.analysis.confidence.value == 0.5)
    #expect(match.analysis.isLowConfidence)

    let page = HTMLReport(photoName: "x.jpg", match: match, thumbnail: nil).render()
    #expect(page.contains("class=\"alert out-of-reach\""))
    #expect(page.contains("<li>Out of reach:"))
    #expect(page.contains("class=\"alert low-confidence\""))

    let notices = SwatchNotice.notices(for: match)
    #expect(notices.count >= 3)
    #expect(notices[0].isWarning && notices[0].text.hasPrefix("LOW CONFIDENCE (0.50)"))
    #expect(notices[1].isWarning && notices[1].text.hasPrefix("OUT OF REACH"))
  }

  @Test func withoutAReachOrTheWarningNeitherSaysSo() throws {
    let output = try Self.outOfReachOutput()
    // ΔE00 above the threshold by hand but no `reach`, and a confidence below 0.5 by hand but no
    // low-confidence warning: the pipeline did not decide either, so neither is shown.
    let match = try Self.edited(
      output, deltaE00: 1.9, confidence: 0.49, warnings: ["strong colour cast"], reach: false)
    #expect(!match.analysis.isLowConfidence)

    let page = HTMLReport(photoName: "x.jpg", match: match, thumbnail: nil).render()
    #expect(!page.contains("out-of-reach") && !page.contains("Out of reach"))
    #expect(!page.contains("low-confidence"))

    let notices = SwatchNotice.notices(for: match)
    #expect(!notices.contains { $0.text.hasPrefix("OUT OF REACH") || $0.text.hasPrefix("LOW CONFIDENCE") })
    #expect(notices.first?.text == "STRONG COLOUR CAST")
  }

  @Test func absurdGeometryFromAJSONDrawsABoundedPreview() throws {
    let output = try ReportFixture.output(try ReportFixture.get().match)
    // A pitch of 1e-6 mm would put (8 mm / 1e-6 mm)² ≈ 10¹³ dots in the patch: the preview
    // clamps to the ranges `pigmatch` accepts (0.05…1 mm dots, 0.2…3 mm pitch).
    let match = try Self.edited(output, [("options", "spacingMM", 1e-6), ("options", "dotDiameterMM", 1e-7)])
    #expect(match.options.spacingMM.value == 1e-6)
    let page = HTMLReport(photoName: "x.jpg", match: match, thumbnail: nil).render()
    #expect(page.contains("the same patch: dots 0.050 mm, 0.20 mm apart (2500 per cm²)"), "100/0.2² = 2500")
    let preview = StubblePreview(dot: Lab(l: 30, a: 0, b: 0), skin: Lab(l: 60, a: 10, b: 15), dotDiameter: 5, spacing: 1e9)
    #expect(preview.dotDiameter == 1 && preview.spacing == 3)
    let nonsense = StubblePreview(dot: Lab(l: 30, a: 0, b: 0), skin: Lab(l: 60, a: 10, b: 15), dotDiameter: .nan, spacing: -1)
    #expect(nonsense.dotDiameter == 0.125 && nonsense.spacing == 0.75)
  }

  @Test func theCoverageShownIsTheJSONs() throws {
    let output = try ReportFixture.output(try ReportFixture.get().match)
    // A coverage no geometry of the page gives (0.125 mm at 0.75 mm is 2.2 %): both places show it.
    let match = try Self.edited(output, [("hyperpigmentation", "coverage", 0.1234)])
    let page = HTMLReport(photoName: "x.jpg", match: match, thumbnail: nil).render()
    #expect(page.contains("0.75 mm apart: 12.3 % of the skin"))
    #expect(page.contains("so the dots merge: dot coverage 12.3 %"))
  }
}
