import Foundation

/// The sRGB transfer function (IEC 61966-2-1:1999 §5.2), extended to negative values by odd symmetry.
public enum SRGBTransfer {
  /// Encoded → linear: V/12.92 for V ≤ 0.04045, else ((V + 0.055)/1.055)^2.4. Domain: any real
  /// (sign-symmetric); NaN → NaN, ±∞ → ±∞.
  @inlinable
  public static func decode(_ v: Double) -> Double {
    let a = abs(v)
    let lin = a <= 0.04045 ? a / 12.92 : pow((a + 0.055) / 1.055, 2.4)
    return v < 0 ? -lin : lin
  }

  /// Linear → encoded: 12.92 L for L ≤ 0.0031308, else 1.055 L^(1/2.4) − 0.055. Domain: any real
  /// (sign-symmetric); NaN → NaN, ±∞ → ±∞.
  @inlinable
  public static func encode(_ l: Double) -> Double {
    let a = abs(l)
    let v = a <= 0.0031308 ? 12.92 * a : 1.055 * pow(a, 1 / 2.4) - 0.055
    return l < 0 ? -v : v
  }
}
