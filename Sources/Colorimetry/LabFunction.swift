import Foundation

/// The CIELAB companding function f(t) and its inverse, with exact constants
/// (CIE 015:2018 §8.2.1; ε = 216/24389 = (6/29)³, κ = 24389/27 = (29/3)³, Lindbloom's exact form).
public enum LabFunction {
  /// ε = 216/24389: below it f is linear.
  public static let epsilon: Double = 216.0 / 24389.0
  /// κ = 24389/27.
  public static let kappa: Double = 24389.0 / 27.0

  /// f(t) = ∛t for t > ε, else (κt + 16)/116. Domain: any real; NaN → NaN.
  @inlinable
  public static func forward(_ t: Double) -> Double {
    t > epsilon ? cbrt(t) : (kappa * t + 16) / 116
  }

  /// f⁻¹(f) = f³ when f³ > ε, else (116f − 16)/κ. Domain: any real; NaN → NaN.
  @inlinable
  public static func inverse(_ f: Double) -> Double {
    let f3 = f * f * f
    return f3 > epsilon ? f3 : (116 * f - 16) / kappa
  }
}
