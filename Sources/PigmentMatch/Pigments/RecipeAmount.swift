import Foundation

/// One ingredient's amount as a practitioner writes it in a recipe term `id=amount`.
///
/// Shares (``fraction(_:)``, ``percent(_:)``, ``rest``) state a part of the whole mix; drops and
/// dilutions state parts relative to each other, so a recipe uses one of the two kinds, not both.
package enum RecipeAmount: Sendable, Equatable {
  /// Share of the mix by volume, 0…1 (`0.25`).
  case fraction(Double)
  /// Share of the mix in per cent, 0…100 (`20%`).
  case percent(Double)
  /// Whole drops, ≥ 0 (`3drops`, `1 drop`).
  case drops(Int)
  /// `pigment` ml of this pigment in `water` ml of water (`1:4`); pigment > 0, water ≥ 0.
  case dilution(pigment: Double, water: Double)
  /// The pigment alone, no water (`undiluted`).
  case undiluted
  /// Whatever share the other terms leave (`rest`).
  case rest

  /// The two kinds of amount that cannot be mixed in one recipe.
  enum Kind: Equatable {
    /// A share of the whole mix.
    case share
    /// Drops relative to each other.
    case drops
    /// ml of pigment to ml of water.
    case dilution
    /// The pigment alone.
    case undiluted
  }

  var kind: Kind {
    switch self {
    case .fraction, .percent, .rest: .share
    case .drops: .drops
    case .dilution: .dilution
    case .undiluted: .undiluted
    }
  }

  /// Parses the amount text of the term for `pigment` (case-insensitive, spaces allowed):
  /// `0.25`, `20%`, `3drops`, `1 drop`, `1:4`, `undiluted`, `rest`.
  package static func parse(_ text: String, pigment: String) throws(RecipeError) -> RecipeAmount {
    let amount = text.trimmingCharacters(in: .whitespaces).lowercased()
    switch amount {
    case "undiluted": return .undiluted
    case "rest": return .rest
    default: break
    }
    if amount.hasSuffix("%") {
      let value = try number(String(amount.dropLast()), pigment: pigment, text: text)
      guard value >= 0 else { throw .negative(pigment: pigment, value: value / 100) }
      guard value <= 100 else { throw .percentOutOfRange(pigment: pigment, percent: value) }
      return .percent(value)
    }
    for unit in ["drops", "drop"] where amount.hasSuffix(unit) {
      let count = amount.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
      guard let drops = Int(count) else { throw .badDrops(pigment: pigment, text: text) }
      guard drops >= 0 else { throw .negative(pigment: pigment, value: Double(drops)) }
      return .drops(drops)
    }
    if amount.contains(":") {
      let parts = amount.split(separator: ":", omittingEmptySubsequences: false)
        .map { Double($0.trimmingCharacters(in: .whitespaces)) }
      guard parts.count == 2, let p = parts[0], let w = parts[1], p.isFinite, w.isFinite, p > 0, w >= 0 else {
        throw .badDilution(pigment: pigment, text: text)
      }
      return .dilution(pigment: p, water: w)
    }
    return .fraction(try number(amount, pigment: pigment, text: text))
  }

  private static func number(_ amount: String, pigment: String, text: String) throws(RecipeError) -> Double {
    guard let value = Double(amount.trimmingCharacters(in: .whitespaces)), value.isFinite else {
      throw .badNumber(pigment: pigment, text: text.trimmingCharacters(in: .whitespaces))
    }
    return value
  }
}
