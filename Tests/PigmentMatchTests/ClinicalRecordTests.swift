import Foundation
import Testing

@testable import PigmentMatch

/// Visit dates: ISO `yyyy-mm-dd` parsing with errors that say what is wrong, and the touch-up date
/// as the visit plus whole months, checked against hand-counted calendar dates.
@Suite("Visit dates")
struct VisitDateTests {
  @Test(arguments: [
    ("2026-11-30", 2026, 11, 30), ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
    ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31),
  ])
  func parses(text: String, year: Int, month: Int, day: Int) throws {
    let date = try VisitDate(iso: text)
    #expect(date.year == year && date.month == month && date.day == day)
    #expect(date.description == text)
  }

  /// Each bad date and the words its error must contain.
  static let bad: [(String, String)] = [
    ("2026-02-30", "day 30 is not 1…28 in February 2026"),
    ("2026-02-29", "day 29 is not 1…28 in February 2026"),  // 2026 is not a leap year
    ("1900-02-29", "day 29 is not 1…28 in February 1900"),  // a century not divisible by 400
    ("2026-04-31", "day 31 is not 1…30 in April 2026"),
    ("2026-13-01", "month 13 is not 1…12"),
    ("2026-00-10", "month 0 is not 1…12"),
    ("0000-01-01", "year 0 is not 1…9999"),
    ("30/11/2026", "not a date in the form yyyy-mm-dd"),
    ("2026-1-5", "not a date in the form yyyy-mm-dd"),
    ("2026-11-30T10:00", "not a date in the form yyyy-mm-dd"),
    ("", "not a date in the form yyyy-mm-dd"),
    ("+026-11-30", "not a date in the form yyyy-mm-dd"),
    ("２０２６-11-30", "not a date in the form yyyy-mm-dd"),  // full-width digits
  ]

  @Test(arguments: bad)
  func rejects(text: String, message: String) {
    #expect {
      _ = try VisitDate(iso: text)
    } throws: { error in
      (error as? VisitDateError)?.description.contains(message) == true
    }
  }

  /// Hand-counted: the same day N months on; a day the month lacks becomes its last day.
  static let additions: [(String, Int, String?)] = [
    ("2026-11-30", 14, "2028-01-30"),  // Nov 2026 + 14 = Jan 2028
    ("2026-01-31", 1, "2026-02-28"),  // no 31 February; 2026 not leap
    ("2024-01-31", 1, "2024-02-29"),  // leap year
    ("2026-08-31", 6, "2027-02-28"),
    ("2026-03-31", 1, "2026-04-30"),
    ("2026-12-15", 0, "2026-12-15"),
    ("2026-12-15", 1, "2027-01-15"),  // across the year
    ("2026-05-10", 60, "2031-05-10"),  // five years
    ("9999-12-01", 1, nil),  // past year 9999
  ]

  @Test(arguments: additions)
  func addsMonths(start: String, months: Int, expected: String?) throws {
    #expect(try VisitDate(iso: start).adding(months: months)?.description == expected)
  }

  @Test func longFormNamesTheMonth() throws {
    #expect(try VisitDate(iso: "2028-01-30").longDescription == "30 January 2028")
  }

  /// The report's touch-up date (``ClinicalRecord/touchUp(_:)`` of the JSON's `fade`, what the page
  /// shows) is the visit plus the timeline's months, counted here with Foundation's Gregorian
  /// calendar (a different method) from the fixture's real match.
  @Test func touchUpDateIsTheVisitPlusTheTouchUpMonths() throws {
    let f = try ReportFixture.get()
    let months = try #require(f.match.fade.touchUpMonths)
    let record = ClinicalRecord(client: "x", visit: try VisitDate(iso: "2026-11-30"))
    let date = try #require(record.touchUp(try ReportFixture.output(f.match).fade))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let visit = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 30)))
    let later = try #require(calendar.date(byAdding: .month, value: months, to: visit))
    let parts = calendar.dateComponents([.year, .month, .day], from: later)
    #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day])
  }
}

/// The report as a clinical record: the record, the warnings at the top, the preview and the
/// legend on the page.
@Suite("Report as a clinical record")
struct ClinicalReportTests {
  static func page(
    record: ClinicalRecord?, dotDiameter: Double = StubbleImpression.defaultDotDiameter,
    spacing: Double = StubbleImpression.defaultSpacing
  ) throws -> String {
    let f = try ReportFixture.get()
    return HTMLReport(
      photoName: "client.jpg",
      match: try ReportFixture.output(ReportFixture.match(dotDiameter: dotDiameter, spacing: spacing)),
      thumbnail: f.thumbnail, record: record
    ).render()
  }

  @Test func showsTheRecordEscaped() throws {
    let record = ClinicalRecord(
      client: "Ann <b>O'Neil</b> #12", practitioner: "Dr. Smith & Co", visit: try VisitDate(iso: "2026-03-14"),
      notes: "Scar at the crown <script>")
    let html = try Self.page(record: record)
    #expect(html.contains("Ann &lt;b&gt;O&#39;Neil&lt;/b&gt; #12"))
    #expect(html.contains("Dr. Smith &amp; Co"))
    #expect(html.contains("Scar at the crown &lt;script&gt;") && !html.contains("<script"))
    #expect(html.contains("2026-03-14 (14 March 2026)"))
    #expect(html.contains(ToolVersion.tool) && html.contains("Iron Oxide Tones, version 1.0.0"))
    #expect(html.contains("uncalibrated: colours as the camera rendered them"))
    #expect(html.contains("skin and hair found automatically"))  // no measurement given
    // The record and the warnings come before the client's swatches.
    let record0 = try #require(html.range(of: "class=\"record\""))
    let warnings = try #require(html.range(of: "class=\"top-warnings\""))
    let client = try #require(html.range(of: "class=\"client\""))
    #expect(record0.lowerBound < warnings.lowerBound && warnings.lowerBound < client.lowerBound)
  }

  @Test func everyWarningIsAtTheTop() throws {
    let f = try ReportFixture.get()
    let html = try Self.page(record: nil)
    let client = try #require(html.range(of: "class=\"client\"")).lowerBound
    let top = String(html[..<client])
    for warning in f.analysis.warnings {
      if case .lowConfidence = warning { continue }
      #expect(top.contains(HTMLEscaping.escape(warning.description)))
    }
    #expect(top.contains("Uncalibrated photo"))
    #expect(top.contains("Hyperpigmentation risk \(f.match.hyperpigmentation.risk.rawValue)") == (f.match.hyperpigmentation.risk >= .moderate))
    #expect(top.contains("analysis confidence"))
  }

  @Test func legendExplainsDeltaE() throws {
    let html = try Self.page(record: nil)
    #expect(html.contains("just noticeable") && html.contains("up to 1.8 this tool calls a healed dot a match"))
    // The pairs differ by the ΔE00 their labels say (recomputed from the drawn hex colours).
    let pairs = try captures(
      #"<figure class="de-pair" data-delta-e="([0-9.]+)""#, in: html)
    #expect(pairs == ["1.0", "1.8", "5.0"])
    let fills = try captures(#"<figure class="de-pair"[^>]*><svg[^>]*><rect[^>]* fill="(#[0-9a-f]{6})""#, in: html)
    let others = try captures(#"<rect x="40" width="40" height="32" fill="(#[0-9a-f]{6})""#, in: html)
    #expect(fills.count == 3 && others.count == 3)
    for (index, target) in [1.0, 1.8, 5.0].enumerated() {
      let a = Lab(try #require(SRGB8(hex: fills[index])))
      let b = Lab(try #require(SRGB8(hex: others[index])))
      // 8-bit rounding moves each colour by up to half a code value (≈0.3 ΔE00 here).
      #expect(abs(DeltaE.ciede2000(a, b) - target) < 0.4, "pair \(target)")
    }
  }

  /// The PNG behind a `<figure class="preview CLS">`'s image, decoded.
  static func previewImage(_ cls: String, in html: String) throws -> Photo {
    let uri = try #require(
      try captures(#"<figure class="preview \#(cls)">(?:<svg[^>]*>)?<(?:img src|image href)="data:image/png;base64,([A-Za-z0-9+/=]+)""#, in: html).first)
    let bytes = try #require(Data(base64Encoded: uri))
    return try PhotoDecoder.decode(bytes: Array(bytes), name: "\(cls).png")
  }

  static func colours(_ photo: Photo) -> [Lab] {
    (0..<photo.pixelCount).map { i in
      let (r, g, b) = photo.linearRGB(at: i)
      return Lab(LinearRGB(r: Double(r), g: Double(g), b: Double(b)))
    }
  }

  /// The magnified preview shows the dots: its most different pixel is well past what an eye
  /// notices (ΔE00 ≈ 1) from the bare-skin patch drawn beside it — unlike the whole patch's
  /// average, the stubble impression, which stays under 1 (the truth the page states).
  static let visibleDeltaE00 = 2.0

  @Test func previewIsVisiblyDifferentFromBareSkin() throws {
    let f = try ReportFixture.get()
    let html = try Self.page(record: nil)
    let bare = Self.colours(try Self.previewImage("preview-bare", in: html))
    let dots = Self.colours(try Self.previewImage("preview-dots", in: html))
    let skin = try #require(bare.first)
    #expect(bare.allSatisfy { DeltaE.ciede2000($0, skin) < 0.01 })  // bare skin is one colour
    let largest = dots.map { DeltaE.ciede2000($0, skin) }.max() ?? 0
    #expect(largest > Self.visibleDeltaE00, "largest ΔE00 \(largest)")
    // The whole patch still averages near the stubble impression, a sub-threshold shift.
    let stubble = try #require(f.match.fade.entries.first?.stubbleLab)
    #expect(DeltaE.ciede2000(stubble, f.match.skinLab) < 1)
    // The dots are where the grid puts them: about (side / spacing)² dark blobs.
    let image = try Self.previewImage("preview-dots", in: html)
    let side = 6.0  // the patch: 8 pitches of 0.75 mm
    #expect(image.width == 320)
    let expected = Int((side / StubbleImpression.defaultSpacing).rounded(.up))
    #expect(Self.darkBlobs(dots, width: image.width, skin: skin) >= (expected - 1) * (expected - 1))
  }

  /// Local maxima of ΔE00 from `skin` above half the largest, at least 4 pixels apart.
  static func darkBlobs(_ pixels: [Lab], width: Int, skin: Lab) -> Int {
    let d = pixels.map { DeltaE.ciede2000($0, skin) }
    let height = pixels.count / width
    let cut = 0.5 * (d.max() ?? 0)
    var count = 0
    for y in 4..<(height - 4) {
      for x in 4..<(width - 4) where d[y * width + x] > cut {
        var peak = true
        for dy in -4...4 {
          for dx in -4...4 where (dx, dy) != (0, 0) && d[(y + dy) * width + x + dx] > d[y * width + x] {
            peak = false
          }
        }
        if peak { count += 1 }
      }
    }
    return count
  }

  /// Raised risks: the fixture's intermediate skin with dense dots (0.125 mm at 0.5 mm, coverage
  /// 4.9 % > 4 %: moderate) and a dark skin (ITA° −45°: high), both per Hyperpigmentation's rule.
  static let raised: [(String, Double, HyperpigmentationRisk)] = [
    ("intermediate, dense", 0.5, .moderate), ("dark", StubbleImpression.defaultSpacing, .high),
  ]

  @Test(arguments: raised)
  func haloIsDrawnWhenTheRiskIsRaised(name: String, spacing: Double, risk: HyperpigmentationRisk) throws {
    let f = try ReportFixture.get()
    let match =
      name == "dark"
      ? try MatchPipeline(palette: f.palette, options: .init(spacing: spacing)).run(
        skin: Lab(l: 35, a: 10, b: 15), hair: Lab(l: 20, a: 2, b: 3))
      : try ReportFixture.match(spacing: spacing)
    let h = match.hyperpigmentation
    #expect(h.risk == risk)
    let html = try ReportFixture.html(match)
    let r = StubbleImpression.defaultDotDiameter / 2
    let rings = try captures(#"<circle class="halo-edge" cx="[0-9.]+" cy="[0-9.]+" r="([0-9.]+)""#, in: html)
    #expect(rings.count == 1)
    #expect(abs((Double(rings.first ?? "") ?? 0) - r * (1 + h.haloWidthInRadii)) < 1e-4)
    // The ring is painted: a pixel inside it is darker than the same pixel drawn without a halo.
    let field = 10 * StubbleImpression.defaultDotDiameter
    let pixelsPerMM = 240 / field
    let with = StubblePreview(
      dot: match.solution.blend.dotLab, skin: match.skinLab, halo: h.haloLab,
      dotDiameter: 2 * r, spacing: StubbleImpression.defaultSpacing)
    let without = StubblePreview(
      dot: match.solution.blend.dotLab, skin: match.skinLab, halo: nil,
      dotDiameter: 2 * r, spacing: StubbleImpression.defaultSpacing)
    let a = with.singleDot(side: field, pixelsPerMM: pixelsPerMM, haloWidthInRadii: h.haloWidthInRadii)
    let b = without.singleDot(side: field, pixelsPerMM: pixelsPerMM, haloWidthInRadii: h.haloWidthInRadii)
    // Half-way across the ring, right of the centre.
    let x = Int(((field / 2) + r * (1 + h.haloWidthInRadii / 2)) * pixelsPerMM)
    let y = Int(field / 2 * pixelsPerMM)
    let inRing = DeltaE.ciede2000(Lab(a.colour(x: x, y: y)), Lab(b.colour(x: x, y: y)))
    #expect(inRing > 0.5, "halo ΔE00 \(inRing)")
    #expect(Lab(a.colour(x: x, y: y)).l < Lab(b.colour(x: x, y: y)).l)
    // Far outside the ring the two agree: only the halo differs.
    #expect(a.colour(x: 0, y: 0) == b.colour(x: 0, y: 0))
    // And the page's halo image is the one with the halo.
    let drawn = try Self.previewImage("preview-halo", in: html)
    let (lr, lg, lb) = drawn.linearRGB(at: y * drawn.width + x)
    let pageColour = Lab(LinearRGB(r: Double(lr), g: Double(lg), b: Double(lb)))
    #expect(DeltaE.ciede2000(pageColour, Lab(a.colour(x: x, y: y))) < 0.2)
  }

  @Test func dotGeometryChangesThePreview() throws {
    let html = try Self.page(record: nil, dotDiameter: 0.3, spacing: 1.0)
    #expect(html.contains("dots 0.300 mm, 1.00 mm apart (100 per cm²)"))
    #expect(html.contains("<circle class=\"dot-edge\" cx=\"1.5000\" cy=\"1.5000\" r=\"0.1500\""))
  }

  @Test func touchUpIsADate() throws {
    let f = try ReportFixture.get()
    let months = try #require(f.match.fade.touchUpMonths)
    let html = try Self.page(record: ClinicalRecord(visit: try VisitDate(iso: "2026-01-31")))
    let due = try #require(try VisitDate(iso: "2026-01-31").adding(months: months))
    #expect(html.contains("<strong>\(due) (\(due.longDescription))</strong>: visit + \(months) months"))
    #expect(html.contains("the visit on 2026-01-31 plus \(months) months"))
  }
}
