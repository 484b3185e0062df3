import Colorimetry

/// The bare skin's CIELAB (D65, 2°) for parameter sets that differ from a remembered one in a few
/// parameters, as the skin fit's Jacobian probes do: at each wavelength the epidermis layer, the
/// dermis's R∞ and the scattering's shape are recomputed only when their own inputs changed, so
/// the colour (``SkinColourGeometry/specularIncluded``) is bit for bit that of
/// `SkinOptics(parameters:calibration:).skinLab`
/// (Saunderson(epidermis ⊕ R∞ of the dermis), ``SkinOptics``), without building the dot model or
/// any spectrum. A dermal-scattering probe then skips every epidermis layer, a melanin or thickness
/// probe every dermis, and a carotene probe the wavelengths carotene does not absorb.
struct BareSkinCache {
  /// The calibration of every colour this cache gives.
  let calibration: KubelkaMunkCalibration

  /// Scattering power of the remembered shapes (NaN: none).
  private var power = Double.nan
  private var shapes = [TissueOptics.ScatteringShape](repeating: .cached(.nan), count: Spectrum.count)
  /// Remembered epidermis inputs (µa, µs′, thickness) and layer, per wavelength.
  private var epidermisInputs = [SIMD3<Double>](repeating: SIMD3(repeating: .nan), count: Spectrum.count)
  private var epidermisLayers = [CollimatedKubelkaMunk.Layer](
    repeating: CollimatedKubelkaMunk.Layer(
      diffuse: KubelkaMunk.LayerOptics(reflectance: 0, transmittance: 0), collimatedReflectance: 0,
      collimatedDiffuseTransmittance: 0, directTransmittance: 0), count: Spectrum.count)
  /// Remembered dermis inputs (µa, µs′) and reflectances, per wavelength.
  private var dermisInputs = [SIMD2<Double>](repeating: SIMD2(repeating: .nan), count: Spectrum.count)
  private var dermisReflectances = [CollimatedKubelkaMunk.SemiInfinite](
    repeating: CollimatedKubelkaMunk.SemiInfinite(diffuse: 0, collimated: 0), count: Spectrum.count)

  /// The measuring geometry of every colour this cache gives (``SkinColourGeometry``).
  let geometry: SkinColourGeometry

  /// An empty cache for `calibration`, giving colours as `geometry` measures them.
  init(calibration: KubelkaMunkCalibration = .monteCarlo, geometry: SkinColourGeometry = .specularIncluded) {
    self.calibration = calibration
    self.geometry = geometry
  }

  /// The bare skin's CIELAB for `p`; with `remember`, `p`'s layers replace the remembered ones
  /// (the point the next probes vary), else the cache is left as it was.
  mutating func lab(_ p: SkinParameters, remember: Bool) -> Lab {
    let w = DotModel.d65Weights
    let k1 = SkinOptics.surfaceK1
    let excluded = k1 - geometry.surfaceReflectance
    let k2 = calibration.internalReflectance
    let samePower = p.scatteringPower == power
    if remember { power = p.scatteringPower }
    var x = 0.0
    var y = 0.0
    var z = 0.0
    for l in 0..<Spectrum.count {
      let shape = samePower ? shapes[l] : TissueOptics.scatteringShape(power: p.scatteringPower, at: l)
      let tissue = SkinTissue.sample(p, at: l, shape: shape)
      let epidermisInput = SIMD3(tissue.epidermisAbsorption, tissue.epidermisScattering, p.epidermisThickness)
      let epidermis =
        epidermisInput == epidermisInputs[l]
        ? epidermisLayers[l]
        : SkinOptics.epidermisLayer(
          absorption: epidermisInput.x, reducedScattering: epidermisInput.y, thickness: epidermisInput.z,
          calibration: calibration)
      let dermisInput = SIMD2(tissue.dermisAbsorption, tissue.dermisScattering)
      let dermis =
        dermisInput == dermisInputs[l]
        ? dermisReflectances[l]
        : SkinOptics.dermisReflectance(
          absorption: dermisInput.x, reducedScattering: dermisInput.y, calibration: calibration)
      if remember {
        shapes[l] = shape
        epidermisInputs[l] = epidermisInput
        epidermisLayers[l] = epidermis
        dermisInputs[l] = dermisInput
        dermisReflectances[l] = dermis
      }
      let r = SkinOptics.surface(epidermis, over: dermis, k1: k1, k2: k2) - excluded
      x += r * w.x[l]
      y += r * w.y[l]
      z += r * w.z[l]
    }
    return DotModel.lab(x: x, y: y, z: z)
  }
}
