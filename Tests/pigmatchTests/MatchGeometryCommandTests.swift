import Foundation
import Testing

@testable import pigmatch

/// `match --dot-size/--spacing`: one dot geometry for the risk, halo and healing looks, stated in
/// the JSON and the table (issue 15, deliverable 2).
@Suite("pigmatch match: dot geometry")
struct MatchGeometryCommandTests {
  static func hyperpigmentation(_ extra: [String]) throws -> [String: Any] {
    let run = CLIRun(["match", MatchCommandTests.photo, "--palette", MatchCommandTests.palette, "--json"] + extra)
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(try run.json()["hyperpigmentation"] as? [String: Any])
  }

  @Test func spacingReachesTheJSON() throws {
    let standard = try Self.hyperpigmentation([])
    let sparse = try Self.hyperpigmentation(["--spacing", "1.5"])
    // Coverage π(d/2)²/s² by hand: 0.125 mm at 0.75 mm is 0.021817, at 1.5 mm 0.0054542.
    #expect(standard["dotDiameterMM"] as? Double == 0.125 && standard["spacingMM"] as? Double == 0.75)
    #expect(abs((standard["coverage"] as? Double ?? 0) - 0.021817) < 2e-5)
    #expect(sparse["spacingMM"] as? Double == 1.5)
    #expect(abs((sparse["coverage"] as? Double ?? 0) - 0.0054542) < 2e-5)
    // The healed look (week 12, halo gone for every risk) with a quarter of the dots.
    func week12(_ h: [String: Any]) throws -> [Double] {
      let healing = try #require(h["healing"] as? [[String: Any]])
      return try #require(healing.last?["stubbleLab"] as? [Double])
    }
    // The dots are darker than the skin (the fixture's dark hair), so fewer dots read lighter.
    let dense = try week12(standard)
    let light = try week12(sparse)
    #expect(light[0] > dense[0], "\(dense) \(light)")
  }

  @Test func geometryIsRoundedAsTheJSONWritesIt() throws {
    // 0.1254 and 0.7504 mm are written 0.125 and 0.750 (3 decimals): the model must use those, so
    // the coverage is π(0.0625)²/0.75² = 0.021817 by hand (unrounded it would be 0.021933) and the
    // whole hyperpigmentation block is the default geometry's.
    let standard = try Self.hyperpigmentation([])
    let fine = try Self.hyperpigmentation(["--dot-size", "0.1254", "--spacing", "0.7504"])
    #expect(fine["dotDiameterMM"] as? Double == 0.125 && fine["spacingMM"] as? Double == 0.75)
    #expect(abs((fine["coverage"] as? Double ?? 0) - 0.021817) < 2e-5)
    #expect(NSDictionary(dictionary: fine).isEqual(to: standard))
    // Rounded first, then checked: 0.2504 and 0.2496 mm are both 0.250 mm, so no larger spacing.
    let run = CLIRun([
      "match", MatchCommandTests.photo, "--palette", MatchCommandTests.palette, "--dot-size", "0.2496", "--spacing", "0.2504",
    ])
    #expect(run.status == 2)
    #expect(run.stderr.contains("must be larger than --dot-size"))
  }

  @Test func tableStatesTheGeometry() {
    let run = CLIRun([
      "match", MatchCommandTests.photo, "--palette", MatchCommandTests.palette, "--dot-size", "0.2", "--spacing", "0.9",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    // π(0.1)²/0.9² = 0.0388 by hand.
    #expect(run.stdout.contains("0.200 mm, 0.90 mm apart: 3.9 % of the skin"), "\(run.stdout)")
  }

  @Test func impossibleGeometryIsRejected() {
    let run = CLIRun([
      "match", MatchCommandTests.photo, "--palette", MatchCommandTests.palette, "--dot-size", "0.8", "--spacing", "0.5",
    ])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--spacing (0.5 mm) must be larger than --dot-size (0.8 mm)"))
  }
}
