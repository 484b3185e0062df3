import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Issue 15, deliverable 2: one dot geometry for the whole match. The dot size and spacing given
/// to ``MatchPipeline`` reach the stubble impression, its fade, the halo and the risk, and the
/// report states them.
@Suite struct MatchGeometryTests {
  /// Coverage π(d/2)²/s², computed by hand: d = 0.125 mm at s = 0.75 mm is
  /// π · 0.00390625 / 0.5625 = 0.021817; at s = 1.5 mm a quarter of it, 0.0054542.
  static let defaultCoverage = 0.021817
  static let sparseCoverage = 0.0054542

  @Test func geometryReachesTheWholeMatch() throws {
    let f = try ReportFixture.get()
    let dense = f.match
    let sparse = try ReportFixture.match(spacing: 1.5)
    #expect(dense.conditions.spacing == StubbleImpression.defaultSpacing)
    #expect(sparse.conditions.spacing == 1.5 && sparse.conditions.dotDiameter == 0.125)
    #expect(abs(dense.hyperpigmentation.coverage - Self.defaultCoverage) < 1e-5)
    #expect(abs(sparse.hyperpigmentation.coverage - Self.sparseCoverage) < 1e-6)
    // Same skin and blend; only the stubble differs.
    #expect(sparse.solution.blend.fractions == dense.solution.blend.fractions)
    let skin = dense.skinLab
    let s0 = try #require(dense.fade.entries.first?.stubbleLab)
    let s1 = try #require(sparse.fade.entries.first?.stubbleLab)
    // Small coverages shift the skin's lightness in proportion to the coverage (Yule–Nielsen,
    // R = (a·√R_dot + (1 − a)·√R_skin)², first order in a; L* locally linear in R): a quarter of
    // the dots, a quarter of the shift, within 10 %.
    let ratio = (skin.l - s0.l) / (skin.l - s1.l)
    #expect(ratio > 3.6 && ratio < 4.4, "ΔL* ratio \(ratio)")
    // The fade timeline uses it every year: the sparse stubble stays closer to the skin.
    for (a, b) in zip(dense.fade.entries, sparse.fade.entries) {
      #expect(DeltaE.ciede2000(b.stubbleLab, skin) < DeltaE.ciede2000(a.stubbleLab, skin), "year \(a.year)")
      #expect(a.dotLab == b.dotLab)
    }
    // The healing looks (halo ring and dots) are of the same geometry: at week 12 the halo has
    // faded for every risk, so the look is the settled stubble.
    let week12 = try #require(sparse.hyperpigmentation.healing.last)
    #expect(DeltaE.ciede2000(week12.stubbleLab, s1) < 0.05)
  }

  @Test func reportStatesTheMatchGeometry() throws {
    let f = try ReportFixture.get()
    let sparse = try ReportFixture.match(spacing: 1.5)
    let html = try ReportFixture.html(sparse)
    #expect(html.contains("dots 0.125 mm, 1.50 mm apart: 0.5 % of the skin"))
    #expect(html.contains("dots 0.125 mm, 1.50 mm apart (44 per cm²)"))
    // The stubble swatch is the match's stubble, not the default geometry's.
    let stubble = try captures(
      "<div class=\"swatch swatch-stubble\"[^>]*><svg[^>]*><rect[^>]* fill=\"(#[0-9a-f]{6})\"", in: html)
    let expected = try #require(sparse.fade.entries.first?.stubbleLab)
    #expect(stubble == [SRGB8(clamping: expected).hex])
    let defaultPage = try ReportFixture.html(f.match)
    #expect(defaultPage.contains("dots 0.125 mm, 0.75 mm apart: 2.2 % of the skin"))
  }

  /// A geometry that cannot be (no spacing between dots, not a number) falls back to the defaults.
  @Test(arguments: [(0.8, 0.5), (Double.nan, 0.75), (0.125, 0.0)])
  func impossibleGeometryGivesTheDefaults(dot: Double, spacing: Double) {
    let options = MatchPipeline.Options(dotDiameter: dot, spacing: spacing)
    #expect(options.dotDiameter == StubbleImpression.defaultDotDiameter)
    #expect(options.spacing == StubbleImpression.defaultSpacing)
  }
}
