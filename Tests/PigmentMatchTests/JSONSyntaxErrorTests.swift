import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// The first syntax error of a document, located by hand (columns count characters, é is one), and
/// cross-checked against Foundation's strict JSONDecoder, which must reject the same documents.
@Suite("JSON syntax error position")
struct JSONSyntaxErrorTests {
  @Test(
    "errors are found where a person counts them",
    arguments: [
      (#"{"a": 1, 2}"#, 1, 10, "expected a string key"),
      ("{\n  \"vendor\": \"x\",\n  \"pigments\": [\n", 4, 1, "expected a value, found the end of file"),
      (#"{"a": tru}"#, 1, 7, "expected a value"),
      (#"{"a" 1}"#, 1, 6, "expected ':'"),
      ("[1 2]", 1, 4, "expected ',' or ']'"),
      (#"{"name": "é x"#, 1, 10, "never closed"),
      (#"{"é": 01}"#, 1, 8, "expected ',' or '}'"),
      (#"{"a": NaN}"#, 1, 7, "expected a value, found 'N'"),
      (#"{"a": 1} x"#, 1, 10, "after the end of the document"),
      (#"["\x"]"#, 1, 4, "invalid escape"),
      ("{\n\t\"k\": [1.],\n}", 2, 10, "expected a digit after '.'"),
      ("{\"a\": \"tab\there\"}", 1, 11, "control character"),
      ("", 1, 1, "end of file"),
    ])
  func located(text: String, line: Int, column: Int, reason: String) throws {
    let data = Data(text.utf8)
    #expect((try? JSONDecoder().decode(JSONValue.self, from: data)) == nil)
    let error = try #require(JSONSyntaxError.locate(in: data))
    #expect(error.line == line && error.column == column, "\(error)")
    #expect(error.reason.contains(reason), "\(error)")
  }

  @Test("invalid UTF-8 is located at its byte")
  func invalidUTF8() throws {
    let error = try #require(JSONSyntaxError.locate(in: Data([0x7B, 0x0A, 0x20, 0xFF, 0x7D])))
    #expect(error.line == 2 && error.column == 2 && error.offset == 3)
  }

  @Test(
    "valid JSON has no error",
    arguments: [#"{"a": [1, -2.5e3, 0, 1E+2, true, false, null, "\u00e9\n", {}, []]}"#, " 3 ", #""x""#])
  func valid(text: String) {
    #expect(JSONSyntaxError.locate(in: Data(text.utf8)) == nil)
  }

  @Test("the shipped palettes have no syntax error", arguments: ShippedPalettes.files)
  func shipped(file: String) throws {
    #expect(JSONSyntaxError.locate(in: try Data(contentsOf: PigmentsTestSupport.palette(file))) == nil)
  }

  @Test("deep nesting is reported, not recursed into")
  func deep() throws {
    let error = try #require(JSONSyntaxError.locate(in: Data(String(repeating: "[", count: 100_000).utf8)))
    #expect(error.column == JSONSyntaxError.maxDepth + 1)
  }

  @Test("palette validation says where the syntax error is")
  func paletteMessage() throws {
    let text = "{\n  \"vendor\": \"x\",\n  \"name\": \"y\"\n  \"version\": \"1\"\n}"
    let result = PaletteValidator.validate(jsonData: Data(text.utf8))
    let problem = try #require(result.problems.first { $0.code == .malformedJSON })
    #expect(problem.path == "$")
    #expect(problem.message == "$: not valid JSON at line 4, column 3: expected ',' or '}', found '\"'")
  }

  @Test("a JSON5 palette's first non-strict token is located too")
  func json5Message() throws {
    let path = PigmentsTestSupport.fixture("broken-palettes/nan-value.json")
    let result = PaletteValidator.validate(jsonData: try Data(contentsOf: path))
    let problem = try #require(result.problems.first { $0.code == .notStrictJSON })
    #expect(problem.message.contains("at line "), "\(problem.message)")
    #expect(problem.message.contains("found 'N'"), "\(problem.message)")
  }
}

/// Coverage lists what the palette cannot reach (each hair's follicle under each skin class); the
/// oracle is a brute-force grid over every single pigment and dilution, which must not reach an
/// unreached target either.
@Test("coverage lists the unreached hair × skin targets with their ΔE00", arguments: ShippedPalettes.files)
func coverageUnreached(file: String) throws {
  let palette = try ShippedPalettes.load(file)
  let coverage = PaletteValidator.coverage(palette)
  #expect(coverage.matched + coverage.unreached.count == coverage.targets)
  let skins = Dictionary(uniqueKeysWithValues: SkinClassReference.all.map { ($0.category.rawValue, $0.lab) })
  let hairs = Dictionary(uniqueKeysWithValues: HairReference.coverageTargets.map { ($0.name, $0.lab) })
  for miss in coverage.unreached {
    let deltaE00 = try #require(miss.deltaE00)
    #expect(deltaE00 > coverage.thresholdDeltaE00)
    let optics = try SkinFit(skin: try #require(skins[miss.skin])).optics
    let model = DotModel(palette: palette, optics: optics)
    let follicle = FollicleTarget(hair: try #require(hairs[miss.hair]), optics: optics).lab
    for p in 0..<palette.pigments.count {
      for w in stride(from: 0.0, through: 0.98, by: 0.07) {
        var c = [Double](repeating: 0, count: model.componentCount)
        c[p] = 1 - w
        c[palette.pigments.count] = w
        #expect(DeltaE.ciede2000(model.lab(c), follicle) > coverage.thresholdDeltaE00, "\(miss)")
      }
    }
  }
}

/// What a person expects of a palette of neutral greys: it cannot make the clearly coloured hair
/// tones (medium brown, light brown, dark blond: chroma C*ab ≥ 10), so only those may be listed as
/// out of reach; the near-neutral blacks, dark brown and greys are reached.
@Test("a greyscale palette misses the warm light hair tones")
func greysMissWarmTones() throws {
  let coverage = PaletteValidator.coverage(try ShippedPalettes.load("carbon-greyscale.json"))
  let warm = Set(HairReference.coverageTargets.filter { ($0.lab.a * $0.lab.a + $0.lab.b * $0.lab.b).squareRoot() >= 10 }.map(\.name))
  #expect(!coverage.unreached.isEmpty)
  #expect(coverage.unreached.allSatisfy { warm.contains($0.hair) }, "\(coverage.unreached)")
}
