import Colorimetry
import Foundation

/// Number and colour formatting shared by the report renderers (fixed decimals, POSIX locale).
enum ReportFormat {
  /// `value` with `places` decimals; "–" for NaN or ±∞.
  static func number(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "–" }
    let text = String(format: "%.\(max(0, places))f", value)
    // No "-0.0": a value that rounds to zero prints without a sign.
    return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
  }

  /// An SVG coordinate: one decimal.
  static func coordinate(_ value: Double) -> String { number(value, 1) }

  /// CIELAB as "Lab 52.1, 10.2, 18.0" (L*, a*, b*; one decimal).
  static func lab(_ lab: Lab) -> String {
    "Lab \(number(lab.l, 1)), \(number(lab.a, 1)), \(number(lab.b, 1))"
  }

  /// The displayable sRGB hex of a Lab colour (clamped into the sRGB gamut).
  static func hex(_ lab: Lab) -> String { SRGB8(clamping: lab).hex }

  /// A fraction as a percentage with one decimal.
  static func percent(_ fraction: Double) -> String { number(fraction * 100, 1) + " %" }
}
