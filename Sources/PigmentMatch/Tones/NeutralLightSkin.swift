import Colorimetry

/// Whether a skin colour is one skin has under neutral light, judged by the skin model's own
/// reachable gamut: a colour outside `PlausibleSkin`, or one ``SkinFit`` reports as
/// ``SkinFit/Gamut/likelyColourCast`` (no skin of the model reaches it within ΔE00
/// `SkinFit/gamutTolerance` with every parameter inside its physiological range), is taken under
/// a colour cast. One implementation: the same verdict `match` reports as the skin model's note.
enum NeutralLightSkin {
  /// Whether `lab` is a colour no skin of the model has under neutral light.
  static func isImplausible(_ lab: Lab) -> Bool {
    guard let fit = try? SkinFit(skin: lab) else { return true }
    return !fit.inGamut
  }

  /// `analysis` with its skin checked, when `applies` (an uncalibrated photo whose skin was found,
  /// not marked): a skin no neutral light gives caps the confidence at
  /// `ToneAnalysis/uncertainSkinConfidence` (the cap every unsure skin gets) and replaces a
  /// ``ToneWarning/colourCast(hueDegrees:chroma:)`` by ``ToneWarning/likelyColourCast(hueDegrees:chroma:)``,
  /// which says what to do.
  static func checked(_ analysis: ToneAnalysis, applies: Bool) -> ToneAnalysis {
    guard applies, isImplausible(analysis.skin.lab) else { return analysis }
    let lch = analysis.skin.lab.lch
    var warnings = analysis.warnings.filter { if case .colourCast = $0 { false } else { true } }
    warnings.append(.likelyColourCast(hueDegrees: lch.h, chroma: lch.c))
    return ToneAnalysis(
      photo: analysis.photo, skin: analysis.skin, hair: analysis.hair, clusters: analysis.clusters,
      confidence: min(analysis.confidence, ToneAnalysis.uncertainSkinConfidence), warnings: warnings,
      regions: analysis.regions)
  }
}
