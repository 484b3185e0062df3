import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// `report`'s clinical-record options: on the page, escaped; bad dates and geometry rejected with
/// one line and exit 2.
@Suite("pigmatch report: clinical record")
struct ReportRecordCommandTests {
  @Test func recordOptionsAppearOnThePage() throws {
    let folder = try makeTemporaryFolder("report-record")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("client.html")
    let run = CLIRun([
      "report", ReportCommandTests.photo, "--palette", ReportCommandTests.palette, "-o", out.path,
      "--client", "C-0042 <Jo>", "--practitioner", "Sam & Lee", "--date", "2026-11-30",
      "--notes", "Hairline first; \"soft\" edge", "--dot-size", "0.2", "--spacing", "0.9",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.contains("C-0042 &lt;Jo&gt;") && html.contains("Sam &amp; Lee"))
    #expect(html.contains("Hairline first; &quot;soft&quot; edge"))
    #expect(html.contains("2026-11-30 (30 November 2026)"))
    #expect(html.contains("pigmatch \(ToolVersion.tool)"))
    #expect(html.contains("dots 0.200 mm, 0.90 mm apart"))
    // The stubble swatch states the same geometry: coverage π(0.1)²/0.9² = 0.0388 by hand.
    #expect(html.contains("dots 0.200 mm, 0.90 mm apart: 3.9 % of the skin"))
    // The touch-up date: 30 November 2026 plus the months the page states, counted by hand for
    // the months this fixture gives (its fade is pinned by FadeModelTests: 3–6 years for typical
    // skin; here the follicle target is out of reach sooner).
    let months = try #require(
      try captures(#"</strong>: visit \+ (\d+) months"#, in: html).first.flatMap { Int($0) })
    let dates = try captures(#"<dd><strong>(\d{4}-\d{2}-\d{2}) \("#, in: html)
    let year = 2026 + (10 + months) / 12  // November is month index 10 (0-based)
    let month = (10 + months) % 12 + 1
    let day = min(30, [31, VisitDate.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    #expect(dates == [String(format: "%04d-%02d-%02d", year, month, day)])
  }

  @Test func dateDefaultsToToday() throws {
    let folder = try makeTemporaryFolder("report-today")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("client.html")
    let before = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    let run = CLIRun(["report", ReportCommandTests.photo, "--palette", ReportCommandTests.palette, "-o", out.path])
    let after = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOf: out, encoding: .utf8)
    let shown = try captures(#"<dt>Visit</dt><dd>(\d{4}-\d{2}-\d{2}) "#, in: html)
    let expected = [before, after].map { String(format: "%04d-%02d-%02d", $0.year ?? 0, $0.month ?? 0, $0.day ?? 0) }
    #expect(shown.count == 1 && expected.contains(shown[0]), "\(shown)")
  }

  static let badInputs: [([String], String)] = [
    (["--date", "2026-02-30"], "--date: day 30 is not 1…28 in February 2026"),
    (["--date", "30/11/2026"], "--date: \"30/11/2026\" is not a date in the form yyyy-mm-dd"),
    (["--date", "2026-13-01"], "--date: month 13 is not 1…12"),
    (["--dot-size", "0"], "--dot-size must be 0.05…1 mm, got 0.0"),
    (["--dot-size", "nan"], "--dot-size must be 0.05…1 mm"),
    (["--spacing", "5"], "--spacing must be 0.2…3 mm, got 5.0"),
    (["--dot-size", "0.8", "--spacing", "0.5"], "--spacing (0.5 mm) must be larger than --dot-size (0.8 mm)"),
    (["--client", String(repeating: "x", count: 2_001)], "--client is longer than 2000 characters"),
  ]

  @Test("bad record option: one line on stderr, exit 2", arguments: badInputs)
  func badInput(extra: [String], message: String) {
    let run = CLIRun(
      ["report", ReportCommandTests.photo, "--palette", ReportCommandTests.palette, "-o", "/tmp/never-written.html"]
        + extra)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("pigmatch: ") && run.stderr.filter { $0 == "\n" }.count == 1)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.html"))
  }
}
