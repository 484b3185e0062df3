import Colorimetry

/// Whether a skin colour is one skin has under neutral light, judged by the skin model's own
/// reachable gamut: a colour outside `PlausibleSkin`, or one ``SkinFit`` reports as
/// ``SkinFit/Gamut/likelyColourCast`` (no skin of the model reaches it within ΔE00
/// `SkinFit/gamutTolerance` with every parameter inside its physiological range), is taken under
/// a colour cast. One implementation: the same verdict `match` reports as the skin model's note,
/// from the same fit — the check hands its ``SkinFit`` on (``PhotoMeasurement/skinFit``) and the
/// match uses it instead of fitting the skin again.
enum NeutralLightSkin {
  /// The skin model fitted to a photographed skin `lab`, as the check and the match both take it;
  /// nil when `lab` is no plausible skin colour at all (`PlausibleSkin`).
  static func fit(_ lab: Lab) -> SkinFit? { try? SkinFit(skin: lab) }

  /// Whether `fit` (``fit(_:)`` of a skin colour) says the colour is one no skin of the model has
  /// under neutral light; no fit (not a plausible skin colour) is implausible.
  static func isImplausible(_ fit: SkinFit?) -> Bool { !(fit?.inGamut ?? false) }

  /// `analysis` with its skin checked, when `applies` (an uncalibrated photo whose skin was found,
  /// not marked): a skin no neutral light gives caps the confidence at
  /// `ToneAnalysis/uncertainSkinConfidence` (the cap every unsure skin gets) and replaces a
  /// ``ToneWarning/colourCast(hueDegrees:chroma:)`` by ``ToneWarning/likelyColourCast(hueDegrees:chroma:)``,
  /// which says what to do. Also gives the fit the check made of the analysis' skin (nil when the
  /// check did not apply, or the skin is no plausible skin colour), for the match to reuse. `ahead`:
  /// the fit the analysis started while it finished (`SkinFitAhead`), used when it fits this skin.
  static func checked(_ analysis: ToneAnalysis, applies: Bool, ahead: SkinFitAhead? = nil)
    -> (analysis: ToneAnalysis, fit: SkinFit?)
  {
    guard applies else { return (analysis, nil) }
    let fit = ahead.map { $0.fit(of: analysis.skin.lab) } ?? fit(analysis.skin.lab)
    guard isImplausible(fit) else { return (analysis, fit) }
    let lch = analysis.skin.lab.lch
    var warnings = analysis.warnings.filter { if case .colourCast = $0 { false } else { true } }
    warnings.append(.likelyColourCast(hueDegrees: lch.h, chroma: lch.c))
    let checked = ToneAnalysis(
      photo: analysis.photo, skin: analysis.skin, hair: analysis.hair, clusters: analysis.clusters,
      confidence: min(analysis.confidence, ToneAnalysis.uncertainSkinConfidence), warnings: warnings,
      regions: analysis.regions)
    return (checked, fit)
  }
}
