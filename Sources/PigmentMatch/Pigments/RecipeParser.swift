import Foundation

extension Recipe {
  /// Parses a recipe as practitioners write it and validates it like ``init(_:palette:)``.
  ///
  /// Either comma-separated terms `id=amount` (`RecipeAmount`: `cb-black=0.25,water=0.75`,
  /// `cb-black=20%,water=rest`, `cb-black=3drops,water=12drops`, `cb-black=1:4` — 1 ml pigment in
  /// 4 ml water —, `cb-black=undiluted`), or the tool's own drop recipe
  /// (`3 drops io-black + 1 drop io-dark-brown + 17 drops water`, `cb-black undiluted`,
  /// ``DropRecipe/text``). Shares (fractions, per cent, `rest`) and parts (drops, dilutions) are
  /// not mixed in one recipe; `undiluted` stands alone.
  public static func parse(_ text: String, palette: Palette) throws(RecipeError) -> Recipe {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw .empty }
    let terms = trimmed.contains("=") ? try keyValueTerms(trimmed) : try dropTextTerms(trimmed)
    return try Recipe(try resolve(terms), palette: palette)
  }

  /// One parsed term: the id, its amount and the text it came from (for errors).
  typealias Term = (pigment: String, amount: RecipeAmount, text: String)

  /// `id=amount,id=amount,…`.
  static func keyValueTerms(_ text: String) throws(RecipeError) -> [Term] {
    var terms: [Term] = []
    for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
      let term = raw.trimmingCharacters(in: .whitespaces)
      let parts = term.split(separator: "=", omittingEmptySubsequences: false)
      let id = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      guard parts.count == 2, !id.isEmpty else { throw .malformedTerm(term) }
      terms.append((id, try RecipeAmount.parse(String(parts[1]), pigment: id), term))
    }
    return terms
  }

  /// `N drop(s) id + … ` or `id undiluted`, optionally after `recipe:`.
  static func dropTextTerms(_ text: String) throws(RecipeError) -> [Term] {
    var body = Substring(text)
    if body.lowercased().hasPrefix("recipe:") { body = body.dropFirst("recipe:".count) }
    var terms: [Term] = []
    for raw in body.split(separator: "+", omittingEmptySubsequences: false) {
      let term = raw.trimmingCharacters(in: .whitespaces)
      let words = term.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      if words.count == 2, words[1].lowercased() == "undiluted" {
        terms.append((words[0], .undiluted, term))
      } else if words.count == 3, ["drop", "drops"].contains(words[1].lowercased()) {
        terms.append((words[2], try RecipeAmount.parse(words[0] + words[1], pigment: words[2]), term))
      } else {
        throw .malformedTerm(term)
      }
    }
    return terms
  }

  /// The terms as (id, fraction) pairs: shares as given (`rest` filled in), parts divided by their
  /// total, a dilution's water added as `water`.
  static func resolve(_ terms: [Term]) throws(RecipeError) -> [(pigment: String, fraction: Double)] {
    guard let first = terms.first else { throw .empty }
    if let other = terms.first(where: { $0.amount.kind != first.amount.kind }) {
      throw first.amount.kind == .undiluted || other.amount.kind == .undiluted
        ? .undilutedNotAlone((first.amount.kind == .undiluted ? other : first).text)
        : .mixedUnits(first: first.text, other: other.text)
    }
    switch first.amount.kind {
    case .undiluted:
      guard terms.count == 1 else { throw .undilutedNotAlone(terms[1].text) }
      return [(first.pigment, 1)]
    case .share:
      return try shares(terms)
    case .drops:
      var pairs: [(pigment: String, fraction: Double)] = []
      for term in terms { if case .drops(let n) = term.amount { pairs.append((term.pigment, Double(n))) } }
      return try normalised(pairs)
    case .dilution:
      var pairs: [(pigment: String, fraction: Double)] = []
      var water = 0.0
      for term in terms {
        guard term.pigment != Palette.waterID else { throw .waterInDilution(term.text) }
        if case .dilution(let p, let w) = term.amount {
          pairs.append((term.pigment, p))
          water += w
        }
      }
      return try normalised(water > 0 ? pairs + [(Palette.waterID, water)] : pairs)
    }
  }

  /// Fractions and per cent as shares; `rest` (at most one) takes what the others leave.
  private static func shares(_ terms: [Term]) throws(RecipeError) -> [(pigment: String, fraction: Double)] {
    var pairs: [(pigment: String, fraction: Double)] = []
    var restIndex: Int?
    for term in terms {
      switch term.amount {
      case .fraction(let f): pairs.append((term.pigment, f))
      case .percent(let p): pairs.append((term.pigment, p / 100))
      case .rest:
        guard restIndex == nil else { throw .restTwice(term.text) }
        restIndex = pairs.count
        pairs.append((term.pigment, 0))
      default: throw .malformedTerm(term.text)
      }
    }
    if let restIndex {
      let given = pairs.map(\.fraction).reduce(0, +)
      guard given <= 1 + sumTolerance else { throw .nothingLeftForRest(terms[restIndex].text, given: given) }
      pairs[restIndex].fraction = max(0, 1 - given)
    }
    return pairs
  }

  /// Parts divided by their total.
  private static func normalised(_ parts: [(pigment: String, fraction: Double)]) throws(RecipeError)
    -> [(pigment: String, fraction: Double)]
  {
    let total = parts.map(\.fraction).reduce(0, +)
    guard total > 0, total.isFinite else { throw .nothingToMix }
    return parts.map { ($0.pigment, $0.fraction / total) }
  }
}
