/// One homogeneous, laterally infinite layer of a turbid medium, in the units of MCML (Wang,
/// Jacques & Zheng 1995): lengths in **cm**, coefficients in **cm⁻¹**.
package struct TurbidLayer: Sendable, Equatable {
  /// Thickness, cm (> 0; `.infinity` for a semi-infinite bottom layer).
  package var thickness: Double
  /// Absorption coefficient µa ≥ 0, cm⁻¹.
  package var absorption: Double
  /// Scattering coefficient µs ≥ 0, cm⁻¹ (not the reduced µs′ = µs(1 − g)).
  package var scattering: Double
  /// Henyey–Greenstein anisotropy g, −1 < g < 1.
  package var anisotropy: Double
  /// Refractive index n ≥ 1.
  package var refractiveIndex: Double

  /// A layer; non-finite or negative inputs are clamped to a valid layer (thickness ≥ 0 or ∞,
  /// coefficients ≥ 0, |g| ≤ 0.999, n ≥ 1).
  package init(
    thickness: Double, absorption: Double, scattering: Double, anisotropy: Double,
    refractiveIndex: Double
  ) {
    self.thickness = thickness.isNaN ? 0 : max(thickness, 0)
    self.absorption = absorption.isFinite ? max(absorption, 0) : 0
    self.scattering = scattering.isFinite ? max(scattering, 0) : 0
    self.anisotropy = anisotropy.isFinite ? min(max(anisotropy, -0.999), 0.999) : 0
    self.refractiveIndex = refractiveIndex.isFinite ? max(refractiveIndex, 1) : 1
  }

  /// The layer with reduced scattering µs′ (cm⁻¹) turned into µs = µs′/(1 − g).
  package init(
    thickness: Double, absorption: Double, reducedScattering: Double, anisotropy: Double,
    refractiveIndex: Double
  ) {
    let g = anisotropy.isFinite ? min(max(anisotropy, -0.999), 0.999) : 0
    self.init(
      thickness: thickness, absorption: absorption, scattering: reducedScattering / (1 - g),
      anisotropy: g, refractiveIndex: refractiveIndex)
  }
}

/// A stack of ``TurbidLayer``s, top first, between two clear half-spaces (usually air).
package struct LayeredMedium: Sendable, Equatable {
  /// The layers, top first (at least one).
  package var layers: [TurbidLayer]
  /// Refractive index of the medium above the top surface (air: 1).
  package var indexAbove: Double
  /// Refractive index of the medium below the bottom layer (ignored when it is semi-infinite).
  package var indexBelow: Double

  /// A medium; `layers` must not be empty for a simulation to run.
  package init(layers: [TurbidLayer], indexAbove: Double = 1, indexBelow: Double = 1) {
    self.layers = layers
    self.indexAbove = indexAbove
    self.indexBelow = indexBelow
  }
}
