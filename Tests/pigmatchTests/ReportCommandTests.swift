import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// A fresh empty folder under the temporary directory.
func makeTemporaryFolder(_ prefix: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite("pigmatch report")
struct ReportCommandTests {
  static let photo = Paths.inPackage("Samples/06-intermediate-brown.jpg")
  static let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")

  @Test func writesTheHTMLPageAtomically() throws {
    let folder = try makeTemporaryFolder("report")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("client.html")
    try Data("old contents".utf8).write(to: out)
    let run = CLIRun([
      "report", Self.photo, "--palette", Self.palette, "-o", out.path, "--years", "3", "--sun",
      "high",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    #expect(html.contains("data:image/png;base64,") && html.contains("06-intermediate-brown.jpg"))
    #expect(html.contains("sun high"))
    #expect(
      try captures(#"class="fade-swatch" data-year="(\d+)""#, in: html) == ["0", "1", "2", "3"])
    // Only the output is left in the folder: the temporary file was renamed, not copied.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["client.html"])
  }

  @Test func pngWritesTheSwatchSheet() throws {
    let folder = try makeTemporaryFolder("report-png")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("sheet.png")
    // Sample 03 is in reach of the iron oxides (ΔE00 ≈ 1.2), so its only notice is the calibration;
    // sample 06 sits just out of reach (≈ 1.9) since the Monte Carlo recalibration of the optics.
    let photo = Paths.inPackage("Samples/03-light-dark-brown.jpg")
    let run = CLIRun(["report", photo, "--palette", Self.palette, "-o", out.path, "--png"])
    #expect(run.status == 0, "\(run.stderr)")
    let sheet = try PhotoDecoder.decode(contentsOf: out.path)
    // 11 years (0…10) in the fade row: the widest row, right of the title column ("HEALING",
    // 82 px, and its gap); on top the one notice of this uncalibrated, confident sample
    // ("UNCALIBRATED: …", one line), then the recipe on one line, then three rows of swatches and
    // captions.
    let left = SwatchSheet.margin + 82 + SwatchSheet.titleGap
    #expect(sheet.width == left + 11 * SwatchSheet.cell + 10 * SwatchSheet.gap + SwatchSheet.margin)
    let top = SwatchSheet.margin + 2 * (SwatchSheet.textHeight + SwatchSheet.headerGap)
    #expect(
      sheet.height == top + 3 * SwatchSheet.rowPitch - SwatchSheet.rowGap + SwatchSheet.margin)
    // The notice is drawn in warning red in the first line.
    guard case .srgb8(let samples) = sheet.pixels else {
      Issue.record("expected 8-bit samples")
      return
    }
    var red = 0
    for y in SwatchSheet.margin..<(SwatchSheet.margin + SwatchSheet.textHeight) {
      for x in 0..<sheet.width {
        let o = 3 * (y * sheet.width + x)
        if SRGB8(r: samples[o], g: samples[o + 1], b: samples[o + 2]) == SwatchSheet.alert { red += 1 }
      }
    }
    #expect(red > 100)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sheet.png"])
  }

  static let badInputs: [([String], String)] = [
    (["report", photo, "--palette", palette], "Missing expected argument '--output <output>'"),
    (
      ["report", photo, "--palette", palette, "-o", "/no/such/folder/out.html"],
      "/no/such/folder/out.html: cannot write"
    ),
    (["report", "/no/such/photo.jpg", "--palette", palette, "-o", "/tmp/x.html"], "no such file"),
    (["report", photo, "--palette", "/no/such/palette.json", "-o", "/tmp/x.html"], "palette.json"),
    (
      ["report", photo, "--palette", palette, "-o", "/tmp/x.html", "--years", "99"],
      "--years must be 0…50, got 99"
    ),
  ]

  @Test("bad input: one line on stderr, exit 2", arguments: badInputs)
  func badInput(arguments: [String], message: String) {
    let run = CLIRun(arguments)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("pigmatch: ") && run.stderr.filter { $0 == "\n" }.count == 1)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test func unwritableTargetsFailCleanly() throws {
    let folder = try makeTemporaryFolder("report-bad")
    defer { try? FileManager.default.removeItem(at: folder) }
    // The output names a folder: nothing is replaced and no temporary file is left.
    let sub = folder.appendingPathComponent("taken")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
    let run = CLIRun(["report", Self.photo, "--palette", Self.palette, "-o", sub.path, "--png"])
    #expect(run.status == 2 && run.stderr.contains("is a folder"), "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
    // A path through a regular file cannot be written, even by root (CI runs as root, so a
    // read-only folder would not test anything there).
    let file = folder.appendingPathComponent("plain-file")
    try Data("x".utf8).write(to: file)
    let denied = CLIRun([
      "report", Self.photo, "--palette", Self.palette, "-o", file.appendingPathComponent("r.png").path, "--png",
    ])
    #expect(denied.status == 2 && denied.stderr.contains("cannot write"), "\(denied.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["plain-file", "taken"])
  }
}

/// Every match of `pattern`'s first capture group in `text`.
func captures(_ pattern: String, in text: String) throws -> [String] {
  let regex = try NSRegularExpression(pattern: pattern)
  return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
    Range(match.range(at: 1), in: text).map { String(text[$0]) }
  }
}
