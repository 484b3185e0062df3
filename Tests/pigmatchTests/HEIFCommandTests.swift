import Foundation
import Testing

@testable import pigmatch

/// The photo commands take HEIC/HEIF/AVIF files as they take PNG and JPEG.
@Suite("pigmatch with HEIF photos")
struct HEIFCommandTests {
  static func fixture(_ name: String) -> String { Paths.inPackage("Tests/PhotoIOTests/Fixtures/heif/" + name) }
  static let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")
  static let sample = fixture("samples/06-intermediate-brown-q60.heic")

  @Test func inspectReportsTheFileAndTheSameMeanAsTheSourcePNG() throws {
    // Lossless RGB (identity matrix): the same pixels as the PNG it was encoded from, so the
    // same mean CIELAB through an independent decoder.
    let heic = try CLIRun(["inspect", Self.fixture("rgb8-gbr-lossless.heic"), "--json"]).json()
    let png = try CLIRun(["inspect", Self.fixture("src-rgb8.png"), "--json"]).json()
    #expect(heic["format"] as? String == "heif")
    #expect(heic["width"] as? Int == 64 && heic["height"] as? Int == 48)
    #expect(heic["bitDepth"] as? Int == 8 && heic["channels"] as? Int == 3 && heic["orientation"] as? Int == 1)
    let a = try #require(heic["meanLab"] as? [Double]), b = try #require(png["meanLab"] as? [Double])
    for (x, y) in zip(a, b) { #expect(abs(x - y) < 1e-6) }
    let avif = try CLIRun(["inspect", Self.fixture("rgb8-gbr-lossless.avif"), "--json"]).json()
    #expect(avif["format"] as? String == "avif")
  }

  @Test func inspectShowsThePhoneRotationApplied() throws {
    let json = try CLIRun(["inspect", Self.fixture("phone/iphone-arrow-rotated.heic"), "--json"]).json()
    #expect(json["width"] as? Int == 3024 && json["height"] as? Int == 4032 && json["orientation"] as? Int == 1)
  }

  /// The sample's true colours are in its truth file (skin L*a*b* 60, 10, 14; hair 32, 6, 11);
  /// through HEVC at q60 the analysis stays within the sample-accuracy bounds (skin ΔE00 3, hair 6).
  @Test func analyzeMeasuresTheSampleThroughHEIC() throws {
    let run = CLIRun(["analyze", Self.sample, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try run.json()
    let photo = try #require(json["photo"] as? [String: Any])
    #expect(photo["format"] as? String == "heif" && photo["width"] as? Int == 800)
    let skin = try #require((json["skin"] as? [String: Any])?["lab"] as? [Double])
    let hair = try #require((json["hair"] as? [String: Any])?["lab"] as? [Double])
    func deltaE(_ lab: [Double], _ truth: String) throws -> Double {
      let colour = lab.map { String(format: "%.4f", $0) }.joined(separator: ",")
      let json = try CLIRun(["color", colour, truth, "--json"]).json()
      return try #require(json["deltaE00"] as? Double)
    }
    #expect(try deltaE(skin, "60,10,14") <= 3.0)
    #expect(try deltaE(hair, "32,6,11") <= 6.0)
  }

  @Test func matchAndReportAcceptHEIC() throws {
    let match = CLIRun(["match", Self.sample, "--palette", Self.palette, "--json"])
    #expect(match.status == 0, "\(match.stderr)")
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("heif-report-\(UUID()).html").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let report = CLIRun(["report", Self.sample, "--palette", Self.palette, "-o", out])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(FileManager.default.fileExists(atPath: out))
  }

  @Test func batchFindsHEICHEIFAndAVIFInAnyCase() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("pigmatch-heif-batch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: root + "/photos", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    for name in ["a.HEIC", "b.heif", "c.Avif"] {
      let source = name == "c.Avif" ? Self.fixture("rgb8-q90.avif") : Self.sample
      try FileManager.default.copyItem(atPath: source, toPath: root + "/photos/" + name)
    }
    let output = root + "/results.jsonl"
    let run = CLIRun(["batch", root + "/photos", "--palette", Self.palette, "-o", output])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(lines.compactMap { $0["photo"] as? String } == ["a.HEIC", "b.heif", "c.Avif"].map { root + "/photos/" + $0 })
    // The two consultation photos match; the 64 × 48 colour chart has no skin, but is read.
    #expect(lines.prefix(2).allSatisfy { $0["blend"] != nil })
    let error = lines.last?["error"] as? String ?? ""
    #expect(!error.contains("not a PNG") && !error.contains("not supported"))
  }
}
