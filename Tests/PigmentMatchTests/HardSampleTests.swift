import Foundation
import PigmentMatch
import Testing

/// A folder of generated hard cases (`pigmatch-samples FOLDER SEED --hard` or `--corners`) and the
/// automatic analysis of each against the generator's truth. A case with a grey card in the frame
/// (`"greyCard"` in its truth) is measured with `--grey-card` on that card, as a practitioner would.
struct HardCaseSet: Sendable {
  struct Truth: Decodable, Sendable, CustomStringConvertible {
    struct Tone: Decodable, Sendable { let lab: [Double] }
    struct Card: Decodable, Sendable {
      /// `x,y,w,h` in pixels.
      let roi: String
    }
    let name: String
    let file: String
    let skin: Tone
    let hair: Tone?
    let greyCard: Card?
    var description: String { name }
  }

  struct Outcome: Sendable {
    let name: String
    let skinError: Double
    /// nil for a bald truth.
    let hairError: Double?
    let hairFound: Bool
    let calibrated: Bool
  }

  let truths: [Truth]
  let outcomes: [Outcome]

  init(folder name: String) {
    let folder = TestData.packageRoot.appendingPathComponent("Tests/PigmentMatchTests/Fixtures/" + name)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    truths = names.filter { $0.hasSuffix(".truth.json") }.sorted().compactMap { file in
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)) else { return nil }
      return try? JSONDecoder().decode(Truth.self, from: data)
    }
    outcomes = truths.compactMap { truth in
      var options = MeasurementOptions()
      if let card = truth.greyCard {
        guard let roi = try? RegionOfInterest.parse(card.roi) else { return nil }
        options.calibration = .greyCard(roi, reference: GreyCard.standardLab)
      }
      let path = folder.appendingPathComponent(truth.file).path
      guard let measurement = try? PhotoMeasurement(contentsOf: path, options: options) else { return nil }
      let analysis = measurement.analysis
      let hairError = truth.hair.map { t in
        analysis.hair.map { DeltaE.ciede2000($0.lab, Self.lab(t.lab)) } ?? .infinity
      }
      return Outcome(
        name: truth.name, skinError: DeltaE.ciede2000(analysis.skin.lab, Self.lab(truth.skin.lab)),
        hairError: hairError, hairFound: analysis.hair != nil, calibrated: measurement.calibration.isCalibrated)
    }
  }

  static func lab(_ v: [Double]) -> Lab { Lab(l: v[0], a: v[1], b: v[2]) }

  /// Issue 13's bars on generated hard cases: skin median ΔE00 ≤ 1.5 (max 3), hair median ≤ 3
  /// (max 6), no hair on a bald scalp, hair found wherever it was drawn.
  func expectBars(sourceLocation: SourceLocation = #_sourceLocation) {
    let skin = outcomes.map(\.skinError)
    #expect(
      SampleAccuracyTests.median(skin) <= 1.5, "median skin ΔE00 \(SampleAccuracyTests.median(skin))",
      sourceLocation: sourceLocation)
    let hair = outcomes.compactMap(\.hairError)
    #expect(
      SampleAccuracyTests.median(hair) <= 3, "median hair ΔE00 \(SampleAccuracyTests.median(hair))",
      sourceLocation: sourceLocation)
    for o in outcomes {
      #expect(o.skinError <= 3, "\(o.name): skin ΔE00 \(o.skinError)", sourceLocation: sourceLocation)
      if let e = o.hairError {
        #expect(e <= 6, "\(o.name): hair ΔE00 \(e) (infinite: not found)", sourceLocation: sourceLocation)
      } else {
        #expect(!o.hairFound, "\(o.name): hair invented on a bald scalp", sourceLocation: sourceLocation)
      }
    }
  }
}

/// Automatic analysis of the generated hard cases (`Fixtures/hard-samples`, written by
/// `pigmatch-samples Tests/PigmentMatchTests/Fixtures/hard-samples 20261130 --hard`) against the
/// generator's truth: issue 13's targets are skin median ΔE00 ≤ 1.5 (max 3), hair median ≤ 3
/// (max 6), and no hair on a bald scalp.
@Suite struct HardSampleTests {
  static let set = HardCaseSet(folder: "hard-samples")

  @Test func everyHardCaseIsAnalysed() {
    #expect(Self.set.truths.count == 8)
    #expect(Self.set.outcomes.count == Self.set.truths.count)
  }

  @Test func skinAccuracy() {
    let errors = Self.set.outcomes.map(\.skinError)
    #expect(SampleAccuracyTests.median(errors) <= 1.5, "median skin ΔE00 \(SampleAccuracyTests.median(errors))")
    for o in Self.set.outcomes { #expect(o.skinError <= 3, "\(o.name): skin ΔE00 \(o.skinError)") }
  }

  @Test func baldHasNoHair() {
    let bald = Self.set.outcomes.filter { $0.hairError == nil }
    #expect(!bald.isEmpty)
    for o in bald { #expect(!o.hairFound, "\(o.name): hair invented on a bald scalp") }
  }

  /// Every case with hair, thin strands over a crown (h8: no pixel pure hair) and hair filling the
  /// frame (h4) included.
  @Test func hairAccuracy() {
    let errors = Self.set.outcomes.compactMap(\.hairError)
    #expect(errors.count == 7)
    #expect(SampleAccuracyTests.median(errors) <= 3, "median hair ΔE00 \(SampleAccuracyTests.median(errors))")
    for o in Self.set.outcomes {
      if let e = o.hairError { #expect(e <= 6, "\(o.name): hair ΔE00 \(e)") }
    }
  }
}

/// The same bars on hard cases beyond the tuned set (`Fixtures/hard-samples-holdout`, see its README;
/// five of them, h1 at 11007, h2 at 8007, c12 at 4007 and c03 at 1007 and 2007, failed in a sweep and
/// were then fixed, so they are regression cases, not held out): the hard set at another seed (11007, where a near-black backdrop above a bald
/// scalp was once taken for a head of hair), two cases whose pure hair clusters apart from the
/// skin–hair mixtures (blond fringe, black hair under a warm cast) and corners of the generator's range — the darkest and
/// lightest skin, black stubble on the lightest skin (JPEG keeps the skin's chroma on the dots), blond
/// hair, strong warm and cool casts measured with the grey card in the frame,
/// bald scalps beside a near-black backdrop, a skin-coloured wall and dark clothes, and hair as light
/// as or lighter than the skin (grey stubble level with tan skin or above dark clothes, white and
/// blond hair filling the frame: c05, c18, c06, c07, fixed after failing, so regression cases too).
@Suite struct HoldOutHardSampleTests {
  static let set = HardCaseSet(folder: "hard-samples-holdout")

  @Test func everyCaseIsAnalysed() {
    #expect(Self.set.truths.count == 25)
    #expect(Self.set.outcomes.count == Self.set.truths.count)
    // Bald: h1, c02, c14, c16, c17; a card (measured calibrated): c12 (twice), c13–c15.
    #expect(Self.set.outcomes.filter { $0.hairError == nil }.count == 5)
    #expect(Self.set.outcomes.filter(\.calibrated).count == 5)
  }

  @Test func issueBarsHold() { Self.set.expectBars() }
}
