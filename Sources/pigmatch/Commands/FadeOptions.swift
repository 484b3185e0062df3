import ArgumentParser
import PigmentMatch

extension SunExposure: ExpressibleByArgument {}

/// Shared `--years`, `--sun` and `--smoker` options of `blend`, `fade` and `match`.
struct FadeOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Years to look ahead (0…50); blend: minimise the mean ΔE00 over years 0…N.")
  var years: Int?

  @Option(help: "Sun on the scalp: low, moderate or high.")
  var sun: SunExposure = .moderate

  @Flag(help: "The client smokes (faster fading).")
  var smoker = false

  /// Most years a timeline covers.
  static let maxYears = 50

  func validate() throws {
    if let years, !(0...Self.maxYears).contains(years) {
      throw ValidationError("--years must be 0…\(Self.maxYears), got \(years)")
    }
  }

  var conditions: FadeConditions { FadeConditions(sun: sun, smoker: smoker) }
}
