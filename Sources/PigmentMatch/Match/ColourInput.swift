/// Parses a colour typed by a person: `#rrggbb` (sRGB) or `L,a,b` (CIELAB, D65).
package enum ColourInput {
  /// Why a colour argument was rejected.
  package enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case badHex(String)
    case badLab(String)
    case outOfRange(String)

    package var description: String {
      switch self {
      case .empty: return "empty colour (use #rrggbb or L,a,b)"
      case .badHex(let s): return "'\(s)' is not a #rrggbb colour"
      case .badLab(let s): return "'\(s)' is not a colour (use #rrggbb or three numbers L,a,b)"
      case .outOfRange(let s): return "'\(s)' is out of range (L* 0…100, a* and b* −200…200)"
      }
    }
  }

  /// `#rrggbb`/`rrggbb` → Lab of that sRGB colour; `L,a,b` → that Lab (L* 0…100, |a*|,|b*| ≤ 200).
  package static func parse(_ text: String) throws(ParseError) -> Lab {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { throw .empty }
    if trimmed.contains(",") { return try parseLab(trimmed) }
    guard let srgb = SRGB8(hex: trimmed) else { throw .badHex(text) }
    return Lab(srgb)
  }

  /// `L,a,b` → Lab, rejecting non-numbers, non-finite values and impossible ranges.
  package static func parseLab(_ text: String) throws(ParseError) -> Lab {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count == 3 else { throw .badLab(text) }
    var values: [Double] = []
    for part in parts {
      guard let value = Double(part), value.isFinite else { throw .badLab(text) }
      values.append(value)
    }
    guard (0...100).contains(values[0]), abs(values[1]) <= 200, abs(values[2]) <= 200 else {
      throw .outOfRange(text)
    }
    return Lab(l: values[0], a: values[1], b: values[2])
  }
}

import Foundation
