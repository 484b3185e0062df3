/// The transport coefficients of the skin's layers at the 31 wavelengths, **cm⁻¹**: what both the
/// fast model (``SkinOptics``, Kubelka–Munk) and the Monte Carlo oracle (``SkinMonteCarlo``) are
/// built from, so the two describe the same tissue.
///
/// - Epidermis (+ upper papillary dermis): melanin absorption (eumelanin and pheomelanin,
///   ``TissueOptics/epidermalAbsorption(melanosomeFraction:pheomelanin:)``) plus the papillary
///   capillaries' blood at the dermal fraction B and β-carotene (``CaroteneExtinction``);
///   Jacques' (2013) skin scattering.
/// - Dermis: blood (Prahl 1999 haemoglobin at saturation S), baseline absorption and the same
///   β-carotene, scattering scaled by ``SkinParameters/dermalScatteringScale``.
/// - Bloodless dermis (between the papillary loops and a sunk pigment layer): baseline absorption
///   and β-carotene, and the dermis's scattering (the vessels sit in the papillary loops and the
///   deep plexus).
package struct SkinTissue: Sendable {
  /// One layer's absorption µa and reduced scattering µs′ per wavelength, cm⁻¹.
  package struct Coefficients: Sendable {
    /// µa, cm⁻¹ (31 values).
    package let absorption: [Double]
    /// µs′, cm⁻¹ (31 values).
    package let reducedScattering: [Double]
  }

  /// The parameters.
  package let parameters: SkinParameters
  /// Epidermis (+ upper papillary dermis).
  package let epidermis: Coefficients
  /// Dermis with its blood.
  package let dermis: Coefficients
  /// Dermis without blood.
  package let bloodlessDermis: Coefficients

  /// The tissue for `parameters`.
  package init(parameters p: SkinParameters) {
    parameters = p
    let blood = HemoglobinExtinction.wholeBloodAbsorption(saturation: p.oxygenSaturation)
    let melanin = TissueOptics.epidermalAbsorption(
      melanosomeFraction: p.melanosomeFraction, pheomelanin: p.pheomelaninFraction)
    let carotene = CaroteneExtinction.absorption(micromolar: p.caroteneMicromolar)
    epidermis = Coefficients(
      absorption: (0..<blood.count).map { melanin[$0] + p.bloodFraction * blood[$0] + carotene[$0] },
      reducedScattering: TissueOptics.reducedScattering(power: p.scatteringPower))
    let dermalScattering = TissueOptics.reducedScattering(
      scale: p.dermalScatteringScale, power: p.scatteringPower)
    let dermalAbsorption = TissueOptics.dermalAbsorption(
      bloodFraction: p.bloodFraction, saturation: p.oxygenSaturation)
    dermis = Coefficients(
      absorption: zip(dermalAbsorption, carotene).map { $0 + $1 },
      reducedScattering: dermalScattering)
    bloodlessDermis = Coefficients(
      absorption: zip(TissueOptics.baselineSpectrum, carotene).map { $0 + $1 },
      reducedScattering: dermalScattering)
  }
}
