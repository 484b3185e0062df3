/// Why a recipe (pigment id → fraction) was rejected.
public enum RecipeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No components at all.
  case empty
  /// A term is not of the form `id=fraction`.
  case malformedTerm(String)
  /// The fraction text is not a number.
  case badNumber(pigment: String, text: String)
  /// The id is neither a pigment of the palette nor `water`.
  case unknownPigment(String, known: [String])
  /// A negative fraction.
  case negative(pigment: String, value: Double)
  /// A fraction above 1 or not finite.
  case outOfRange(pigment: String, value: Double)
  /// The same id twice.
  case duplicate(String)
  /// The fractions do not sum to 1 within ``Recipe/sumTolerance``.
  case sumNotOne(Double)

  /// A practitioner-readable message.
  public var description: String {
    switch self {
    case .empty: "the recipe is empty (expected id=fraction,id=fraction,…)"
    case .malformedTerm(let term): "\"\(term)\" is not of the form id=fraction"
    case .badNumber(let id, let text): "the fraction for \(id), \"\(text)\", is not a number"
    case .unknownPigment(let id, let known):
      "unknown pigment \"\(id)\" (this palette has: \(known.joined(separator: ", ")))"
    case .negative(let id, let value): "the fraction for \(id) is negative (\(value))"
    case .outOfRange(let id, let value): "the fraction for \(id) must be in 0…1, got \(value)"
    case .duplicate(let id): "\(id) appears twice in the recipe"
    case .sumNotOne(let sum):
      "the fractions sum to \(sum), not 1 (tolerance \(Recipe.sumTolerance))"
    }
  }
}
