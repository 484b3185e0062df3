import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// `pigmatch analyze` run in process: JSON fields per DESIGN.md, readable output, and bad input as
/// one stderr line with exit status 2.
@Suite struct AnalyzeCommandTests {
  static let packageRoot = Paths.packageRoot

  static let sample = packageRoot.appendingPathComponent("Samples/09-brown-black.jpg").path

  /// Runs the CLI with a capturing console: (status, stdout, stderr).
  static func run(_ arguments: [String]) -> (Int32, String, String) {
    let run = CLIRun(arguments)
    return (run.status, run.stdout, run.stderr)
  }

  /// A temporary PNG of flat colour; returns its path.
  static func png(_ name: String, width: Int, height: Int, rgb: (UInt8, UInt8, UInt8)) throws -> String {
    var pixels = [UInt8]()
    for _ in 0..<(width * height) { pixels += [rgb.0, rgb.1, rgb.2] }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pigmatch-\(getpid())-\(name).png").path
    try Data(try PNGEncoder.encode(srgb8: pixels, width: width, height: height)).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func jsonHasEveryContractField() throws {
    let (status, out, err) = Self.run(["analyze", Self.sample, "--json"])
    #expect(status == 0, "\(err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    // DESIGN.md's keys plus issue 13's: whether and how the photo was calibrated, where each role came from;
    // issue 15 (schema version 3): the schema version in every object.
    #expect(Set(object.keys) == ["schemaVersion", "photo", "skin", "hair", "clusters", "confidence", "warnings", "calibration", "roles"])
    let photo = try #require(object["photo"] as? [String: Any])
    #expect(Set(photo.keys) == ["width", "height", "format", "colorProfile", "analysedPixels"])
    #expect(photo["width"] as? Int == 800)
    let skin = try #require(object["skin"] as? [String: Any])
    #expect(Set(skin.keys) == ["lab", "hex", "share", "spread", "ita", "itaCategory", "fitzpatrick", "monk"])
    #expect((skin["lab"] as? [Double])?.count == 3)
    #expect(skin["itaCategory"] as? String == "brown")
    let fitzpatrick = try #require(skin["fitzpatrick"] as? [String: Any])
    #expect((fitzpatrick["note"] as? String)?.contains("convention") == true)
    let hair = try #require(object["hair"] as? [String: Any])
    // Version 4 adds the hair's ΔE00 to the skin (the report's "ΔE00 … from the skin").
    #expect(Set(hair.keys) == ["lab", "hex", "share", "spread", "deltaE00ToSkin"])
    #expect((hair["deltaE00ToSkin"] as? Double ?? 0) > 0)
    let clusters = try #require(object["clusters"] as? [[String: Any]])
    #expect(clusters.count >= 2)
    #expect(clusters.allSatisfy { Set($0.keys) == ["lab", "share", "role"] })
    #expect(clusters.contains { $0["role"] as? String == "skin" })
    let confidence = try #require(object["confidence"] as? Double)
    #expect((0...1).contains(confidence))
    #expect(object["warnings"] is [Any])
    // Key order is the contract's.
    #expect(out.hasPrefix("{\"schemaVersion\":4,\"photo\":{\"width\":800,\"height\":600,\"format\":\"jpeg\",\"colorProfile\""))
  }

  @Test func hairIsNullWhenNotFound() throws {
    let path = try Self.png("flatskin", width: 40, height: 40, rgb: (210, 160, 130))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (status, out, _) = Self.run(["analyze", path, "--json"])
    #expect(status == 0)
    #expect(out.contains("\"hair\":null"))
    #expect(out.contains("no hair visible: mark the hair with --hair-roi"))
  }

  @Test func readableOutputNotesTheConvention() {
    let (status, out, _) = Self.run(["analyze", Self.sample, "--roi", "0,200,800,400"])
    #expect(status == 0)
    #expect(out.contains("ITA°"))
    #expect(out.contains("Fitzpatrick"))
    #expect(out.contains("not clinically validated"))
    #expect(out.contains("follows its lighting"))  // ITA° from a photo depends on its exposure
    #expect(!out.contains("\u{1B}["))  // no ANSI colour when not a terminal
  }

  @Test func badInputIsOneLineAndExitTwo() throws {
    let blue = try Self.png("blue", width: 32, height: 32, rgb: (0, 0, 255))
    let black = try Self.png("black", width: 32, height: 32, rgb: (0, 0, 0))
    let white = try Self.png("white", width: 32, height: 32, rgb: (255, 255, 255))
    let dot = try Self.png("dot", width: 1, height: 1, rgb: (200, 150, 120))
    let mask = try Self.png("mask", width: 10, height: 10, rgb: (255, 255, 255))
    defer { for p in [blue, black, white, dot, mask] { try? FileManager.default.removeItem(atPath: p) } }
    let cases: [([String], String)] = [
      (["analyze", blue], "no skin-like pixels"),
      (["analyze", black], "all black"),
      (["analyze", white], "all white"),
      (["analyze", dot], "usable pixels"),
      (["analyze", Self.sample, "--roi", "700,500,200,200"], "not inside"),
      (["analyze", Self.sample, "--roi", "1,2,3"], "not a region"),
      (["analyze", Self.sample, "--mask", mask], "must be the same size"),
      (["analyze", Self.sample, "--mask", "/nonexistent/mask.png"], "no such file"),
      (["analyze", "/nonexistent/photo.jpg"], "no such file"),
    ]
    for (arguments, needle) in cases {
      let (status, out, err) = Self.run(arguments)
      #expect(status == 2, "\(arguments)")
      #expect(out.isEmpty)
      #expect(err.hasPrefix("pigmatch: "), "\(err)")
      #expect(err.filter { $0 == "\n" }.count == 1, "\(err)")
      #expect(err.contains(needle), "\(arguments): \(err)")
    }
  }

  @Test func maskOfTheRightSizeIsUsed() throws {
    let mask = try Self.png("fullmask", width: 800, height: 600, rgb: (255, 255, 255))
    defer { try? FileManager.default.removeItem(atPath: mask) }
    let (status, out, err) = Self.run(["analyze", Self.sample, "--mask", mask, "--json"])
    #expect(status == 0, "\(err)")
    #expect(out.contains("\"itaCategory\":\"brown\""))
  }
}
