/// The client's habits that change how fast a recipe fades.
public struct FadeConditions: Sendable, Equatable {
  /// Sun on the scalp.
  public var sun: SunExposure
  /// Whether the client smokes.
  public var smoker: Bool

  /// Conditions; default moderate sun, non-smoker (the calibration case).
  public init(sun: SunExposure = .moderate, smoker: Bool = false) {
    self.sun = sun
    self.smoker = smoker
  }
}
