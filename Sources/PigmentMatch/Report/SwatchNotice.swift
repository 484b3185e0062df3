import Foundation

/// One line of what the ``SwatchSheet`` says above its colours: a warning (drawn in
/// `SwatchSheet/alert`) or a note (in `SwatchSheet/ink`).
///
/// The sheet is often the only thing a client or a colleague sees, so it carries what the page and
/// the JSON say before the recipe: low confidence first, then an out-of-reach target, every other
/// warning of the measurement, and whether the photo was calibrated and how (``notices(for:)``).
public struct SwatchNotice: Sendable, Equatable {
  /// The text as drawn: upper case, only characters of the sheet's font (`BitmapFont`).
  public let text: String
  /// Whether it is a warning (else a note, such as the calibration that was applied).
  public let isWarning: Bool

  /// `text` made printable in the sheet's font (`printable(_:)`).
  public init(_ text: String, isWarning: Bool) {
    self.text = Self.printable(text)
    self.isWarning = isWarning
  }

  /// The notices of a match (its JSON contract object), in order: low confidence (the analysis
  /// lists it first when its confidence is below ``PhotoMeasurement/lowConfidenceThreshold``;
  /// `JSONContract.Analysis.isLowConfidence`),
  /// out of reach (`reach` is not null: the closest blend's ΔE00 is above the match threshold),
  /// the analysis' other warnings, then the calibration: *uncalibrated* is a warning, a
  /// correction that was applied a note naming it.
  public static func notices(for match: JSONContract.MatchOutput) -> [SwatchNotice] {
    var warnings = match.analysis.warnings
    var notices: [SwatchNotice] = []
    if match.analysis.isLowConfidence {
      notices.append(SwatchNotice(warnings.removeFirst(), isWarning: true))
    }
    if let reach = match.reach {
      notices.append(SwatchNotice(outOfReach(deltaE00: match.blend.deltaE00.value, reach: reach), isWarning: true))
    }
    notices += warnings.map { SwatchNotice($0, isWarning: true) }
    let calibration = match.analysis.calibration
    notices.append(SwatchNotice(calibration.summary, isWarning: !calibration.calibrated))
    return notices
  }

  /// The out-of-reach line: how close the palette gets and what it lacks.
  static func outOfReach(deltaE00: Double, reach: JSONContract.Reach) -> String {
    var text =
      "out of reach: the closest blend is ΔE00 \(String(format: "%.1f", deltaE00)) from the target"
      + " (a match is ΔE00 \(String(format: "%.1f", FadeModel.matchThreshold)) or less)"
    if !reach.missing.isEmpty {
      text += "; the palette lacks " + reach.missing.map(\.message).joined(separator: "; ")
    }
    return text
  }

  /// `text` in upper case with every character the font lacks spelled in ones it has: ° as DEG,
  /// ≤ ≥ as AT MOST / AT LEAST, → as TO, dashes and the minus sign as `-`; anything else the font
  /// lacks is dropped, and runs of spaces collapse.
  static func printable(_ text: String) -> String {
    let spelled: [Character: String] = [
      "°": " DEG", "≤": " AT MOST ", "≥": " AT LEAST ", "→": " TO ", "–": "-", "—": "-",
      "−": "-", "…": "...", "·": ".", "<": " BELOW ", ">": " ABOVE ", "\"": "'", "’": "'", ";": ",",
      "[": "(", "]": ")", "!": ".", "?": ".",
    ]
    var out = ""
    for character in text.uppercased() {
      let piece = spelled[character] ?? String(character)
      for c in piece where BitmapFont.glyph(c) != nil {
        if c == " ", out.last == " " || out.isEmpty { continue }
        out.append(c)
      }
    }
    while out.last == " " { out.removeLast() }
    return out
  }
}
