import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// One planted defect and the problem validation must report for it.
struct PlantedDefect: Sendable, CustomTestStringConvertible {
  let name: String
  let json: String
  let code: PaletteProblem.Code
  let severity: PaletteProblem.Severity
  let path: String
  var testDescription: String { name }
}

private var hematiteLike: [String: Any] {
  [
  "id": "red", "name": "Red", "class": "ironOxide", "lightfastness": 8,
  "reflectance": [
    "masstone": PaletteJSON.flat(0.2), "tint": PaletteJSON.flat(0.5), "white": PaletteJSON.flat(0.88),
    "pigmentFraction": 0.1, "whiteScattering": 40,
  ],
  ]
}

private let plantedDefects: [PlantedDefect] = [
  PlantedDefect(
    name: "missing vendor", json: PaletteJSON.edited { $0["vendor"] = nil }, code: .schema,
    severity: .error, path: "$.vendor"),
  PlantedDefect(
    name: "short spectrum",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 1) { $0["k"] = PaletteJSON.flat(1, count: 30) } },
    code: .spectrumLength, severity: .error, path: "$.pigments[1].k"),
  PlantedDefect(
    name: "negative scattering",
    json: PaletteJSON.edited {
      PaletteJSON.editPigment(&$0, 0) { p in
        var s = PaletteJSON.flat(2)
        s[5] = -0.1
        p["s"] = s
      }
    }, code: .negative, severity: .error, path: "$.pigments[0].s[5]"),
  PlantedDefect(
    name: "NaN absorption",
    json: PaletteJSON.edited {
      PaletteJSON.editPigment(&$0, 0) { p in
        var k = PaletteJSON.flat(60)
        k[3] = 12345.5
        p["k"] = k
      }
    }.replacingOccurrences(of: "12345.5", with: "NaN"),
    code: .nonFinite, severity: .error, path: "$.pigments[0].k[3]"),
  PlantedDefect(
    name: "duplicate id",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 2) { $0["id"] = "black" } },
    code: .duplicateId, severity: .error, path: "$.pigments[2].id"),
  PlantedDefect(
    name: "reserved id", json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 1) { $0["id"] = "water" } },
    code: .reservedId, severity: .error, path: "$.pigments[1].id"),
  PlantedDefect(
    name: "missing diluent", json: PaletteJSON.edited { $0["diluent"] = nil }, code: .missingDiluent,
    severity: .error, path: "$.diluent"),
  PlantedDefect(
    name: "Blue Wool 9",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 0) { $0["lightfastness"] = 9 } },
    code: .outOfRange, severity: .error, path: "$.pigments[0].lightfastness"),
  PlantedDefect(
    name: "missing lightfastness",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 2) { $0["lightfastness"] = nil } },
    code: .missingLightfastness, severity: .warning, path: "$.pigments[2].lightfastness"),
  PlantedDefect(
    name: "missing class",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 1) { $0["class"] = nil } },
    code: .missingClass, severity: .warning, path: "$.pigments[1].class"),
  PlantedDefect(
    name: "unknown class",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 1) { $0["class"] = "azo" } },
    code: .schema, severity: .error, path: "$.pigments[1].class"),
  PlantedDefect(
    name: "near-duplicate shade",
    json: PaletteJSON.edited {
      PaletteJSON.setPigment(&$0, 1, PaletteJSON.pigment("black-2", k: 60.5, s: 2))
    }, code: .nearDuplicate, severity: .warning, path: "$.pigments[1]"),
  PlantedDefect(
    name: "tint darker than masstone",
    json: PaletteJSON.edited {
      var red = hematiteLike
      var reflectance = red["reflectance"] as? [String: Any] ?? [:]
      reflectance["tint"] = PaletteJSON.flat(0.1)
      red["reflectance"] = reflectance
      PaletteJSON.setPigment(&$0, 2, red)
    }, code: .tintDoesNotLighten, severity: .error, path: "$.pigments[2].reflectance.tint[0]"),
  PlantedDefect(
    name: "white that darkens with water",
    json: PaletteJSON.edited {
      PaletteJSON.setPigment(&$0, 2, PaletteJSON.pigment("white", k: 0.05, s: 200, pigmentClass: "organic"))
    }, code: .tintDoesNotLighten, severity: .error, path: "$.pigments[2]"),
  PlantedDefect(
    name: "reflectance in percent",
    json: PaletteJSON.edited {
      var red = hematiteLike
      var reflectance = red["reflectance"] as? [String: Any] ?? [:]
      reflectance["white"] = PaletteJSON.flat(88)
      red["reflectance"] = reflectance
      PaletteJSON.setPigment(&$0, 2, red)
    }, code: .outOfRange, severity: .error, path: "$.pigments[2].reflectance.white[0]"),
  PlantedDefect(
    name: "no optics",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 0) { $0["k"] = nil; $0["s"] = nil } },
    code: .schema, severity: .error, path: "$.pigments[0]"),
  PlantedDefect(
    name: "spectrum of strings",
    json: PaletteJSON.edited { PaletteJSON.editPigment(&$0, 0) { $0["k"] = "60" } },
    code: .schema, severity: .error, path: "$.pigments[0].k"),
  PlantedDefect(
    name: "Lab swatch only",
    json: PaletteJSON.edited {
      PaletteJSON.setPigment(
        &$0, 2,
        ["id": "swatch", "name": "Swatch", "class": "ironOxide", "lightfastness": 8, "labSwatch": ["lab": [35, 8, 10]]])
    }, code: .lowConfidenceOptics, severity: .warning, path: "$.pigments[2].labSwatch"),
  PlantedDefect(
    name: "no pigments", json: PaletteJSON.edited { $0["pigments"] = [Any]() }, code: .noPigments,
    severity: .error, path: "$.pigments"),
  PlantedDefect(
    name: "malformed JSON", json: "{\"vendor\": \"x\", \"pigments\": [", code: .malformedJSON,
    severity: .error, path: "$"),
]

@Test("validation flags each planted defect with its code, severity and JSON path", arguments: plantedDefects)
func validationFlagsDefect(_ defect: PlantedDefect) {
  let result = PaletteValidator.validate(jsonData: Data(defect.json.utf8))
  let match = result.problems.first { $0.code == defect.code && $0.path == defect.path }
  #expect(match != nil, "expected \(defect.code) at \(defect.path); got \(result.problems.map { "\($0.code) \($0.path)" })")
  #expect(match?.severity == defect.severity)
  #expect(match?.message.hasPrefix(defect.path) == true)
  #expect(result.valid == !result.problems.contains { $0.severity == .error })
  if defect.severity == .error { #expect(!result.valid) }
}

@Test("the base test palette has no problems (so each planted defect is the only cause)")
func basePaletteClean() {
  let result = PaletteValidator.validate(jsonData: Data(PaletteJSON.text(PaletteJSON.base()).utf8))
  #expect(result.problems.isEmpty, "\(result.problems)")
  #expect(result.valid)
}

@Test("the broken-palette fixture files are flagged", arguments: [
  ("missing-diluent.json", PaletteProblem.Code.missingDiluent),
  ("wrong-length.json", PaletteProblem.Code.spectrumLength),
  ("nan-value.json", PaletteProblem.Code.nonFinite),
])
func brokenFixtureFiles(file: String, code: PaletteProblem.Code) throws {
  let path = PigmentsTestSupport.fixture("broken-palettes/\(file)").path
  let result = try PaletteValidator.validate(path: path)
  #expect(!result.valid)
  #expect(result.problems.contains { $0.code == code })
}

@Test("the shipped palettes validate clean and report coverage", arguments: ShippedPalettes.files)
func shippedPalettesValidate(file: String) throws {
  let result = try PaletteValidator.validate(path: PigmentsTestSupport.palette(file).path)
  #expect(result.valid)
  #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
  let coverage = try #require(result.coverage)
  #expect(coverage.targets == HairReference.coverageTargets.count * SkinClassReference.all.count)
  #expect(coverage.matched > 0 && coverage.matched <= coverage.targets)
  #expect(coverage.thresholdDeltaE00 == 2.0)
  print("\(file): coverage \(coverage.matched)/\(coverage.targets) within ΔE00 \(coverage.thresholdDeltaE00)")
}

@Test("the validation JSON has exactly the contract's keys")
func validationJSONKeys() throws {
  let json = PaletteJSON.edited { PaletteJSON.editPigment(&$0, 1) { $0["class"] = nil } }
  let result = PaletteValidator.validate(jsonData: Data(json.utf8))
  let encoded = try JSONEncoder().encode(result)
  let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
  #expect(Set(object.keys) == ["valid", "problems", "coverage"])
  let problems = try #require(object["problems"] as? [[String: Any]])
  #expect(problems.allSatisfy { Set($0.keys) == ["severity", "pigment", "code", "message"] })
  let coverage = try #require(object["coverage"] as? [String: Any])
  // Issue 15: coverage also lists the hair × skin targets out of reach with their ΔE00.
  #expect(Set(coverage.keys) == ["targets", "matched", "thresholdDeltaE00", "unreached"])
  let unreached = try #require(coverage["unreached"] as? [[String: Any]])
  #expect(unreached.allSatisfy { Set($0.keys) == ["hair", "skin", "deltaE00"] })
}

@Test("coverage targets are documented: eight hair tones, six skin classes in their ITA bands")
func coverageTargetsDocumented() {
  #expect(HairReference.coverageTargets.count == 8)
  #expect(Set(SkinClassReference.all.map(\.category)) == Set(ITACategory.allCases))
  for skin in SkinClassReference.all { #expect(ITA(skin.lab).category == skin.category) }
}
