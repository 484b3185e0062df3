import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Round trip: a reachable colour must be found again well inside one just-noticeable difference.
private let roundTripTolerance = 0.3
/// The reported residual is recomputed from the returned colour: equal to rounding.
private let residualConsistency = 1e-9

/// A random recipe of 1–3 stock pigments plus water, fractions in component order.
private func randomRecipe(_ palette: Palette, _ rng: inout SeededGenerator) -> [Double] {
  let n = palette.pigments.count
  var c = [Double](repeating: 0, count: n + 1)
  let count = Int.random(in: 1...min(3, n), using: &rng)
  for index in (0..<n).shuffled(using: &rng).prefix(count) {
    c[index] = Double.random(in: 0.01...1, using: &rng)
  }
  // Water: from none to ~20 parts, as in SMP practice (1 ml pigment in 0–20 ml water).
  c[n] = Double.random(in: 0...1, using: &rng) < 0.2 ? 0 : Double.random(in: 0...20, using: &rng)
  let sum = c.reduce(0, +)
  return c.map { $0 / sum }
}

/// The optimiser's accuracy: with ``BlendSolver/Options/matchThreshold`` 0 the solver returns the
/// closest blend (the default trades closeness within 1.8 ΔE00 for fewer pigments; issue 15).
@Test("round trip: 200 random recipes are recovered within ΔE00 0.3")
func blendRoundTrip() throws {
  let palettes = try ShippedPalettes.files.map(ShippedPalettes.load)
  let solvers = palettes.map { BlendSolver(palette: $0, optics: NeutralDermisDotOptics(), options: .init(matchThreshold: 0)) }
  var rng = SeededGenerator(seed: 20_261_121)
  var worst = 0.0
  for trial in 0..<200 {
    let which = trial % palettes.count
    let model = solvers[which].model
    let recipe = randomRecipe(palettes[which], &rng)
    let target = model.lab(recipe)
    let solution = try solvers[which].solve(target: target)
    let blend = solution.blend
    worst = max(worst, blend.deltaE00)
    #expect(blend.deltaE00 <= roundTripTolerance, "trial \(trial): \(recipe) → ΔE00 \(blend.deltaE00)")
    #expect(abs(blend.fractions.reduce(0, +) - 1) <= Recipe.sumTolerance)
    #expect(blend.fractions.allSatisfy { $0 >= 0 })
    #expect(blend.pigmentCount <= 3)
  }
  print("blend round trip: worst ΔE00 \(worst) over 200 recipes")
}

/// With the default ranking a random recipe's own dot is matched with at most as many pigments as
/// the recipe used (that recipe is itself a match at ΔE00 0).
@Test("round trip, fewest pigments: 60 random recipes are matched with no more pigments than they used")
func blendRoundTripFewest() throws {
  let palettes = try ShippedPalettes.files.map(ShippedPalettes.load)
  let solvers = palettes.map { BlendSolver(palette: $0, optics: NeutralDermisDotOptics()) }
  var rng = SeededGenerator(seed: 20_261_130)
  for trial in 0..<60 {
    let which = trial % palettes.count
    let recipe = randomRecipe(palettes[which], &rng)
    let used = recipe.dropLast().filter { $0 > 0 }.count
    let blend = try solvers[which].solve(target: solvers[which].model.lab(recipe)).blend
    #expect(blend.deltaE00 <= FadeModel.matchThreshold, "trial \(trial): \(recipe)")
    #expect(blend.pigmentCount <= used, "trial \(trial): \(recipe) → \(blend.components.map(\.pigment))")
  }
}

@Test("a target out of reach returns its best blend and an honest residual")
func blendOutOfReach() throws {
  let palette = try ShippedPalettes.load("carbon-greyscale.json")
  let solver = BlendSolver(palette: palette, optics: NeutralDermisDotOptics())
  let model = solver.model
  // Darker than the skin surface reflection allows, and a saturated green no grey can make.
  for target in [Lab(l: 8, a: 0, b: 0), Lab(l: 50, a: -60, b: 40)] {
    let blend = try solver.solve(target: target).blend
    #expect(blend.deltaE00 > 1)
    #expect(abs(blend.deltaE00 - DeltaE.ciede2000(blend.dotLab, target)) <= residualConsistency)
    #expect(abs(blend.deltaE00 - DeltaE.ciede2000(model.lab(blend.fractions), target)) <= residualConsistency)
    // It is the best: no stock, alone or diluted on a grid, does better.
    for index in 0..<palette.pigments.count {
      for water in stride(from: 0.0, through: 0.98, by: 0.02) {
        var c = [Double](repeating: 0, count: model.componentCount)
        c[index] = 1 - water
        c[palette.pigments.count] = water
        #expect(blend.deltaE00 <= DeltaE.ciede2000(model.lab(c), target) + 1e-6)
      }
    }
  }
}

@Test("the pigment limit holds when the palette offers more", arguments: [1, 2])
func blendPigmentLimit(limit: Int) throws {
  let palette = try ShippedPalettes.load("iron-oxide-tones.json")
  let solver = BlendSolver(palette: palette, optics: NeutralDermisDotOptics(), options: .init(maxPigments: limit))
  for target in HairReference.coverageTargets.map(\.lab) + [Lab(l: 45, a: 10, b: 20)] {
    let blend = try solver.solve(target: target).blend
    #expect(blend.pigmentCount <= limit)
  }
}

@Test("drops: at most 24, whole, and the rounding cost is the ΔE00 to the exact blend")
func blendDrops() throws {
  for file in ShippedPalettes.files {
    let palette = try ShippedPalettes.load(file)
    let solver = BlendSolver(palette: palette, optics: NeutralDermisDotOptics())
    for hair in HairReference.coverageTargets {
      let solution = try solver.solve(target: hair.lab)
      let drops = solution.drops
      #expect(drops.totalDrops >= 1 && drops.totalDrops <= DropRecipe.defaultMaxDrops)
      #expect(drops.entries.allSatisfy { $0.drops >= 1 })
      #expect(drops.entries.map(\.drops).reduce(0, +) == drops.totalDrops)
      #expect(abs(drops.roundingDeltaE00 - DeltaE.ciede2000(drops.dotLab, solution.blend.dotLab)) < 1e-9)
      #expect(abs(drops.deltaE00 - DeltaE.ciede2000(drops.dotLab, hair.lab)) < 1e-9)
      let fractions = palette.pigments.map { p in
        Double(drops.entries.first { $0.pigment == p.id }?.drops ?? 0) / Double(drops.totalDrops)
      } + [Double(drops.entries.first { $0.pigment == Palette.waterID }?.drops ?? 0) / Double(drops.totalDrops)]
      let lab = solver.model.lab(fractions)
      #expect(DeltaE.ciede2000(lab, drops.dotLab) < 1e-9)
    }
  }
}

@Test("a non-finite target is a typed error")
func blendNonFiniteTarget() throws {
  let solver = BlendSolver(palette: try ShippedPalettes.load("carbon-greyscale.json"), optics: NeutralDermisDotOptics())
  #expect(throws: BlendError.nonFiniteTarget) { try solver.solve(target: Lab(l: .nan, a: 0, b: 0)) }
}

@Test("a Blend made from a recipe carries the forward model's colour and residual")
func blendFromRecipe() throws {
  let palette = try ShippedPalettes.load("carbon-greyscale.json")
  let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
  let recipe = try Recipe.parse("cb-black=0.25,water=0.75", palette: palette)
  let target = Lab(l: 30, a: 0, b: 0)
  let blend = try Blend(recipe: recipe, model: model, target: target)
  #expect(blend.components.map(\.pigment) == ["cb-black", "water"])
  #expect(blend.dotLab == model.lab([0.25, 0, 0, 0, 0.75]))
  #expect(abs(blend.deltaE00 - DeltaE.ciede2000(blend.dotLab, target)) < 1e-12)
}

@Test("the CIEDE2000 residual vector has norm ΔE00")
func ciede2000ResidualNorm() {
  var rng = SeededGenerator(seed: 5)
  for _ in 0..<2000 {
    let x = Lab(l: .random(in: 0...100, using: &rng), a: .random(in: -80...80, using: &rng), b: .random(in: -80...80, using: &rng))
    let y = Lab(l: x.l + .random(in: -20...20, using: &rng), a: x.a + .random(in: -20...20, using: &rng), b: x.b + .random(in: -20...20, using: &rng))
    let r = CIEDE2000Residual.vector(x, y)
    // Same formulas, different association of terms: agreement to 1e-9.
    #expect(abs((r * r).sum().squareRoot() - DeltaE.ciede2000(x, y)) < 1e-9)
  }
}
