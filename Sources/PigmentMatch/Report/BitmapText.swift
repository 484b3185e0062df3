/// One line of text set in ``BitmapFont``, upper-cased, at an integer scale: its size and its ink.
///
/// Each character takes (5 + 1) × `scale` pixels across — its glyph and one blank column — except
/// the last, which has no trailing blank; the line is 7 × `scale` pixels tall. Characters the font
/// lacks are set as ``BitmapFont/placeholder``.
struct BitmapText: Sendable, Equatable {
  /// The text as set: upper case.
  let text: String
  /// Screen pixels per font pixel, ≥ 1.
  let scale: Int
  /// One glyph per character of ``text``.
  let glyphs: [BitmapFont.Glyph]

  /// `text` upper-cased, at `scale` (clamped to ≥ 1).
  init(_ text: String, scale: Int) {
    self.text = text.uppercased()
    self.scale = max(1, scale)
    glyphs = self.text.map(BitmapFont.glyphOrPlaceholder)
  }

  /// Horizontal distance from one character to the next, pixels.
  var advance: Int { (BitmapFont.glyphWidth + BitmapFont.spacing) * scale }

  /// Width of the line, pixels (0 for empty text).
  var width: Int { glyphs.isEmpty ? 0 : glyphs.count * advance - BitmapFont.spacing * scale }

  /// Height of the line, pixels.
  var height: Int { BitmapFont.glyphHeight * scale }

  /// Whether pixel (`x`, `y`) of the line's box (origin top left) is ink; false outside the box.
  func isInk(x: Int, y: Int) -> Bool {
    guard x >= 0, y >= 0, x < width, y < height else { return false }
    let index = x / advance
    return glyphs[index].isInk(column: (x % advance) / scale, row: y / scale)
  }

  /// `pieces` joined by single spaces into as few lines as fit in `maxWidth` pixels at `scale`,
  /// in order (greedy). A piece wider than `maxWidth` gets a line of its own and is not broken.
  static func wrap(_ pieces: [String], maxWidth: Int, scale: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for piece in pieces {
      let candidate = current.isEmpty ? piece : current + " " + piece
      if current.isEmpty || BitmapText(candidate, scale: scale).width <= maxWidth {
        current = candidate
      } else {
        lines.append(current)
        current = piece
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
