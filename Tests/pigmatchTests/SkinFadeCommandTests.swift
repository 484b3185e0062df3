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
    #expect(run.stdout.hasPrefix("{\"schemaVersion\":4,\"timeline\":[{\"year\":0,\"dotLab\":["))
    let json = try run.json()
    // Issue 14 added the touch-up time (years, one decimal; months) and the fitted skin model; issue 15
    // the schema version in every object.
    #expect(Set(json.keys) == ["schemaVersion", "timeline", "touchUpYear", "touchUpYears", "touchUpMonths", "skinModel"])
    let years = try #require(json["touchUpYears"] as? Double)
    #expect((3...6).contains(years) && years == (years * 10).rounded() / 10)
    let months = try #require(json["touchUpMonths"] as? Int)
    #expect(abs(Double(months) / 12 - years) <= 0.05 + 1.0 / 24)
    let skin = try #require(json["skinModel"] as? [String: Any])
    #expect(skin["inGamut"] as? Bool == true && (skin["parametersAtBounds"] as? [String])?.isEmpty == true)
    #expect((skin["fitDeltaE00"] as? Double ?? 9) <= 1)
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
    #expect(run.stdout.contains("\"touchUpYear\":null,\"touchUpYears\":null,\"touchUpMonths\":null,"))
  }

  @Test func fadeHighSunAndSmokingComeEarlier() throws {
    func year(_ extra: [String]) throws -> Int {
      let run = CLIRun(["fade", "--palette", Self.greys] + Self.typical + ["--years", "20", "--json"] + extra)
      return try #require(try run.json()["touchUpYear"] as? Int)
    }
    #expect(try year(["--sun", "high"]) < (try year(["--sun", "low"])))
    #expect(try year(["--sun", "low", "--smoker"]) < (try year(["--sun", "low"])))
  }

  @Test func fadeTable() throws {
    let run = CLIRun(["fade", "--palette", Self.greys] + Self.typical + ["--years", "6"])
    #expect(run.status == 0)
    // The typical case: a touch-up after 3–6 years (FadeModel's calibration), given in months too.
    let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("touch-up: after ") })
    let years = try #require(Double(line.dropFirst("touch-up: after ".count).prefix { $0 != " " }))
    #expect((3...6).contains(years), "\(line)")
    #expect(line.contains(" months), in year "))
    #expect(run.stdout.split(separator: "\n").count == 10)
    #expect(run.stdout.contains("skin model  fit ΔE00 0.0"))
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
