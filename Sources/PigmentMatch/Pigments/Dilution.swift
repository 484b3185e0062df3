import Foundation

/// A recipe as SMP practitioners write it: 1 ml pigment in N ml water (DESIGN.md: ≈1 ml pigment in
/// 0–20+ ml distilled water, darker hair and skin taking less water).
///
/// With several stock pigments, "pigment" is their mix: the ratio is water to all stock pigments.
public struct Dilution: Sendable, Equatable, CustomStringConvertible {
  /// ml water per ml pigment, ≥ 0 (0: undiluted).
  public let waterPerPigment: Double

  /// A dilution of `waterPerPigment` ml water per ml pigment; nil unless finite and ≥ 0.
  public init?(waterPerPigment: Double) {
    guard waterPerPigment.isFinite, waterPerPigment >= 0 else { return nil }
    self.waterPerPigment = waterPerPigment
  }

  /// A dilution of `waterPerPigment` ml water per ml, clamped to ≥ 0 (NaN: undiluted).
  public init(clamping waterPerPigment: Double) {
    self.waterPerPigment = waterPerPigment.isNaN ? 0 : min(max(waterPerPigment, 0), .greatestFiniteMagnitude)
  }

  /// The dilution of `pigment` parts of stock pigment in `water` parts of water (any common unit:
  /// fractions, drops, ml); nil without pigment or with a negative or non-finite amount.
  public init?(pigment: Double, water: Double) {
    guard pigment > 0, water >= 0, pigment.isFinite, water.isFinite else { return nil }
    self.init(waterPerPigment: water / pigment)
  }

  /// The dilution of a blend's fractions in component order (palette pigments, then water);
  /// public callers use ``Blend/dilution``.
  package init?(fractions: [Double]) {
    guard let water = fractions.last else { return nil }
    self.init(pigment: fractions.dropLast().reduce(0, +), water: water)
  }

  /// The dilution of a recipe in whole drops.
  public init?(drops: DropRecipe) {
    let water = drops.entries.filter { $0.pigment == Palette.waterID }.reduce(0) { $0 + $1.drops }
    self.init(pigment: Double(drops.totalDrops - water), water: Double(water))
  }

  /// Share of pigment in the mix, 1/(1 + N).
  public var pigmentFraction: Double { 1 / (1 + waterPerPigment) }

  /// Below this many ml water per ml the mix counts as undiluted (0.05: one drop of water in 20).
  public static let undilutedBelow = 0.05

  /// True when the water is negligible (``undilutedBelow``).
  public var isUndiluted: Bool { waterPerPigment < Self.undilutedBelow }

  /// N, the ml water per ml pigment as practitioners write it: one decimal below 10 without a
  /// trailing ".0" ("4", "4.2"), whole ml from 10 up ("18").
  public var waterText: String {
    let text = String(format: waterPerPigment >= 10 ? "%.0f" : "%.1f", waterPerPigment)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// The ratio pigment : water, "1:4" (``waterText``).
  public var ratioText: String { "1:" + waterText }

  /// "undiluted", or "1 ml pigment in N ml water" with N to one decimal (to whole ml from 10 up).
  public var description: String {
    let n = waterPerPigment
    if isUndiluted { return "undiluted" }
    let text = String(format: n >= 10 ? "%.0f" : "%.1f", n)
    return "1 ml pigment in \(text) ml water"
  }
}
