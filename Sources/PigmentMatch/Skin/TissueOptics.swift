import Colorimetry
import Foundation

/// Absorption and reduced scattering of the skin's tissues and their Kubelka–Munk constants.
///
/// Transport → Kubelka–Munk: K = 2µa, S = (3/4)µs′ − (1/4)µa (van Gemert & Star 1987, Lasers Life
/// Sci. 1:287; Star, Marijnissen & van Gemert 1988), S clamped at 0 where absorption dominates
/// (the layer then acts as a Beer–Lambert absorber). Coefficients are computed in **cm⁻¹** and
/// returned in **mm⁻¹**, the unit of the palettes' K and S.
package enum TissueOptics {
  /// Wavelengths, nm (400…700 / 10).
  static let wavelengths = Spectrum.wavelengths

  /// Epidermal absorption µa = Cm·[(1 − φ)·µa,eu + φ·µa,pheo] + (1 − Cm)·baseline, **cm⁻¹**
  /// (Jacques 1998 for the eumelanin and the baseline; Donner & Jensen 2006 for the melanin blend).
  /// `cm` is the melanosome volume fraction, 0…1 (≈1–43 % in skin); `pheomelanin` φ the share of
  /// pheomelanin in the melanin (0 gives Jacques' all-eumelanin epidermis).
  package static func epidermalAbsorption(melanosomeFraction cm: Double, pheomelanin phi: Double = 0)
    -> [Double]
  {
    (0..<wavelengths.count).map { epidermalAbsorption(melanosomeFraction: cm, pheomelanin: phi, at: $0) }
  }

  /// ``epidermalAbsorption(melanosomeFraction:pheomelanin:)`` at the wavelength of index `l` alone.
  static func epidermalAbsorption(melanosomeFraction cm: Double, pheomelanin phi: Double, at l: Int)
    -> Double
  {
    cm * ((1 - phi) * eumelaninSpectrum[l] + phi * pheomelaninSpectrum[l]) + (1 - cm) * baselineSpectrum[l]
  }

  /// Absorption of the melanosome interior with eumelanin, µa = 6.6·10¹¹·λ^−3.33 **cm⁻¹** (λ in
  /// nm; Jacques 1998, "Skin optics", OMLC News), at the 31 wavelengths.
  package static let eumelaninSpectrum: [Double] = wavelengths.map { 6.6e11 * pow($0, -3.33) }

  /// Absorption of a melanosome filled with pheomelanin, µa = 2.9·10¹⁴·λ^−4.75, in the same unit
  /// as ``eumelaninSpectrum`` (λ in nm; Donner & Jensen 2006, "A spectral BSSRDF for shading human
  /// skin", EGSR, eq. 4, who give both melanins on one scale): weaker and steeper toward the blue.
  package static let pheomelaninSpectrum: [Double] = wavelengths.map { 2.9e14 * pow($0, -4.75) }

  /// Bloodless tissue baseline absorption 7.84·10⁷·λ^−3.255, **cm⁻¹** (Jacques 1998).
  package static func baseline(_ lambda: Double) -> Double { 7.84e7 * pow(lambda, -3.255) }

  /// ``baseline(_:)`` at the 31 wavelengths.
  package static let baselineSpectrum: [Double] = wavelengths.map { baseline($0) }

  /// Jacques' (2013) skin scattering shape (λ/500 nm)^−b at the 31 wavelengths, times a.
  static let scatteringSpectrum: [Double] = wavelengths.map {
    scatteringA * pow($0 / 500, -scatteringB)
  }

  /// Dermal absorption µa = B·µa(blood) + (1 − B)·baseline, **cm⁻¹** (Jacques 1998, 2013), with
  /// whole-blood absorption from Prahl's haemoglobin table (``HemoglobinExtinction``).
  package static func dermalAbsorption(bloodFraction b: Double, saturation: Double) -> [Double] {
    wavelengths.indices.map {
      dermalAbsorption(
        bloodFraction: b, blood: HemoglobinExtinction.wholeBloodAbsorption(saturation: saturation, at: $0), at: $0)
    }
  }

  /// ``dermalAbsorption(bloodFraction:saturation:)`` at the wavelength of index `l`, given the
  /// whole blood's absorption there (cm⁻¹).
  static func dermalAbsorption(bloodFraction b: Double, blood: Double, at l: Int) -> Double {
    b * blood + (1 - b) * baselineSpectrum[l]
  }

  /// Reduced scattering of skin µs′ = a·(λ/500 nm)^−b, a = 46.0 cm⁻¹, b = 1.421, **cm⁻¹**, times
  /// `scale` (Jacques 2013, Phys. Med. Biol. 58:R37, table 2, average of the skin entries), with
  /// another scattering power b when given.
  package static func reducedScattering(scale: Double = 1, power: Double = scatteringB) -> [Double] {
    wavelengths.indices.map { reducedScattering(scale: scale, shape: scatteringShape(power: power, at: $0)) }
  }

  /// The shape of ``reducedScattering(scale:power:)`` at the wavelength of index `l`: the cached
  /// a·(λ/500 nm)^−b for Jacques' b (`.cached`), else (λ/500 nm)^−b (`.power`); computed once per
  /// wavelength and shared by the layers that scatter with the same power.
  static func scatteringShape(power: Double, at l: Int) -> ScatteringShape {
    power == scatteringB ? .cached(scatteringSpectrum[l]) : .power(pow(wavelengths[l] / 500, -power))
  }

  /// See ``scatteringShape(power:at:)``.
  enum ScatteringShape {
    case cached(Double)
    case power(Double)
  }

  /// ``reducedScattering(scale:power:)`` at one wavelength, from its shape there.
  static func reducedScattering(scale: Double, shape: ScatteringShape) -> Double {
    switch shape {
    case .cached(let spectrum): scale * spectrum
    case .power(let factor): scale * scatteringA * factor
    }
  }

  /// Henyey–Greenstein anisotropy g of skin's scattering, ≈ 0.8 in the visible (van Gemert et al.
  /// 1989, IEEE Trans. Biomed. Eng. 36:1146): the beam's forward peak in the fast model
  /// (``SkinOptics``) and the phase function of the Monte Carlo oracle (``SkinMonteCarlo``).
  package static let anisotropy = 0.8

  /// Jacques (2013) skin a, cm⁻¹.
  package static let scatteringA = 46.0
  /// Jacques (2013) skin scattering power b.
  package static let scatteringB = 1.421

  /// µa = K/2, µs′ = (S + K/8)/(3/4): the inverse of van Gemert & Star 1987 (K = 2µa, S = (3/4)µs′ − (1/4)µa),
  /// in the units of K and S. A pigment mixture's K, S enter the tissue this way.
  package static func transport(k: Double, s: Double) -> (absorption: Double, reducedScattering: Double) {
    (k / 2, (s + k / 8) / 0.75)
  }

  /// Kubelka–Munk K = κ·2µa and S = max(0, σ·(3/4)µs′ − (1/4)µa) (van Gemert & Star 1987 with
  /// κ = σ = 1), converted from cm⁻¹ to **mm⁻¹**. κ and σ ≠ 1 are the Monte Carlo calibration of
  /// ``KubelkaMunkCalibration``.
  package static func kubelkaMunk(
    absorption mua: [Double], reducedScattering musp: [Double], absorptionFactor kappa: Double = 1,
    scatteringFactor sigma: Double = 1
  ) -> (k: [Double], s: [Double]) {
    let constants = zip(mua, musp).map {
      kubelkaMunk(absorption: $0, reducedScattering: $1, absorptionFactor: kappa, scatteringFactor: sigma)
    }
    return (constants.map(\.k), constants.map(\.s))
  }

  /// ``kubelkaMunk(absorption:reducedScattering:absorptionFactor:scatteringFactor:)`` at one
  /// wavelength: µa, µs′ in cm⁻¹ → K, S in mm⁻¹; `epsilon` weights the −µa/4 term of S
  /// (``KubelkaMunkCalibration/epidermisAbsorptionInScattering``; 1 is van Gemert & Star's).
  /// K = κ·2µa, S = max(0, σ·(3/4)µs′ − ε·(1/4)µa) (van Gemert & Star 1987; ε: Gate 1974, Thennadil 2008).
  static func kubelkaMunk(
    absorption mua: Double, reducedScattering musp: Double, absorptionFactor kappa: Double,
    scatteringFactor sigma: Double, absorptionInScattering epsilon: Double = 1
  ) -> KubelkaMunk.Constants {
    KubelkaMunk.Constants(k: kappa * 2 * mua / 10, s: max(0, sigma * 0.75 * musp - epsilon * 0.25 * mua) / 10)
  }
}
