import Foundation
import PigmentMatch
import Testing

/// Hair on the real photos of `../shared/testdata/photos` against a manual measurement of hair
/// chosen by eye (`Fixtures/real-photo-hair.json`, computed independently by
/// `Fixtures/measure_hair_patches.py`: per-channel median CIELAB of hand-picked hair rectangles).
///
/// - Automatic (no region): where a person sees hair on the head, the analysis finds hair, of the
///   tone seen: within ΔE00 ``automaticTolerance`` of one of that photo's hair rectangles (hair
///   varies over a head — roots and lengths, grey strands — and the automatic band sits at the
///   hairline, the rectangles on the crown).
/// - Explicit (`hairRegions` = the rectangle): issue 13's bar, within ΔE00 6 of the manual median,
///   and a median error ≤ 3 over all rectangles.
@Suite struct RealPhotoHairTests {
  struct Patch: Decodable, Sendable {
    let what: String
    let region: [Int]
    let lab: [Double]
    var manual: Lab { Lab(l: lab[0], a: lab[1], b: lab[2]) }
  }

  struct Photo: Decodable, Sendable, CustomStringConvertible {
    let file: String
    let hair: [Patch]
    var description: String { file }
  }

  struct Document: Decodable { let photos: [Photo] }

  struct Marked: Sendable, CustomStringConvertible {
    let file: String
    let patch: Patch
    let skin: RegionOfInterest
    var description: String { "\(file): \(patch.what)" }
  }

  static let photos: [Photo] = {
    let url = TestData.packageRoot.appendingPathComponent("Tests/PigmentMatchTests/Fixtures/real-photo-hair.json")
    return (try? JSONDecoder().decode(Document.self, from: Data(contentsOf: url)))?.photos ?? []
  }()

  /// Automatic tone: near one of the rectangles seen (a looser bar than the explicit one, see above).
  static let automaticTolerance = 8.0
  static let explicitTolerance = 6.0

  static func region(_ v: [Int]) throws -> RegionOfInterest {
    try RegionOfInterest(x: v[0], y: v[1], width: v[2], height: v[3])
  }

  /// Each hair rectangle with a skin rectangle of the same person (from `real-photos.json`'s hand-picked patches).
  static let marked: [Marked] = photos.flatMap { photo in
    photo.hair.enumerated().compactMap { n, patch -> Marked? in
      guard let observed = RealPhotoRoleTests.photos.first(where: { $0.file == photo.file }) else { return nil }
      let person = observed.skin[min(n, observed.skin.count - 1)]
      guard let skin = try? region(person.patches[0]) else { return nil }
      return Marked(file: photo.file, patch: patch, skin: skin)
    }
  }

  @Test func everyHairPhotoIsMeasured() {
    #expect(Self.photos.count == 8)
    #expect(Self.marked.count == 11)
  }

  @Test(arguments: photos)
  func automaticHairIsFoundWhereAPersonSeesIt(_ photo: Photo) throws {
    let analysis = try ToneAnalysis(contentsOf: TestData.path("photos/" + photo.file))
    let hair = try #require(analysis.hair, "no hair found, \(analysis.warnings)")
    let error = photo.hair.map { DeltaE.ciede2000(hair.lab, $0.manual) }.min() ?? .infinity
    #expect(error <= Self.automaticTolerance, "hair \(hair.lab) is ΔE00 \(error) from the nearest rectangle seen")
  }

  /// A head of hair is measured where it meets the scalp, the hair micropigmentation imitates: on
  /// blond-hair.jpg (dark-blond roots at the crown, golden highlighted lengths) the tone is the
  /// roots', within issue 13's hair bar (ΔE00 6) and nearer them than the lengths.
  @Test func headOfHairIsMeasuredAtTheScalp() throws {
    let photo = try #require(Self.photos.first { $0.file == "consultation/blond-hair.jpg" })
    let roots = try #require(photo.hair.first { $0.what.contains("roots") })
    let lock = try #require(photo.hair.first { $0.what.contains("lock") })
    let hair = try #require(try ToneAnalysis(contentsOf: TestData.path("photos/" + photo.file)).hair)
    #expect(DeltaE.ciede2000(hair.lab, roots.manual) <= Self.explicitTolerance, "hair \(hair.lab)")
    #expect(DeltaE.ciede2000(hair.lab, roots.manual) < DeltaE.ciede2000(hair.lab, lock.manual))
  }

  static func explicitError(_ m: Marked) throws -> Double {
    var options = MeasurementOptions()
    options.skinRegions = [m.skin]
    options.hairRegions = [try region(m.patch.region)]
    let measurement = try PhotoMeasurement(contentsOf: TestData.path("photos/" + m.file), options: options)
    let hair = try #require(measurement.analysis.hair)
    return DeltaE.ciede2000(hair.lab, m.patch.manual)
  }

  @Test(arguments: marked)
  func explicitHairRegionMatchesTheManualMedian(_ m: Marked) throws {
    let error = try Self.explicitError(m)
    #expect(error <= Self.explicitTolerance, "ΔE00 \(error)")
  }

  @Test func explicitHairMedianErrorIsWithinThree() throws {
    let errors = try Self.marked.map(Self.explicitError)
    #expect(SampleAccuracyTests.median(errors) <= 3, "errors \(errors)")
  }
}
