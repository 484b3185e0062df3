import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// The shared region, calibration and `--fitzpatrick` options on `analyze`, `match`, `report` and
/// `batch`, run in process on a real consultation photo (internal material) and a Samples photo.
@Suite("region and calibration options")
struct RegionOptionsCommandTests {
  static let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")
  /// black-hair.jpg: forehead (medium-brown skin) and crown (black hair with grey), marked by eye.
  static let photo = Paths.testdata("photos/consultation/black-hair.jpg")
  static let skinROI = "500,300,200,70"
  static let hairROI = "400,120,360,80"

  @Test func analyzeMeasuresTheMarkedRolesAndSaysUncalibrated() throws {
    let run = CLIRun(["analyze", Self.photo, "--skin-roi", Self.skinROI, "--hair-roi", Self.hairROI, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try run.json()
    let roles = try #require(json["roles"] as? [String: Any])
    #expect(roles["skin"] as? String == "given")
    #expect(roles["hair"] as? String == "given")
    #expect((roles["skinRegions"] as? [[Int]]) == [[500, 300, 200, 70]])
    let calibration = try #require(json["calibration"] as? [String: Any])
    #expect(calibration["calibrated"] as? Bool == false)
    #expect(calibration["method"] as? String == "none")
    // Medium-brown forehead and black hair, as seen in the photo.
    let skin = try #require((json["skin"] as? [String: Any])?["lab"] as? [Double])
    let hair = try #require((json["hair"] as? [String: Any])?["lab"] as? [Double])
    #expect(skin[0] > 55 && skin[0] < 80 && skin[2] > 15)
    #expect(hair[0] < 25)

    let text = CLIRun(["analyze", Self.photo, "--skin-roi", Self.skinROI, "--hair-roi", Self.hairROI])
    #expect(text.stdout.contains("calibration  uncalibrated"))
    #expect(text.stdout.contains("(given)"))
  }

  @Test func repeatedSkinRegionsAreAllUsed() throws {
    let run = CLIRun([
      "analyze", Self.photo, "--skin-roi", Self.skinROI, "--skin-roi", "520,380,100,20", "--hair-roi", Self.hairROI,
      "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let roles = try #require(try run.json()["roles"] as? [String: Any])
    #expect((roles["skinRegions"] as? [[Int]])?.count == 2)
  }

  @Test func matchUsesTheStatedFitzpatrickType() throws {
    let run = CLIRun([
      "match", Self.photo, "--palette", Self.palette, "--skin-roi", Self.skinROI, "--hair-roi", Self.hairROI,
      "--fitzpatrick", "VI", "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try run.json()
    let h = try #require(json["hyperpigmentation"] as? [String: Any])
    #expect(h["risk"] as? String == "high")
    let type = try #require(h["skinType"] as? [String: Any])
    #expect(type["source"] as? String == "stated")
    #expect(type["fitzpatrick"] as? String == "VI")
    #expect(
      (json["analysis"] as? [String: Any]).flatMap { $0["roles"] as? [String: Any] }?["statedFitzpatrick"] as? String
        == "VI")
  }

  @Test func matchWithoutTheTypeAsksToConfirmIt() throws {
    let run = CLIRun([
      "match", Self.photo, "--palette", Self.palette, "--skin-roi", Self.skinROI, "--hair-roi", Self.hairROI,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    // Uncalibrated: the type is unconfirmed and the risk never low.
    #expect(run.stdout.contains("Fitzpatrick type unconfirmed"))
    #expect(run.stdout.contains("uncalibrated"))
    let json = try CLIRun([
      "match", Self.photo, "--palette", Self.palette, "--skin-roi", Self.skinROI, "--hair-roi", Self.hairROI, "--json",
    ]).json()
    let h = try #require(json["hyperpigmentation"] as? [String: Any])
    #expect(h["risk"] as? String != "low")
    #expect((h["skinType"] as? [String: Any])?["source"] as? String == "unconfirmed")
    #expect((h["advice"] as? [String])?.first?.hasPrefix("Confirm the client's Fitzpatrick type") == true)
  }

  @Test(
    "Bad region and calibration arguments are one line, exit 2",
    arguments: [
      (["--skin-roi", "1,2,3"], "not a region"),
      (["--hair-roi", "0,0,99999,10"], "not inside"),
      (["--grey-card", "0,0,10,10", "--colorchecker", "0,0,1,0,1,1,0,1"], "either --grey-card or --colorchecker"),
      (["--card-lab", "50,0,0"], "--card-lab needs --grey-card"),
      (["--colorchecker", "1,2,3"], "eight"),
      (["--fitzpatrick", "VII"], "fitzpatrick"),
      (["--grey-card", "0,0,50,50", "--card-lab", "0,0,0"], "card colour"),
    ])
  func badArguments(_ extra: [String], _ expected: String) {
    let run = CLIRun(["analyze", Self.photo] + extra)
    #expect(run.status == 2)
    #expect(run.stderr.contains(expected), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test func reportTakesTheRegionsAndOutlinesThemAndTheCard() throws {
    let folder = try makeTemporaryFolder("report-regions")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("client.html").path
    let run = CLIRun([
      "report", Self.photo, "--palette", Self.palette, "-o", out, "--skin-roi", Self.skinROI, "--hair-roi",
      Self.hairROI, "--fitzpatrick", "IV",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("class=\"marked-skin\" x=\"500.0\" y=\"300.0\" width=\"200.0\" height=\"70.0\""))
    #expect(html.contains("class=\"marked-hair\" x=\"400.0\" y=\"120.0\""))
    #expect(html.contains("uncalibrated"))
    #expect(html.contains("Fitzpatrick IV, stated by the practitioner"))
    #expect(html.contains("measured in the marked regions"))
  }

  @Test func reportOutlinesTheGreyCardAndSaysCalibrated() throws {
    let folder = try makeTemporaryFolder("report-card")
    defer { try? FileManager.default.removeItem(at: folder) }
    // A warm-cast scene: skin on top, dark hair bottom left, a standard grey card bottom right.
    let skin = LinearRGB(Lab(l: 66, a: 14, b: 17))
    let hair = LinearRGB(Lab(l: 24, a: 4, b: 7))
    let card = LinearRGB(GreyCard.standardLab)
    var pixels: [UInt8] = []
    for y in 0..<80 {
      for x in 0..<120 {
        let c = y < 40 ? skin : x < 60 ? hair : card
        let p = SRGB8(clamping: SRGB(LinearRGB(r: c.r * 1.3, g: c.g, b: c.b * 0.6)))
        pixels += [p.r, p.g, p.b]
      }
    }
    let photo = folder.appendingPathComponent("scene.png").path
    try Data(PNGEncoder.encode(srgb8: pixels, width: 120, height: 80)).write(to: URL(fileURLWithPath: photo))
    let out = folder.appendingPathComponent("client.html").path
    let run = CLIRun([
      "report", photo, "--palette", Self.palette, "-o", out, "--skin-roi", "0,0,120,40", "--hair-roi", "0,40,60,40",
      "--grey-card", "60,40,60,40",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("class=\"marked-card\" x=\"60.0\" y=\"40.0\" width=\"60.0\" height=\"40.0\""))
    #expect(html.contains("calibrated: white balance"))
    let analyze = CLIRun([
      "analyze", photo, "--skin-roi", "0,0,120,40", "--hair-roi", "0,40,60,40", "--grey-card", "60,40,60,40", "--json",
    ])
    let calibration = try #require(try analyze.json()["calibration"] as? [String: Any])
    #expect(calibration["calibrated"] as? Bool == true)
    #expect(calibration["method"] as? String == "grey-card")
  }

  @Test func lowConfidenceLeadsTheOutputs() throws {
    let folder = try makeTemporaryFolder("low-confidence")
    defer { try? FileManager.default.removeItem(at: folder) }
    // A tiny marked skin (16 pixels) and hair: confidence √(16/400) = 0.2, below 0.5.
    var pixels: [UInt8] = []
    for y in 0..<20 {
      for x in 0..<20 {
        let p = SRGB8(clamping: y < 10 ? Lab(l: 40, a: 14, b: 20) : Lab(l: 15, a: 2, b: 3))
        _ = x
        pixels += [p.r, p.g, p.b]
      }
    }
    let photo = folder.appendingPathComponent("tiny.png").path
    try Data(PNGEncoder.encode(srgb8: pixels, width: 20, height: 20)).write(to: URL(fileURLWithPath: photo))
    let marks = ["--skin-roi", "2,2,4,4", "--hair-roi", "2,12,16,6"]
    let json = try CLIRun(["match", photo, "--palette", Self.palette, "--json"] + marks).json()
    #expect((json["warnings"] as? [String])?.first?.hasPrefix("LOW CONFIDENCE") == true)
    let analysis = try #require(json["analysis"] as? [String: Any])
    #expect((analysis["warnings"] as? [String])?.first?.hasPrefix("LOW CONFIDENCE") == true)
    #expect((json["hyperpigmentation"] as? [String: Any])?["risk"] as? String == "high")
    let text = CLIRun(["match", photo, "--palette", Self.palette] + marks)
    #expect(text.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("⚠ LOW CONFIDENCE") == true)
    let out = folder.appendingPathComponent("r.html").path
    #expect(CLIRun(["report", photo, "--palette", Self.palette, "-o", out] + marks).status == 0)
    let html = try String(contentsOfFile: out, encoding: .utf8)
    let banner = try #require(html.range(of: "Unsure measurement"))
    let client = try #require(html.range(of: "<section class=\"client\""))
    #expect(banner.lowerBound < client.lowerBound)
  }

  @Test func batchReadsSidecarsAndMeasuresOtherPhotosAutomatically() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("pigmatch-sidecar-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.copyItem(atPath: Self.photo, toPath: root.appendingPathComponent("marked.jpg").path)
    try FileManager.default.copyItem(
      atPath: Paths.inPackage("Samples/09-brown-black.jpg"), toPath: root.appendingPathComponent("plain.jpg").path)
    try FileManager.default.copyItem(
      atPath: Paths.inPackage("Samples/09-brown-black.jpg"), toPath: root.appendingPathComponent("broken.jpg").path)
    try Data(#"{"skin": [[500,300,200,70]], "hair": [[400,120,360,80]], "fitzpatrick": "V"}"#.utf8)
      .write(to: root.appendingPathComponent("marked.jpg.regions.json"))
    try Data(#"{"skin": [[500,300,200,70]], "hiar": []}"#.utf8).write(
      to: root.appendingPathComponent("broken.jpg.regions.json"))
    let out = root.appendingPathComponent("results.jsonl").path
    let run = CLIRun(["batch", root.path, "--palette", Self.palette, "-o", out, "--jobs", "1"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(lines.count == 3)
    func line(_ name: String) -> [String: Any]? { lines.first { ($0["photo"] as? String)?.hasSuffix(name) == true } }
    let broken = try #require(line("broken.jpg"))
    #expect((broken["error"] as? String)?.contains("unknown key \"hiar\"") == true)
    let marked = try #require(line("marked.jpg"))
    let roles = try #require((marked["analysis"] as? [String: Any])?["roles"] as? [String: Any])
    #expect(roles["skin"] as? String == "given")
    let type = try #require((marked["hyperpigmentation"] as? [String: Any])?["skinType"] as? [String: Any])
    #expect(type["source"] as? String == "stated" && type["fitzpatrick"] as? String == "V")
    let plain = try #require(line("plain.jpg"))
    let plainRoles = try #require((plain["analysis"] as? [String: Any])?["roles"] as? [String: Any])
    #expect(plainRoles["skin"] as? String == "found")
  }
}
