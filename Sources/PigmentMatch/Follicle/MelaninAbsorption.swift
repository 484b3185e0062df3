import Colorimetry
import Foundation

/// Absorption spectra of the hair's chromophores, **mm⁻¹**, at 400…700 nm / 10 nm.
///
/// Eumelanin (brown-black) and pheomelanin (red-yellow) in their pure-melanin spectral forms of
/// Donner & Jensen (2006), "A spectral BSSRDF for shading human skin" (EGSR 2006, eqs. 9–10),
/// which follow the monotonic absorption of Sarna & Swartz's melanin spectra; the eumelanin form is
/// the same law as Jacques' (1998) melanosome absorption used for the epidermis
/// (``TissueOptics/epidermalAbsorption(melanosomeFraction:pheomelanin:)``: 6.6·10¹¹·λ^−3.33 cm⁻¹). Their ratio
/// between 450 and 650 nm (3.4 and 5.7) agrees with the RGB absorption of d'Eon et al. (2011,
/// "An energy-conserving hair reflectance model", EGSR: σa,eu = (0.419, 0.697, 1.37),
/// σa,pheo = (0.187, 0.4, 1.05)), which gives 3.3 and 5.6.
package enum MelaninAbsorption {
  /// Eumelanin σa = 6.6·10¹⁰·λ^−3.33 mm⁻¹, λ in nm (Donner & Jensen 2006, eq. 9).
  package static let eumelanin: [Double] = Spectrum.wavelengths.map { 6.6e10 * pow($0, -3.33) }

  /// Pheomelanin σa = 2.9·10¹⁴·λ^−4.75 mm⁻¹, λ in nm (Donner & Jensen 2006, eq. 10).
  package static let pheomelanin: [Double] = Spectrum.wavelengths.map { 2.9e14 * pow($0, -4.75) }

  /// Keratin base absorption of an unpigmented fibre, mm⁻¹: the bloodless-tissue baseline
  /// 7.84·10⁷·λ^−3.255 cm⁻¹ of Jacques (1998) (``TissueOptics/baseline(_:)``), which is also what
  /// the model uses for the keratinised epidermis.
  package static let keratin: [Double] = Spectrum.wavelengths.map { TissueOptics.baseline($0) / 10 }

  /// σa of a pigmented fibre: c_eu·σa,eu + c_pheo·σa,pheo + σa,keratin, mm⁻¹ (d'Eon et al. 2011's
  /// linear mixing of the two melanins). Concentrations are volume fractions of pure melanin in the
  /// cortex, ≥ 0.
  package static func fibre(eumelanin ceu: Double, pheomelanin cpheo: Double) -> [Double] {
    (0..<Spectrum.count).map { ceu * eumelanin[$0] + cpheo * pheomelanin[$0] + keratin[$0] }
  }
}
