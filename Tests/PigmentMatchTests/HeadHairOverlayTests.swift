import Foundation
import PhotoIO
import Testing

@testable import PigmentMatch

/// Issue 13, deliverable 5: the report's photo overlay shows the regions used. A hair found by
/// place (`HeadHair`: the band above the skin, when no cluster is hair) is outlined like any hair.
///
/// Oracle: the hair rectangles a person marked by eye on each photo (`Fixtures/real-photo-hair.json`)
/// and the skin patches marked the same way (`Fixtures/real-photos.json`), not the code's output.
@Suite struct HeadHairOverlayTests {
  /// Real photos whose hair the analysis finds by place: short or thin hair on a face photo,
  /// clustered with the suit or backdrop, and black hair over a crown (seen: no cluster takes the
  /// hair role on them).
  static let foundByPlace = [
    "consultation/black-hair.jpg", "face_recognition/obama.jpg", "face_recognition/obama2.jpg",
    "face_recognition/biden.jpg", "face_recognition/two_people.jpg",
  ]

  struct Rect {
    let x, y, w, h: Double
    func intersects(_ o: Rect) -> Bool { x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h }
    func contains(x px: Double, y py: Double) -> Bool { px >= x && px < x + w && py >= y && py < y + h }
  }

  /// The hand-marked skin patches of `file` (`Fixtures/real-photos.json`).
  static func skinPatches(_ file: String) throws -> [Rect] {
    struct Person: Decodable { let patches: [[Int]] }
    struct Entry: Decodable {
      let file: String
      let skin: [Person]
    }
    struct Document: Decodable { let photos: [Entry] }
    let url = TestData.packageRoot.appendingPathComponent("Tests/PigmentMatchTests/Fixtures/real-photos.json")
    let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: url))
    let entry = try #require(document.photos.first { $0.file == file })
    return entry.skin.flatMap(\.patches).map {
      Rect(x: Double($0[0]), y: Double($0[1]), w: Double($0[2]), h: Double($0[3]))
    }
  }

  @Test(arguments: foundByPlace)
  func bandIsOutlinedAsHair(file: String) throws {
    let path = TestData.path("photos/" + file)
    let analysis = try ToneAnalysis(contentsOf: path)
    // Found by place: a hair, yet no cluster in the hair role.
    #expect(analysis.hair != nil)
    #expect(!analysis.clusters.contains { $0.role == .hair })

    // The cells the report outlines as hair, as rectangles in photo coordinates.
    let map = analysis.regions
    let cut = HTMLReport.hairCellShare(map)
    let cw = Double(analysis.photo.width) / Double(map.columns)
    let ch = Double(analysis.photo.height) / Double(map.rows)
    var outlined: [Rect] = []
    for r in 0..<map.rows {
      for c in 0..<map.columns where map.hairShare(column: c, row: r) >= cut && map.hairShare(column: c, row: r) > 0 {
        outlined.append(Rect(x: Double(c) * cw, y: Double(r) * ch, w: cw, h: ch))
      }
    }
    #expect(!outlined.isEmpty, "no hair cell outlined")
    // Where a person marked the hair, the outline is there.
    let marked = try #require(RealPhotoHairTests.photos.first { $0.file == file }).hair.map {
      Rect(x: Double($0.region[0]), y: Double($0.region[1]), w: Double($0.region[2]), h: Double($0.region[3]))
    }
    #expect(marked.contains { box in outlined.contains { $0.intersects(box) } }, "\(file): outline misses the hair")
    // And not on the skin a person marked (forehead, cheek).
    for patch in try Self.skinPatches(file) {
      let onSkin = outlined.filter { patch.contains(x: $0.x + $0.w / 2, y: $0.y + $0.h / 2) }
      #expect(onSkin.isEmpty, "\(file): hair outlined on the skin at \(onSkin.map { ($0.x, $0.y) })")
    }
    // Every outlined cell lies above the marked skin's lowest edge (the band is above the skin).
    let lowestSkin = try Self.skinPatches(file).map { $0.y + $0.h }.max() ?? 0
    #expect(outlined.allSatisfy { $0.y < lowestSkin })
  }

  /// The page draws that outline: one hair path, with segments, in the hair colour.
  @Test func reportDrawsTheBand() throws {
    let path = TestData.path("photos/face_recognition/obama.jpg")
    let photo = try PhotoDecoder.decode(
      contentsOf: path, options: DecodeOptions(minimumShortSide: ToneAnalysisOptions().minimumShortSide))
    let analysis = try ToneAnalysis(photo: photo, name: path, options: ToneAnalysisOptions())
    let f = try ReportFixture.get()
    let html = try ReportFixture.html(
      f.match, analysis: analysis, thumbnail: try ReportThumbnail(photo: photo, regions: analysis.regions))
    let hair = try captures(#"<path class="region-hair" d="([^"]*)""#, in: html)
    #expect(hair.count == 1)
    #expect((hair.first?.filter { $0 == "M" }.count ?? 0) >= 4)
    #expect(html.contains("<path class=\"region-hair\" d=\"\(hair.first ?? "")\" fill=\"none\" stroke=\"\(HTMLReport.hairOutline)\""))
  }
}
