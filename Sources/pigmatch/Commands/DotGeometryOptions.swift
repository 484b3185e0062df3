import ArgumentParser
import PigmentMatch

/// `match`'s, `report`'s and `batch`'s dot geometry: one healed dot size and spacing for the whole match
/// (stubble impression, its fade, the hyperpigmentation halo and risk, the report's preview).
struct DotGeometryOptions: ParsableArguments {
  @Option(name: .customLong("dot-size"), help: "Healed dot diameter, mm (0.05…1; default 0.125: healed SMP dots are 0.10–0.15 mm).")
  var dotSize: Double = StubbleImpression.defaultDotDiameter

  @Option(help: "Dot spacing (pitch), mm (0.2…3, more than the dot size; default 0.75: 178 a cm², scalp hair 175–300).")
  var spacing: Double = StubbleImpression.defaultSpacing

  /// Dot sizes accepted, mm: up to the 1 mm upper bound of SMP guidance (Rassman et al. 2015,
  /// J. Clin. Aesthet. Dermatol. 8(3):35: microdots under 1 mm, about 1 mm apart).
  static let dotSizes = 0.05...1.0
  /// Pitches accepted, mm: scalp hair 175–300 per cm² (Barman et al. 1965, J. Invest. Dermatol.
  /// 44:233) is a square pitch of 0.58–0.76 mm; the range leaves room for sparse and dense work.
  static let spacings = 0.2...3.0

  func validate() throws {
    guard dotSize.isFinite, Self.dotSizes.contains(dotSize) else {
      throw ValidationError("--dot-size must be 0.05…1 mm, got \(dotSize)")
    }
    guard spacing.isFinite, Self.spacings.contains(spacing) else {
      throw ValidationError("--spacing must be 0.2…3 mm, got \(spacing)")
    }
    guard spacing > dotSize else {
      throw ValidationError("--spacing (\(spacing) mm) must be larger than --dot-size (\(dotSize) mm)")
    }
  }

  /// The match options of a run: `years` (fade-aware solve) and `conditions`, with this geometry.
  func pipelineOptions(years: Int, conditions: FadeConditions) -> MatchPipeline.Options {
    MatchPipeline.Options(years: years, conditions: conditions, dotDiameter: dotSize, spacing: spacing)
  }
}
