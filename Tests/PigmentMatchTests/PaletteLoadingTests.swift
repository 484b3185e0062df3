import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

@Test("the shipped palettes load with their pigments, classes and lightfastness", arguments: ShippedPalettes.files)
func shippedPalettesLoad(file: String) throws {
  let palette = try ShippedPalettes.load(file)
  #expect(palette.pigments.count >= 4)
  #expect(palette.source.hasPrefix("MODELLED"))
  for pigment in palette.pigments {
    #expect(pigment.optics.k.count == 31 && pigment.optics.s.count == 31)
    #expect(pigment.pigmentClass != nil && pigment.lightfastness != nil)
  }
}

@Test("the iron-oxide line derives hematite's K and S from masstone and tint")
func derivedOptics() throws {
  let palette = try ShippedPalettes.load("iron-oxide-tones.json")
  let red = try #require(palette.pigment(id: "io-warm-red"))
  #expect(red.optics.provenance == .masstoneAndTint)
  // The generator modelled K = 1.2 + 43.8/(1 + exp((λ − 565)/14)), S = 14(λ/550)⁻¹; the derivation
  // recovers them to the 4-decimal rounding of the stored reflectances (≈1e-3 relative).
  let s550 = red.optics.s[15]
  let k700 = red.optics.k[30]
  #expect(abs(s550 - 14) / 14 < 0.01)
  #expect(abs(k700 - (1.2 + 43.8 / (1 + exp(135.0 / 14)))) < 0.05)
}

@Test("a missing file is PaletteError.fileNotFound naming the file")
func missingFile() {
  let path = "/nonexistent/palette.json"
  #expect(throws: PaletteError.fileNotFound(file: path)) { try Palette.load(path: path) }
  #expect(PaletteError.fileNotFound(file: path).description.hasPrefix(path + ":"))
}

@Test("malformed JSON is PaletteError.malformedJSON naming the file")
func malformedJSON() {
  #expect(throws: PaletteError.malformedJSON(file: "bad.json")) {
    try Palette(jsonData: Data("{\"vendor\": ".utf8), file: "bad.json")
  }
}

@Test("a content error names the file and the JSON path")
func invalidContent() throws {
  let json = PaletteJSON.edited { PaletteJSON.editPigment(&$0, 1) { $0["k"] = PaletteJSON.flat(1, count: 30) } }
  do {
    _ = try Palette(jsonData: Data(json.utf8), file: "line.json")
    Issue.record("expected an error")
  } catch {
    guard case .invalid(let file, let path, _) = error else {
      Issue.record("wrong error \(error)")
      return
    }
    #expect(file == "line.json")
    #expect(path == "$.pigments[1].k")
    #expect(error.description.hasPrefix("line.json: $.pigments[1].k: expected 31 values"))
  }
}

@Test("a NaN is reported at its path, not as generic bad JSON")
func nanPath() throws {
  let path = PigmentsTestSupport.fixture("broken-palettes/nan-value.json").path
  #expect(throws: PaletteError.invalid(file: path, path: "$.pigments[0].k[7]", message: "nan at 470 nm is not a finite number")) {
    try Palette.load(path: path)
  }
}

@Test("recipes parse and validate", arguments: [
  ("cb-black=0.25,water=0.75", nil),
  (" cb-black = 0.2 , cb-mid-grey=0.3, water=0.5 ", nil),
  ("cb-black=1", nil),
  ("cb-black=0.3333333,water=0.6666667", nil),
  ("", RecipeError.empty),
  ("cb-black", RecipeError.malformedTerm("cb-black")),
  ("cb-black=abc,water=1", RecipeError.badNumber(pigment: "cb-black", text: "abc")),
  ("cb-black=-0.1,water=1.1", RecipeError.negative(pigment: "cb-black", value: -0.1)),
  ("cb-black=1.5", RecipeError.outOfRange(pigment: "cb-black", value: 1.5)),
  ("cb-black=0.5,cb-black=0.5", RecipeError.duplicate("cb-black")),
  ("cb-black=0.5,water=0.4", RecipeError.sumNotOne(0.9)),
  ("cb-black=0.5,water=0.500002", RecipeError.sumNotOne(1.000002)),
] as [(String, RecipeError?)])
func recipeParsing(text: String, expected: RecipeError?) throws {
  let palette = try ShippedPalettes.load("carbon-greyscale.json")
  if case .sumNotOne(let sum)? = expected {
    // The reported sum is the floating-point sum: compare it within rounding.
    #expect {
      try Recipe.parse(text, palette: palette)
    } throws: { error in
      guard case .sumNotOne(let reported)? = error as? RecipeError else { return false }
      return abs(reported - sum) < 1e-12
    }
  } else if let expected {
    #expect(throws: expected) { try Recipe.parse(text, palette: palette) }
  } else {
    let recipe = try Recipe.parse(text, palette: palette)
    #expect(abs(try recipe.fractions(in: palette).reduce(0, +) - 1) <= Recipe.sumTolerance)
  }
}

@Test("an unknown pigment in a recipe is a typed error listing the palette's ids")
func recipeUnknownPigment() throws {
  let palette = try ShippedPalettes.load("carbon-greyscale.json")
  do {
    _ = try Recipe.parse("io-black=0.5,water=0.5", palette: palette)
    Issue.record("expected unknownPigment")
  } catch {
    guard case .unknownPigment(let id, let known) = error else {
      Issue.record("wrong error \(error)")
      return
    }
    #expect(id == "io-black")
    #expect(known.contains("cb-black") && known.contains("water"))
  }
}

@Test("Fraction and Lightfastness reject out-of-range values")
func boundedTypes() {
  #expect(Fraction(0.5)?.value == 0.5)
  #expect(Fraction(-0.01) == nil && Fraction(1.01) == nil && Fraction(.nan) == nil)
  #expect(Fraction(clamping: 2).value == 1 && Fraction(clamping: .nan).value == 0)
  #expect(Lightfastness(blueWool: 8) != nil && Lightfastness(blueWool: 0) == nil && Lightfastness(blueWool: 9) == nil)
}
