import Colorimetry
import PhotoIO

/// A labelled PNG of a match's colours: its warnings and calibration on top, then the recipe, then
/// three rows of square swatches on white, each row with a title at its left and a caption under
/// every swatch. Drawn, like ``HTMLReport``, from the match's JSON contract object
/// (``JSONContract/MatchOutput``) alone.
///
/// Content:
/// - Notices (top, `notices`): low confidence, out of reach, the measurement's other warnings
///   (in `alert` red), and the calibration — `UNCALIBRATED: …` in red, or the correction that
///   was applied in `ink` (``SwatchNotice/notices(for:)``), each wrapped at word
///   boundaries to the width of the rows below.
/// - Recipe (top): `RECIPE: <drops> <NAME> + <drops> <NAME> … = <total> DROPS`, the rounded
///   recipe (``DropRecipe``) with the blend's ingredient names, wrapped at ingredient boundaries
///   to the width of the rows below.
/// - Row 0, titled `CLIENT`: skin · hair target · healed dot · stubble impression (dots and skin by
///   area, year 0), captioned `SKIN`, `HAIR`, `DOT`, `STUBBLE`.
/// - Row 1, titled `FADE BY` / `YEAR`: the healed dot's colour in year 0, 1, …, N of the timeline,
///   captioned `Y0`, `Y1`, … `YN`.
/// - Row 2, titled `HEALING` / `(WEEKS)`: the stubble impression during healing, with the
///   hyperpigmentation halo, at the weeks of ``Hyperpigmentation/healing``, captioned `W0`, `W4`,
///   `W8`, `W12`.
///
/// Layout (pixels; text is a 5 × 7 bitmap font at `textScale` 2: 12 px per character, `textHeight`
/// 14 px per line, `lineGap` between lines): a `margin` of white all round. The notice lines
/// start at (margin, margin) (`noticeFrame`); `headerGap` below them (or at the margin when
/// there are none) the recipe lines start (`recipeFrame`); `headerGap` below those the rows
/// begin, at `top`. The titles form a
/// left column as wide as the widest title line; the swatches start `titleGap` to its right, at
/// `left`. Swatch *i* of row *r* covers x ∈ [left + i·(`cell` + `gap`), … + cell),
/// y ∈ [top + r·`rowPitch`, … + cell) (`frame(row:index:)`), ringed by a 1-pixel light grey
/// keyline just outside that square so pale skin shows against the white. Its caption is centred
/// under it, `captionGap` below the swatch (`captionFrame(row:index:)`); a row's title is
/// left-aligned in the column and centred vertically on the swatches (`titleFrame(row:)`).
/// Rows are `rowPitch` = cell + captionGap + textHeight + `rowGap` apart. The width fits the
/// longest row (or a recipe line that cannot be wrapped narrower); rows shorter than the longest
/// leave white to their right. Text is `ink` on white, upper case; a character the font lacks is
/// drawn as a hollow box. Colours are Lab clamped into sRGB (`SRGB8(clamping:)`).
public struct SwatchSheet: Sendable, Equatable {
  /// Swatch side, pixels: wide enough for a 7-character caption (82 px at ``textScale`` 2).
  package static let cell = 88
  /// Space between swatches in a row, pixels.
  package static let gap = 8
  /// White border, pixels.
  package static let margin = 16
  /// Screen pixels per font pixel: 5 × 7 glyphs become 10 × 14, legible on screen and print.
  package static let textScale = 2
  /// Height of one line of text, pixels (7 font pixels × ``textScale``).
  package static let textHeight = 7 * textScale
  /// Space between lines of one text block, pixels.
  package static let lineGap = 6
  /// Space between a swatch and its caption, pixels.
  package static let captionGap = 4
  /// Space between a row's captions and the next row's swatches, pixels.
  package static let rowGap = 16
  /// Space between the title column and the first swatch of each row, pixels.
  package static let titleGap = 16
  /// Space between the recipe and the first row, pixels.
  package static let headerGap = 16
  /// Vertical distance from one row's swatches to the next's, pixels.
  package static let rowPitch = cell + captionGap + textHeight + rowGap
  /// Colour of all text but warnings.
  package static let ink = SRGB8(r: 0x22, g: 0x22, b: 0x22)
  /// Colour of warning text: a dark red, legible on white and in greyscale print.
  package static let alert = SRGB8(r: 0xb0, g: 0x00, b: 0x20)
  /// Colour of the 1-pixel ring around each swatch.
  package static let keyline = SRGB8(r: 0xc8, g: 0xc8, b: 0xc8)
  /// The sheet's background.
  package static let paper = SRGB8(r: 255, g: 255, b: 255)

  /// Each row's title, one or two lines.
  package static let rowTitles: [[String]] = [
    ["CLIENT"], ["FADE BY", "YEAR"], ["HEALING", "(WEEKS)"],
  ]

  /// The colours, row by row, as documented above.
  package let rows: [[SRGB8]]
  /// The caption under each swatch, row by row (upper case, parallel to ``rows``).
  package let captions: [[String]]
  /// The recipe line as drawn (upper case, before wrapping).
  package let recipe: String
  /// The recipe wrapped to the sheet, as drawn top to bottom.
  let recipeLines: [String]
  /// What the sheet says above the recipe (``SwatchNotice``), before wrapping.
  package let notices: [SwatchNotice]
  /// The notices wrapped to the sheet, as drawn top to bottom, each line with its notice's kind.
  let noticeLines: [SwatchNotice]
  /// x of every row's first swatch, pixels.
  private let left: Int
  /// y of row 0's swatches, pixels.
  private let top: Int

  /// The sheet of `match` (what `match --json` writes for the photo): its warnings and the
  /// calibration on top (``SwatchNotice/notices(for:)``).
  public init(match: JSONContract.MatchOutput) {
    let analysis = match.analysis
    let dot = match.blend.dotLab.colour
    let target = match.target.lab.colour
    let hair = (analysis.hair?.lab ?? match.target.hairLab)?.colour ?? target
    let year0 = match.fade.timeline.first?.stubbleLab.colour ?? dot
    rows = [
      [analysis.skin.lab.colour, hair, target, dot, year0].map(SRGB8.init(clamping:)),
      match.fade.timeline.map { SRGB8(clamping: $0.dotLab.colour) },
      match.hyperpigmentation.healing.map { SRGB8(clamping: $0.stubbleLab.colour) },
    ]
    captions = [
      ["SKIN", "HAIR", "TARGET", "DOT", "STUBBLE"],
      match.fade.timeline.map { "Y\($0.year)" },
      match.hyperpigmentation.healing.map { "W\($0.week)" },
    ]
    let notices = SwatchNotice.notices(for: match)
    let pieces = Self.recipePieces(match.blend)
    recipe = BitmapText(pieces.joined(separator: " "), scale: Self.textScale).text

    let titleColumn = Self.rowTitles.joined().map { Self.textWidth($0) }.max() ?? 0
    left = Self.margin + titleColumn + Self.titleGap
    let longest = max(1, rows.map(\.count).max() ?? 1)
    let rowsRight = left + longest * Self.cell + (longest - 1) * Self.gap
    recipeLines = BitmapText.wrap(
      pieces.map { BitmapText($0, scale: Self.textScale).text }, maxWidth: rowsRight - Self.margin,
      scale: Self.textScale)
    self.notices = notices
    noticeLines = notices.flatMap { notice in
      BitmapText.wrap(
        notice.text.split(separator: " ").map(String.init), maxWidth: rowsRight - Self.margin, scale: Self.textScale
      ).map { SwatchNotice($0, isWarning: notice.isWarning) }
    }
    top =
      Self.margin + Self.blockAndGap(lines: noticeLines.count) + Self.blockAndGap(lines: recipeLines.count)
  }

  /// Sheet width, pixels.
  public var width: Int {
    let longest = max(1, rows.map(\.count).max() ?? 1)
    let rowsRight = left + longest * Self.cell + (longest - 1) * Self.gap
    let textRight = Self.margin + ((recipeLines + noticeLines.map(\.text)).map { Self.textWidth($0) }.max() ?? 0)
    return max(rowsRight, textRight) + Self.margin
  }

  /// Sheet height, pixels.
  public var height: Int {
    top + rows.count * Self.rowPitch - (rows.isEmpty ? 0 : Self.rowGap) + Self.margin
  }

  /// The pixel rectangle of swatch `index` in row `row`.
  package func frame(row: Int, index: Int) -> (x: Int, y: Int, width: Int, height: Int) {
    (left + index * (Self.cell + Self.gap), top + row * Self.rowPitch, Self.cell, Self.cell)
  }

  /// The pixel rectangle of the caption under swatch `index` in row `row`: its text's box,
  /// centred under the swatch.
  package func captionFrame(row: Int, index: Int) -> (x: Int, y: Int, width: Int, height: Int) {
    let swatch = frame(row: row, index: index)
    let width = Self.textWidth(captions[row][index])
    return (
      swatch.x + (Self.cell - width) / 2, swatch.y + Self.cell + Self.captionGap, width,
      Self.textHeight
    )
  }

  /// The pixel rectangle of row `row`'s title: all its lines, left-aligned at the margin and
  /// centred vertically on the row's swatches.
  package func titleFrame(row: Int) -> (x: Int, y: Int, width: Int, height: Int) {
    let lines = Self.rowTitles[row]
    let height = Self.blockHeight(lines: lines.count)
    return (
      Self.margin, frame(row: row, index: 0).y + (Self.cell - height) / 2,
      lines.map { Self.textWidth($0) }.max() ?? 0, height
    )
  }

  /// The pixel rectangle of the notices block at the top (zero height when there are none).
  package var noticeFrame: (x: Int, y: Int, width: Int, height: Int) {
    (
      Self.margin, Self.margin, noticeLines.map { Self.textWidth($0.text) }.max() ?? 0,
      Self.blockHeight(lines: noticeLines.count)
    )
  }

  /// The pixel rectangle of the recipe block, under the notices (zero height when there is no recipe).
  package var recipeFrame: (x: Int, y: Int, width: Int, height: Int) {
    (
      Self.margin, Self.margin + Self.blockAndGap(lines: noticeLines.count),
      recipeLines.map { Self.textWidth($0) }.max() ?? 0, Self.blockHeight(lines: recipeLines.count)
    )
  }

  /// The pixel rectangle of notice line `line` (of the wrapped lines, top to bottom).
  func noticeLineFrame(_ line: Int) -> (x: Int, y: Int, width: Int, height: Int) {
    (
      Self.margin, Self.margin + line * (Self.textHeight + Self.lineGap), Self.textWidth(noticeLines[line].text),
      Self.textHeight
    )
  }

  /// Interleaved 8-bit sRGB samples (3 per pixel), row-major.
  package func pixels() -> [UInt8] {
    var canvas = RGBCanvas(width: width, height: height, background: Self.paper)
    for line in noticeLines.indices {
      let box = noticeLineFrame(line)
      canvas.draw(
        BitmapText(noticeLines[line].text, scale: Self.textScale), x: box.x, y: box.y,
        colour: noticeLines[line].isWarning ? Self.alert : Self.ink)
    }
    drawLines(recipeLines, x: Self.margin, y: recipeFrame.y, on: &canvas)
    for (r, colours) in rows.enumerated() {
      if r < Self.rowTitles.count {
        let title = titleFrame(row: r)
        drawLines(Self.rowTitles[r], x: title.x, y: title.y, on: &canvas)
      }
      for (i, colour) in colours.enumerated() {
        let box = frame(row: r, index: i)
        canvas.outline(
          x: box.x, y: box.y, width: box.width, height: box.height, colour: Self.keyline)
        canvas.fill(x: box.x, y: box.y, width: box.width, height: box.height, colour: colour)
        let caption = captionFrame(row: r, index: i)
        canvas.draw(
          BitmapText(captions[r][i], scale: Self.textScale), x: caption.x, y: caption.y,
          colour: Self.ink)
      }
    }
    return canvas.samples
  }

  /// The sheet as PNG bytes (`PNGEncoder`).
  public func png() throws(PhotoError) -> [UInt8] {
    try PNGEncoder.encode(srgb8: pixels(), width: width, height: height, channels: 3)
  }

  // MARK: - Text

  /// The recipe's pieces, which wrapping keeps whole: `RECIPE:`, `3 Name`, `+ 2 Name`, …,
  /// `= 5 drops`. Names come from the blend's components; an ingredient the blend does not list
  /// (rounding never adds one, but the type allows it) shows its id.
  static func recipePieces(_ blend: JSONContract.Blend) -> [String] {
    var pieces = ["RECIPE:"]
    for (n, entry) in blend.recipe.enumerated() {
      pieces.append((n == 0 ? "" : "+ ") + "\(entry.drops) \(blend.name(of: entry.pigment))")
    }
    let total = blend.totalDrops
    pieces.append("= \(total) \(total == 1 ? "DROP" : "DROPS")")
    return pieces
  }

  /// Width of `text` as drawn, pixels.
  static func textWidth(_ text: String) -> Int { BitmapText(text, scale: textScale).width }

  /// Height of `lines` lines of text with ``lineGap`` between them, pixels (0 for none).
  static func blockHeight(lines: Int) -> Int {
    lines == 0 ? 0 : lines * textHeight + (lines - 1) * lineGap
  }

  /// A text block's height and the ``headerGap`` under it (0 for none).
  static func blockAndGap(lines: Int) -> Int {
    lines == 0 ? 0 : blockHeight(lines: lines) + headerGap
  }

  /// Draws `lines` top to bottom, left-aligned at `x`, the first line's top at `y`.
  private func drawLines(_ lines: [String], x: Int, y: Int, on canvas: inout RGBCanvas) {
    for (n, line) in lines.enumerated() {
      canvas.draw(
        BitmapText(line, scale: Self.textScale), x: x, y: y + n * (Self.textHeight + Self.lineGap),
        colour: Self.ink)
    }
  }
}
