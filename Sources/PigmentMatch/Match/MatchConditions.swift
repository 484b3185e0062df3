/// The conditions a match was computed under. A ``MatchReport`` carries them, so whatever presents
/// the match (``HTMLReport``, the swatch sheet, JSON) states the ones that were used and cannot
/// assume others (e.g. moderate sun for a match solved for high sun).
public struct MatchConditions: Sendable {
  /// The run's settings: fade-aware horizon, timeline years, sun and smoking, solver settings.
  public let options: MatchPipeline.Options
  /// The skin type the hyperpigmentation risk was judged on (stated, measured or unconfirmed);
  /// nil when it was judged on the skin's own ITA° class.
  public let skinType: SkinTypeAssessment?
  /// The photo's colour correction; nil when the skin and hair colours were given, not measured.
  public let calibration: Calibration?

  /// Sun and smoking the fade was projected (and a fade-aware blend solved) for.
  public var fade: FadeConditions { options.conditions }
  /// Years the fade-aware solve averaged over (0: a day-one solve).
  public var solveYears: Int { options.years }
  /// Healed dot diameter, mm, of the stubble impression, its fade and the halo.
  public var dotDiameter: Double { options.dotDiameter }
  /// Dot spacing (pitch), mm, of the same.
  public var spacing: Double { options.spacing }
}
