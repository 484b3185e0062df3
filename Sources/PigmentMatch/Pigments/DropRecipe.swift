import Colorimetry

/// A blend rounded to whole drops, with what the rounding costs in colour.
public struct DropRecipe: Sendable, Equatable {
  /// Drops of one ingredient (only ingredients with at least one drop are listed).
  public struct Entry: Sendable, Equatable {
    /// Pigment id or `"water"`.
    public let pigment: String
    /// Whole drops, ≥ 1.
    public let drops: Int
  }

  /// Default cap on drops in a recipe, water included: a practical cup (DESIGN: drops, ≤ 24).
  public static let defaultMaxDrops = 24

  /// Ingredients in component order.
  public let entries: [Entry]
  /// Σ drops, 1…max.
  public let totalDrops: Int
  /// The rounded recipe's dot colour.
  public let dotLab: Lab
  /// ΔE00 of the rounded recipe to the target.
  public let deltaE00: Double
  /// ΔE00 between the rounded recipe and the exact blend: what rounding costs.
  public let roundingDeltaE00: Double

  /// The best rounding of `blend` to at most `maxDrops` drops (1…): the one whose dot is closest
  /// (ΔE00) to the exact blend's dot — so rounding keeps what the solve optimised, day-one or
  /// fade-aware — searching every total 1…maxDrops by largest remainder, then single-drop moves.
  package static func rounding(_ blend: Blend, model: DotModel, maxDrops: Int = defaultMaxDrops)
    -> DropRecipe
  {
    let fractions = blend.fractions
    let active = fractions.indices.filter { fractions[$0] > 0 }
    func cost(_ drops: [Int]) -> (Double, Lab) {
      let total = drops.reduce(0, +)
      guard total > 0 else { return (.infinity, blend.dotLab) }
      let lab = model.lab(drops.map { Double($0) / Double(total) })
      return (DeltaE.ciede2000(lab, blend.dotLab), lab)
    }
    var best = [Int](repeating: 0, count: fractions.count)
    var bestCost = Double.infinity
    for total in 1...max(1, maxDrops) {
      let drops = largestRemainder(fractions, active: active, total: total)
      let (c, _) = cost(drops)
      if c < bestCost - 1e-12 {
        best = drops
        bestCost = c
      }
    }
    // Local search: move, add or remove one drop while it lowers ΔE00.
    var improved = true
    var rounds = 0
    while improved && rounds < 50 {
      improved = false
      rounds += 1
      var candidates: [[Int]] = []
      let total = best.reduce(0, +)
      for i in active {
        if total < maxDrops {
          var add = best
          add[i] += 1
          candidates.append(add)
        }
        if best[i] > 0 {
          var remove = best
          remove[i] -= 1
          candidates.append(remove)
          for j in active where j != i {
            var move = best
            move[i] -= 1
            move[j] += 1
            candidates.append(move)
          }
        }
      }
      for candidate in candidates {
        let (c, _) = cost(candidate)
        if c < bestCost - 1e-9 {  // closer to the exact blend
          best = candidate
          bestCost = c
          improved = true
        }
      }
    }
    let (_, lab) = cost(best)
    let palette = model.palette
    let entries = best.indices.filter { best[$0] > 0 }.map { index in
      Entry(
        pigment: index == palette.pigments.count ? Palette.waterID : palette.pigments[index].id,
        drops: best[index])
    }
    return DropRecipe(
      entries: entries, totalDrops: best.reduce(0, +), dotLab: lab, deltaE00: DeltaE.ciede2000(lab, blend.target),
      roundingDeltaE00: DeltaE.ciede2000(lab, blend.dotLab))
  }

  /// Hamilton's largest-remainder apportionment of `total` drops over the active components.
  static func largestRemainder(_ fractions: [Double], active: [Int], total: Int) -> [Int] {
    var drops = [Int](repeating: 0, count: fractions.count)
    var remainders: [(Int, Double)] = []
    for i in active {
      let exact = fractions[i] * Double(total)
      drops[i] = Int(exact.rounded(.down))
      remainders.append((i, exact - Double(drops[i])))
    }
    var left = total - drops.reduce(0, +)
    for (i, _) in remainders.sorted(by: { $0.1 > $1.1 }) where left > 0 {
      drops[i] += 1
      left -= 1
    }
    return drops
  }
}
