import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Recipes in practitioners' units: each form is read to the fractions a person computes by hand.
@Suite("Recipe units")
struct RecipeUnitsTests {
  /// Fractions from division of small whole numbers: equal to double rounding.
  static let exact = 1e-12

  static func greys() throws -> Palette { try ShippedPalettes.load("carbon-greyscale.json") }

  /// id → fraction of the parsed recipe (zero entries dropped).
  static func shares(_ text: String) throws -> [String: Double] {
    let recipe = try Recipe.parse(text, palette: try greys())
    var result: [String: Double] = [:]
    for c in recipe.components where c.fraction.value > 0 { result[c.pigment] = c.fraction.value }
    return result
  }

  @Test(
    "every written form reads as the hand-computed fractions",
    arguments: [
      // 1 ml pigment to 4 ml water: 1/5 pigment.
      ("cb-black=1:4", ["cb-black": 0.2, "water": 0.8]),
      ("cb-black = 1 : 4", ["cb-black": 0.2, "water": 0.8]),
      ("cb-black=20%,water=rest", ["cb-black": 0.2, "water": 0.8]),
      ("cb-black=20 %,water=80%", ["cb-black": 0.2, "water": 0.8]),
      ("cb-black=0.2,water=0.8", ["cb-black": 0.2, "water": 0.8]),
      ("cb-black=3drops,water=12drops", ["cb-black": 0.2, "water": 0.8]),
      ("cb-black=1 drop,water=4 drops", ["cb-black": 0.2, "water": 0.8]),
      // The tool's own drop line, with and without its label.
      ("3 drops cb-black + 12 drops water", ["cb-black": 0.2, "water": 0.8]),
      (
        "recipe: 1 drop cb-black + 1 drop cb-mid-grey + 8 drops water",
        ["cb-black": 0.1, "cb-mid-grey": 0.1, "water": 0.8]
      ),
      ("cb-black=undiluted", ["cb-black": 1]),
      ("cb-black undiluted", ["cb-black": 1]),
      ("cb-black=2:0", ["cb-black": 1]),
      // Each pigment diluted on its own, then combined: 1 + 1 ml pigment, 3 + 5 ml water.
      ("cb-black=1:3,cb-mid-grey=1:5", ["cb-black": 0.1, "cb-mid-grey": 0.1, "water": 0.8]),
      ("cb-black=50%,cb-mid-grey=rest", ["cb-black": 0.5, "cb-mid-grey": 0.5]),
    ])
  func forms(text: String, expected: [String: Double]) throws {
    let got = try Self.shares(text)
    #expect(Set(got.keys) == Set(expected.keys), "\(text): \(got)")
    for (id, value) in expected { #expect(abs((got[id] ?? -1) - value) <= Self.exact, "\(text): \(id)") }
  }

  @Test(
    "every bad term is named",
    arguments: [
      ("cb-black=20%,water=3drops", RecipeError.mixedUnits(first: "cb-black=20%", other: "water=3drops")),
      ("cb-black=1:4,cb-mid-grey=0.1", RecipeError.mixedUnits(first: "cb-black=1:4", other: "cb-mid-grey=0.1")),
      ("cb-black=undiluted,water=0.5", RecipeError.undilutedNotAlone("water=0.5")),
      ("water=0.5,cb-black=undiluted", RecipeError.undilutedNotAlone("water=0.5")),
      ("cb-black=undiluted,cb-mid-grey=undiluted", RecipeError.undilutedNotAlone("cb-mid-grey=undiluted")),
      ("cb-black=1:4,water=1:2", RecipeError.waterInDilution("water=1:2")),
      ("cb-black=rest,water=rest", RecipeError.restTwice("water=rest")),
      ("cb-black=0.75,cb-mid-grey=0.5,water=rest", RecipeError.nothingLeftForRest("water=rest", given: 1.25)),
      ("cb-black=2.5drops,water=1drop", RecipeError.badDrops(pigment: "cb-black", text: "2.5drops")),
      ("cb-black=0:4", RecipeError.badDilution(pigment: "cb-black", text: "0:4")),
      ("cb-black=1:x", RecipeError.badDilution(pigment: "cb-black", text: "1:x")),
      ("cb-black=1:4:2", RecipeError.badDilution(pigment: "cb-black", text: "1:4:2")),
      ("cb-black=120%", RecipeError.percentOutOfRange(pigment: "cb-black", percent: 120)),
      ("cb-black=-20%,water=rest", RecipeError.negative(pigment: "cb-black", value: -0.2)),
      ("cb-black=0drops,water=0drops", RecipeError.nothingToMix),
      ("cb-black=lots", RecipeError.badNumber(pigment: "cb-black", text: "lots")),
      ("3 drops cb-black + lots of water", RecipeError.malformedTerm("lots of water")),
      (
        "io-black=1:4",
        RecipeError.unknownPigment(
          "io-black", known: ["cb-black", "cb-dark-grey", "cb-mid-grey", "cb-light-grey", "water"])
      ),
      ("cb-black=1drop,cb-black=2drops", RecipeError.duplicate("cb-black")),
      ("   ", RecipeError.empty),
    ] as [(String, RecipeError)])
  func errors(text: String, expected: RecipeError) throws {
    let palette = try Self.greys()
    #expect(throws: expected) { try Recipe.parse(text, palette: palette) }
  }

  @Test("the messages quote the term at fault")
  func messagesQuoteTheTerm() {
    #expect(
      RecipeError.mixedUnits(first: "cb-black=20%", other: "water=3drops").description.contains("\"water=3drops\""))
    #expect(RecipeError.badDilution(pigment: "cb-black", text: "0:4").description.contains("\"0:4\""))
  }

  /// Reading the tool's drop line back gives exactly drops/total, for every solved blend.
  @Test("the printed drop recipe reads back as its drops", arguments: ShippedPalettes.files)
  func dropTextRoundTrip(file: String) throws {
    let palette = try ShippedPalettes.load(file)
    let solver = BlendSolver(palette: palette, optics: NeutralDermisDotOptics())
    for hair in HairReference.coverageTargets {
      let drops = try solver.solve(target: hair.lab).drops
      let recipe = try Recipe.parse(drops.text, palette: palette)
      for entry in drops.entries {
        let share = recipe.components.first { $0.pigment == entry.pigment }?.fraction.value
        #expect(abs((share ?? -1) - Double(entry.drops) / Double(drops.totalDrops)) <= Self.exact, "\(drops.text)")
      }
    }
  }

  @Test(
    "the blend is stated as mixed",
    arguments: [
      ("cb-black=1:4", "1 ml Carbon Black (full strength) in 4 ml water (1:4)"),
      ("cb-black=2:9", "1 ml Carbon Black (full strength) in 4.5 ml water (1:4.5)"),
      ("cb-black=1:18", "1 ml Carbon Black (full strength) in 18 ml water (1:18)"),
      ("cb-black=undiluted", "Carbon Black (full strength), undiluted"),
      (
        "cb-black=3drops,cb-mid-grey=1drop,water=12drops",
        "1 ml of Carbon Black (full strength) 75 % + Mid Grey 25 % in 3 ml water (1:3)"
      ),
      ("water=1", "water only"),
    ])
  func asMixed(text: String, expected: String) throws {
    let palette = try Self.greys()
    let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
    let blend = try Blend(recipe: try Recipe.parse(text, palette: palette), model: model, target: Lab(l: 50, a: 0, b: 0))
    #expect(blend.asMixed == expected)
  }

  @Test("one pigment alone prints as undiluted, not as one drop")
  func undilutedDrops() throws {
    let palette = try Self.greys()
    let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
    let blend = try Blend(
      recipe: try Recipe.parse("cb-black=1", palette: palette), model: model, target: Lab(l: 30, a: 0, b: 0))
    #expect(DropRecipe.rounding(blend, model: model).text == "cb-black undiluted")
  }

  @Test(
    "a cup in ml: full, in 0.1 ml steps, each within half a step of the exact share",
    arguments: [
      ("cb-black=1:4", 5.0), ("cb-black=1:3", 5.0), ("cb-black=1:3,cb-mid-grey=1:5", 2.0), ("cb-black=1:7", 12.3),
    ])
  func cup(text: String, volume: Double) throws {
    let palette = try Self.greys()
    let model = DotModel(palette: palette, optics: try SkinFit(skin: Lab(l: 61, a: 11, b: 16)).optics)
    let blend = try Blend(recipe: try Recipe.parse(text, palette: palette), model: model, target: Lab(l: 50, a: 0, b: 0))
    let cup = try #require(CupRecipe(blend, model: model, volume: volume))
    #expect(abs(cup.entries.map(\.millilitres).reduce(0, +) - volume) < 1e-9)
    var fractions = [Double](repeating: 0, count: model.componentCount)
    for entry in cup.entries {
      let index = palette.pigments.firstIndex { $0.id == entry.pigment } ?? palette.pigments.count
      fractions[index] = entry.millilitres / volume
      let units = entry.millilitres / CupRecipe.graduation
      #expect(abs(units - units.rounded()) < 1e-9, "\(entry)")
      #expect(abs(entry.millilitres - blend.fractions[index] * volume) <= CupRecipe.graduation, "\(entry)")
    }
    // What rounding costs, recomputed from the measured ml.
    #expect(abs(cup.roundingDeltaE00 - DeltaE.ciede2000(model.lab(fractions), blend.dotLab)) < 1e-9)
  }

  @Test("1:4 in a 5 ml cup is 1 ml pigment and 4 ml water, at no cost")
  func cupExact() throws {
    let palette = try Self.greys()
    let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
    let blend = try Blend(
      recipe: try Recipe.parse("cb-black=1:4", palette: palette), model: model, target: Lab(l: 50, a: 0, b: 0))
    let cup = try #require(CupRecipe(blend, model: model, volume: 5))
    #expect(cup.text == "1.0 ml cb-black + 4.0 ml water")
    #expect(cup.roundingDeltaE00 < 1e-9)
  }

  @Test("cup volumes", arguments: [("5ml", 5.0), ("5 ml", 5.0), ("2.5", 2.5), (" 10ML ", 10.0)])
  func volumes(text: String, expected: Double) throws {
    #expect(try CupRecipe.parseVolume(text) == expected)
  }

  @Test("bad cup volumes are named", arguments: ["0ml", "-1ml", "5l", "abc", "", "2000ml", "nan"])
  func badVolumes(text: String) {
    #expect(throws: RecipeError.badVolume(text)) { try CupRecipe.parseVolume(text) }
  }
}
