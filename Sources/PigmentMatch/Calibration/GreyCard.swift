import Colorimetry
import Foundation

/// White balance and exposure from a neutral grey card in the photo.
///
/// The card's observed colour (per-channel median of its linear RGB) is taken to XYZ and a
/// Bradford chromatic adaptation (Lam 1985; von Kries scaling in the Bradford cone space) maps it
/// onto the card's known XYZ. Because the two "whites" differ in luminance too, the same matrix
/// corrects the exposure (the ratio of their Y). In linear sRGB the correction is
/// M_RGB←XYZ · M_Bradford(observed → reference) · M_XYZ←RGB.
public enum GreyCard {
  /// Reflectance of a standard grey card: 18 % (Kodak Gray Card, publication R-27: "18 percent
  /// reflectance" neutral grey side).
  public static let standardReflectance = 0.18

  /// CIELAB (D65) of the standard card: spectrally neutral, so a* = b* = 0 under the reference
  /// white, and L* = 116·(0.18)^(1/3) − 16 ≈ 49.5 (CIE 015:2018 eq. 8.7, Y/Yn = 0.18 > ε).
  public static let standardLab = Lab(l: 116 * cbrt(standardReflectance) - 16, a: 0, b: 0)

  /// Darkest observed card luminance (Y, linear, 0…1) accepted: below it noise and JPEG
  /// quantisation dominate (Y 0.005 is L* ≈ 4.5, the analysis' deep-shadow limit).
  public static let minimumLuminance = 0.005

  /// The correction that takes the card's observed linear RGB to `reference`; nil when the card
  /// is too dark, clipped (any channel ≥ 0.99: its true colour is lost) or not finite.
  public static func correction(observed: LinearRGB, reference: Lab = standardLab) -> ColourCorrection? {
    let channels = [observed.r, observed.g, observed.b]
    guard channels.allSatisfy({ $0.isFinite && $0 > 0 && $0 < 0.99 }) else { return nil }
    let source = XYZ(observed)
    let target = XYZ(reference)
    guard source.y >= minimumLuminance, target.y > 0 else { return nil }
    let adaptation = Bradford.matrix(
      from: (source.x, source.y, source.z), to: (target.x, target.y, target.z))
    let m = multiply3x3(SRGBPrimaries.fromXYZ, multiply3x3(adaptation, SRGBPrimaries.toXYZ))
    return ColourCorrection(matrix: m)
  }
}
