import Foundation
import Testing

@testable import PigmentMatch

/// The swatch sheet carries the warnings (issue 15: out of reach, low confidence, uncalibrated;
/// issue 13: calibrated, and with which correction), drawn as text above the recipe.
@Suite("Swatch sheet notices")
struct SwatchNoticeTests {
  static let palettePath = TestData.packageRoot.appendingPathComponent("Palettes/iron-oxide-tones.json").path

  /// A `width` × `height` photo painted by `colour(x, y)`, through a PNG as a file would come.
  static func photo(width: Int, height: Int, _ colour: (Int, Int) -> Lab) throws -> Photo {
    var samples: [UInt8] = []
    for y in 0..<height {
      for x in 0..<width {
        let p = SRGB8(clamping: colour(x, y))
        samples += [p.r, p.g, p.b]
      }
    }
    let png = try PNGEncoder.encode(srgb8: samples, width: width, height: height)
    return try PhotoDecoder.decode(bytes: png, name: "painted.png")
  }

  /// Skin on top, hair below, and (from x = 40) a standard grey card: a 60 × 20 photo.
  static func paintedClient() throws -> Photo {
    try photo(width: 60, height: 20) { x, y in
      x >= 40 ? GreyCard.standardLab : y < 10 ? Lab(l: 62, a: 14, b: 18) : Lab(l: 25, a: 4, b: 6)
    }
  }

  static func match(_ measurement: PhotoMeasurement) throws -> MatchReport {
    try MatchPipeline(palette: try Palette.load(path: palettePath)).run(measurement: measurement)
  }

  /// The sheet of the match of `measurement`, through its contract object as `report --png` draws it.
  static func sheet(_ measurement: PhotoMeasurement) throws -> SwatchSheet {
    let match = try match(measurement)
    return SwatchSheet(
      match: JSONContract.MatchOutput(
        measurement, match, palette: JSONContract.PaletteIdentity(palette: match.palette, file: palettePath, bytes: []),
        options: JSONContract.RunOptions(match.conditions.options), stated: nil))
  }

  /// The sheet decoded back from its PNG.
  static func canvas(_ sheet: SwatchSheet) throws -> RGBCanvas {
    let decoded = try PhotoDecoder.decode(bytes: try sheet.png(), name: "sheet.png")
    guard case .srgb8(let samples) = decoded.pixels,
      let canvas = RGBCanvas(width: decoded.width, height: decoded.height, samples: samples)
    else { throw CocoaError(.fileReadCorruptFile) }
    return canvas
  }

  /// Every notice line is drawn where the sheet says, pixel for pixel as the font sets it
  /// (``BitmapText``), in red for a warning and in ink for a note; the lines, joined, are the
  /// notices (wrapping only breaks at spaces).
  static func expectNoticesDrawn(_ sheet: SwatchSheet) throws {
    let canvas = try canvas(sheet)
    #expect(sheet.noticeLines.map(\.text).joined(separator: " ") == sheet.notices.map(\.text).joined(separator: " "))
    for (n, line) in sheet.noticeLines.enumerated() {
      let box = sheet.noticeLineFrame(n)
      let text = BitmapText(line.text, scale: SwatchSheet.textScale)
      #expect(box.width == text.width && box.x + box.width <= sheet.width - SwatchSheet.margin)
      let inkColour = line.isWarning ? SwatchSheet.alert : SwatchSheet.ink
      var wrong = 0
      var inked = 0
      for y in 0..<box.height {
        for x in 0..<box.width {
          let isInk = text.isInk(x: x, y: y)
          if canvas.colour(x: box.x + x, y: box.y + y) != (isInk ? inkColour : SwatchSheet.paper) { wrong += 1 }
          if isInk { inked += 1 }
        }
      }
      #expect(wrong == 0 && inked > 0, "\(line.text)")
      #expect(line.text.allSatisfy { BitmapFont.glyph($0) != nil }, "\(line.text)")
    }
    // The notices come first, then the recipe, then the swatches, none overlapping.
    let notices = sheet.noticeFrame
    let recipe = sheet.recipeFrame
    #expect(notices.y == SwatchSheet.margin && notices.y + notices.height + SwatchSheet.headerGap == recipe.y)
    #expect(recipe.y + recipe.height + SwatchSheet.headerGap == sheet.frame(row: 0, index: 0).y)
  }

  @Test func printableSpellsWhatTheFontLacks() {
    #expect(SwatchNotice.printable("ΔE00 ≤ 1.8; L* 40 → 50 at 12°") == "ΔE00 AT MOST 1.8, L* 40 TO 50 AT 12 DEG")
    #expect(SwatchNotice.printable("  a*  −3 – b* [x]!  ") == "A* -3 - B* (X).")
    #expect(SwatchNotice.printable("µ@") == "")
    let notice = SwatchNotice("skin uncertain (no skin-coloured region): mark it", isWarning: true)
    #expect(notice.text == "SKIN UNCERTAIN (NO SKIN-COLOURED REGION): MARK IT")
  }

  @Test func lowConfidenceLeadsAndUncalibratedIsAWarning() throws {
    // Skin marked in 16 pixels: confidence √(16/400) = 0.2 (PhotoMeasurement), below 0.5.
    let options = MeasurementOptions(
      skinRegions: [try RegionOfInterest(x: 2, y: 2, width: 4, height: 4)],
      hairRegions: [try RegionOfInterest(x: 2, y: 12, width: 30, height: 6)])
    let measurement = try PhotoMeasurement(photo: try Self.paintedClient(), name: "painted", options: options)
    #expect(measurement.isLowConfidence)
    let sheet = try Self.sheet(measurement)
    let first = try #require(sheet.notices.first)
    #expect(first.isWarning && first.text.hasPrefix("LOW CONFIDENCE (0.20): THE SKIN AND HAIR TONES MAY BE WRONG"))
    let last = try #require(sheet.notices.last)
    #expect(last == SwatchNotice("UNCALIBRATED: COLOURS AS THE CAMERA RENDERED THEM (NO GREY CARD OR COLORCHECKER GIVEN)", isWarning: true))
    #expect(sheet.noticeLines.count >= 3, "the low-confidence advice wraps")
    try Self.expectNoticesDrawn(sheet)
  }

  @Test func aGreyCardIsNamedInInk() throws {
    let options = MeasurementOptions(
      skinRegions: [try RegionOfInterest(x: 2, y: 2, width: 30, height: 6)],
      hairRegions: [try RegionOfInterest(x: 2, y: 12, width: 30, height: 6)],
      calibration: .greyCard(try RegionOfInterest(x: 40, y: 0, width: 20, height: 20), reference: GreyCard.standardLab))
    let measurement = try PhotoMeasurement(photo: try Self.paintedClient(), name: "painted", options: options)
    let sheet = try Self.sheet(measurement)
    let last = try #require(sheet.notices.last)
    #expect(!last.isWarning)
    // The card was painted at the standard grey: exposure 1 but for 8-bit rounding, and the sheet says it.
    let exposure = try #require(measurement.calibration.card).exposure
    #expect(abs(exposure - 1) < 0.03)
    #expect(
      last.text.hasPrefix(
        "CALIBRATED: WHITE BALANCE (VON KRIES GAINS ON LINEAR RGB) AND EXPOSURE ×\(String(format: "%.2f", exposure))"))
    #expect(last.text.contains("FROM THE GREY CARD AT 40,0,20,20"))
    #expect(!sheet.notices.contains { $0.text.hasPrefix("UNCALIBRATED") })
    try Self.expectNoticesDrawn(sheet)
    // The calibration line is drawn in ink, and no pixel of the sheet is red if nothing warns.
    if !sheet.notices.contains(where: \.isWarning) {
      let canvas = try Self.canvas(sheet)
      var red = 0
      for y in 0..<canvas.height { for x in 0..<canvas.width where canvas.colour(x: x, y: y) == SwatchSheet.alert { red += 1 } }
      #expect(red == 0)
    }
  }

  @Test func anOutOfReachTargetIsOnTheSheet() throws {
    let pipeline = MatchPipeline(palette: try Palette.load(path: Self.palettePath))
    let fit = try SkinFit(skin: Lab(l: 62, a: 14, b: 18))
    // A violet no iron oxide reaches; the palette's own darkest dot under this skin it reaches.
    let violet = try pipeline.run(fit: fit, target: .direct(Lab(l: 35, a: 30, b: -30)))
    let reach = try #require(violet.reach)
    // Drawn for the report fixture's photo (uncalibrated): the out-of-reach line comes before the
    // photo's other warnings and its calibration.
    let sheet = SwatchSheet(match: try ReportFixture.output(violet))
    let outOfReach = sheet.notices.filter { $0.text.hasPrefix("OUT OF REACH") }
    #expect(outOfReach.count == 1)
    #expect(sheet.notices.last?.text.hasPrefix("UNCALIBRATED") == true)
    let notice = try #require(outOfReach.first)
    #expect(notice.isWarning)
    #expect(notice.text.hasPrefix("OUT OF REACH: THE CLOSEST BLEND IS ΔE00 \(String(format: "%.1f", violet.solution.blend.deltaE00)) FROM THE TARGET"))
    #expect(notice.text.contains("(A MATCH IS ΔE00 1.8 OR LESS)"))
    for missing in reach.missing {
      #expect(notice.text.contains(SwatchNotice.printable(missing.description)), "\(missing)")
    }
    try Self.expectNoticesDrawn(sheet)

    let reachable = try pipeline.run(fit: fit, target: .direct(reach.darkest.lab))
    #expect(reachable.reach == nil)
    let plain = SwatchSheet(match: try ReportFixture.output(reachable))
    #expect(!plain.notices.contains { $0.text.hasPrefix("OUT OF REACH") })
    #expect(plain.notices.count == sheet.notices.count - 1)
  }
}
