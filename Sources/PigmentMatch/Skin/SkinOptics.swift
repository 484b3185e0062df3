import Colorimetry
import Foundation

/// A healed SMP dot seen through skin: [epidermis + upper papillary dermis] over [pigment layer
/// in the dermis] over [semi-infinite dermis], with Saunderson's surface correction.
///
/// Layers (DESIGN.md "Seen through skin"):
/// - Top, thickness ``SkinParameters/epidermisThickness`` (100 µm): melanin absorption
///   (`TissueOptics/epidermalAbsorption(melanosomeFraction:pheomelanin:)`, Jacques 1998) plus the papillary
///   capillaries' blood at the dermal fraction B, and Jacques' (2013) skin scattering.
/// - Optional extra dermis of ``SkinParameters/pigmentDepth`` (sinking pigment, ``FadeModel``),
///   bloodless (scattering and baseline absorption only).
/// - The pigment layer, thickness X = 0.1 mm: the dermis's own K, S **plus** the mixture's K, S
///   (two-constant mixing, Duncan 1940), so that water alone gives back the bare skin exactly.
/// - Semi-infinite dermis: blood (Prahl 1999 haemoglobin) and baseline absorption, scattering
///   scaled by ``SkinParameters/dermalScatteringScale``; R∞ (Kubelka & Munk 1931).
/// Layers are converted with K = κ·2µa, S = σ·(3/4)µs′ − (1/4)µa (van Gemert & Star 1987, with
/// κ, σ and K2 calibrated against Monte Carlo: `KubelkaMunkCalibration`), the
/// pigment layer is solved over the dermis by Kubelka's hyperbolic formula (Kubelka 1948), the
/// upper layers are stacked by R₁₂ = R₁ + T₁²R₂/(1 − R₁R₂) (Kubelka 1954), and the surface by
/// Saunderson (1942) with K1 = ((n − 1)/(n + 1))², n = 1.4, K2 = 0.5 (Allen 1980).
/// The light enters collimated, as under a lamp or the sun: each layer also carries the beam, which
/// decays by µa + µs′ and feeds the diffuse fluxes (Kubelka–Munk with a collimated beam,
/// `CollimatedKubelkaMunk`; Star, Marijnissen & van Gemert 1988), and the diffuse light the
/// surface reflects back inside meets the two-flux reflectance.
/// No hue is added by hand: the blue-grey of carbon black is the turbid epidermis over it.
public struct SkinOptics: DotOptics {
  /// The parameters this model was built from.
  public let parameters: SkinParameters
  /// The transport-to-Kubelka–Munk factors and surface K2 in use.
  package let calibration: KubelkaMunkCalibration
  /// Dermis µa and µs′, **mm⁻¹** (31 values each): the pigment layer adds the mixture to these.
  let dermisMua: [Double]
  let dermisMusp: [Double]
  /// Semi-infinite dermis: R∞ for diffuse and for collimated light (internal).
  let dermis: [CollimatedKubelkaMunk.SemiInfinite]
  /// The layers above the pigment (epidermis, then any extra dermis), over a black background.
  let cover: [CollimatedKubelkaMunk.Layer]
  /// The epidermis alone, over a black background (the bare skin between dots).
  let epidermis: [CollimatedKubelkaMunk.Layer]
  /// Saunderson constants.
  let k1: Double
  let k2: Double

  /// The model for `parameters` with the Monte Carlo calibration (``KubelkaMunkCalibration``).
  package init(
    parameters: SkinParameters, calibration: KubelkaMunkCalibration = .monteCarlo
  ) {
    self.parameters = parameters
    self.calibration = calibration
    let p = parameters
    let c = calibration
    k1 = Self.surfaceK1
    k2 = c.internalReflectance
    let tissue = (0..<Spectrum.count).map { SkinTissue.sample(p, at: $0) }
    dermisMua = tissue.map { $0.dermisAbsorption / 10 }
    dermisMusp = tissue.map { $0.dermisScattering / 10 }
    dermis = tissue.map {
      Self.dermisReflectance(absorption: $0.dermisAbsorption, reducedScattering: $0.dermisScattering, calibration: c)
    }
    let top = tissue.map {
      Self.epidermisLayer(
        absorption: $0.epidermisAbsorption, reducedScattering: $0.epidermisScattering,
        thickness: p.epidermisThickness, calibration: c)
    }
    epidermis = top
    cover = (0..<Spectrum.count).map { l in
      let top = top[l]
      guard p.pigmentDepth > 0 else { return top }
      let mua = tissue[l].bloodlessAbsorption
      let musp = tissue[l].dermisScattering
      let slab = CollimatedKubelkaMunk.layer(
        c.dermis(absorption: mua, reducedScattering: musp), beam: Self.beam(absorption: mua / 10, reducedScattering: musp / 10),
        thickness: p.pigmentDepth)
      return CollimatedKubelkaMunk.stack(top: top, bottom: slab)
    }
  }

  /// Saunderson K1 of the skin surface (n = 1.4), as ``NeutralDermisDotOptics`` has it.
  static let surfaceK1 = NeutralDermisDotOptics().k1

  /// The bare skin's epidermis at one wavelength, over a black background, from its µa and µs′
  /// there (cm⁻¹) and its thickness (mm), for diffuse and collimated light (`CollimatedKubelkaMunk`).
  static func epidermisLayer(
    absorption: Double, reducedScattering: Double, thickness: Double, calibration c: KubelkaMunkCalibration
  ) -> CollimatedKubelkaMunk.Layer {
    CollimatedKubelkaMunk.layer(
      c.epidermis(absorption: absorption, reducedScattering: reducedScattering),
      beam: beam(absorption: absorption / 10, reducedScattering: reducedScattering / 10), thickness: thickness)
  }

  /// The semi-infinite dermis's reflectance at one wavelength for diffuse light (R∞, Kubelka & Munk
  /// 1931) and for collimated light (`CollimatedKubelkaMunk`), from its µa and µs′ there (cm⁻¹).
  static func dermisReflectance(absorption: Double, reducedScattering: Double, calibration c: KubelkaMunkCalibration)
    -> CollimatedKubelkaMunk.SemiInfinite
  {
    CollimatedKubelkaMunk.semiInfinite(
      c.dermis(absorption: absorption, reducedScattering: reducedScattering),
      beam: beam(absorption: absorption / 10, reducedScattering: reducedScattering / 10))
  }

  /// The light beam in a tissue of µa, µs′ (mm⁻¹): δ-Eddington with the tissue's anisotropy
  /// (`CollimatedKubelkaMunk/Beam/deltaEddington(absorption:reducedScattering:anisotropy:)`).
  static func beam(absorption: Double, reducedScattering: Double) -> CollimatedKubelkaMunk.Beam {
    .deltaEddington(absorption: absorption, reducedScattering: reducedScattering, anisotropy: TissueOptics.anisotropy)
  }

  /// The same skin with the pigment layer `depth` mm deeper (sinking; ``FadeModel``).
  public func sunk(by depth: Double) -> SkinOptics {
    var p = parameters
    p.pigmentDepth += max(depth, 0)
    return SkinOptics(parameters: p, calibration: calibration)
  }

  /// The same skin with the melanosome fraction multiplied by `factor` (hyperpigmentation halo).
  public func withMelanin(times factor: Double) -> SkinOptics {
    var p = parameters
    p.melanosomeFraction = min(max(p.melanosomeFraction * factor, 0), 1)
    return SkinOptics(parameters: p, calibration: calibration)
  }

  /// Measured dot reflectance: Saunderson(cover ⊕ layer(dermis + pigment, X) over R∞). The
  /// pigment's K, S (mm⁻¹) are turned into µa = K/2 and µs′ = (S + K/8)/(3/4)
  /// (`TissueOptics.transport(k:s:)`), added to the dermis's, and converted back with the calibration: with
  /// κ = σ = 1 this is the dermis's K, S plus the mixture's (two-constant mixing, Duncan 1940).
  public func dotReflectance(k: [Double], s: [Double]) -> [Double] {
    var result = [Double](repeating: 0, count: Spectrum.count)
    let kappa = calibration.dermisAbsorption
    let sigma = calibration.dermisScattering
    for l in 0..<Spectrum.count {
      let added = TissueOptics.transport(k: k[l], s: s[l])
      let mua = dermisMua[l] + added.absorption
      let musp = dermisMusp[l] + added.reducedScattering
      let pigment = CollimatedKubelkaMunk.layer(
        KubelkaMunk.Constants(k: kappa * 2 * mua, s: max(0, sigma * 0.75 * musp - 0.25 * mua)),
        beam: Self.beam(absorption: mua, reducedScattering: musp), thickness: parameters.pigmentLayerThickness,
        background: dermis[l].diffuse, collimatedBackground: dermis[l].collimated)
      result[l] = surface(
        cover[l],
        over: CollimatedKubelkaMunk.SemiInfinite(
          diffuse: pigment.diffuse.reflectance, collimated: pigment.collimatedReflectance))
    }
    return result
  }

  /// The bare skin: Saunderson(epidermis ⊕ R∞ of the dermis); unchanged by a sunk pigment layer.
  public var skinReflectance: [Double] {
    (0..<Spectrum.count).map { surface(epidermis[$0], over: dermis[$0]) }
  }

  /// The bare skin's CIELAB (D65, 2°).
  public var skinLab: Lab { DotModel.lab(ofReflectance: skinReflectance) }

  private func surface(_ top: CollimatedKubelkaMunk.Layer, over r: CollimatedKubelkaMunk.SemiInfinite) -> Double {
    Self.surface(top, over: r, k1: k1, k2: k2)
  }

  /// Saunderson(top ⊕ a background of internal reflectance `r`), lit by a collimated beam: the
  /// light comes in collimated, and what the surface reflects back inside is diffuse.
  static func surface(
    _ top: CollimatedKubelkaMunk.Layer, over r: CollimatedKubelkaMunk.SemiInfinite, k1: Double, k2: Double
  ) -> Double {
    let stacked = CollimatedKubelkaMunk.reflectance(top, over: r.diffuse, collimated: r.collimated)
    return KubelkaMunk.saunderson(collimated: stacked.collimated, diffuse: stacked.diffuse, k1: k1, k2: k2)
  }
}
