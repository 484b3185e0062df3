import Colorimetry

/// Everything a match produces for one client (``MatchPipeline``).
public struct MatchReport: Sendable {
  /// The palette the blend came from.
  public let palette: Palette
  /// What the match was computed under: sun, smoking and years; the skin type the risk was judged
  /// on; the photo's calibration.
  public let conditions: MatchConditions
  /// The skin model fitted to the client's skin, with its ΔE00.
  public let skinFit: SkinFit
  /// What the dot is matched against: the client's follicle (or a colour given directly).
  public let matchTarget: MatchTarget
  /// The blend and its drops.
  public let solution: BlendSolver.Solution
  /// Post-inflammatory hyperpigmentation risk and halo.
  public let hyperpigmentation: Hyperpigmentation
  /// The blend's fade, with ΔE00 to the target each year.
  public let fade: FadeTimeline
  /// What the palette can and cannot do under this skin, when the target is out of reach.
  public let reach: PaletteReach?

  /// The colour the blend aims at: the follicle's look (``MatchTarget/lab``).
  public var target: Lab { matchTarget.lab }
  /// The hair's own colour (nil for a direct target).
  public var hair: Lab? { matchTarget.hairLab }
  /// The model's bare skin (the background both contrasts are taken against).
  public var skinLab: Lab { skinFit.optics.skinLab }
  /// The target's contrast with the skin.
  public var targetContrast: SkinContrast { SkinContrast(target, against: skinLab) }
  /// The healed dot's contrast with the skin.
  public var dotContrast: SkinContrast { SkinContrast(solution.blend.dotLab, against: skinLab) }
  /// The blend as a dilution (1 ml pigment in N ml water).
  public var dilution: Dilution? { solution.blend.dilution }
}
