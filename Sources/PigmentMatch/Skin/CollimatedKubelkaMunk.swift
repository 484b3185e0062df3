import Foundation

/// Kubelka–Munk with a collimated beam (three-flux): what a layer of tissue does with light that
/// enters it collimated, as the skin is lit, at one wavelength.
///
/// Fluxes, depth z downward: the collimated irradiance I(z) = e^(−τz) and the two diffuse fluxes
/// F₊ (down) and F₋ (up) of Kubelka–Munk,
///   dF₊/dz = −(K + S)F₊ + S·F₋ + s_f·I,   −dF₋/dz = −(K + S)F₋ + S·F₊ + s_b·I
/// (Star, Marijnissen & van Gemert 1988, Phys. Med. Biol. 33:437, "Kubelka–Munk with a collimated
/// beam"; Maheu, Letoulouzan & Gouesbet 1984, Appl. Opt. 23:3353, the collimated/diffuse split):
/// the beam's attenuation τ and what its scattering feeds forward (s_f) and back (s_b) are
/// ``Beam``; K and S are the layer's diffuse Kubelka–Munk constants (``TissueOptics`` /
/// ``KubelkaMunkCalibration``), all in mm⁻¹.
///
/// Solution: a particular part (A, B)·e^(−τz) plus the two Kubelka–Munk modes e^(∓βz),
/// β = √(K(K + 2S)), whose flux ratios are R∞ and 1/R∞ (Kubelka & Munk 1931).
package enum CollimatedKubelkaMunk {
  /// The collimated beam in a layer: its extinction τ and the parts of it scattered into the
  /// forward and the backward diffuse flux, per unit length (mm⁻¹).
  package struct Beam: Sendable, Equatable {
    /// τ: what leaves the beam per unit length.
    package var extinction: Double
    /// s_f: what the beam scatters into the downward diffuse flux.
    package var forward: Double
    /// s_b: what the beam scatters into the upward diffuse flux.
    package var backward: Double

    /// The three as given.
    package init(extinction: Double, forward: Double, backward: Double) {
      self.extinction = extinction
      self.forward = forward
      self.backward = backward
    }

    /// The δ-Eddington beam of a medium with absorption µa, reduced scattering µs′ (mm⁻¹) and
    /// Henyey–Greenstein anisotropy g (Joseph, Wiscombe & Weinman 1976, J. Atmos. Sci. 33:2452):
    /// the forward peak f = g² stays in the beam, so µs* = (1 − f)µs = (1 + g)µs′ leaves it,
    /// τ = µa + µs*, with the rest's anisotropy g* = g/(1 + g); of µs*, the share
    /// γ₃ = (2 − 3g*)/4 goes into the backward hemisphere for a beam at normal incidence
    /// (Eddington phase function; Meador & Weaver 1980, J. Atmos. Sci. 37:630, table 1), 1 − γ₃
    /// forward. g = 0 gives isotropic scattering, half each way.
    package static func deltaEddington(absorption mua: Double, reducedScattering musp: Double, anisotropy g: Double)
      -> Beam
    {
      let scattered = (1 + g) * musp
      let back = (2 - 3 * g / (1 + g)) / 4
      return Beam(extinction: mua + scattered, forward: (1 - back) * scattered, backward: back * scattered)
    }
  }

  /// A layer under collimated and diffuse light.
  package struct Layer: Sendable, Equatable {
    /// Diffuse reflectance and transmittance (two-flux, ``KubelkaMunk/layer(_:thickness:background:)``).
    package var diffuse: KubelkaMunk.LayerOptics
    /// Collimated light in, diffuse light out of the top (with the background, if any).
    package var collimatedReflectance: Double
    /// Collimated light in, diffuse light out of the bottom (the layer alone).
    package var collimatedDiffuseTransmittance: Double
    /// Collimated light through unscattered, e^(−τX).
    package var directTransmittance: Double

    /// The four values as given.
    package init(
      diffuse: KubelkaMunk.LayerOptics, collimatedReflectance: Double, collimatedDiffuseTransmittance: Double,
      directTransmittance: Double
    ) {
      self.diffuse = diffuse
      self.collimatedReflectance = collimatedReflectance
      self.collimatedDiffuseTransmittance = collimatedDiffuseTransmittance
      self.directTransmittance = directTransmittance
    }
  }

  /// A semi-infinite medium: diffuse R∞ and the collimated reflectance R_c∞ = B − R∞·A (the
  /// solution above as X → ∞).
  package struct SemiInfinite: Sendable, Equatable {
    /// R∞ for diffuse light (Kubelka & Munk 1931).
    package var diffuse: Double
    /// Reflectance for collimated light.
    package var collimated: Double
  }

  /// The semi-infinite medium of constants `c` and beam `beam`.
  package static func semiInfinite(_ c: KubelkaMunk.Constants, beam: Beam) -> SemiInfinite {
    let c = absorbing(c)
    let rInf = KubelkaMunk.reflectanceInfinite(c)
    let value = averagedOffResonance(c, beam) { beam in
      let (a, b) = particular(c, beam)
      return b - rInf * a
    }
    return SemiInfinite(diffuse: rInf, collimated: min(max(value, 0), 1))
  }

  /// A layer of constants `c`, beam `beam` and thickness X (mm) over a background
  /// that reflects diffuse light by `rg` and collimated light by `rgc`: F₊(0) = 0 and
  /// F₋(X) = R_g·F₊(X) + R_gc·I(X). The reflectances include the background; the transmittances
  /// are of the layer alone (as in ``KubelkaMunk/layer(_:thickness:background:)``).
  package static func layer(
    _ c: KubelkaMunk.Constants, beam: Beam, thickness x: Double, background rg: Double = 0,
    collimatedBackground rgc: Double = 0
  ) -> Layer {
    let c = absorbing(c)
    let diffuse = KubelkaMunk.layer(c, thickness: x, background: rg)
    let tau = beam.extinction
    guard x > 0, tau > 0 else {
      return Layer(
        diffuse: diffuse, collimatedReflectance: rgc, collimatedDiffuseTransmittance: 0, directTransmittance: 1)
    }
    let rInf = KubelkaMunk.reflectanceInfinite(c)
    let beta = (c.k * (c.k + 2 * c.s)).squareRoot()
    let e = exp(-beta * x)
    let reflected = averagedOffResonance(c, beam) { beam in
      let (a, b) = particular(c, beam)
      let et = exp(-beam.extinction * x)
      let q =
        (et * (rg * a + rgc - b) + a * e * (rInf - rg)) / ((1 - rg * rInf) - rInf * e * e * (rInf - rg))
      let p = -a - rInf * e * q
      return rInf * p + q * e + b
    }
    let transmitted = averagedOffResonance(c, beam) { beam in
      let (a, b) = particular(c, beam)
      let et = exp(-beam.extinction * x)
      let q = (a * e * rInf - b * et) / (1 - rInf * rInf * e * e)
      let p = -a - rInf * e * q
      return p * e + rInf * q + a * et
    }
    return Layer(
      diffuse: diffuse, collimatedReflectance: min(max(reflected, 0), 1),
      collimatedDiffuseTransmittance: min(max(transmitted, 0), 1), directTransmittance: exp(-tau * x))
  }

  /// Two layers, `top` over `bottom`, with the diffuse light between them reflected back and forth
  /// (Kubelka 1954): the collimated light reaching the bottom is e^(−τ₁X₁) of the top's beam plus
  /// the top's diffuse transmittance, U = (T_c1·R_c2 + T_cd1·R₂)/(1 − R₁R₂) returns up through the top.
  package static func stack(top: Layer, bottom: Layer) -> Layer {
    let r1 = top.diffuse.reflectance
    let r2 = bottom.diffuse.reflectance
    let denominator = 1 - r1 * r2
    guard denominator > 0 else {
      return Layer(
        diffuse: KubelkaMunk.stack(top: top.diffuse, bottom: bottom.diffuse), collimatedReflectance: 1,
        collimatedDiffuseTransmittance: 0, directTransmittance: 0)
    }
    let up =
      (top.directTransmittance * bottom.collimatedReflectance + top.collimatedDiffuseTransmittance * r2)
      / denominator
    let down = top.collimatedDiffuseTransmittance + r1 * up
    return Layer(
      diffuse: KubelkaMunk.stack(top: top.diffuse, bottom: bottom.diffuse),
      collimatedReflectance: top.collimatedReflectance + top.diffuse.transmittance * up,
      collimatedDiffuseTransmittance: top.directTransmittance * bottom.collimatedDiffuseTransmittance
        + bottom.diffuse.transmittance * down,
      directTransmittance: top.directTransmittance * bottom.directTransmittance)
  }

  /// `top` over a background that reflects diffuse light by `r` and collimated light by `rc`
  /// (nothing goes through it): the stack's reflectance for collimated and for diffuse light.
  package static func reflectance(_ top: Layer, over r: Double, collimated rc: Double) -> (
    collimated: Double, diffuse: Double
  ) {
    let background = Layer(
      diffuse: KubelkaMunk.LayerOptics(reflectance: r, transmittance: 0), collimatedReflectance: rc,
      collimatedDiffuseTransmittance: 0, directTransmittance: 0)
    let stacked = stack(top: top, bottom: background)
    return (stacked.collimatedReflectance, stacked.diffuse.reflectance)
  }

  /// `c` with K at least 10⁻⁹ mm⁻¹ and S ≥ 0 (NaN as 0): the modes need K > 0 (at K = 0, R∞ = 1
  /// and β = 0 make them one); tissue always absorbs, and 10⁻⁹ mm⁻¹ changes no colour.
  private static func absorbing(_ c: KubelkaMunk.Constants) -> KubelkaMunk.Constants {
    KubelkaMunk.Constants(k: c.k > 1e-9 ? c.k : 1e-9, s: c.s > 0 ? c.s : 0)
  }

  /// The particular solution's amplitudes (A, B) for F₊ = A·e^(−τz), F₋ = B·e^(−τz):
  /// (K + S − τ)A − S·B = s_f, −S·A + (K + S + τ)B = s_b, determinant β² − τ² (Cramer).
  private static func particular(_ c: KubelkaMunk.Constants, _ beam: Beam) -> (Double, Double) {
    let ks = c.k + c.s
    let tau = beam.extinction
    let determinant = c.k * (c.k + 2 * c.s) - tau * tau
    return (
      (beam.forward * (ks + tau) + c.s * beam.backward) / determinant,
      ((ks - tau) * beam.backward + c.s * beam.forward) / determinant
    )
  }

  /// Relative distance from the resonance β = τ within which `value` is averaged at τ(1 ± δ).
  private static let resonanceWidth = 1e-5

  /// `value(beam)`, or, within ``resonanceWidth`` of β = τ (where A and B diverge and the modes
  /// cancel them), the mean of `value` with τ(1 ± δ), δ = 10⁻⁴: the solution is smooth in τ, so
  /// the mean differs from the limit by O(δ²).
  private static func averagedOffResonance(
    _ c: KubelkaMunk.Constants, _ beam: Beam, _ value: (Beam) -> Double
  ) -> Double {
    let beta = (c.k * (c.k + 2 * c.s)).squareRoot()
    let tau = beam.extinction
    guard abs(beta - tau) < resonanceWidth * tau else { return value(beam) }
    var above = beam
    var below = beam
    above.extinction = tau * (1 + 10 * resonanceWidth)
    below.extinction = tau * (1 - 10 * resonanceWidth)
    return (value(above) + value(below)) / 2
  }
}
