import ArgumentParser
import PigmentMatch

/// `match`'s, `report`'s and `batch`'s dot geometry: one healed dot size and spacing for the whole match
/// (stubble impression, its fade, the hyperpigmentation halo and risk, the report's preview).
struct DotGeometryOptions: ParsableArguments {
  @Option(name: .customLong("dot-size"), help: "Healed dot diameter, mm (0.05…1; default 0.125: healed SMP dots are 0.10–0.15 mm).")
  var dotSize: Double = StubbleImpression.defaultDotDiameter

  @Option(help: "Dot spacing (pitch), mm (0.2…3, more than the dot size; default 0.75: 178 a cm², scalp hair 175–300).")
  var spacing: Double = StubbleImpression.defaultSpacing

  /// Dot sizes accepted, mm (``StubbleImpression/dotDiameters``).
  static let dotSizes = StubbleImpression.dotDiameters
  /// Pitches accepted, mm (``StubbleImpression/spacings``).
  static let spacings = StubbleImpression.spacings

  /// `--dot-size` rounded to 0.001 mm, as the JSON writes it (`dotDiameterMM`, 3 decimals): the
  /// model, the page and the JSON use this one number, and `batch` compares it with its ledger.
  var dotDiameterMM: Double { JSONContract.Number(dotSize, places: 3).value }
  /// `--spacing` rounded to 0.001 mm, as the JSON writes it (`spacingMM`).
  var spacingMM: Double { JSONContract.Number(spacing, places: 3).value }

  func validate() throws {
    guard dotSize.isFinite, Self.dotSizes.contains(dotDiameterMM) else {
      throw ValidationError("--dot-size must be 0.05…1 mm, got \(dotSize)")
    }
    guard spacing.isFinite, Self.spacings.contains(spacingMM) else {
      throw ValidationError("--spacing must be 0.2…3 mm, got \(spacing)")
    }
    guard spacingMM > dotDiameterMM else {
      throw ValidationError("--spacing (\(spacing) mm) must be larger than --dot-size (\(dotSize) mm)")
    }
  }

  /// The match options of a run: `years` (fade-aware solve) and `conditions`, with this geometry
  /// rounded to 0.001 mm (``dotDiameterMM``, ``spacingMM``): the one place options become
  /// pipeline options for `match`, `report` and `batch`.
  func pipelineOptions(years: Int, conditions: FadeConditions) -> MatchPipeline.Options {
    MatchPipeline.Options(years: years, conditions: conditions, dotDiameter: dotDiameterMM, spacing: spacingMM)
  }
}
