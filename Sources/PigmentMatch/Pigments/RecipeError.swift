/// Why a recipe (pigment id → amount) was rejected; each case names the term or value at fault.
public enum RecipeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No components at all.
  case empty
  /// A term is not of the form `id=amount` (nor `N drops id` in the drop form).
  case malformedTerm(String)
  /// The amount text is not a number.
  case badNumber(pigment: String, text: String)
  /// A drop count that is not a whole number (`2.5drops`).
  case badDrops(pigment: String, text: String)
  /// A dilution that is not `P:W` with P > 0 and W ≥ 0 ml.
  case badDilution(pigment: String, text: String)
  /// A percentage outside 0…100.
  case percentOutOfRange(pigment: String, percent: Double)
  /// The id is neither a pigment of the palette nor `water`.
  case unknownPigment(String, known: [String])
  /// A negative amount.
  case negative(pigment: String, value: Double)
  /// A fraction above 1 or not finite.
  case outOfRange(pigment: String, value: Double)
  /// The same id twice.
  case duplicate(String)
  /// The fractions do not sum to 1 within ``Recipe/sumTolerance``.
  case sumNotOne(Double)
  /// Shares (fractions, %) and parts (drops, dilutions) in one recipe: the first term and the
  /// first of the other kind.
  case mixedUnits(first: String, other: String)
  /// `undiluted` with other terms (this term is one of them).
  case undilutedNotAlone(String)
  /// A `water=` term next to a dilution, which already states the water.
  case waterInDilution(String)
  /// A second `rest` term.
  case restTwice(String)
  /// The other terms already fill the mix (their shares sum to `given` > 1).
  case nothingLeftForRest(String, given: Double)
  /// Drops or parts that sum to zero.
  case nothingToMix
  /// A cup volume that is not a positive number of ml (`5ml`).
  case badVolume(String)

  /// A practitioner-readable message.
  public var description: String {
    switch self {
    case .empty:
      "the recipe is empty (expected e.g. cb-black=1:4, cb-black=20%,water=rest or cb-black=3drops,water=12drops)"
    case .malformedTerm(let term): "\"\(term)\" is not of the form id=amount (or \"N drops id\")"
    case .badNumber(let id, let text): "the amount for \(id), \"\(text)\", is not a number"
    case .badDrops(let id, let text): "the drops for \(id), \"\(text)\", are not a whole number"
    case .badDilution(let id, let text):
      "the dilution for \(id), \"\(text)\", is not ml pigment : ml water (e.g. 1:4, pigment above 0)"
    case .percentOutOfRange(let id, let percent): "the percentage for \(id) must be in 0…100 %, got \(percent) %"
    case .unknownPigment(let id, let known):
      "unknown pigment \"\(id)\" (this palette has: \(known.joined(separator: ", ")))"
    case .negative(let id, let value): "the amount for \(id) is negative (\(value))"
    case .outOfRange(let id, let value): "the fraction for \(id) must be in 0…1, got \(value)"
    case .duplicate(let id): "\(id) appears twice in the recipe"
    case .sumNotOne(let sum):
      "the fractions sum to \(sum), not 1 (tolerance \(Recipe.sumTolerance))"
    case .mixedUnits(let first, let other):
      "\"\(other)\" does not use the unit of \"\(first)\": give shares (fractions, %, rest) "
        + "or parts (drops, or dilutions P:W), not both"
    case .undilutedNotAlone(let term):
      "\"\(term)\": undiluted means that pigment alone, with nothing else in the recipe"
    case .waterInDilution(let term): "\"\(term)\": a dilution P:W already states the water"
    case .restTwice(let term): "\"\(term)\": only one term can be the rest"
    case .nothingLeftForRest(let term, let given):
      "\"\(term)\": the other terms already make \(given), nothing is left for the rest"
    case .nothingToMix: "the drops or parts sum to zero: nothing to mix"
    case .badVolume(let text): "\"\(text)\" is not a cup volume in ml (e.g. 5ml, 0.1…1000)"
    }
  }
}
