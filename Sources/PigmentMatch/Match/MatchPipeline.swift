import Colorimetry

/// The match flow after tone analysis: skin model → follicle target → blend → hyperpigmentation →
/// fade.
///
/// Given the client's skin and hair colours (from ``ToneAnalysis`` or typed in), it fits the
/// layered skin model to the skin (``SkinFit``), places the client's hair shaft at the dot's depth
/// under that skin (``FollicleTarget``: like with like, DESIGN.md), solves the blend whose healed
/// dot matches that follicle (fade-aware over `years` when asked,
/// ``BlendSolver/solve(target:years:conditions:)``), says what the palette lacks when it cannot
/// (``PaletteReach``), assesses post-inflammatory hyperpigmentation for the blend
/// (``Hyperpigmentation``) and projects its fade (``FadeModel``) with the distance to the follicle
/// each year. One dot geometry (``Options/dotDiameter``, ``Options/spacing``) serves the stubble
/// impression, its fade and the halo. Pure: no I/O.
public struct MatchPipeline: Sendable {
  /// Settings of one run.
  public struct Options: Sendable {
    /// Fade-aware horizon for the solve (0: day one only).
    public var years: Int
    /// Years in the fade timeline when `years` is 0.
    public var timelineYears: Int
    /// Sun and smoking.
    public var conditions: FadeConditions
    /// Solver settings.
    public var solver: BlendSolver.Options
    /// Healed dot diameter, mm: the stubble impression, its fade and the hyperpigmentation halo.
    public let dotDiameter: Double
    /// Dot spacing (pitch), mm, of the same.
    public let spacing: Double

    /// Defaults: day-one solve, 10-year timeline, moderate sun, non-smoker, the default dot size
    /// and spacing (``StubbleImpression``). A dot size or spacing that is not a positive number,
    /// or a spacing not larger than the dot, gives both defaults.
    public init(
      years: Int = 0, timelineYears: Int = 10, conditions: FadeConditions = FadeConditions(),
      solver: BlendSolver.Options = BlendSolver.Options(),
      dotDiameter: Double = StubbleImpression.defaultDotDiameter,
      spacing: Double = StubbleImpression.defaultSpacing
    ) {
      self.years = max(years, 0)
      self.timelineYears = max(timelineYears, 0)
      self.conditions = conditions
      self.solver = solver
      let valid = dotDiameter.isFinite && spacing.isFinite && dotDiameter > 0 && spacing > dotDiameter
      self.dotDiameter = valid ? dotDiameter : StubbleImpression.defaultDotDiameter
      self.spacing = valid ? spacing : StubbleImpression.defaultSpacing
    }

    /// Healed dot area coverage π(d/2)²/s² of ``dotDiameter`` at ``spacing``.
    public var coverage: Double { StubbleImpression.coverage(dotDiameter: dotDiameter, spacing: spacing) }
  }

  /// The palette to blend from.
  public let palette: Palette
  /// Settings.
  public let options: Options

  /// A pipeline for `palette`.
  public init(palette: Palette, options: Options = Options()) {
    self.palette = palette
    self.options = options
  }

  /// Runs the flow on a photo's tone analysis: its skin tone, and its hair's follicle as the target.
  public func run(analysis: ToneAnalysis) throws(MatchError) -> MatchReport {
    guard let hair = analysis.hair else { throw .noHair }
    return try run(skin: analysis.skin.lab, hair: hair.lab, skinType: nil, calibration: .uncalibrated)
  }

  /// Runs the flow on a measured photo: its skin and hair, with the hyperpigmentation risk judged
  /// on the practitioner's `fitzpatrick` type when given, else on the measured type — unconfirmed
  /// (the higher risk of the plausible types) when the photo is uncalibrated or the confidence low.
  public func run(measurement: PhotoMeasurement, fitzpatrick: FitzpatrickConvention? = nil) throws(MatchError)
    -> MatchReport
  {
    let analysis = measurement.analysis
    guard let hair = analysis.hair else { throw .noHair }
    let skinType = SkinTypeAssessment(
      skin: analysis.skin.lab, calibrated: measurement.calibration.isCalibrated, confidence: analysis.confidence,
      stated: fitzpatrick)
    return try run(
      skin: analysis.skin.lab, hair: hair.lab, skinType: skinType, calibration: measurement.calibration,
      fitted: measurement.skinFit)
  }

  /// Runs the flow for a client whose skin is `skin` and whose hair is `hair` (its own colour):
  /// the target is the hair's follicle under this skin; the hyperpigmentation risk is judged on
  /// `skinType` when given, else on the skin's ITA° class.
  public func run(skin: Lab, hair: Lab, skinType: SkinTypeAssessment? = nil) throws(MatchError) -> MatchReport {
    try run(skin: skin, hair: hair, skinType: skinType, calibration: nil)
  }

  /// ``run(skin:hair:skinType:)`` for colours measured from a photo corrected by `calibration`;
  /// `fitted`, the skin model already fitted to `skin` (the measurement's colour-cast check,
  /// ``PhotoMeasurement/skinFit``), is used instead of fitting the skin again.
  func run(skin: Lab, hair: Lab, skinType: SkinTypeAssessment?, calibration: Calibration?, fitted: SkinFit? = nil)
    throws(MatchError) -> MatchReport
  {
    guard hair.l.isFinite, hair.a.isFinite, hair.b.isFinite else { throw .blend(.nonFiniteTarget) }
    let fit: SkinFit
    if let fitted, fitted.target == skin {
      fit = fitted
    } else {
      do { fit = try SkinFit(skin: skin) } catch { throw .skin(error) }
    }
    let follicle = FollicleTarget(hair: hair, optics: fit.optics)
    return try run(fit: fit, target: .follicle(follicle), skinType: skinType, calibration: calibration)
  }

  /// Runs the flow for the fitted skin `fit` against `target`; the hyperpigmentation risk is judged
  /// on `skinType` when given, else on the skin's ITA° class.
  public func run(fit: SkinFit, target: MatchTarget, skinType: SkinTypeAssessment? = nil) throws(MatchError)
    -> MatchReport
  {
    try run(fit: fit, target: target, skinType: skinType, calibration: nil)
  }

  /// ``run(fit:target:skinType:)`` for colours measured from a photo corrected by `calibration`.
  func run(fit: SkinFit, target: MatchTarget, skinType: SkinTypeAssessment?, calibration: Calibration?)
    throws(MatchError) -> MatchReport
  {
    let goal = target.lab
    let solver = BlendSolver(palette: palette, optics: fit.optics, options: options.solver)
    let solution: BlendSolver.Solution
    do {
      solution = try solver.solve(target: goal, years: options.years, conditions: options.conditions)
    } catch { throw .blend(error) }
    let hyperpigmentation = Hyperpigmentation(
      skin: fit.optics, model: solver.model, fractions: solution.blend.fractions,
      dotDiameter: options.dotDiameter, spacing: options.spacing, skinType: skinType)
    let horizon = options.years > 0 ? options.years : options.timelineYears
    let fade = FadeModel(conditions: options.conditions).timeline(
      solution.blend.fractions, model: solver.model, years: horizon, target: goal, coverage: options.coverage)
    let reach =
      solution.blend.deltaE00 > FadeModel.matchThreshold
      ? PaletteReach(model: solver.model, target: goal, closest: solution.blend.dotLab) : nil
    return MatchReport(
      palette: palette,
      conditions: MatchConditions(options: options, skinType: skinType, calibration: calibration),
      skinFit: fit, matchTarget: target, solution: solution, hyperpigmentation: hyperpigmentation,
      fade: fade, reach: reach)
  }
}
