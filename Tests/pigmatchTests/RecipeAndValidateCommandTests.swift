import Foundation
import Testing

@testable import pigmatch

/// Issue 15: recipes in practitioners' units on the command line, and `palette validate` for vendors.
@Suite("pigmatch recipes in practitioners' units; palette validate for vendors")
struct RecipeAndValidateCommandTests {
  static let greys = Paths.inPackage("Palettes/carbon-greyscale.json")
  static let tones = Paths.inPackage("Palettes/iron-oxide-tones.json")
  static let wrongLength = Paths.inPackage("Tests/PigmentMatchTests/Fixtures/broken-palettes/wrong-length.json")

  /// The same mix written five ways gives the same healed dot as the fractions.
  @Test(arguments: [
    "cb-black=1:4", "cb-black=20%,water=rest", "cb-black=3drops,water=12drops", "3 drops cb-black + 12 drops water",
  ])
  func mixReadsPractitionerUnits(recipe: String) throws {
    let reference = CLIRun(["mix", "--palette", Self.greys, "--recipe", "cb-black=0.2,water=0.8", "--json"])
    let run = CLIRun(["mix", "--palette", Self.greys, "--recipe", recipe, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == reference.stdout)
  }

  @Test(arguments: [
    (
      ["mix", "--palette", greys, "--recipe", "cb-black=20%,water=3drops"],
      "pigmatch: --recipe: \"water=3drops\" does not use the unit of \"cb-black=20%\""
    ),
    (
      ["fade", "--palette", greys, "--recipe", "cb-black=1:x"], "pigmatch: --recipe: the dilution for cb-black, \"1:x\""
    ),
    (
      ["blend", "--palette", greys, "--target-lab", "50,0,0", "--volume", "5 litres"],
      "pigmatch: --volume: \"5 litres\" is not a cup volume"
    ),
  ])
  func badRecipeNamesTheTerm(arguments: [String], expected: String) {
    let run = CLIRun(arguments)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  /// A dot made from one pigment 1:4 is matched by one pigment, stated as mixed, with a cup in ml.
  @Test func blendStatesTheRecipeAsMixed() throws {
    let mix = try CLIRun(["mix", "--palette", Self.greys, "--recipe", "cb-black=1:4", "--json"]).json()
    let dot = try #require(mix["dotLab"] as? [Double])
    let target = dot.map { String($0) }.joined(separator: ",")
    let run = CLIRun(["blend", "--palette", Self.greys, "--target-lab", target, "--volume", "5ml"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("dilution: 1 ml Carbon Black (full strength) in 4 ml water (1:4)"), "\(run.stdout)")
    #expect(
      run.stdout.contains("for a 5.0 ml cup: 1.0 ml cb-black + 4.0 ml water (rounding costs ΔE00 0.00)"),
      "\(run.stdout)")
    let json = try CLIRun(["blend", "--palette", Self.greys, "--target-lab", target, "--volume", "5ml", "--json"])
      .json()
    let blend = try #require(json["blend"] as? [String: Any])
    #expect(blend["mix"] as? String == "1 ml Carbon Black (full strength) in 4 ml water (1:4)")
    let cup = try #require(blend["cup"] as? [String: Any])
    #expect(cup["volumeML"] as? Double == 5)
    let components = try #require(cup["components"] as? [[String: Any]])
    #expect(components.map { $0["pigment"] as? String } == ["cb-black", "water"])
    #expect(components.map { $0["ml"] as? Double } == [1, 4])
  }

  @Test func validateSeveralFilesIsOneReport() throws {
    let run = CLIRun(["palette", "validate", Self.greys, Self.tones, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try run.json()
    #expect(Set(json.keys) == ["schemaVersion", "valid", "files"])
    #expect(json["valid"] as? Bool == true)
    let files = try #require(json["files"] as? [[String: Any]])
    #expect(files.map { $0["file"] as? String } == [Self.greys, Self.tones])
    #expect(files.allSatisfy { Set($0.keys) == ["file", "valid", "problems", "coverage"] })
    for file in files {
      let coverage = try #require(file["coverage"] as? [String: Any])
      let unreached = try #require(coverage["unreached"] as? [[String: Any]])
      #expect((coverage["matched"] as? Int ?? 0) + unreached.count == 48)
      #expect(unreached.allSatisfy { ($0["deltaE00"] as? Double ?? 0) > 2 })
    }
  }

  @Test func validateExitsOneIfAnyFails() throws {
    let run = CLIRun(["palette", "validate", Self.greys, Self.wrongLength])
    #expect(run.status == 1)
    #expect(run.stdout.contains("\(Self.greys): valid"))
    #expect(run.stdout.contains("\(Self.wrongLength): NOT valid"))
    #expect(run.stdout.contains("1 of 2 palettes NOT valid: \(Self.wrongLength)"))
  }

  @Test func validateSaysWhereTheSyntaxErrorIs() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("syntax-\(UUID()).json")
    try Data("{\n  \"vendor\": \"x\",\n  \"pigments\": [1,,]\n}\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let run = CLIRun(["palette", "validate", url.path])
    #expect(run.status == 1)
    #expect(run.stdout.contains("$: not valid JSON at line 3, column 18: expected a value, found ','"), "\(run.stdout)")
  }
}

@Suite("pigmatch --version")
struct VersionCommandTests {
  /// The version line names the tool version and the schemaVersion that `blend --json` writes.
  @Test func versionNamesToolAndSchema() throws {
    let run = CLIRun(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "pigmatch 0.16.0 (JSON schemaVersion 4)")
    let blend = try CLIRun([
      "blend", "--palette", RecipeAndValidateCommandTests.greys, "--target-lab", "50,0,0", "--json",
    ]).json()
    #expect(blend["schemaVersion"] as? Int == 4)
  }
}

@Suite("pigmatch match --volume")
struct MatchVolumeTests {
  /// The cup holds the blend's ingredients and fills the chosen volume.
  @Test func matchStatesTheCup() throws {
    let photo = Paths.inPackage("Samples/14-very-light-grey.jpg")
    let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")
    let json = try CLIRun(["match", photo, "--palette", palette, "--volume", "10ml", "--json"]).json()
    let blend = try #require(json["blend"] as? [String: Any])
    let cup = try #require(blend["cup"] as? [String: Any])
    #expect(cup["volumeML"] as? Double == 10)
    let ml = try #require(cup["components"] as? [[String: Any]])
    #expect(abs(ml.compactMap { $0["ml"] as? Double }.reduce(0, +) - 10) < 1e-9)
    let ids = try #require(blend["components"] as? [[String: Any]]).map { $0["pigment"] as? String }
    #expect(Set(ml.map { $0["pigment"] as? String }).isSubset(of: Set(ids)))
    let text = CLIRun(["match", photo, "--palette", palette, "--volume", "10ml"])
    #expect(text.stdout.contains("for a 10.0 ml cup: "), "\(text.stdout)")
  }
}
