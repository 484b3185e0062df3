import Colorimetry

/// The layered skin of ``SkinOptics`` — and a healed dot in it — as an MCML medium, wavelength by
/// wavelength: the Monte Carlo oracle the fast model is checked against (``MonteCarloTransport``).
///
/// Same tissue as the fast model (``SkinTissue``): epidermis, optional bloodless dermis (a sunk
/// pigment layer), the pigment layer (dermis plus the mixture's K, S turned back into µa = K/2,
/// µs′ = (S + K/8)/(3/4), ``TissueOptics/transport(k:s:)``), then semi-infinite dermis.
/// What the fast model does not carry: a scattering phase function, Henyey–Greenstein with
/// g = 0.8 (dermis g ≈ 0.8 in the visible, van Gemert et al. 1989, IEEE Trans. Biomed. Eng.
/// 36:1146), and the refractive index n = 1.4 of the tissue under air
/// (``NeutralDermisDotOptics/skinRefractiveIndex``), with Fresnel reflection at the surface.
package struct SkinMonteCarlo: Sendable {
  /// The skin.
  package let tissue: SkinTissue
  /// Henyey–Greenstein anisotropy of every layer.
  package let anisotropy: Double
  /// Refractive index of every layer (air above).
  package let refractiveIndex: Double

  /// Default anisotropy (van Gemert et al. 1989; ``TissueOptics/anisotropy``).
  package static let defaultAnisotropy = TissueOptics.anisotropy

  /// The oracle for `parameters`.
  package init(
    parameters: SkinParameters, anisotropy: Double = Self.defaultAnisotropy,
    refractiveIndex: Double = NeutralDermisDotOptics.skinRefractiveIndex
  ) {
    tissue = SkinTissue(parameters: parameters)
    self.anisotropy = anisotropy
    self.refractiveIndex = refractiveIndex
  }

  /// The medium at wavelength index `index` (0…30) for a dot with pigment constants `k`, `s`
  /// (mm⁻¹ at that wavelength; nil: the bare skin).
  package func medium(at index: Int, pigmentK k: Double?, pigmentS s: Double?) -> LayeredMedium {
    let p = tissue.parameters
    func layer(_ c: SkinTissue.Coefficients, thicknessMM: Double) -> TurbidLayer {
      TurbidLayer(
        thickness: thicknessMM / 10, absorption: c.absorption[index],
        reducedScattering: c.reducedScattering[index], anisotropy: anisotropy,
        refractiveIndex: refractiveIndex)
    }
    var layers = [layer(tissue.epidermis, thicknessMM: p.epidermisThickness)]
    if let k, let s {
      if p.pigmentDepth > 0 { layers.append(layer(tissue.bloodlessDermis, thicknessMM: p.pigmentDepth)) }
      // Pigment K, S (mm⁻¹) → µa, µs′ (cm⁻¹), added to the dermis's own.
      let pigment = TissueOptics.transport(k: k, s: s)
      let (mua, musp) = (10 * pigment.absorption, 10 * pigment.reducedScattering)
      layers.append(
        TurbidLayer(
          thickness: p.pigmentLayerThickness / 10,
          absorption: tissue.dermis.absorption[index] + mua,
          reducedScattering: tissue.dermis.reducedScattering[index] + musp,
          anisotropy: anisotropy, refractiveIndex: refractiveIndex))
    }
    layers.append(layer(tissue.dermis, thicknessMM: .infinity))
    return LayeredMedium(layers: layers)
  }

  /// Total reflectance (specular + diffuse) and its standard error at each of `indices` (default
  /// all 31 wavelengths), `photons` packets each, for a dot (`k`, `s`: 31 values, mm⁻¹) or the bare
  /// skin (nil). Seeds are `seed + index`, so each wavelength is reproducible on its own.
  package func reflectance(
    pigmentK k: [Double]?, pigmentS s: [Double]?, photons: Int, seed: UInt64,
    indices: [Int] = Array(0..<Spectrum.count)
  ) -> [(reflectance: Double, error: Double)] {
    ParallelMap.map(count: indices.count) { position in
      let index = indices[position]
      let medium = self.medium(at: index, pigmentK: k?[index], pigmentS: s?[index])
      let result = MonteCarloTransport.run(medium, photons: photons, seed: seed &+ UInt64(index))
      return (result.totalReflectance, result.diffuseReflectanceError)
    }
  }
}
