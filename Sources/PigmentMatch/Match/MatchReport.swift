import Colorimetry

/// Everything a match produces for one client (``MatchPipeline``).
public struct MatchReport: Sendable {
  /// The skin model fitted to the client's skin, with its ΔE00.
  public let skinFit: SkinFit
  /// The hair colour the blend aims at.
  public let target: Lab
  /// The blend and its drops.
  public let solution: BlendSolver.Solution
  /// Post-inflammatory hyperpigmentation risk and halo.
  public let hyperpigmentation: Hyperpigmentation
  /// The blend's fade, with ΔE00 to the target each year.
  public let fade: FadeTimeline
}
