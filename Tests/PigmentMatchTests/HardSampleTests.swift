import Foundation
import PigmentMatch
import Testing

/// Automatic analysis of the generated hard cases (`Fixtures/hard-samples`, written by
/// `pigmatch-samples Tests/PigmentMatchTests/Fixtures/hard-samples 20261130 --hard`) against the
/// generator's truth: issue 13's targets are skin median ΔE00 ≤ 1.5 (max 3), hair median ≤ 3
/// (max 6), and no hair on a bald scalp.
@Suite struct HardSampleTests {
  struct Truth: Decodable, Sendable, CustomStringConvertible {
    struct Tone: Decodable, Sendable { let lab: [Double] }
    let name: String
    let file: String
    let skin: Tone
    let hair: Tone?
    var description: String { name }
    var path: String { HardSampleTests.folder.appendingPathComponent(file).path }
  }

  static let folder = TestData.packageRoot.appendingPathComponent("Tests/PigmentMatchTests/Fixtures/hard-samples")
  static let truths: [Truth] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".truth.json") }.sorted().compactMap { name in
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
      return try? JSONDecoder().decode(Truth.self, from: data)
    }
  }()

  struct Outcome: Sendable {
    let name: String
    let skinError: Double
    /// nil for a bald truth.
    let hairError: Double?
    let hairFound: Bool
  }

  static func lab(_ v: [Double]) -> Lab { Lab(l: v[0], a: v[1], b: v[2]) }

  static let outcomes: [Outcome] = truths.compactMap { truth in
    guard let analysis = try? ToneAnalysis(contentsOf: truth.path) else { return nil }
    let hairError = truth.hair.map { t in analysis.hair.map { DeltaE.ciede2000($0.lab, lab(t.lab)) } ?? .infinity }
    return Outcome(
      name: truth.name, skinError: DeltaE.ciede2000(analysis.skin.lab, lab(truth.skin.lab)), hairError: hairError,
      hairFound: analysis.hair != nil)
  }

  @Test func everyHardCaseIsAnalysed() {
    #expect(Self.truths.count == 8)
    #expect(Self.outcomes.count == Self.truths.count)
  }

  @Test func skinAccuracy() {
    let errors = Self.outcomes.map(\.skinError)
    #expect(SampleAccuracyTests.median(errors) <= 1.5, "median skin ΔE00 \(SampleAccuracyTests.median(errors))")
    for o in Self.outcomes { #expect(o.skinError <= 3, "\(o.name): skin ΔE00 \(o.skinError)") }
  }

  @Test func baldHasNoHair() {
    let bald = Self.outcomes.filter { $0.hairError == nil }
    #expect(!bald.isEmpty)
    for o in bald { #expect(!o.hairFound, "\(o.name): hair invented on a bald scalp") }
  }

  /// Every case with hair, thin strands over a crown (h8: no pixel pure hair) and hair filling the
  /// frame (h4) included.
  @Test func hairAccuracy() {
    let errors = Self.outcomes.compactMap(\.hairError)
    #expect(errors.count == 7)
    #expect(SampleAccuracyTests.median(errors) <= 3, "median hair ΔE00 \(SampleAccuracyTests.median(errors))")
    for o in Self.outcomes {
      if let e = o.hairError { #expect(e <= 6, "\(o.name): hair ΔE00 \(e)") }
    }
  }
}
