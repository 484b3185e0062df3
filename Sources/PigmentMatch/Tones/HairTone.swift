/// The hair (stubble) tone: the hair's own colour, estimated past the skin it is mixed with.
public struct HairTone: Sendable, Equatable {
  /// Hair colour (CIELAB D65), unmixed from the skin; see ``ToneAnalysis`` for the method.
  public let lab: Lab
  /// Fraction of the analysed pixels in the hair cluster, 0…1.
  public let share: Double
  /// Median ΔE76 of the hair core pixels from ``lab``, ≥ 0.
  public let spread: Double
  /// CIEDE2000 difference between the skin and the hair.
  public let contrast: Double
}
