import Foundation

/// Kubelka–Munk two-flux optics of pigmented layers: pure functions over one wavelength.
///
/// Units: K and S are absorption and scattering coefficients per unit length (here mm⁻¹ per unit
/// stock concentration), X is thickness in the same length unit, reflectances and transmittances
/// are in 0…1. Every function is finite for K, S ≥ 0 including the limits S → 0 (pure absorber)
/// and K → 0 (pure scatterer).
package enum KubelkaMunk {
  /// Optical constants of one layer at one wavelength: absorption K ≥ 0, scattering S ≥ 0.
  package struct Constants: Sendable, Equatable {
    /// Absorption coefficient K ≥ 0.
    package var k: Double
    /// Scattering coefficient S ≥ 0.
    package var s: Double
    /// K and S, both ≥ 0.
    package init(k: Double, s: Double) {
      self.k = k
      self.s = s
    }
  }

  /// Reflectance and transmittance of a layer.
  package struct LayerOptics: Sendable, Equatable {
    /// Diffuse reflectance R, 0…1.
    package var reflectance: Double
    /// Diffuse transmittance T, 0…1.
    package var transmittance: Double
    /// R and T in 0…1.
    package init(reflectance: Double, transmittance: Double) {
      self.reflectance = reflectance
      self.transmittance = transmittance
    }
  }

  /// Two-constant mixing: K = Σcᵢ·Kᵢ, S = Σcᵢ·Sᵢ (Duncan 1940; Allen 1980 §2); water has K = S = 0.
  ///
  /// - Parameters:
  ///   - concentrations: cᵢ ≥ 0, one per component.
  ///   - k: Kᵢ(λ) per unit concentration, one spectrum per component (equal lengths).
  ///   - s: Sᵢ(λ) per unit concentration, same shape as `k`.
  /// - Returns: the mixture's K(λ) and S(λ), same length as the component spectra.
  package static func mix(
    concentrations: [Double], k: [[Double]], s: [[Double]]
  ) -> (k: [Double], s: [Double]) {
    let count = k.first?.count ?? 0
    var mixK = [Double](repeating: 0, count: count)
    var mixS = [Double](repeating: 0, count: count)
    for (index, c) in concentrations.enumerated() where c != 0 && index < k.count {
      for l in 0..<count {
        mixK[l] += c * k[index][l]
        mixS[l] += c * s[index][l]
      }
    }
    return (mixK, mixS)
  }

  /// K/S from a reflectance at infinite thickness: K/S = (1 − R∞)²/(2R∞) (Kubelka & Munk 1931).
  ///
  /// R∞ is clamped to 1e-6…1; returns 0 for R∞ = 1.
  package static func kOverS(reflectanceInfinite r: Double) -> Double {
    let clamped = min(max(r, 1e-6), 1)
    return (1 - clamped) * (1 - clamped) / (2 * clamped)
  }

  /// Semi-infinite reflectance R∞ = 1 + K/S − √((K/S)² + 2K/S) (Kubelka & Munk 1931).
  ///
  /// Evaluated as 1/(1 + q + √(q² + 2q)), algebraically equal and free of cancellation, so S → 0
  /// gives R∞ → 0 and K = S = 0 gives 1 (a lossless medium returns all light). K, S ≥ 0.
  package static func reflectanceInfinite(_ c: Constants) -> Double {
    if c.k <= 0 { return 1 }
    if c.s <= 0 { return 0 }
    let q = c.k / c.s
    if q > 1e150 { return 0 }
    return 1 / (1 + q + (q * q + 2 * q).squareRoot())
  }

  /// Reflectance and transmittance of a layer of thickness X over a background R_g
  /// (Kubelka 1948, hyperbolic solution): R = (1 − R_g(a − b·coth bSX)) / (a − R_g + b·coth bSX),
  /// T = b / (a·sinh bSX + b·cosh bSX), a = 1 + K/S, b = √(a² − 1).
  ///
  /// Evaluated with K, S scaled by m = max(K, S) and β = √(k′(k′ + 2s′)) (k′ = K/m, s′ = S/m), so
  /// that bS = mβ, Y = bS·X, and with A = (k′ + s′)·tanh Y/β, B = s′·tanh Y/β:
  /// R = (B − R_g(A − 1)) / (A − R_g·B + 1), T = sech Y / (A + 1). Nothing overflows or divides by
  /// Y, S → 0 gives the Beer–Lambert limits R = R_g·e^(−2KX), T = e^(−KX), and K → 0 gives the pure
  /// scatterer R = (SX(1 − R_g) + R_g)/(1 + SX(1 − R_g)), T = 1/(1 + SX). K, S, X ≥ 0; R_g in 0…1.
  /// The transmittance is of the layer alone (no background).
  package static func layer(_ c: Constants, thickness x: Double, background rg: Double)
    -> LayerOptics
  {
    let k = c.k.isNaN ? 0 : max(c.k, 0)
    let s = c.s.isNaN ? 0 : max(c.s, 0)
    let x = x.isNaN ? 0 : max(x, 0)
    let m = max(k, s)
    guard m > 0, x > 0 else { return LayerOptics(reflectance: rg, transmittance: 1) }
    let kScaled = m.isFinite ? k / m : (k.isInfinite ? 1 : 0)
    let sScaled = m.isFinite ? s / m : (s.isInfinite ? 1 : 0)
    let beta = (kScaled * (kScaled + 2 * sScaled)).squareRoot()
    let reflectance: Double
    let transmittance: Double
    if beta == 0 {
      // Pure scatterer (K = 0).
      let sx = s * x
      if !sx.isFinite { return LayerOptics(reflectance: 1, transmittance: 0) }
      reflectance = (sx * (1 - rg) + rg) / (1 + sx * (1 - rg))
      transmittance = 1 / (1 + sx)
    } else {
      let y = m * beta * x
      let th = tanh(y)
      let a = (kScaled + sScaled) * th / beta
      let b = sScaled * th / beta
      reflectance = (b - rg * (a - 1)) / (a - rg * b + 1)
      transmittance = (y > 700 ? 0 : 1 / cosh(y)) / (a + 1)
    }
    return LayerOptics(
      reflectance: min(max(reflectance, 0), 1), transmittance: min(max(transmittance, 0), 1))
  }

  /// Two layers stacked, layer 1 on top: R₁₂ = R₁ + T₁²R₂/(1 − R₁R₂), T₁₂ = T₁T₂/(1 − R₁R₂)
  /// (Kubelka 1954, for layers that reflect alike from both sides).
  package static func stack(top: LayerOptics, bottom: LayerOptics) -> LayerOptics {
    let denominator = 1 - top.reflectance * bottom.reflectance
    guard denominator > 0 else { return LayerOptics(reflectance: 1, transmittance: 0) }
    return LayerOptics(
      reflectance: top.reflectance + top.transmittance * top.transmittance * bottom.reflectance
        / denominator,
      transmittance: top.transmittance * bottom.transmittance / denominator)
  }

  /// Saunderson surface correction, internal → measured: R_m = K1 + (1 − K1)(1 − K2)R / (1 − K2·R)
  /// (Saunderson 1942; Allen 1980). K1: external specular reflectance ((n − 1)/(n + 1))² ≈ 0.03
  /// for n ≈ 1.4; K2: internal reflectance of diffuse light ≈ 0.4–0.6. R in 0…1.
  package static func saunderson(_ r: Double, k1: Double, k2: Double) -> Double {
    saunderson(collimated: r, diffuse: r, k1: k1, k2: k2)
  }

  /// Saunderson's correction for a collimated beam: R_m = K1 + (1 − K1)(1 − K2)R_c / (1 − K2·R),
  /// where R_c is the internal reflectance for the light as it enters and R for the diffuse light
  /// the surface reflects back inside (Saunderson 1942; R_c = R gives ``saunderson(_:k1:k2:)``).
  package static func saunderson(collimated rc: Double, diffuse r: Double, k1: Double, k2: Double) -> Double {
    k1 + (1 - k1) * (1 - k2) * rc / (1 - k2 * r)
  }

  /// Inverse Saunderson correction, measured → internal: R = (R_m − K1) / ((1 − K1)(1 − K2) +
  /// K2(R_m − K1)) (Saunderson 1942). Clamped to 0…1.
  package static func inverseSaunderson(_ rm: Double, k1: Double, k2: Double) -> Double {
    let d = rm - k1
    let r = d / ((1 - k1) * (1 - k2) + k2 * d)
    return min(max(r, 0), 1)
  }

  /// Single-pigment K and S from masstone and tint with a white (two-constant method; Allen 1980
  /// §4): K_p = q_m·S_p, S_p = (1 − c)(K_w − q_t·S_w) / (c(q_t − q_m)), where q = K/S of each
  /// reflectance, c the pigment fraction in the tint, and the white's S_w = 1 (the unit of S).
  ///
  /// - Returns: nil when the tint is not lighter than the masstone (q_t ≥ q_m), which has no
  ///   physical two-constant solution.
  package static func constantsFromMasstoneAndTint(
    masstone: Double, tint: Double, white: Double, pigmentFraction c: Double
  ) -> Constants? {
    let qm = kOverS(reflectanceInfinite: masstone)
    let qt = kOverS(reflectanceInfinite: tint)
    let sw = 1.0
    let kw = kOverS(reflectanceInfinite: white) * sw
    guard c > 0, c < 1, qt < qm else { return nil }
    let sp = (1 - c) * (kw - qt * sw) / (c * (qt - qm))
    guard sp.isFinite, sp > 0 else { return nil }
    return Constants(k: qm * sp, s: sp)
  }
}
