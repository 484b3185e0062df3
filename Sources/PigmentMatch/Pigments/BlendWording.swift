import Foundation

extension Blend {
  /// The blend as a practitioner mixes it, with the palette's names: "Carbon Black, undiluted",
  /// "1 ml Carbon Black in 4 ml water (1:4)", or for several stock pigments
  /// "1 ml of Iron Black 85 % + Dark Brown 15 % in 4.2 ml water (1:4.2)"; "water only" without pigment.
  public var asMixed: String {
    let pigments = components.filter { $0.pigment != Palette.waterID }
    guard !pigments.isEmpty else { return "water only" }
    let stock = pigments.map(\.fraction.value).reduce(0, +)
    let water = components.first { $0.pigment == Palette.waterID }?.fraction.value ?? 0
    let name: String
    if pigments.count == 1 {
      name = pigments[0].name
    } else {
      name = pigments.map { "\($0.name) \(Self.percentText($0.fraction.value / stock)) %" }
        .joined(separator: " + ")
    }
    guard let dilution = Dilution(pigment: stock, water: water), !dilution.isUndiluted else {
      return "\(name), undiluted"
    }
    let of = pigments.count == 1 ? "" : "of "
    return "1 ml \(of)\(name) in \(dilution.waterText) ml water (\(dilution.ratioText))"
  }

  /// A share in per cent, whole numbers (one decimal below 10 %).
  static func percentText(_ share: Double) -> String {
    let percent = share * 100
    return String(format: percent < 10 ? "%.1f" : "%.0f", percent)
  }
}

extension DropRecipe {
  /// The drops as the tool prints them and ``Recipe/parse(_:palette:)`` reads them back:
  /// "3 drops io-black + 1 drop io-dark-brown + 17 drops water", or "cb-black undiluted" for
  /// one pigment alone.
  public var text: String { Self.text(entries.map { ($0.pigment, $0.drops) }) }

  /// ``text`` of drops given as (pigment id, drops) pairs (e.g. read back from JSON).
  static func text(_ entries: [(pigment: String, drops: Int)]) -> String {
    if entries.count == 1, let only = entries.first, only.pigment != Palette.waterID {
      return "\(only.pigment) undiluted"
    }
    return entries.map { "\($0.drops) drop\($0.drops == 1 ? "" : "s") \($0.pigment)" }.joined(separator: " + ")
  }
}
