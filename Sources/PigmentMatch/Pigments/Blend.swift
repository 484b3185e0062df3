import Colorimetry
import Foundation

/// A blend of stock pigments and water with its dot colour and its distance to a target.
///
/// Invariants: fractions are in 0…1 and sum to 1 (within ``Recipe/sumTolerance``), every
/// component is a pigment of the palette or water, and `dotLab`/`deltaE00` are those of the forward
/// model. Made by ``BlendSolver`` or by the validating ``init(recipe:model:target:)``.
public struct Blend: Sendable, Equatable {
  /// One ingredient with a nonzero share.
  public struct Component: Sendable, Equatable {
    /// Pigment id, or `"water"`.
    public let pigment: String
    /// Display name.
    public let name: String
    /// Share by volume.
    public let fraction: Fraction
  }

  /// Nonzero ingredients: pigments in palette order, then water.
  public let components: [Component]
  /// Fractions in the model's component order (pigments, then water): the solver's working form,
  /// internal to the package (the public API takes the typed ``recipe``).
  package let fractions: [Double]
  /// The healed dot's colour under the model's optics.
  public let dotLab: Lab
  /// The colour asked for.
  public let target: Lab
  /// ΔE00(dotLab, target): the honest residual.
  public let deltaE00: Double

  /// The blend of a validated recipe, evaluated by `model` against `target`; throws
  /// ``RecipeError/unknownPigment(_:known:)`` when the recipe names a pigment `model`'s palette lacks.
  public init(recipe: Recipe, model: DotModel, target: Lab) throws(RecipeError) {
    self.init(fractions: try recipe.fractions(in: model.palette), model: model, target: target)
  }

  /// Internal: fractions already nonnegative and summing to 1 (the solver's output).
  init(fractions: [Double], model: DotModel, target: Lab) {
    let palette = model.palette
    var components: [Component] = []
    for (index, value) in fractions.enumerated() where value > 0 {
      let isWater = index == palette.pigments.count
      components.append(
        Component(
          pigment: isWater ? Palette.waterID : palette.pigments[index].id,
          name: isWater ? palette.diluent.name : palette.pigments[index].name,
          fraction: Fraction(clamping: value)))
    }
    self.components = components
    self.fractions = fractions
    self.target = target
    self.dotLab = model.lab(fractions)
    self.deltaE00 = DeltaE.ciede2000(dotLab, target)
  }

  /// The components' fractions rounded to `places` decimals (0…12) so that the rounded values still
  /// sum to 1: the rounding remainder goes to the largest component. For printing recipes that
  /// ``Recipe/parse(_:palette:)`` accepts back.
  public func roundedFractions(places: Int = 6) -> [(pigment: String, fraction: Double)] {
    let scale = pow(10, Double(min(max(places, 0), 12)))
    var units = components.map { ($0.fraction.value * scale).rounded() }
    let missing = scale - units.reduce(0, +)
    if let largest = units.indices.max(by: { units[$0] < units[$1] }) { units[largest] += missing }
    return zip(components, units).map { ($0.pigment, $1 / scale) }
  }

  /// The blend as a recipe (its nonzero ingredients by id), for the forward model and the fade.
  public var recipe: Recipe {
    Recipe(validated: components.map { Recipe.Component(pigment: $0.pigment, fraction: $0.fraction) })
  }

  /// The blend as practitioners mix it: 1 ml stock pigment in N ml water.
  public var dilution: Dilution? { Dilution(fractions: fractions) }

  /// Number of stock pigments used (water not counted).
  public var pigmentCount: Int { components.filter { $0.pigment != Palette.waterID }.count }
}
