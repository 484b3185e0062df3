/// A 5 × 7 pixel bitmap font for the labels of the ``SwatchSheet``: A–Z, 0–9, the space and
/// `. , : - / % ( ) + × ' & = # * Δ` (the last two for L*, a*, b* and ΔE00 in its warnings).
///
/// Upper case only: ``BitmapText`` upper-cases what it sets. A character without a glyph is drawn
/// as ``placeholder``, a hollow box, so that a missing character shows instead of vanishing.
enum BitmapFont {
  /// One character's pixels: seven rows, top to bottom; in each row bit 4 is the leftmost column
  /// and bit 0 the rightmost.
  struct Glyph: Sendable, Equatable {
    /// The seven row bitmasks (only the low five bits are used).
    let rows: [UInt8]

    /// Whether the pixel in `column` (0…4, left to right) of `row` (0…6, top to bottom) is ink;
    /// false outside the glyph.
    func isInk(column: Int, row: Int) -> Bool {
      guard (0..<BitmapFont.glyphWidth).contains(column), rows.indices.contains(row) else {
        return false
      }
      return rows[row] & (1 << (BitmapFont.glyphWidth - 1 - column)) != 0
    }
  }

  /// Glyph width, font pixels.
  static let glyphWidth = 5
  /// Glyph height, font pixels.
  static let glyphHeight = 7
  /// Blank columns after each glyph, font pixels.
  static let spacing = 1

  /// The glyph drawn for a character the font lacks: a hollow box the size of a capital.
  static let placeholder = Glyph(rows: [
    0b11111, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11111,
  ])

  /// The glyph of `character`, or nil if the font lacks it (lower case included).
  static func glyph(_ character: Character) -> Glyph? { glyphs[character] }

  /// The glyph of `character`, or ``placeholder``.
  static func glyphOrPlaceholder(_ character: Character) -> Glyph {
    glyphs[character] ?? placeholder
  }

  /// Every glyph of the font.
  static let glyphs: [Character: Glyph] = [
    "A": Glyph(rows: [0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001]),
    "B": Glyph(rows: [0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110]),
    "C": Glyph(rows: [0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110]),
    "D": Glyph(rows: [0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110]),
    "E": Glyph(rows: [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111]),
    "F": Glyph(rows: [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000]),
    "G": Glyph(rows: [0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111]),
    "H": Glyph(rows: [0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001]),
    "I": Glyph(rows: [0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110]),
    "J": Glyph(rows: [0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100]),
    "K": Glyph(rows: [0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001]),
    "L": Glyph(rows: [0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111]),
    "M": Glyph(rows: [0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001]),
    "N": Glyph(rows: [0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001]),
    "O": Glyph(rows: [0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110]),
    "P": Glyph(rows: [0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000]),
    "Q": Glyph(rows: [0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101]),
    "R": Glyph(rows: [0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001]),
    "S": Glyph(rows: [0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110]),
    "T": Glyph(rows: [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100]),
    "U": Glyph(rows: [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110]),
    "V": Glyph(rows: [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100]),
    "W": Glyph(rows: [0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010]),
    "X": Glyph(rows: [0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001]),
    "Y": Glyph(rows: [0b10001, 0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100]),
    "Z": Glyph(rows: [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111]),
    "0": Glyph(rows: [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110]),
    "1": Glyph(rows: [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110]),
    "2": Glyph(rows: [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111]),
    "3": Glyph(rows: [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110]),
    "4": Glyph(rows: [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010]),
    "5": Glyph(rows: [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110]),
    "6": Glyph(rows: [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110]),
    "7": Glyph(rows: [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000]),
    "8": Glyph(rows: [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110]),
    "9": Glyph(rows: [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100]),
    " ": Glyph(rows: [0, 0, 0, 0, 0, 0, 0]),
    ".": Glyph(rows: [0, 0, 0, 0, 0, 0b01100, 0b01100]),
    ",": Glyph(rows: [0, 0, 0, 0, 0b01100, 0b00100, 0b01000]),
    ":": Glyph(rows: [0, 0b01100, 0b01100, 0, 0b01100, 0b01100, 0]),
    "-": Glyph(rows: [0, 0, 0, 0b11111, 0, 0, 0]),
    "/": Glyph(rows: [0, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0]),
    "%": Glyph(rows: [0b11000, 0b11001, 0b00010, 0b00100, 0b01000, 0b10011, 0b00011]),
    "(": Glyph(rows: [0b00010, 0b00100, 0b01000, 0b01000, 0b01000, 0b00100, 0b00010]),
    ")": Glyph(rows: [0b01000, 0b00100, 0b00010, 0b00010, 0b00010, 0b00100, 0b01000]),
    "+": Glyph(rows: [0, 0b00100, 0b00100, 0b11111, 0b00100, 0b00100, 0]),
    "×": Glyph(rows: [0, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0]),
    "'": Glyph(rows: [0b01100, 0b00100, 0b01000, 0, 0, 0, 0]),
    "&": Glyph(rows: [0b01100, 0b10010, 0b10100, 0b01000, 0b10101, 0b10010, 0b01101]),
    "=": Glyph(rows: [0, 0, 0b11111, 0, 0b11111, 0, 0]),
    "#": Glyph(rows: [0b01010, 0b01010, 0b11111, 0b01010, 0b11111, 0b01010, 0b01010]),
    "*": Glyph(rows: [0, 0b00100, 0b10101, 0b01110, 0b10101, 0b00100, 0]),
    "Δ": Glyph(rows: [0b00100, 0b00100, 0b01010, 0b01010, 0b10001, 0b10001, 0b11111]),
  ]
}
