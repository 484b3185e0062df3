import Foundation

/// A validated recipe against one palette: stock pigments and water with fractions summing to 1.
public struct Recipe: Sendable, Equatable {
  /// One ingredient.
  public struct Component: Sendable, Equatable {
    /// A pigment id of the palette, or `"water"`.
    public let pigment: String
    /// Share by volume.
    public let fraction: Fraction
  }

  /// |Σ fractions − 1| allowed: 1e-6, room for fractions printed to six decimals.
  public static let sumTolerance = 1e-6

  /// The ingredients in the order given (zero fractions kept).
  public let components: [Component]

  /// Validates ids against `palette` (`water` allowed), values in 0…1, no duplicates, Σ = 1 within
  /// ``sumTolerance``.
  public init(_ pairs: [(pigment: String, fraction: Double)], palette: Palette) throws(RecipeError) {
    guard !pairs.isEmpty else { throw .empty }
    var seen = Set<String>()
    var components: [Component] = []
    var sum = 0.0
    for (id, value) in pairs {
      guard id == Palette.waterID || palette.pigment(id: id) != nil else {
        throw .unknownPigment(id, known: palette.pigments.map(\.id) + [Palette.waterID])
      }
      guard seen.insert(id).inserted else { throw .duplicate(id) }
      if value < 0 { throw .negative(pigment: id, value: value) }
      guard let fraction = Fraction(value) else { throw .outOfRange(pigment: id, value: value) }
      components.append(Component(pigment: id, fraction: fraction))
      sum += value
    }
    guard abs(sum - 1) <= Self.sumTolerance else { throw .sumNotOne(sum) }
    self.components = components
  }

  /// Components already validated (a solved ``Blend``'s).
  init(validated components: [Component]) {
    self.components = components
  }

  /// Fractions in the palette's component order: its pigments, then water (zeros for absent ones),
  /// matched by pigment id, so a recipe of one palette is read correctly in another that has its
  /// pigments; ``RecipeError/unknownPigment(_:known:)`` names an ingredient `palette` lacks.
  /// The positional array is internal to the package: the public API takes a `Recipe` or `Blend`.
  package func fractions(in palette: Palette) throws(RecipeError) -> [Double] {
    var result = [Double](repeating: 0, count: palette.pigments.count + 1)
    for component in components {
      if component.pigment == Palette.waterID {
        result[palette.pigments.count] += component.fraction.value
      } else if let index = palette.pigments.firstIndex(where: { $0.id == component.pigment }) {
        result[index] += component.fraction.value
      } else {
        throw .unknownPigment(component.pigment, known: palette.pigments.map(\.id) + [Palette.waterID])
      }
    }
    return result
  }
}
