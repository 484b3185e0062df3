import Foundation
import Testing

@testable import PigmentMatch

/// One analysed sample photo and its match, shared by the report tests (the analysis is slow).
enum ReportFixture {
  struct Fixture: Sendable {
    let photo: Photo
    let analysis: ToneAnalysis
    let palette: Palette
    let match: MatchReport
    let thumbnail: ReportThumbnail
  }

  static let photoPath = TestData.samples.appendingPathComponent("06-intermediate-brown.jpg").path
  static let palettePath = TestData.packageRoot.appendingPathComponent(
    "Palettes/iron-oxide-tones.json"
  ).path

  static let shared: Result<Fixture, any Error> = Result {
    let options = ToneAnalysisOptions()
    let photo = try PhotoDecoder.decode(
      contentsOf: photoPath, options: DecodeOptions(minimumShortSide: options.minimumShortSide))
    let analysis = try ToneAnalysis(photo: photo, name: photoPath, options: options)
    let palette = try Palette.load(path: palettePath)
    let match = try MatchPipeline(palette: palette, options: .init(timelineYears: 10)).run(
      analysis: analysis)
    return Fixture(
      photo: photo, analysis: analysis, palette: palette, match: match,
      thumbnail: try ReportThumbnail(photo: photo, regions: analysis.regions))
  }

  static func get() throws -> Fixture { try shared.get() }

  /// The fixture's match (same skin fit, target and skin type) for another dot geometry.
  static func match(
    dotDiameter: Double = StubbleImpression.defaultDotDiameter, spacing: Double = StubbleImpression.defaultSpacing
  ) throws -> MatchReport {
    let f = try get()
    if dotDiameter == StubbleImpression.defaultDotDiameter, spacing == StubbleImpression.defaultSpacing {
      return f.match
    }
    return try MatchPipeline(
      palette: f.palette, options: .init(timelineYears: 10, dotDiameter: dotDiameter, spacing: spacing)
    ).run(fit: f.match.skinFit, target: f.match.matchTarget, skinType: f.match.conditions.skinType)
  }

  static func page(name: String = "06-intermediate-brown.jpg") throws -> (HTMLReport, String) {
    let f = try get()
    let report = HTMLReport(photoName: name, match: try output(f.match), thumbnail: f.thumbnail)
    return (report, report.render())
  }

  /// The contract object of `match` measured as `analysis` (default: the fixture's), as
  /// `match --json` writes it: the report's only source of numbers.
  static func output(_ match: MatchReport, analysis: ToneAnalysis? = nil) throws -> JSONContract.MatchOutput {
    let f = try get()
    return JSONContract.MatchOutput(
      PhotoMeasurement(automatic: analysis ?? f.analysis), match,
      palette: JSONContract.PaletteIdentity(palette: match.palette, file: palettePath, bytes: []),
      options: JSONContract.RunOptions(match.conditions.options), stated: nil)
  }

  /// The page of `match` (measured as `analysis`, default the fixture's) without a thumbnail.
  static func html(
    _ match: MatchReport, analysis: ToneAnalysis? = nil, thumbnail: ReportThumbnail? = nil,
    record: ClinicalRecord? = nil
  ) throws -> String {
    HTMLReport(
      photoName: "x.jpg", match: try output(match, analysis: analysis), thumbnail: thumbnail, record: record
    ).render()
  }
}

/// Every match of `pattern` (one capture group) in `text`.
func captures(_ pattern: String, in text: String) throws -> [String] {
  let regex = try NSRegularExpression(pattern: pattern)
  let range = NSRange(text.startIndex..., in: text)
  return regex.matches(in: text, range: range).compactMap { match in
    Range(match.range(at: 1), in: text).map { String(text[$0]) }
  }
}

@Suite("HTML report")
struct HTMLReportTests {
  @Test func embedsTheThumbnailAsAPNGDataURI() throws {
    let f = try ReportFixture.get()
    let (_, html) = try ReportFixture.page()
    #expect(
      f.thumbnail.width <= ReportThumbnail.defaultMaximumSide
        && f.thumbnail.height <= ReportThumbnail.defaultMaximumSide)
    #expect(Array(f.thumbnail.png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(
      html.contains(
        "<image href=\"data:image/png;base64,\(Data(f.thumbnail.png).base64EncodedString())\""))
  }

  @Test func outlinesTheSkinAndHairRegions() throws {
    let (_, html) = try ReportFixture.page()
    let skin = try captures(#"<path class="region-skin" d="([^"]*)""#, in: html)
    let hair = try captures(#"<path class="region-hair" d="([^"]*)""#, in: html)
    #expect(skin.count == 1 && hair.count == 1)
    // Real outlines: many segments each, and different ones.
    #expect(skin.first.map { $0.filter { $0 == "M" }.count } ?? 0 >= 4)
    #expect(hair.first.map { $0.filter { $0 == "M" }.count } ?? 0 >= 4)
    #expect(skin != hair)
  }

  @Test func showsTheMatchColours() throws {
    let f = try ReportFixture.get()
    let (_, html) = try ReportFixture.page()
    func hexOf(_ cls: String) throws -> [String] {
      try captures(
        "<div class=\"swatch \(cls)\"[^>]*><svg[^>]*><rect[^>]* fill=\"(#[0-9a-f]{6})\"", in: html)
    }
    #expect(try hexOf("swatch-skin") == [SRGB8(clamping: f.analysis.skin.lab).hex])
    #expect(try hexOf("swatch-hair") == [SRGB8(clamping: try #require(f.analysis.hair).lab).hex])
    #expect(try hexOf("swatch-follicle") == [SRGB8(clamping: f.match.target).hex])
    #expect(try hexOf("swatch-dot") == [SRGB8(clamping: f.match.solution.blend.dotLab).hex])
    let stubble = try #require(f.match.fade.entries.first).stubbleLab
    #expect(try hexOf("swatch-stubble") == [SRGB8(clamping: stubble).hex])
    #expect(
      try hexOf("halo-week")
        == f.match.hyperpigmentation.healing.map { SRGB8(clamping: $0.stubbleLab).hex })
    #expect(try captures(#"data-week="(\d+)""#, in: html) == ["0", "4", "8", "12"])
    // The stubble pattern: dots of the healed dot's colour on the skin's colour — the model's bare
    // skin between the dots (MatchReport.skinLab), as in the "Bare skin" preview beside it; it
    // differs from the measured skin by the skin fit's residual.
    let pattern = try captures(
      #"<pattern id="stubble-true"[^>]*><rect[^>]* fill="(#[0-9a-f]{6})"/>"#, in: html)
    #expect(pattern == [SRGB8(clamping: f.match.skinLab).hex])
    #expect(
      html.contains("<g fill=\"\(SRGB8(clamping: f.match.solution.blend.dotLab).hex)\"><circle"))
  }

  @Test func hasOneFadeSwatchPerYear() throws {
    let f = try ReportFixture.get()
    let (_, html) = try ReportFixture.page()
    let years = try captures(#"<rect class="fade-swatch" data-year="(\d+)""#, in: html)
    #expect(years == f.match.fade.entries.map { String($0.year) })
    #expect(years.count == 11)
    let fills = try captures(#"<rect class="fade-swatch"[^>]* fill="(#[0-9a-f]{6})""#, in: html)
    #expect(fills == f.match.fade.entries.map { SRGB8(clamping: $0.dotLab).hex })
  }

  @Test func marksTheTouchUpYearAtItsX() throws {
    let f = try ReportFixture.get()
    let (report, html) = try ReportFixture.page()
    let year = try #require(
      f.match.fade.touchUpYear, "the fixture's blend needs a touch-up within 10 years")
    let marker = try captures(#"<line class="touch-up" data-year="(\d+)""#, in: html)
    #expect(marker == [String(year)])
    let x = try #require(
      try captures(#"<line class="touch-up" data-year="\d+" x1="([0-9.]+)""#, in: html).first
        .flatMap(Double.init))
    #expect(abs(x - report.chart.x(year: Double(year))) < 0.051)
    // Independently of the chart's own mapping: the marker sits on the centre of that year's swatch.
    let swatch = try captures(
      #"<rect class="fade-swatch" data-year="\#(year)" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)""#,
      in: html)
    let joined = try captures(
      #"<rect class="fade-swatch" data-year="\#(year)" x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)""#,
      in: html)
    let left = try #require(swatch.first.flatMap(Double.init))
    let width = try #require(joined.first.flatMap(Double.init))
    #expect(abs(left + width / 2 - x) < 0.11)
    // And proportionally along the axis: year y of N at y/N of the plot width.
    let chart = report.chart
    let expected =
      chart.left + (chart.width - chart.left - chart.right) * Double(year) / Double(chart.lastYear)
    #expect(abs(x - expected) < 0.051)
  }

  @Test func escapesAHostileFileName() throws {
    let hostile = "<script>alert(\"x\")</script>&'.jpg"
    let (_, html) = try ReportFixture.page(name: hostile)
    #expect(!html.contains("<script"))
    #expect(!html.contains("alert(\"x\")"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;.jpg"))
  }

  @Test func isSelfContained() throws {
    let (_, html) = try ReportFixture.page()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for forbidden in [
      "<script", "<link", "<iframe", "@import", "url(http", "src=\"http", "href=\"http",
    ] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    // Every href is a data URI or a fragment; the only absolute URL is the SVG namespace.
    let hrefs = try captures(#"href="([^"]{0,16})"#, in: html)
    #expect(
      !hrefs.isEmpty && hrefs.allSatisfy { $0.hasPrefix("data:image/png") || $0.hasPrefix("#") })
    let urls = try captures(#"(https?://[^"\s]+)"#, in: html)
    #expect(Set(urls) == ["http://www.w3.org/2000/svg"])
    #expect(html.contains("@media print"))
  }

  @Test func saysWhenTheHairIsOutOfReach() throws {
    let f = try ReportFixture.get()
    let (_, html) = try ReportFixture.page()
    #expect(
      html.contains("class=\"alert out-of-reach\"")
        == (f.match.solution.blend.deltaE00 > FadeModel.matchThreshold))
    // A reachable target — the healed dot of the fixture's own blend, given directly — has no notice.
    let reachable = try MatchPipeline(palette: f.palette).run(
      fit: f.match.skinFit, target: .direct(f.match.solution.blend.dotLab))
    #expect(reachable.solution.blend.deltaE00 <= FadeModel.matchThreshold)
    let page = try ReportFixture.html(reachable)
    #expect(!page.contains("out-of-reach"))
    #expect(
      page.contains("Fitzpatrick") && page.contains("(convention)")
        && page.contains("Modelled from proxies"))
  }
}

@Suite("Report pieces")
struct ReportPieceTests {
  @Test(arguments: [
    ("plain", "plain"), ("a<b>&c", "a&lt;b&gt;&amp;c"), ("\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"),
    ("tab\tok\u{0}\u{7}", "tab\tok"), ("ΔE00 → café", "ΔE00 → café"),
  ])
  func escaping(input: String, expected: String) {
    #expect(HTMLEscaping.escape(input) == expected)
  }

  @Test func outlineOfASquareIsFourSegments() {
    // 4×4 grid, the middle 2×2 inside, cells 10×5 units.
    var inside = [Bool](repeating: false, count: 16)
    for (c, r) in [(1, 1), (2, 1), (1, 2), (2, 2)] { inside[r * 4 + c] = true }
    let d = RegionOutline.path(inside: inside, columns: 4, rows: 4, cellWidth: 10, cellHeight: 5)
    #expect(d == "M10.0 5.0H30.0M10.0 15.0H30.0M10.0 5.0V15.0M30.0 5.0V15.0")
    #expect(
      RegionOutline.path(inside: inside, columns: 3, rows: 4, cellWidth: 1, cellHeight: 1).isEmpty)
  }

  @Test func regionMapCoversThePhoto() throws {
    let f = try ReportFixture.get()
    let map = f.analysis.regions
    #expect(map.columns == ToneRegionMap.maximumCells && map.rows == 48)  // 800×600 photo
    for i in 0..<(map.columns * map.rows) {
      #expect(
        map.skinShares[i] >= 0 && map.hairShares[i] >= 0
          && map.skinShares[i] + map.hairShares[i] <= 1.0001)
    }
    // The hair share over the map, weighted by cell, is close to the analysis' own hair share
    // (cells are nearly equal; rejected pixels count against both).
    let meanHair = map.hairShares.reduce(0, +) / Float(map.hairShares.count)
    let hair = try #require(f.analysis.hair)
    #expect(meanHair > 0 && Double(meanHair) <= hair.share + 0.02)
  }

  @Test func swatchSheetDecodesBackWithItsColours() throws {
    let f = try ReportFixture.get()
    let output = try ReportFixture.output(f.match)
    let sheet = SwatchSheet(match: output)
    let photo = try PhotoDecoder.decode(bytes: try sheet.png(), name: "sheet.png")
    let columns = max(4, f.match.fade.entries.count)
    let left = sheet.frame(row: 0, index: 0).x
    #expect(
      photo.width == left + columns * SwatchSheet.cell + (columns - 1) * SwatchSheet.gap
        + SwatchSheet.margin)
    #expect(photo.width == sheet.width && photo.height == sheet.height)
    #expect(
      photo.height == sheet.frame(row: 2, index: 0).y + SwatchSheet.cell + SwatchSheet.captionGap
        + SwatchSheet.textHeight + SwatchSheet.margin)
    guard case .srgb8(let samples) = photo.pixels else {
      Issue.record("expected 8-bit sRGB samples")
      return
    }
    func colour(_ x: Int, _ y: Int) -> String {
      let o = 3 * (y * photo.width + x)
      return SRGB8(r: samples[o], g: samples[o + 1], b: samples[o + 2]).hex
    }
    // The contract's colours (rounded to 0.001 in Lab, as `match --json` writes them).
    let stubble = try #require(output.fade.timeline.first).stubbleLab
    let expected: [[Lab]] = [
      [output.analysis.skin.lab, try #require(output.analysis.hair).lab, output.target.lab, output.blend.dotLab, stubble]
        .map(\.colour),
      output.fade.timeline.map(\.dotLab.colour),
      output.hyperpigmentation.healing.map(\.stubbleLab.colour),
    ]
    for (row, labs) in expected.enumerated() {
      for (index, lab) in labs.enumerated() {
        let box = sheet.frame(row: row, index: index)
        for (x, y) in [
          (box.x, box.y), (box.x + box.width - 1, box.y + box.height - 1),
          (box.x + box.width / 2, box.y + box.height / 2),
        ] {
          #expect(colour(x, y) == SRGB8(clamping: lab).hex, "row \(row) swatch \(index)")
        }
      }
    }
    let first = sheet.frame(row: 0, index: 0)
    #expect(
      colour(0, 0) == "#ffffff"
        && colour(first.x + first.width + SwatchSheet.gap / 2, first.y) == "#ffffff")
  }

}
