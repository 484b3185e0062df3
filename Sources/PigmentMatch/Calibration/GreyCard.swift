import Colorimetry
import Foundation

/// White balance and exposure from a neutral grey card in the photo.
///
/// Von Kries' coefficient law (von Kries 1902; in the form used for camera white balance, e.g.
/// Ebner 2007, "Color Constancy", §3.1): each linear RGB channel is scaled by the ratio of the
/// card's known value to its observed value (per-channel median over the card), so the card comes
/// out at its true colour. The same gains correct the exposure, since they also carry the ratio of
/// luminances. Applied to linear sRGB, where a camera's white-balance gains and exposure act.
public enum GreyCard {
  /// Reflectance of a standard grey card: 18 % (Kodak Gray Card, publication R-27: "18 percent
  /// reflectance" neutral grey side).
  public static let standardReflectance = 0.18

  /// CIELAB (D65) of the standard card: spectrally neutral, so a* = b* = 0 under the reference
  /// white, and L* = 116·(0.18)^(1/3) − 16 ≈ 49.5 (CIE 015:2018 eq. 8.7, Y/Yn = 0.18 > ε).
  public static let standardLab = Lab(l: 116 * cbrt(standardReflectance) - 16, a: 0, b: 0)

  /// Darkest observed card channel (linear, 0…1) accepted: below it noise and JPEG quantisation
  /// dominate (0.005 is L* ≈ 4.5, the analysis' deep-shadow limit).
  public static let minimumChannel = 0.005

  /// The correction that takes the card's observed linear RGB to `reference`; nil when the card
  /// is too dark, clipped (any channel ≥ 0.99: its true colour is lost) or not finite, or the
  /// reference is not a colour inside the sRGB gamut with positive channels.
  public static func correction(observed: LinearRGB, reference: Lab = standardLab) -> ColourCorrection? {
    let target = LinearRGB(reference)
    let seen = [observed.r, observed.g, observed.b]
    let wanted = [target.r, target.g, target.b]
    guard seen.allSatisfy({ $0.isFinite && $0 >= minimumChannel && $0 < 0.99 }),
      wanted.allSatisfy({ $0.isFinite && $0 > 0 })
    else { return nil }
    return ColourCorrection(matrix: [
      wanted[0] / seen[0], 0, 0,
      0, wanted[1] / seen[1], 0,
      0, 0, wanted[2] / seen[2],
    ])
  }
}
