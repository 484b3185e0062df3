import Foundation
import Testing

@testable import PigmentMatch
@testable import pigmatch

/// Every `--json` output and `batch` line validates against its committed JSON Schema
/// (`schemas/*.schema.json`), on every Sample: the schemas were written from the contract model,
/// so a field renamed, dropped, added or retyped on either side fails here.
@Suite("JSON Schemas of the outputs")
struct JSONSchemaTests {
  static let palettes = ["Palettes/iron-oxide-tones.json", "Palettes/carbon-greyscale.json"].map(Paths.inPackage)

  /// A Sample photo and its painted truth.
  struct Sample: CustomTestStringConvertible, Sendable {
    let photo: String
    let skin: [Double]
    let hair: [Double]
    var testDescription: String { (photo as NSString).lastPathComponent }
  }

  static func samples() throws -> [Sample] {
    let folder = Paths.inPackage("Samples")
    return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".truth.json") }.sorted()
      .map { name in
        let truth = try #require(
          try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            as? [String: Any])
        let skin = try #require((truth["skin"] as? [String: Any])?["lab"] as? [Double])
        let hair = try #require((truth["hair"] as? [String: Any])?["lab"] as? [Double])
        return Sample(photo: folder + "/" + (try #require(truth["file"] as? String)), skin: skin, hair: hair)
      }
  }

  static func schema(_ name: String) throws -> JSONSchemaValidator {
    try JSONSchemaValidator(
      schema: String(contentsOf: Paths.packageRoot.appendingPathComponent("schemas/\(name).schema.json"), encoding: .utf8))
  }

  /// Runs `arguments` (exit `status`) and validates its stdout against `schema`.
  @discardableResult
  static func expectValid(_ schema: String, _ arguments: [String], status: Int32 = 0) throws -> JSONTree {
    let run = CLIRun(arguments)
    #expect(run.status == status, "\(arguments.joined(separator: " ")): \(run.stderr)")
    let document = try JSONTree.parse(run.stdout)
    let errors = try Self.schema(schema).errors(document)
    #expect(errors.isEmpty, "\(schema) \(arguments.joined(separator: " ")):\n\(errors.prefix(10).joined(separator: "\n"))")
    return document
  }

  static func lab(_ v: [Double]) -> String { v.map { String($0) }.joined(separator: ",") }

  @Test(arguments: try samples())
  func photoCommandsOnEverySample(_ sample: Sample) throws {
    try Self.expectValid("inspect", ["inspect", sample.photo, "--json"])
    try Self.expectValid("analyze", ["analyze", sample.photo, "--json"])
    // The plain match with the iron-oxide palette is checked as a batch line (batchLinesOverEverySample).
    try Self.expectValid("match", ["match", sample.photo, "--palette", Self.palettes[1], "--json"])
    try Self.expectValid(
      "match",
      ["match", sample.photo, "--palette", Self.palettes[0], "--years", "3", "--volume", "5ml", "--fitzpatrick", "IV", "--json"])
  }

  @Test(arguments: try samples())
  func colourCommandsOnEverySampleTruth(_ sample: Sample) throws {
    let skin = Self.lab(sample.skin)
    let hair = Self.lab(sample.hair)
    try Self.expectValid("color", ["color", skin, "--json"])
    try Self.expectValid("color", ["color", skin, hair, "--json"])
    for palette in Self.palettes {
      try Self.expectValid("blend", ["blend", "--palette", palette, "--hair-lab", hair, "--skin-lab", skin, "--json"])
      try Self.expectValid(
        "blend", ["blend", "--palette", palette, "--target-lab", hair, "--skin-lab", skin, "--years", "2", "--json"])
    }
    try Self.expectValid("blend", ["blend", "--palette", Self.palettes[0], "--hair-lab", hair, "--json"])
    let recipe = "cb-black=1:4"
    let carbon = Self.palettes[1]
    try Self.expectValid("mix", ["mix", "--palette", carbon, "--recipe", recipe, "--skin-lab", skin, "--json"])
    try Self.expectValid("mix", ["mix", "--palette", carbon, "--recipe", recipe, "--json"])
    try Self.expectValid(
      "fade", ["fade", "--palette", carbon, "--recipe", recipe, "--skin-lab", skin, "--years", "5", "--json"])
    try Self.expectValid("fade", ["fade", "--palette", carbon, "--recipe", recipe, "--sun", "high", "--json"])
  }

  @Test func paletteCommandsOnEveryPalette() throws {
    for palette in Self.palettes { try Self.expectValid("palette-show", ["palette", "show", palette, "--json"]) }
    try Self.expectValid("palette-validate", ["palette", "validate", Self.palettes[1], "--json"])
    try Self.expectValid("palette-validate-many", ["palette", "validate"] + Self.palettes + ["--json"])
    // An invalid palette (exit 1) is still a valid report.
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("pigmatch-schema-bad-\(getpid()).json")
    try Data(#"{"format":"pigmentmatch-palette/1","pigments":[]}"#.utf8).write(to: bad)
    let report = try Self.expectValid("palette-validate", ["palette", "validate", bad.path, "--json"], status: 1)
    guard case .object(let keys) = report else { throw CancellationError() }
    #expect(keys["valid"] == .bool(false))
  }

  /// A batch over every Sample (and a file that is not a photo): each line, result or error,
  /// validates, and every Sample has a result line.
  @Test func batchLinesOverEverySample() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("pigmatch-schema-batch-\(getpid())").path
    try? FileManager.default.removeItem(atPath: root)
    try FileManager.default.createDirectory(atPath: root + "/photos", withIntermediateDirectories: true)
    let samples = try Self.samples()
    for sample in samples {
      try FileManager.default.copyItem(
        atPath: sample.photo, toPath: root + "/photos/" + (sample.photo as NSString).lastPathComponent)
    }
    try Data("not a photo".utf8).write(to: URL(fileURLWithPath: root + "/photos/zz-broken.jpg"))
    let run = CLIRun(["batch", root + "/photos", "--palette", Self.palettes[0], "-o", root + "/r.jsonl", "--years", "2"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: root + "/r.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count == samples.count + 1)
    let validator = try Self.schema("batch-line")
    var results = 0
    for line in lines {
      let document = try JSONTree.parse(String(line))
      let errors = validator.errors(document)
      #expect(errors.isEmpty, "\(line.prefix(80)):\n\(errors.prefix(10).joined(separator: "\n"))")
      if case .object(let keys) = document, keys["error"] == nil { results += 1 }
    }
    #expect(results == samples.count)
  }
}
