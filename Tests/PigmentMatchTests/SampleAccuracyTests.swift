import Foundation
import PigmentMatch
import Testing

/// Accuracy of ``ToneAnalysis`` against the generator's truth on every photo in `Samples/`.
@Suite struct SampleAccuracyTests {
  /// Skin: the median error stays below a just-noticeable difference for most observers (ΔE00 ≈ 1.5) …
  static let skinMedianTolerance = 1.5
  /// … and no photo is off by more than twice that (still a 'close match' for skin).
  static let skinWorstTolerance = 3.0
  /// Hair is estimated past its mixture with skin, through JPEG chroma and noise: ΔE00 3 median …
  static let hairMedianTolerance = 3.0
  /// … and 6 at worst (a visibly different but same-family shade).
  static let hairWorstTolerance = 6.0
  /// ITA° within this of a class edge may fall either side: no class check there.
  static let itaEdgeMargin = 3.0

  struct Outcome: Sendable {
    let name: String
    let skinError: Double
    let hairError: Double
    let trueCategory: String
    let category: String
    let trueITA: Double
    /// ΔE00 of the plain k-means hair centre (the mixture) from the true hair.
    let centroidError: Double
  }

  static func lab(_ v: [Double]) -> Lab { Lab(l: v[0], a: v[1], b: v[2]) }

  static let outcomes: [Outcome] = TestData.sampleTruths().compactMap { truth in
    guard let analysis = try? ToneAnalysis(contentsOf: truth.path) else { return nil }
    let skin = DeltaE.ciede2000(analysis.skin.lab, lab(truth.skin.lab))
    let hair = analysis.hair.map { DeltaE.ciede2000($0.lab, lab(truth.hair.lab)) } ?? .infinity
    let centroid =
      analysis.clusters.first { $0.role == .hair }.map { DeltaE.ciede2000($0.lab, lab(truth.hair.lab)) } ?? .infinity
    print(
      String(
        format: "%@  skin ΔE00 %.2f (%.1f %.1f %.1f)  hair ΔE00 %.2f (%@)  k=%d", truth.name, skin,
        analysis.skin.lab.l, analysis.skin.lab.a, analysis.skin.lab.b, hair,
        analysis.hair.map { String(format: "%.1f %.1f %.1f", $0.lab.l, $0.lab.a, $0.lab.b) } ?? "none",
        analysis.clusters.count))
    return Outcome(
      name: truth.name, skinError: skin, hairError: hair, trueCategory: truth.skin.itaCategory ?? "",
      category: analysis.skin.itaCategory.rawValue, trueITA: truth.skin.ita ?? 0, centroidError: centroid)
  }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .infinity : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
  }

  @Test func everySampleIsAnalysed() {
    #expect(Self.outcomes.count >= 12)
    #expect(Self.outcomes.count == TestData.sampleTruths().count)
  }

  @Test func skinToneAccuracy() {
    let errors = Self.outcomes.map(\.skinError)
    #expect(Self.median(errors) <= Self.skinMedianTolerance, "median skin ΔE00 \(Self.median(errors))")
    for o in Self.outcomes {
      #expect(o.skinError <= Self.skinWorstTolerance, "\(o.name): skin ΔE00 \(o.skinError)")
    }
  }

  @Test func hairToneAccuracy() {
    let errors = Self.outcomes.map(\.hairError)
    #expect(Self.median(errors) <= Self.hairMedianTolerance, "median hair ΔE00 \(Self.median(errors))")
    for o in Self.outcomes {
      #expect(o.hairError <= Self.hairWorstTolerance, "\(o.name): hair ΔE00 \(o.hairError)")
    }
  }

  /// Stubble pixels are mixed with skin: the unmixed estimate must beat the cluster centre (the
  /// mixture) on the median, or the unmixing does nothing.
  @Test func unmixingBeatsTheClusterCentre() {
    let estimate = Self.median(Self.outcomes.map(\.hairError))
    let centroid = Self.median(Self.outcomes.map(\.centroidError))
    #expect(estimate < centroid, "estimate \(estimate), centre \(centroid)")
  }

  @Test func itaClassAwayFromEdges() {
    let edges = [55.0, 41, 28, 10, -30]
    for o in Self.outcomes where edges.allSatisfy({ abs(o.trueITA - $0) > Self.itaEdgeMargin }) {
      #expect(o.category == o.trueCategory, "\(o.name): \(o.category), truth \(o.trueCategory)")
    }
  }
}
