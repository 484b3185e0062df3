import PigmentMatch

/// Plain-text rendering helpers for the readable (non-JSON) output.
enum Table {
  /// Two aligned columns of label and value.
  static func rows(_ rows: [(String, String)]) -> String {
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { label, value in "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value }
      .joined(separator: "\n")
  }

  /// A CIELAB value as "L 54.2  a 8.3  b 14.0".
  static func lab(_ lab: Lab) -> String {
    "L* \(format(lab.l, 1))  a* \(format(lab.a, 1))  b* \(format(lab.b, 1))"
  }

  /// A colour swatch (two ANSI true-colour blocks) when the terminal shows colour, else nothing.
  static func swatch(_ lab: Lab, console: Console) -> String {
    guard console.colourTerminal else { return "" }
    let c = SRGB8(clamping: lab)
    return "\u{1B}[48;2;\(c.r);\(c.g);\(c.b)m    \u{1B}[0m "
  }

  static func format(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "–" }
    return String(format: "%.\(places)f", value)
  }
}

import Foundation
