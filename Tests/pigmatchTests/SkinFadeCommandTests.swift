import Foundation
import Testing

@testable import pigmatch

@Suite("pigmatch fade, skin-aware mix and blend")
struct SkinFadeCommandTests {
  static let greys = Paths.inPackage("Palettes/carbon-greyscale.json")
  static let typical = ["--recipe", "cb-black=0.2,water=0.8", "--skin-lab", "61,11,16"]

  @Test func fadeJSONFollowsTheContract() throws {
    let run = CLIRun(["fade", "--palette", Self.greys] + Self.typical + ["--years", "8", "--json"])
    #expect(run.status == 0 && run.stderr.isEmpty)
    #expect(run.stdout.hasPrefix("{\"timeline\":[{\"year\":0,\"dotLab\":["))
    let json = try run.json()
    #expect(Set(json.keys) == ["timeline", "touchUpYear"])
    let timeline = try #require(json["timeline"] as? [[String: Any]])
    #expect(timeline.count == 9)
    #expect(timeline.allSatisfy { Set($0.keys) == ["year", "dotLab", "deltaE00ToStart"] })
    let drift = timeline.compactMap { $0["deltaE00ToStart"] as? Double }
    #expect(zip(drift, drift.dropFirst()).allSatisfy { $0 <= $1 })
    let year = try #require(json["touchUpYear"] as? Int)
    #expect((3...6).contains(year))
  }

  @Test func fadeWithoutTouchUpPrintsNull() throws {
    let run = CLIRun(["fade", "--palette", Self.greys] + Self.typical + ["--years", "1", "--json"])
    #expect(run.status == 0)
    #expect(run.stdout.hasSuffix("\"touchUpYear\":null}\n"))
  }

  @Test func fadeHighSunAndSmokingComeEarlier() throws {
    func year(_ extra: [String]) throws -> Int {
      let run = CLIRun(["fade", "--palette", Self.greys] + Self.typical + ["--years", "20", "--json"] + extra)
      return try #require(try run.json()["touchUpYear"] as? Int)
    }
    #expect(try year(["--sun", "high"]) < (try year(["--sun", "low"])))
    #expect(try year(["--sun", "low", "--smoker"]) < (try year(["--sun", "low"])))
  }

  @Test func fadeTable() {
    let run = CLIRun(["fade", "--palette", Self.greys] + Self.typical + ["--years", "6"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("touch-up: year 4"))
    #expect(run.stdout.split(separator: "\n").count == 10)
    #expect(run.stdout.contains("skin model  fit ΔE00 0.00"))
  }

  static let badInputs: [([String], String)] = [
    (["fade", "--palette", greys, "--recipe", "cb-black=0.2,water=0.8", "--skin-lab", "95,0,0"], "--skin-lab: "),
    (["fade", "--palette", greys, "--recipe", "cb-black=0.2,water=0.8", "--skin-lab", "50,-20,10"], "not a plausible skin colour"),
    (["fade", "--palette", greys, "--recipe", "cb-black=0.2,water=0.8", "--years", "-1"], "--years must be 0…50, got -1"),
    (["fade", "--palette", greys, "--recipe", "cb-black=0.2,water=0.8", "--sun", "extreme"], "'extreme' is invalid for '--sun"),
    (["fade", "--palette", greys, "--recipe", "ink=0.2,water=0.8"], "unknown pigment \"ink\""),
    (["fade", "--palette", greys, "--recipe", "cb-black=0.2,water=0.7"], "sum to"),
    (["blend", "--palette", greys, "--target-lab", "45,1,3", "--years", "-3"], "--years must be 0…50"),
    (["blend", "--palette", greys, "--target-lab", "45,1,3", "--skin-lab", "20,40,50"], "not a plausible skin colour"),
    (["mix", "--palette", greys, "--recipe", "cb-black=1", "--skin-lab", "10,5,5"], "not a plausible skin colour"),
  ]

  @Test("bad input: one line on stderr, exit 2", arguments: badInputs)
  func badInput(arguments: [String], message: String) {
    let run = CLIRun(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("pigmatch: ") && run.stderr.filter { $0 == "\n" }.count == 1)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test func mixUnderDarkerSkinHasLessContrast() throws {
    func contrast(_ skin: String) throws -> Double {
      let run = CLIRun(["mix", "--palette", Self.greys, "--recipe", "cb-black=0.2,water=0.8", "--skin-lab", skin, "--json"])
      let dot = try #require(try run.json()["dotLab"] as? [Double])
      let colour = CLIRun(["color", "\(dot[0]),\(dot[1]),\(dot[2])", skin, "--json"])
      return try #require(try colour.json()["deltaE00"] as? Double)
    }
    #expect(try contrast("32,10,16") < (try contrast("61,11,16")))
  }

  @Test func blendWithYearsReportsTheMean() throws {
    let run = CLIRun(["blend", "--palette", Self.greys, "--target-lab", "48,1,3", "--skin-lab", "61,11,16", "--years", "5", "--json"])
    #expect(run.status == 0)
    let blend = try #require(try run.json()["blend"] as? [String: Any])
    #expect(Set(blend.keys) == ["components", "recipe", "dilution", "dotLab", "deltaE00", "recipeDeltaE00", "roundingDeltaE00", "meanDeltaE00", "mix"])
    let plain = CLIRun(["blend", "--palette", Self.greys, "--target-lab", "48,1,3", "--skin-lab", "61,11,16", "--json"])
    let plainBlend = try #require(try plain.json()["blend"] as? [String: Any])
    #expect(Set(plainBlend.keys) == ["components", "recipe", "dilution", "dotLab", "deltaE00", "recipeDeltaE00", "roundingDeltaE00", "mix"])
  }
}
