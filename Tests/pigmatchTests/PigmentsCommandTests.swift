import Foundation
import Testing

@testable import pigmatch

@Suite("pigmatch palette, mix, blend")
struct PigmentsCommandTests {
  static let greys = Paths.inPackage("Palettes/carbon-greyscale.json")
  static let tones = Paths.inPackage("Palettes/iron-oxide-tones.json")

  @Test func paletteShowListsPigmentsAndWater() throws {
    let run = CLIRun(["palette", "show", Self.greys, "--json"])
    #expect(run.status == 0 && run.stderr.isEmpty)
    #expect(run.stdout.hasPrefix("{\"schemaVersion\":4,\"pigments\":[{\"id\":\"cb-black\",\"name\":\"Carbon Black (full strength)\",\"class\":\"carbonBlack\",\"lab\":["))
    let pigments = try #require(try run.json()["pigments"] as? [[String: Any]])
    #expect(pigments.map { $0["id"] as? String } == ["cb-black", "cb-dark-grey", "cb-mid-grey", "cb-light-grey", "water"])
    #expect(pigments.allSatisfy { Set($0.keys) == ["id", "name", "class", "lab", "hex"] })
    #expect(pigments.last?["class"] is NSNull)
  }

  @Test func paletteValidateShippedIsValid() throws {
    let run = CLIRun(["palette", "validate", Self.tones, "--json"])
    #expect(run.status == 0)
    let json = try run.json()
    #expect(Set(json.keys) == ["schemaVersion", "valid", "problems", "coverage"])  // version 3: every object
    #expect(json["valid"] as? Bool == true)
    let coverage = try #require(json["coverage"] as? [String: Any])
    #expect(coverage["targets"] as? Int == 48)
  }

  @Test func paletteValidateBrokenExitsOne() throws {
    let path = Paths.inPackage("Tests/PigmentMatchTests/Fixtures/broken-palettes/wrong-length.json")
    let run = CLIRun(["palette", "validate", path, "--json"])
    #expect(run.status == 1)
    let json = try run.json()
    #expect(json["valid"] as? Bool == false)
    #expect(json["coverage"] is NSNull)
    let problems = try #require(json["problems"] as? [[String: Any]])
    #expect(problems.contains { $0["code"] as? String == "spectrumLength" && $0["pigment"] as? String == "black" })
  }

  @Test(arguments: [
    (["palette", "show", "/no/such.json"], "pigmatch: /no/such.json: no such palette file"),
    (["mix", "--palette", greys, "--recipe", "cb-black=0.5,water=0.4"], "pigmatch: --recipe: the fractions sum to 0.9"),
    (["mix", "--palette", greys, "--recipe", "io-black=1"], "pigmatch: --recipe: unknown pigment \"io-black\""),
    (["blend", "--palette", greys, "--target-lab", "30,0"], "pigmatch: --target-lab: '30,0' is not a colour"),
    (["blend", "--palette", greys, "--hair-lab", "30,0,x"], "pigmatch: --hair-lab: '30,0,x' is not a colour"),
    (["blend", "--palette", greys], "pigmatch: give exactly one of --target-lab"),
    (["blend", "--palette", greys, "--target-lab", "30,0,0", "--hair-lab", "30,0,0"], "pigmatch: give exactly one of --target-lab"),
  ])
  func badInputIsOneLineExitTwo(arguments: [String], expected: String) {
    let run = CLIRun(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test func mixGivesDotAndStubble() throws {
    let run = CLIRun(["mix", "--palette", Self.greys, "--recipe", "cb-black=0.1,water=0.9", "--json"])
    #expect(run.status == 0)
    let json = try run.json()
    #expect(Set(json.keys) == ["schemaVersion", "dotLab", "stubbleLab"])  // version 3: every object
    let dot = try #require(json["dotLab"] as? [Double])
    let stubble = try #require(json["stubbleLab"] as? [Double])
    #expect(dot[0] < stubble[0])
  }

  @Test func blendFeedsBackIntoMix() throws {
    let run = CLIRun(["blend", "--palette", Self.tones, "--target-lab", "35,3,6", "--json"])
    #expect(run.status == 0)
    let json = try run.json()
    #expect(json["schemaVersion"] as? Int == 4)
    #expect(Set(json.keys) == ["schemaVersion", "target", "blend", "contrast", "reach"])
    let target = try #require(json["target"] as? [String: Any])
    #expect(target["kind"] as? String == "direct" && target["lab"] as? [Double] == [35, 3, 6])
    #expect(target["hairLab"] is NSNull)
    let blend = try #require(json["blend"] as? [String: Any])
    #expect(Set(blend.keys) == ["components", "recipe", "dilution", "dotLab", "deltaE00", "recipeDeltaE00", "roundingDeltaE00", "mix"])
    let components = try #require(blend["components"] as? [[String: Any]])
    let fractions = components.compactMap { $0["fraction"] as? Double }
    #expect(abs(fractions.reduce(0, +) - 1) < 1e-6)
    #expect(components.contains { $0["pigment"] as? String == "water" })
    let drops = try #require(blend["recipe"] as? [[String: Any]])
    #expect(drops.compactMap { $0["drops"] as? Int }.reduce(0, +) <= 24)
    // The printed fractions are a valid recipe for `mix`, and give the same dot.
    let recipe = components.map { "\($0["pigment"] ?? "")=\($0["fraction"] ?? 0)" }.joined(separator: ",")
    let mix = CLIRun(["mix", "--palette", Self.tones, "--recipe", recipe, "--json"])
    #expect(mix.status == 0, "\(mix.stderr)")
    let dot = try #require(try mix.json()["dotLab"] as? [Double])
    let blendDot = try #require(blend["dotLab"] as? [Double])
    for i in 0..<3 { #expect(abs(dot[i] - blendDot[i]) < 0.01) }
  }

  @Test func blendOutOfReachSaysSo() throws {
    let run = CLIRun(["blend", "--palette", Self.greys, "--target-lab", "12,0,0"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("out of reach"))
    // … how close it gets, what is missing (L* 12 is below any dot), and the lightness-first option.
    for text in ["reachable under this skin: darkest cb-black undiluted", "missing: a darker pigment", "lightness first: cb-black undiluted"] {
      #expect(run.stdout.contains(text), "\(run.stdout)")
    }
    let json = try CLIRun(["blend", "--palette", Self.greys, "--target-lab", "12,0,0", "--json"]).json()
    let reach = try #require(json["reach"] as? [String: Any])
    #expect(Set(reach.keys) == ["darkest", "lightest", "missing", "lightnessFirst"])
    let missing = try #require(reach["missing"] as? [[String: Any]])
    #expect(missing.first?["code"] as? String == "darker")
  }

  /// `--hair-lab`: the target is the hair's follicle under the skin, reported beside the hair's own
  /// colour, with both contrasts against the skin.
  @Test func blendForAHairMatchesItsFollicle() throws {
    let args = ["blend", "--palette", Self.greys, "--hair-lab", "25,3,5", "--skin-lab", "65,10,14"]
    let json = try CLIRun(args + ["--json"]).json()
    #expect(json["schemaVersion"] as? Int == 4)
    let target = try #require(json["target"] as? [String: Any])
    #expect(target["kind"] as? String == "follicle")
    #expect(target["hairLab"] as? [Double] == [25, 3, 5])
    let follicle = try #require(target["lab"] as? [Double])
    let contrast = try #require(json["contrast"] as? [String: Any])
    let skin = try #require(contrast["skinLab"] as? [Double])
    // Seen through the skin, the dark-brown shaft is lighter than in air and darker than the skin.
    #expect(follicle[0] > 25 && follicle[0] < skin[0])
    let t = try #require(contrast["target"] as? [String: Any])
    #expect(abs((t["deltaL"] as? Double ?? 0) - (follicle[0] - skin[0])) < 0.01)
    let text = CLIRun(args)
    #expect(text.status == 0)
    for line in ["hair ", "follicle (target)", "healed dot", "vs skin", "dilution: "] {
      #expect(text.stdout.contains(line), "\(text.stdout)")
    }
  }
}

/// The drop recipe's reported ΔE00 is what the forward model gives for those drops.
@Suite("blend recipe rounding")
struct BlendRecipeRoundingTests {
  @Test(arguments: ["35,3,6", "55,1,2", "45,6,12"])
  func recipeDeltaE00MatchesMixingTheDrops(_ target: String) throws {
    let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")
    let blend = try #require(
      try CLIRun(["blend", "--palette", palette, "--target-lab", target, "--json"]).json()["blend"] as? [String: Any])
    let drops = try #require(blend["recipe"] as? [[String: Any]])
    let total = Double(drops.compactMap { $0["drops"] as? Int }.reduce(0, +))
    let recipe = drops.map { "\($0["pigment"] ?? "")=\(Double($0["drops"] as? Int ?? 0) / total)" }.joined(separator: ",")
    let mixed = try CLIRun(["mix", "--palette", palette, "--recipe", recipe, "--json"]).json()
    let dot = try #require(mixed["dotLab"] as? [Double])
    let difference = try CLIRun(["color", dot.map { String($0) }.joined(separator: ","), target, "--json"]).json()
    let expected = try #require(difference["deltaE00"] as? Double)
    let reported = try #require(blend["recipeDeltaE00"] as? Double)
    // Both sides are rounded for output (Lab to 3 decimals, ΔE00 to 4): 0.01 covers that.
    #expect(abs(reported - expected) < 0.01, "reported \(reported), mixing the drops gives \(expected)")
    let rounding = try #require(blend["roundingDeltaE00"] as? Double)
    #expect(rounding >= 0)
  }
}
