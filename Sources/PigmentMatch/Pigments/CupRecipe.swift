import Colorimetry
import Foundation

/// A blend measured out in ml for a cup of a chosen volume, with what rounding to the syringe's
/// graduation costs in colour.
public struct CupRecipe: Sendable, Equatable {
  /// ml of one ingredient (only ingredients with some volume are listed).
  public struct Entry: Sendable, Equatable {
    /// Pigment id or `"water"`.
    public let pigment: String
    /// ml, a multiple of ``CupRecipe/graduation``.
    public let millilitres: Double
  }

  /// The smallest step measured, ml: the 0.1 ml graduation of a 1–5 ml syringe.
  public static let graduation = 0.1
  /// Cup volumes accepted, ml.
  public static let volumes = 0.1...1000.0

  /// The cup, ml.
  public let volume: Double
  /// Ingredients in component order.
  public let entries: [Entry]
  /// The rounded mix's dot colour.
  public let dotLab: Lab
  /// ΔE00 of the rounded mix to the target.
  public let deltaE00: Double
  /// ΔE00 between the rounded mix and the exact blend: what rounding costs.
  public let roundingDeltaE00: Double

  /// `blend` for a cup of `volume` ml (in ``volumes``), each ingredient rounded to the
  /// ``graduation`` by largest remainder so that the cup is full, its colour under `model`; nil for
  /// a volume out of range or a blend with a pigment `model`'s palette lacks (ingredients are
  /// matched by id, never by position).
  public init?(_ blend: Blend, model: DotModel, volume: Double) {
    guard Self.volumes.contains(volume), let fractions = try? blend.recipe.fractions(in: model.palette) else {
      return nil
    }
    let steps = Int((volume / Self.graduation).rounded())
    let active = fractions.indices.filter { fractions[$0] > 0 }
    let units = DropRecipe.largestRemainder(fractions, active: active, total: steps)
    let lab = model.lab(units.map { Double($0) / Double(steps) })
    let palette = model.palette
    self.volume = Double(steps) * Self.graduation
    entries = units.indices.filter { units[$0] > 0 }.map { index in
      Entry(
        pigment: index == palette.pigments.count ? Palette.waterID : palette.pigments[index].id,
        millilitres: Double(units[index]) * Self.graduation)
    }
    dotLab = lab
    deltaE00 = DeltaE.ciede2000(lab, blend.target)
    roundingDeltaE00 = DeltaE.ciede2000(lab, blend.dotLab)
  }

  /// Parses a cup volume in ml: `5ml`, `5 ml`, `2.5`; within ``volumes``.
  public static func parseVolume(_ text: String) throws(RecipeError) -> Double {
    var number = text.trimmingCharacters(in: .whitespaces).lowercased()
    if number.hasSuffix("ml") { number = String(number.dropLast(2)).trimmingCharacters(in: .whitespaces) }
    guard let value = Double(number), value.isFinite, volumes.contains(value) else { throw .badVolume(text) }
    return value
  }

  /// "1.0 ml cb-black + 4.0 ml water".
  public var text: String {
    entries.map { String(format: "%.1f ml ", $0.millilitres) + $0.pigment }.joined(separator: " + ")
  }
}
