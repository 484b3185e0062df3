import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench blend`: median BlendSolver solve time per target over generated hair targets.
struct BlendStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blend",
    abstract: "Median blend solve time per target (goal: < 2 ms in release).")

  @Option(help: "Palette JSON files (default: the shipped Palettes/*.json).")
  var palette: [String] = []

  @Option(help: "Number of targets.")
  var targets: Int = 1000

  @Option(help: "Random seed for the targets.")
  var seed: UInt64 = 1

  @Flag(help: "Always take the closest blend (matchThreshold 0), not the fewest pigments among matches.")
  var closest = false

  func run() throws {
    let files =
      palette.isEmpty
      ? ["Palettes/carbon-greyscale.json", "Palettes/iron-oxide-tones.json"] : palette
    for file in files {
      let loaded = try Palette.load(path: file)
      let solver = BlendSolver(palette: loaded, optics: NeutralDermisDotOptics(), options: .init(matchThreshold: closest ? 0 : FadeModel.matchThreshold))
      var rng = SplitMix64(seed: seed)
      var times: [Double] = []
      var worst = 0.0
      var sum = 0.0
      var pigments = 0
      times.reserveCapacity(targets)
      for _ in 0..<targets {
        // Hair-like targets: L* 15–65, a* −2…10, b* −2…20 (natural hair, dark to light).
        let target = Lab(
          l: 15 + 50 * rng.unit(), a: -2 + 12 * rng.unit(), b: -2 + 22 * rng.unit())
        let start = DispatchTime.now().uptimeNanoseconds
        let solution = try solver.solve(target: target)
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        times.append(Double(elapsed) / 1e6)
        worst = max(worst, solution.blend.deltaE00)
        sum += solution.blend.deltaE00
        pigments += solution.blend.pigmentCount
      }
      times.sort()
      let median = times[times.count / 2]
      let p95 = times[min(times.count - 1, times.count * 95 / 100)]
      print(
        "blend \(file): \(targets) targets, \(loaded.pigments.count) pigments + water: "
          + String(format: "median %.3f ms, p95 %.3f ms, max %.3f ms; ", median, p95, times.last ?? 0)
          + String(format: "mean residual ΔE00 %.2f, worst %.2f; ", sum / Double(targets), worst)
          + String(format: "mean pigments %.2f", Double(pigments) / Double(targets)))
    }
  }
}
