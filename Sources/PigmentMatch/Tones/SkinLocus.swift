import Foundation

/// Where human skin of every type lies in CIELAB under roughly neutral light: a warm hue band of
/// moderate chroma, from the lightest to the darkest skin.
///
/// In vivo spectrophotometry of skin across ethnic groups and body sites (Weatherall & Coombs 1992,
/// J. Invest. Dermatol. 99:468–473, L*/hue-angle/chroma of forearm skin; Xiao et al. 2017, Skin Res.
/// Technol. 23:21–29, four ethnic groups, four body sites) puts skin at hue angles h_ab of roughly
/// 45°–65° and chroma C*ab of roughly 10–35; the ethnic distributions overlap and differ mainly in
/// L* and b*. The bounds below add a margin for photographic white balance: h_ab 35°–75°,
/// C*ab 8–42, L* ≥ 15. Greys (walls, suits: C* < 8), yellows (curtains, golden blond hair: h > 75°)
/// and saturated reds (curtains, flags: h < 35° or C* > 42) fall outside.
enum SkinLocus {
  static let hue: ClosedRange<Double> = 35...75
  static let chroma: ClosedRange<Double> = 8...42
  static let minimumL = 15.0

  /// Whether `lab` could be skin.
  static func contains(_ lab: Lab) -> Bool {
    let lch = lab.lch
    return lab.l >= minimumL && chroma.contains(lch.c) && hue.contains(lch.h)
  }

  /// Centre of the hue band (degrees) and its half-width for ``typicality(_:)``.
  static let typicalHue = 55.0
  static let hueWidth = 15.0

  /// 0…1: how typical of skin the hue of `lab` is, exp(−((h − 55°)/15°)²) (the middle of the
  /// measured range scores 1, its ends about 0.5): between two skin-coloured regions of equal size,
  /// the more typical is the skin (blond hair and wood lie at its yellow end).
  static func typicality(_ lab: Lab) -> Double {
    let d = (lab.lch.h - typicalHue) / hueWidth
    return Foundation.exp(-d * d)
  }
}
