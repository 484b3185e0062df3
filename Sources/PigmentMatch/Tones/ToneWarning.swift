import Foundation

/// Something a practitioner should know about an analysis that did not fail.
public enum ToneWarning: Sendable, Equatable, CustomStringConvertible {
  /// Skin and hair are close (ΔE00 below `ToneAnalysis/lowContrastThreshold`): the hair estimate is unsure.
  case lowContrast(deltaE00: Double)
  /// The skin's hue or chroma is outside what skin shows under neutral light: the photo has a colour cast.
  case colourCast(hueDegrees: Double, chroma: Double)
  /// The skin found on an uncalibrated photo is a colour no skin has under neutral light (outside
  /// the skin model's reachable gamut, `NeutralLightSkin`): likely a colour cast, so its tone is a guess.
  case likelyColourCast(hueDegrees: Double, chroma: Double)
  /// Many analysed pixels are clipped white.
  case overExposed(fraction: Double)
  /// Many analysed pixels are crushed black, or the skin is very dark for its hue.
  case underExposed(fraction: Double)
  /// Few pixels were analysed: the estimates are noisy.
  case fewPixels(count: Int)
  /// No hair was found (a bald or clean-shaven scalp, or hair the analysis could not tell from
  /// the rest); the hair tone is missing.
  case hairNotFound
  /// What was taken as skin may not be the person's skin (a wall, backdrop, curtain or clothes of
  /// a skin-like colour, or no skin-coloured region at all): the skin tone is a guess.
  case skinUncertain(reason: String)
  /// A decoder warning passed through (tolerated corrupt data, ignored profile).
  case photo(String)
  /// The measurement's confidence is below ``PhotoMeasurement/lowConfidenceThreshold``: the tones
  /// may be wrong. Always listed first.
  case lowConfidence(Double)
  /// Something the calibration reported (a poor ColorChecker fit).
  case calibration(String)

  public var description: String {
    switch self {
    case .lowContrast(let d):
      return String(format: "low hair/skin contrast (ΔE00 %.1f): the hair tone is uncertain", d)
    case .colourCast(let h, let c):
      return String(format: "strong colour cast (skin hue %.0f°, chroma %.0f): use neutral light", h, c)
    case .likelyColourCast(let h, let c):
      return String(
        format: "likely a colour cast (or not the skin): the skin found (hue %.0f°, chroma %.0f) is no skin colour under neutral light, so its tone is a guess. Calibrate with a grey card (--grey-card x,y,w,h) or white-balance the photo; or mark the skin with --skin-roi and confirm the skin type with --fitzpatrick",
        h, c)
    case .overExposed(let f):
      return String(format: "over-exposed: %.0f %% of pixels are clipped white", f * 100)
    case .underExposed(let f):
      return String(format: "under-exposed: %.0f %% of pixels are crushed black", f * 100)
    case .fewPixels(let n): return "only \(n) pixels analysed: estimates are noisy (use a larger region)"
    case .hairNotFound:
      return "no hair visible: mark the hair with --hair-roi, or give the target colour (pigmatch blend --target-lab L,a,b)"
    case .skinUncertain(let reason):
      return "skin uncertain (\(reason)): mark the skin with --skin-roi, or check the skin tone by eye"
    case .photo(let text): return text
    case .lowConfidence(let c):
      return String(
        format: "LOW CONFIDENCE (%.2f): the skin and hair tones may be wrong. Check the regions used, mark them with --skin-roi / --hair-roi (or --regions), and confirm the skin type with --fitzpatrick",
        c)
    case .calibration(let text): return text
    }
  }
}
