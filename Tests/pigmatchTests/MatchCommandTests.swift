import Foundation
import Testing

@testable import pigmatch

@Suite("pigmatch match")
struct MatchCommandTests {
  static let photo = Paths.inPackage("Samples/06-intermediate-brown.jpg")
  static let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")

  @Test func jsonFollowsTheContract() throws {
    let run = CLIRun(["match", Self.photo, "--palette", Self.palette, "--years", "3", "--sun", "high", "--json"])
    #expect(run.status == 0 && run.stderr.isEmpty)
    #expect(run.stdout.hasPrefix("{\"schemaVersion\":4,\"palette\":{\"id\":\"iron-oxide-tones\","))
    let json = try run.json()
    // Issue 13 adds the warnings beside the recipe, the calibration and roles, and the skin type behind the risk;
    // issue 14 the schema version, the contrast with the skin and what the palette can reach; issue 15
    // (schema version 3) the palette and options the match was made with.
    #expect(
      Set(json.keys) == [
        "schemaVersion", "palette", "options", "analysis", "target", "warnings", "skinModel", "blend", "contrast", "reach",
        "hyperpigmentation", "fade",
      ])
    // The palette file says vendor, name and version; the command line said the options.
    let palette = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.palette))) as? [String: Any])
    let identity = try #require(json["palette"] as? [String: Any])
    for key in ["vendor", "name", "version"] { #expect(identity[key] as? String == palette[key] as? String) }
    let options = try #require(json["options"] as? [String: Any])
    #expect(options["years"] as? Int == 3 && options["sun"] as? String == "high" && options["smoker"] as? Bool == false)
    // No --dot-size / --spacing: the defaults the help states (0.125 mm dots, 0.75 mm apart).
    #expect(options["dotDiameterMM"] as? Double == 0.125 && options["spacingMM"] as? Double == 0.75)
    let analysis = try #require(json["analysis"] as? [String: Any])
    #expect(Set(analysis.keys) == ["photo", "skin", "hair", "clusters", "confidence", "warnings", "calibration", "roles"])
    let hair = try #require(analysis["hair"] as? [String: Any])
    let target = try #require(json["target"] as? [String: Any])
    // The target is the hair's follicle, not the hair: its own colour is carried beside it.
    #expect(target["kind"] as? String == "follicle")
    #expect(target["hairLab"] as? [Double] == hair["lab"] as? [Double])
    #expect(target["lab"] as? [Double] != hair["lab"] as? [Double])
    let hairFit = try #require(target["hairFit"] as? [String: Any])
    #expect(Set(hairFit.keys) == ["eumelanin", "pheomelanin", "pigmentedShare", "modelLab", "deltaE00"])
    let blend = try #require(json["blend"] as? [String: Any])
    #expect(Set(blend.keys) == ["components", "recipe", "dilution", "dotLab", "deltaE00", "recipeDeltaE00", "roundingDeltaE00", "meanDeltaE00", "mix"])
    let contrast = try #require(json["contrast"] as? [String: Any])
    #expect(Set(contrast.keys) == ["skinLab", "target", "dot"])
    let deltaE = try #require(blend["deltaE00"] as? Double)
    #expect((json["reach"] is NSNull) == (deltaE <= 1.8))
    let h = try #require(json["hyperpigmentation"] as? [String: Any])
    // Issue 15 adds the dot geometry the risk, halo and healing looks were computed for, and (version 4)
    // the halo's colour, melanin factor and width that the report draws.
    #expect(
      Set(h.keys) == [
        "risk", "skinType", "haloLab", "haloDeltaE00", "melaninFactor", "haloWidthInRadii", "weeks", "advice",
        "healing", "basis", "dotDiameterMM", "spacingMM", "coverage",
      ])
    let healing = try #require(h["healing"] as? [[String: Any]])
    #expect(healing.allSatisfy { Set($0.keys) == ["week", "stubbleLab", "deltaE00ToSettled"] })
    #expect(["low", "moderate", "high"].contains(h["risk"] as? String ?? ""))
    #expect((h["basis"] as? String)?.contains("proxies") == true)
    let fade = try #require(json["fade"] as? [String: Any])
    // Issue 14 added the touch-up time in years (one decimal) and months.
    #expect(Set(fade.keys) == ["timeline", "touchUpYear", "touchUpBasis", "touchUpYears", "touchUpMonths"])
    let timeline = try #require(fade["timeline"] as? [[String: Any]])
    #expect(timeline.count == 4)
    #expect(
      timeline.allSatisfy { Set($0.keys) == ["year", "dotLab", "stubbleLab", "deltaE00ToTarget", "deltaE00ToStart"] })
    // The drift is measured from year 0, so year 0 drifts by nothing.
    #expect(timeline.first?["deltaE00ToStart"] as? Double == 0)
    let skinModel = try #require(json["skinModel"] as? [String: Any])
    #expect((skinModel["fitDeltaE00"] as? Double ?? 9) <= 1.0)
    #expect(Set(skinModel.keys).isSuperset(of: ["fitDeltaE00", "inGamut", "parametersAtBounds", "parameters"]))
  }

  @Test func table() {
    let run = CLIRun(["match", Self.photo, "--palette", Self.palette])
    #expect(run.status == 0)
    for heading in ["blend", "hyperpigmentation", "fade (ΔE00 to the follicle)", "follicle (target)", "dilution: ", "touch-up:", "note: Modelled from proxies"] {
      #expect(run.stdout.contains(heading))
    }
  }

  static let badInputs: [([String], String)] = [
    (["match", "/no/such/photo.jpg", "--palette", palette], "no such file"),
    (["match", photo, "--palette", palette, "--years", "-2"], "--years must be 0…50, got -2"),
    (["match", photo, "--palette", palette, "--sun", "tropical"], "'tropical' is invalid for '--sun"),
  ]

  @Test("bad input: one line on stderr, exit 2", arguments: badInputs)
  func badInput(arguments: [String], message: String) {
    let run = CLIRun(arguments)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("pigmatch: ") && run.stderr.filter { $0 == "\n" }.count == 1)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }
}

@Suite("pigmatch match without hair")
struct MatchWithoutHairTests {
  /// A generated bald scalp (issue 13 hard case): no hair, so no target; `match` says what to do.
  @Test func baldScalpSaysHowToGiveTheTarget() {
    let bald = Paths.inPackage("Tests/PigmentMatchTests/Fixtures/hard-samples/h1-bald-shine.jpg")
    let run = CLIRun(["match", bald, "--palette", MatchCommandTests.palette])
    #expect(run.status != 0)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("--hair-roi"))
    #expect(run.stderr.contains("--target-lab"))
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
  }
}
