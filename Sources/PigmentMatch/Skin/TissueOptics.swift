import Colorimetry
import Foundation

/// Absorption and reduced scattering of the skin's tissues and their Kubelka–Munk constants.
///
/// Transport → Kubelka–Munk: K = 2µa, S = (3/4)µs′ − (1/4)µa (van Gemert & Star 1987, Lasers Life
/// Sci. 1:287; Star, Marijnissen & van Gemert 1988), S clamped at 0 where absorption dominates
/// (the layer then acts as a Beer–Lambert absorber). Coefficients are computed in **cm⁻¹** and
/// returned in **mm⁻¹**, the unit of the palettes' K and S.
public enum TissueOptics {
  /// Wavelengths, nm (400…700 / 10).
  static let wavelengths = Spectrum.wavelengths

  /// Epidermal absorption µa = Cm·6.6·10¹¹·λ^−3.33 + (1 − Cm)·7.84·10⁷·λ^−3.255, **cm⁻¹**, λ in nm
  /// (melanosome absorption and bloodless baseline: Jacques 1998, "Skin optics", OMLC News).
  /// `cm` is the melanosome volume fraction, 0…1 (≈1–43 % in skin).
  public static func epidermalAbsorption(melanosomeFraction cm: Double) -> [Double] {
    wavelengths.map { cm * 6.6e11 * pow($0, -3.33) + (1 - cm) * baseline($0) }
  }

  /// Bloodless tissue baseline absorption 7.84·10⁷·λ^−3.255, **cm⁻¹** (Jacques 1998).
  public static func baseline(_ lambda: Double) -> Double { 7.84e7 * pow(lambda, -3.255) }

  /// Dermal absorption µa = B·µa(blood) + (1 − B)·baseline, **cm⁻¹** (Jacques 1998, 2013), with
  /// whole-blood absorption from Prahl's haemoglobin table (``HemoglobinExtinction``).
  public static func dermalAbsorption(bloodFraction b: Double, saturation: Double) -> [Double] {
    let blood = HemoglobinExtinction.wholeBloodAbsorption(saturation: saturation)
    return wavelengths.indices.map { b * blood[$0] + (1 - b) * baseline(wavelengths[$0]) }
  }

  /// Reduced scattering of skin µs′ = a·(λ/500 nm)^−b, a = 46.0 cm⁻¹, b = 1.421, **cm⁻¹**, times
  /// `scale` (Jacques 2013, Phys. Med. Biol. 58:R37, table 2, average of the skin entries).
  public static func reducedScattering(scale: Double = 1) -> [Double] {
    wavelengths.map { scale * scatteringA * pow($0 / 500, -scatteringB) }
  }

  /// Jacques (2013) skin a, cm⁻¹.
  public static let scatteringA = 46.0
  /// Jacques (2013) skin scattering power b.
  public static let scatteringB = 1.421

  /// Kubelka–Munk K = 2µa and S = max(0, (3/4)µs′ − (1/4)µa) (van Gemert & Star 1987), converted
  /// from cm⁻¹ to **mm⁻¹**.
  public static func kubelkaMunk(absorption mua: [Double], reducedScattering musp: [Double])
    -> (k: [Double], s: [Double])
  {
    let k = mua.map { 2 * $0 / 10 }
    let s = zip(mua, musp).map { max(0, 0.75 * $1 - 0.25 * $0) / 10 }
    return (k, s)
  }
}
