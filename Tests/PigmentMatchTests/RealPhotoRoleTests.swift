import Foundation
import PigmentMatch
import Testing

/// Automatic roles on whole real photos (no region given), against what a practitioner sees in each
/// (`Fixtures/real-photos.json`: by-eye observations of a person, and each person's skin measured
/// independently from hand-picked patches by `Fixtures/measure_skin_patches.py`).
///
/// Issue 13's bar: on every photo the skin is right (ΔE00 ≤ 8 from the person's skin) or the
/// analysis is honestly unsure (confidence below 0.5 and a skin-uncertain warning); no hair is
/// invented on a bald or shaved scalp; hair that is reported is of the colour family one sees.
@Suite struct RealPhotoRoleTests {
  struct Observation: Decodable, Sendable, CustomStringConvertible {
    struct Person: Decodable, Sendable {
      let who: String
      /// Hand-picked skin rectangles (x, y, width, height).
      let patches: [[Int]]
      let reference: [Double]
    }
    let file: String
    let skinClass: String
    let hair: String
    let skin: [Person]
    var description: String { file }
  }

  struct Document: Decodable { let photos: [Observation] }

  static let fixture = TestData.packageRoot.appendingPathComponent(
    "Tests/PigmentMatchTests/Fixtures/real-photos.json")
  static let photos: [Observation] =
    (try? JSONDecoder().decode(Document.self, from: Data(contentsOf: fixture)))?.photos ?? []

  /// Issue 13: "right" is within ΔE00 8 of the person's skin.
  static let skinTolerance = 8.0

  static func analyse(_ photo: Observation) throws -> ToneAnalysis {
    try ToneAnalysis(contentsOf: TestData.path("photos/" + photo.file))
  }

  static func isSkinUncertain(_ warning: ToneWarning) -> Bool {
    if case .skinUncertain = warning { true } else { false }
  }

  @Test func everyRealPhotoIsObserved() {
    #expect(Self.photos.count == 12)
    #expect(Self.photos.allSatisfy { !$0.skin.isEmpty && $0.skin.allSatisfy { $0.reference.count == 3 } })
  }

  @Test(arguments: photos)
  func skinIsRightOrHonestlyUnsure(_ photo: Observation) throws {
    let analysis = try Self.analyse(photo)
    let error =
      photo.skin.map { DeltaE.ciede2000(analysis.skin.lab, Lab(l: $0.reference[0], a: $0.reference[1], b: $0.reference[2])) }
      .min() ?? .infinity
    let unsure = analysis.confidence < 0.5 && analysis.warnings.contains(where: Self.isSkinUncertain)
    #expect(
      error <= Self.skinTolerance || unsure,
      "skin \(analysis.skin.lab) is ΔE00 \(error) from the person's, confidence \(analysis.confidence), \(analysis.warnings)")
  }

  @Test(arguments: photos.filter { $0.hair == "none" })
  func noHairIsInventedOnABareScalp(_ photo: Observation) throws {
    let analysis = try Self.analyse(photo)
    #expect(analysis.hair == nil, "invented hair \(String(describing: analysis.hair?.lab))")
    #expect(analysis.warnings.contains(.hairNotFound))
    #expect(ToneWarning.hairNotFound.description.contains("--hair-roi"))
  }

  /// Hair the analysis reports is of the family seen; hair it does not find is said to be missing.
  @Test(arguments: photos.filter { $0.hair != "none" })
  func hairIsOfTheFamilySeenOrSaidMissing(_ photo: Observation) throws {
    let analysis = try Self.analyse(photo)
    guard let hair = analysis.hair else {
      #expect(analysis.warnings.contains(.hairNotFound))
      return
    }
    #expect(Self.family(photo.hair, contains: hair.lab), "\(photo.hair): hair \(hair.lab)")
  }

  /// The hair families named in the fixture, as broad CIELAB ranges of photographed hair (by eye:
  /// black hair photographs at L* below ~30; grey adds lightness but little chroma; blond is a
  /// yellow of moderate chroma; white is light and near-neutral).
  static func family(_ name: String, contains lab: Lab) -> Bool {
    let lch = lab.lch
    switch name {
    case "black": return lab.l <= 30
    case "black-grey": return lab.l <= 50 && lch.c <= 12
    case "blond": return (25...80).contains(lab.l) && lab.b >= 8 && (55...100).contains(lch.h)
    case "brown": return (8...55).contains(lab.l) && lch.c <= 30
    case "white": return lab.l >= 55 && lch.c <= 12
    case "black-or-white": return family("black", contains: lab) || family("white", contains: lab)
    case "none-or-dark": return lab.l <= 45
    default: return false
    }
  }
}
