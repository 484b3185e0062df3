import Foundation
import Testing

@testable import PigmentMatch

@Suite("Bitmap font")
struct BitmapFontTests {
  @Test func everyGlyphIsFiveBySeven() {
    for (character, glyph) in BitmapFont.glyphs {
      #expect(glyph.rows.count == BitmapFont.glyphHeight, "\(character)")
      #expect(glyph.rows.allSatisfy { $0 < 1 << BitmapFont.glyphWidth }, "\(character)")
    }
  }

  @Test func glyphsAreDistinctAndThePlaceholderIsNoneOfThem() {
    let glyphs = Array(BitmapFont.glyphs.values)
    #expect(Set(glyphs.map(\.rows)).count == glyphs.count)
    #expect(!glyphs.contains(BitmapFont.placeholder))
    // Only the space is blank.
    #expect(BitmapFont.glyphs.filter { $0.value.rows.allSatisfy { $0 == 0 } }.map(\.key) == [" "])
  }

  @Test func theFontCoversTheDocumentedSet() {
    let documented = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:-/%()+×'&=#*Δ"
    #expect(Set(BitmapFont.glyphs.keys) == Set(documented))
  }

  @Test func glyphBitsReadLeftToRight() throws {
    // "L": the left column is ink in every row, the bottom row is ink everywhere.
    let l = try #require(BitmapFont.glyph("L"))
    for row in 0..<7 { #expect(l.isInk(column: 0, row: row)) }
    for column in 0..<5 { #expect(l.isInk(column: column, row: 6)) }
    #expect(
      !l.isInk(column: 4, row: 0) && !l.isInk(column: 5, row: 6) && !l.isInk(column: 0, row: 7))
  }

  @Test func textIsUpperCasedAndMeasured() {
    let text = BitmapText("w12", scale: 2)
    #expect(text.text == "W12")
    #expect(text.glyphs == "W12".compactMap(BitmapFont.glyph) && text.glyphs.count == 3)
    #expect(text.width == (3 * 6 - 1) * 2 && text.height == 14 && text.advance == 12)
    #expect(BitmapText("", scale: 2).width == 0)
  }

  @Test func inkIsScaled() {
    // "I" at scale 3: its centre stroke (font column 2) covers screen columns 6…8 in every row.
    let text = BitmapText("I", scale: 3)
    for y in 0..<text.height {
      #expect((6...8).allSatisfy { text.isInk(x: $0, y: y) })
      #expect(!text.isInk(x: 3, y: y) || y < 3 || y >= 18)  // only the serifs reach column 1
    }
    #expect(!text.isInk(x: -1, y: 0) && !text.isInk(x: text.width, y: 0))
  }

  @Test(
    "an unknown character is drawn as the placeholder box", arguments: ["é", "?", "Ω", "@", "µ"])
  func unknownCharacterIsAPlaceholder(character: String) {
    let text = BitmapText(character, scale: 1)
    #expect(text.glyphs == [BitmapFont.placeholder])
    var canvas = RGBCanvas(width: 7, height: 9, background: SwatchSheet.paper)
    canvas.draw(text, x: 1, y: 1, colour: SwatchSheet.ink)
    // A hollow 5 × 7 box at (1, 1): its edge is ink, its inside and the border around it paper.
    for y in 0..<9 {
      for x in 0..<7 {
        let onEdge =
          (1...5).contains(x) && (1...7).contains(y) && (x == 1 || x == 5 || y == 1 || y == 7)
        #expect(
          canvas.colour(x: x, y: y) == (onEdge ? SwatchSheet.ink : SwatchSheet.paper),
          "(\(x), \(y))")
      }
    }
  }

  @Test func knownCharactersAreNotPlaceholders() {
    let text = BitmapText("Dark Brown (x2) 45% + 1/2: ok, it's #1 = ×", scale: 1)
    #expect(!text.glyphs.contains(BitmapFont.placeholder))
  }

  @Test func wrapKeepsPiecesWholeAndFillsLinesGreedily() {
    let pieces = ["RECIPE:", "3 DARK BROWN", "+ 2 WARM RED OXIDE", "= 5 DROPS"]
    // 12 px per character at scale 2: "RECIPE: 3 DARK BROWN" is 20 characters, 238 px.
    #expect(
      BitmapText.wrap(pieces, maxWidth: 238, scale: 2)
        == ["RECIPE: 3 DARK BROWN", "+ 2 WARM RED OXIDE", "= 5 DROPS"])
    #expect(
      BitmapText.wrap(pieces, maxWidth: 237, scale: 2)
        == ["RECIPE:", "3 DARK BROWN", "+ 2 WARM RED OXIDE", "= 5 DROPS"])
    #expect(BitmapText.wrap(pieces, maxWidth: 10_000, scale: 2) == [pieces.joined(separator: " ")])
    // A piece wider than the limit keeps a line of its own.
    #expect(
      BitmapText.wrap(["AB", "CDEFGH", "I"], maxWidth: 30, scale: 2) == ["AB", "CDEFGH", "I"])
    #expect(BitmapText.wrap([], maxWidth: 30, scale: 2).isEmpty)
  }

  static let palettes = ["Palettes/iron-oxide-tones.json", "Palettes/carbon-greyscale.json"]

  @Test("every ingredient name of a shipped palette is in the font", arguments: palettes)
  func paletteNamesHaveGlyphs(path: String) throws {
    let palette = try Palette.load(path: TestData.packageRoot.appendingPathComponent(path).path)
    for name in palette.pigments.map(\.name) + [palette.diluent.name] {
      let missing = name.uppercased().filter { BitmapFont.glyph($0) == nil }
      #expect(missing.isEmpty, "\(name): no glyph for \(missing)")
    }
  }
}

@Suite("Swatch sheet")
struct SwatchSheetTests {
  /// The sheet of the shared report fixture, decoded back from its PNG.
  static func decodedSheet() throws -> (SwatchSheet, JSONContract.MatchOutput, RGBCanvas) {
    let f = try ReportFixture.get()
    let output = try ReportFixture.output(f.match)
    let sheet = SwatchSheet(match: output)
    let photo = try PhotoDecoder.decode(bytes: try sheet.png(), name: "sheet.png")
    guard case .srgb8(let samples) = photo.pixels,
      let canvas = RGBCanvas(width: photo.width, height: photo.height, samples: samples)
    else {
      Issue.record("expected 8-bit RGB samples")
      throw CocoaError(.fileReadCorruptFile)
    }
    return (sheet, output, canvas)
  }

  @Test func labelsAreTheExpectedStrings() throws {
    let f = try ReportFixture.get()
    let sheet = SwatchSheet(match: try ReportFixture.output(f.match))
    #expect(SwatchSheet.rowTitles == [["CLIENT"], ["FADE BY", "YEAR"], ["HEALING", "(WEEKS)"]])
    #expect(
      sheet.captions == [
        ["SKIN", "HAIR", "TARGET", "DOT", "STUBBLE"], (0...10).map { "Y\($0)" }, ["W0", "W4", "W8", "W12"],
      ])
    // The recipe: each rounded ingredient with its drops and the blend's name for it, in order.
    let drops = f.match.solution.drops
    let names = Dictionary(
      f.match.solution.blend.components.map { ($0.pigment, $0.name.uppercased()) },
      uniquingKeysWith: { a, _ in a })
    let ingredients = drops.entries.map { "\($0.drops) \(names[$0.pigment] ?? "?")" }
    #expect(
      sheet.recipe
        == "RECIPE: \(ingredients.joined(separator: " + ")) = \(drops.totalDrops) DROPS")
    #expect(sheet.recipe.contains("DISTILLED WATER") && !sheet.recipe.contains("?"))
    #expect(sheet.recipeLines == [sheet.recipe], "the fixture's recipe fits on one line")
  }

  @Test func everyLabelCharacterIsInTheFont() throws {
    let sheet = SwatchSheet(match: try ReportFixture.output(ReportFixture.get().match))
    let labels =
      Array(SwatchSheet.rowTitles.joined()) + Array(sheet.captions.joined()) + [sheet.recipe]
    for label in labels {
      #expect(label == label.uppercased())
      #expect(label.allSatisfy { BitmapFont.glyph($0) != nil }, "\(label)")
    }
  }

  @Test func swatchesKeepTheirExactColours() throws {
    // The sheet shows the contract's colours (what `match --json` writes): skin, hair, target, dot,
    // year-0 stubble; the fade's dots; the healing looks.
    let (sheet, match, canvas) = try Self.decodedSheet()
    let stubble = try #require(match.fade.timeline.first).stubbleLab
    let hair = try #require(match.analysis.hair).lab
    let expected: [[Lab]] = [
      [match.analysis.skin.lab, hair, match.target.lab, match.blend.dotLab, stubble].map(\.colour),
      match.fade.timeline.map(\.dotLab.colour),
      match.hyperpigmentation.healing.map(\.stubbleLab.colour),
    ]
    #expect(sheet.rows == expected.map { $0.map(SRGB8.init(clamping:)) })
    for (row, colours) in sheet.rows.enumerated() {
      for (index, colour) in colours.enumerated() {
        let box = sheet.frame(row: row, index: index)
        var wrong = 0
        for y in box.y..<(box.y + box.height) {
          for x in box.x..<(box.x + box.width) where canvas.colour(x: x, y: y) != colour {
            wrong += 1
          }
        }
        #expect(wrong == 0, "row \(row) swatch \(index): \(wrong) pixels off")
        // The keyline rings the square from outside.
        #expect(canvas.colour(x: box.x - 1, y: box.y + 10) == SwatchSheet.keyline)
        #expect(canvas.colour(x: box.x + box.width, y: box.y + box.height) == SwatchSheet.keyline)
      }
    }
  }

  /// Ink and paper pixels in a rectangle of `canvas`, and whether anything else is there.
  static func census(
    _ canvas: RGBCanvas, _ box: (x: Int, y: Int, width: Int, height: Int)
  ) -> (ink: Int, paper: Int, other: Int) {
    var counts = (ink: 0, paper: 0, other: 0)
    for y in box.y..<(box.y + box.height) {
      for x in box.x..<(box.x + box.width) {
        switch canvas.colour(x: x, y: y) {
        case SwatchSheet.ink: counts.ink += 1
        case SwatchSheet.paper: counts.paper += 1
        default: counts.other += 1
        }
      }
    }
    return counts
  }

  @Test func captionsAreDarkTextOnWhiteUnderTheirSwatch() throws {
    let (sheet, _, canvas) = try Self.decodedSheet()
    for (row, captions) in sheet.captions.enumerated() {
      for (index, caption) in captions.enumerated() {
        let box = sheet.captionFrame(row: row, index: index)
        let swatch = sheet.frame(row: row, index: index)
        // Under its own swatch, inside its column.
        #expect(box.y >= swatch.y + swatch.height + 1 && box.height == SwatchSheet.textHeight)
        #expect(box.x >= swatch.x && box.x + box.width <= swatch.x + swatch.width, "\(caption)")
        // Exactly the caption's ink, drawn pixel for pixel.
        let text = BitmapText(caption, scale: SwatchSheet.textScale)
        #expect(box.width == text.width)
        var mismatches = 0
        for y in 0..<box.height {
          for x in 0..<box.width {
            let expected = text.isInk(x: x, y: y) ? SwatchSheet.ink : SwatchSheet.paper
            if canvas.colour(x: box.x + x, y: box.y + y) != expected { mismatches += 1 }
          }
        }
        #expect(mismatches == 0, "\(caption)")
        let census = Self.census(canvas, box)
        #expect(census.ink > 0 && census.other == 0, "\(caption)")
      }
    }
  }

  @Test func titlesAndRecipeAreInkAtTheirPlaces() throws {
    let (sheet, _, canvas) = try Self.decodedSheet()
    for row in sheet.rows.indices {
      let title = sheet.titleFrame(row: row)
      let census = Self.census(canvas, title)
      #expect(census.ink > 0 && census.other == 0, "row \(row)")
      // Left of the swatches, centred on them.
      let swatch = sheet.frame(row: row, index: 0)
      #expect(title.x + title.width + SwatchSheet.titleGap <= swatch.x)
      #expect(abs((title.y + title.height / 2) - (swatch.y + swatch.height / 2)) <= 1)
    }
    let recipe = sheet.recipeFrame
    let census = Self.census(canvas, recipe)
    #expect(census.ink > 0 && census.other == 0)
    #expect(recipe.y + recipe.height + SwatchSheet.headerGap <= sheet.frame(row: 0, index: 0).y)
  }

  @Test func layoutMatchesTheDocumentedGeometry() throws {
    let (sheet, match, canvas) = try Self.decodedSheet()
    #expect(canvas.width == sheet.width && canvas.height == sheet.height)
    let columns = max(4, match.fade.timeline.count)
    let left = sheet.frame(row: 0, index: 0).x
    // Title column: the widest title line, "HEALING" or "(WEEKS)", 7 characters.
    #expect(left == SwatchSheet.margin + (7 * 12 - 2) + SwatchSheet.titleGap)
    #expect(
      sheet.width == left + columns * SwatchSheet.cell + (columns - 1) * SwatchSheet.gap
        + SwatchSheet.margin)
    // The notice lines (a photo's match always states its calibration), then one recipe line,
    // then three rows.
    let notices = sheet.noticeLines.count
    #expect(notices > 0 && sheet.notices.last?.text.hasPrefix("UNCALIBRATED") == true)
    #expect(sheet.notices.contains { $0.text.hasPrefix("OUT OF REACH") } == (match.blend.deltaE00.value > FadeModel.matchThreshold))
    let noticeBlock =
      notices == 0
      ? 0 : notices * SwatchSheet.textHeight + (notices - 1) * SwatchSheet.lineGap + SwatchSheet.headerGap
    let top = SwatchSheet.margin + noticeBlock + SwatchSheet.textHeight + SwatchSheet.headerGap
    #expect(sheet.frame(row: 0, index: 0).y == top)
    #expect(sheet.frame(row: 2, index: 3).y == top + 2 * SwatchSheet.rowPitch)
    #expect(sheet.frame(row: 1, index: 2).x == left + 2 * (SwatchSheet.cell + SwatchSheet.gap))
    #expect(
      sheet.height == top + 3 * SwatchSheet.rowPitch - SwatchSheet.rowGap + SwatchSheet.margin)
    // The margins and the gaps between swatches are paper.
    #expect(canvas.colour(x: 0, y: 0) == SwatchSheet.paper)
    #expect(canvas.colour(x: sheet.width - 1, y: sheet.height - 1) == SwatchSheet.paper)
    let first = sheet.frame(row: 0, index: 0)
    #expect(
      canvas.colour(x: first.x + first.width + SwatchSheet.gap / 2, y: first.y + 20)
        == SwatchSheet.paper)
  }
}
