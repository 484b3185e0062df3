import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench match`: median time of the match flow after tone analysis (skin fit, follicle
/// target, blend, hyperpigmentation, fade) per client, over the six ITA-class skins × generated
/// hair colours; `--direct` matches the hair colour itself (the flow before the follicle target).
struct MatchStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "Median MatchPipeline time per client after analysis (goal: < 50 ms in release).")

  @Option(help: "Palette JSON file.")
  var palette: String = "Palettes/iron-oxide-tones.json"

  @Option(help: "Fade-aware horizon, years (0: day-one solve).")
  var years: Int = 0

  @Option(help: "Clients per skin class.")
  var clients: Int = 10

  @Flag(help: "Match the hair colour directly instead of its follicle.")
  var direct = false

  func run() throws {
    let pipeline = MatchPipeline(palette: try Palette.load(path: palette), options: .init(years: years))
    var times: [Double] = []
    for skin in SkinClassReference.all {
      for index in 0..<clients {
        let t = Double(index) / Double(max(clients - 1, 1))
        let hair = Lab(l: max(skin.lab.l - 10 - 25 * t, 18), a: 1 + 4 * t, b: 2 + 8 * t)
        times += try Timing.measure(runs: 1, warmup: 0) {
          if direct {
            _ = try pipeline.run(fit: try SkinFit(skin: skin.lab), target: .direct(hair))
          } else {
            _ = try pipeline.run(skin: skin.lab, hair: hair)
          }
        }
      }
    }
    let sorted = times.sorted()
    print(
      "match \(palette) years \(years) \(direct ? "direct" : "follicle"): \(times.count) clients: median "
        + Timing.milliseconds(Timing.median(times)) + ", p95 "
        + Timing.milliseconds(sorted[min(sorted.count - 1, sorted.count * 95 / 100)]) + ", max "
        + Timing.milliseconds(sorted.last ?? 0))
  }
}
