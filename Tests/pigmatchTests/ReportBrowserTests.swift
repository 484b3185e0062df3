import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// The report as a real browser draws it: headless Chromium screenshots the page and the test
/// checks the picture — not blank, the photo and the match's swatch colours on it.
///
/// Needs the Debian package `chromium` (binary `chromium` or `chromium-browser` on PATH; `.ci/run`
/// installs it); without it the tests fail.
@Suite("pigmatch report in a browser")
struct ReportBrowserTests {
  /// Screenshot colours may differ from the page's by this much per 8-bit channel: Chromium's
  /// colour management and rounding of sRGB colours (observed 0–1; 3 leaves room).
  static let channelTolerance = 3

  /// The first of `chromium`, `chromium-browser` found on PATH.
  static func findChromium() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in ["chromium", "chromium-browser"] {
      for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  /// Runs `executable` with `arguments`, killing it after `timeout` seconds; returns its status.
  static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws
    -> Int32
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      return -1
    }
    return process.terminationStatus
  }

  @Test func screenshotShowsThePage() throws {
    let chromium = try #require(
      Self.findChromium(), "chromium is not installed (apt-get install -y chromium; .ci/run installs it)")
    let folder = try makeTemporaryFolder("report-browser")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let run = CLIRun([
      "report", ReportCommandTests.photo, "--palette", ReportCommandTests.palette, "-o", page.path,
    ])
    try #require(run.status == 0, "\(run.stderr)")
    let screenshot = folder.appendingPathComponent("shot.png")
    let status = try Self.run(
      chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--force-color-profile=srgb",
        "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
        "--screenshot=\(screenshot.path)", "--window-size=1200,2400", page.absoluteString,
      ], timeout: 120)
    try #require(status == 0, "chromium exited with \(status)")
    let shot = try PhotoDecoder.decode(contentsOf: screenshot.path)
    #expect(shot.width == 1200 && shot.height == 2400)
    let pixels = (0..<shot.pixelCount).map { i -> SRGB8 in
      let (r, g, b) = shot.linearRGB(at: i)
      return SRGB8(clamping: SRGB(LinearRGB(r: Double(r), g: Double(g), b: Double(b))))
    }
    // Not blank: not all white, many colours (the photo thumbnail alone has thousands).
    let white = pixels.filter { $0.r > 250 && $0.g > 250 && $0.b > 250 }.count
    #expect(Double(white) < 0.97 * Double(pixels.count))
    #expect(Set(pixels).count > 2_000)
    // The match's colours are on screen as swatches (each ≥ 150×70 CSS pixels, count ≥ 2000).
    let html = try String(contentsOf: page, encoding: .utf8)
    let skin = try #require(
      try captures(
        #"<div class="swatch swatch-skin"[^>]*><svg[^>]*><rect[^>]* fill="(#[0-9a-f]{6})""#,
        in: html
      ).first)
    let hair = try #require(
      try captures(
        #"<div class="swatch swatch-hair"[^>]*><svg[^>]*><rect[^>]* fill="(#[0-9a-f]{6})""#,
        in: html
      ).first)
    let dot = try #require(
      try captures(
        #"<div class="swatch swatch-dot"[^>]*><svg[^>]*><rect[^>]* fill="(#[0-9a-f]{6})""#, in: html
      ).first)
    for hex in [skin, hair, dot] {
      let colour = try #require(SRGB8(hex: hex))
      let near = pixels.filter {
        abs(Int($0.r) - Int(colour.r)) <= Self.channelTolerance
          && abs(Int($0.g) - Int(colour.g)) <= Self.channelTolerance
          && abs(Int($0.b) - Int(colour.b)) <= Self.channelTolerance
      }.count
      #expect(near >= 2_000, "swatch \(hex): \(near) pixels")
    }
  }

  /// PDF page boxes, points: ISO 216 A4 is 210 × 297 mm, ANSI Letter 8.5 × 11 in (72 pt an inch).
  static let paper: [(css: String, width: Double, height: Double)] = [
    ("A4", 210 / 25.4 * 72, 297 / 25.4 * 72), ("letter", 8.5 * 72, 11 * 72),
  ]

  /// The page prints to A4 and to Letter: every page has that size and the report fits a few
  /// pages (the record, client and recipe, the preview, fade and halo, the legend).
  @Test(arguments: paper)
  func printsToPaper(css: String, width: Double, height: Double) throws {
    let chromium = try #require(Self.findChromium(), "chromium is not installed")
    let folder = try makeTemporaryFolder("report-print")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let run = CLIRun([
      "report", ReportCommandTests.photo, "--palette", ReportCommandTests.palette, "-o", page.path,
      "--client", "C-1", "--date", "2026-11-30",
    ])
    try #require(run.status == 0, "\(run.stderr)")
    // The printer's paper stands in for the page's `size: auto`.
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("@page { size: auto;"))
    try Data(html.replacingOccurrences(of: "@page { size: auto;", with: "@page { size: \(css);").utf8).write(to: page)
    let pdf = folder.appendingPathComponent("report.pdf")
    let status = try Self.run(
      chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
        "--print-to-pdf=\(pdf.path)", page.absoluteString,
      ], timeout: 120)
    try #require(status == 0, "chromium exited with \(status)")
    let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
    let boxes = try captures(#"/MediaBox \[0 0 ([0-9.]+ [0-9.]+)\]"#, in: text)
    let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
    #expect((2...5).contains(pages), "\(pages) pages")
    #expect(boxes.count == pages)
    for box in boxes {
      let size = box.split(separator: " ").compactMap { Double($0) }
      #expect(size.count == 2 && abs(size[0] - width) < 1 && abs(size[1] - height) < 1, "\(box)")
    }
  }
}
