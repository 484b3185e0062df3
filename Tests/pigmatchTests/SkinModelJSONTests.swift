import Foundation
import Testing

@testable import pigmatch

/// `skinModel` in the JSON of `mix`, `blend` and `fade`: the fit's ΔE00, the parameters (now with
/// the carotenoids) and any at a bound; a skin colour no in-range skin reaches is reported as a
/// likely colour cast, not fitted silently.
@Suite("skinModel JSON")
struct SkinModelJSONTests {
  static let greys = Paths.inPackage("Palettes/carbon-greyscale.json")

  /// L* 85, a* 25, b* 35: pale and saturated red-yellow, a corner no skin drawn from inside every
  /// physiological range comes within ΔE00 1.0 of (`SkinGamutTests`), in every command's JSON.
  @Test(arguments: [
    ["mix", "--recipe", "cb-black=1:4"], ["fade", "--recipe", "cb-black=1:4", "--years", "2"],
    ["blend", "--target-lab", "40,2,2"],
  ])
  func castIsReported(command: [String]) throws {
    let run = CLIRun(command + ["--palette", Self.greys, "--skin-lab", "85,25,35", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let skin = try #require(try run.json()["skinModel"] as? [String: Any])
    #expect(skin["inGamut"] as? Bool == false)
    #expect((skin["advice"] as? String)?.contains("likely a colour cast: calibrate the photo") == true)
    let bounds = try #require(skin["parametersAtBounds"] as? [String])
    let fit = try #require(skin["fitDeltaE00"] as? Double)
    #expect(fit > 1 || !bounds.isEmpty)
    let parameters = try #require(skin["parameters"] as? [String: Any])
    #expect(parameters["caroteneMicromolar"] is Double)
  }

  /// A typical intermediate skin (ITA 35°: 62, 11, 17) fits with nothing at a bound, and its
  /// carotenoids sit inside the physiological 0.1–10 µmol/L.
  @Test func typicalSkinFits() throws {
    let run = CLIRun(["mix", "--palette", Self.greys, "--recipe", "cb-black=1:4", "--skin-lab", "62,11,17", "--json"])
    let skin = try #require(try run.json()["skinModel"] as? [String: Any])
    #expect(skin["inGamut"] as? Bool == true && (skin["parametersAtBounds"] as? [String])?.isEmpty == true)
    let carotene = try #require((skin["parameters"] as? [String: Any])?["caroteneMicromolar"] as? Double)
    #expect(carotene > 0.1 && carotene < 10)
  }
}
