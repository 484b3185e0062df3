import Colorimetry

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
    let samples = (0..<Spectrum.count).map { Self.sample(p, at: $0) }
    epidermis = Coefficients(
      absorption: samples.map(\.epidermisAbsorption), reducedScattering: samples.map(\.epidermisScattering))
    dermis = Coefficients(
      absorption: samples.map(\.dermisAbsorption), reducedScattering: samples.map(\.dermisScattering))
    bloodlessDermis = Coefficients(
      absorption: samples.map(\.bloodlessAbsorption), reducedScattering: samples.map(\.dermisScattering))
  }

  /// The layers' coefficients at one wavelength, cm⁻¹.
  struct Sample {
    /// Epidermis µa.
    let epidermisAbsorption: Double
    /// Epidermis µs′.
    let epidermisScattering: Double
    /// Dermis (with blood) µa.
    let dermisAbsorption: Double
    /// Dermis µs′ (with and without blood).
    let dermisScattering: Double
    /// Bloodless dermis µa.
    let bloodlessAbsorption: Double
  }

  /// The layers' coefficients for `p` at the wavelength of index `l` (0…30) alone: what the
  /// arrays hold at `l`, for the skin fit's inner loop, which needs no whole spectrum of each.
  static func sample(_ p: SkinParameters, at l: Int) -> Sample {
    sample(p, at: l, shape: TissueOptics.scatteringShape(power: p.scatteringPower, at: l))
  }

  /// ``sample(_:at:)`` with the scattering's shape at `l` for `p`'s power already computed
  /// (`TissueOptics/scatteringShape(power:at:)`).
  static func sample(_ p: SkinParameters, at l: Int, shape: TissueOptics.ScatteringShape) -> Sample {
    let blood = HemoglobinExtinction.wholeBloodAbsorption(saturation: p.oxygenSaturation, at: l)
    let melanin = TissueOptics.epidermalAbsorption(
      melanosomeFraction: p.melanosomeFraction, pheomelanin: p.pheomelaninFraction, at: l)
    let carotene = CaroteneExtinction.absorption(micromolar: p.caroteneMicromolar, at: l)
    return Sample(
      epidermisAbsorption: melanin + p.bloodFraction * blood + carotene,
      epidermisScattering: TissueOptics.reducedScattering(scale: 1, shape: shape),
      dermisAbsorption: TissueOptics.dermalAbsorption(bloodFraction: p.bloodFraction, blood: blood, at: l)
        + carotene,
      dermisScattering: TissueOptics.reducedScattering(scale: p.dermalScatteringScale, shape: shape),
      bloodlessAbsorption: TissueOptics.baselineSpectrum[l] + carotene)
  }
}
