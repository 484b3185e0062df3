import Foundation
import Testing

@testable import PigmentMatch

/// Kubelka–Munk with a collimated beam, checked against a different method: the same three-flux
/// equations integrated numerically (fourth-order Runge–Kutta, shooting on the unknown F₋(0)),
/// and against the properties the exact solution must have (splitting a layer in two changes
/// nothing; a thick layer is the semi-infinite medium; no scattering is Beer–Lambert).
@Suite("Kubelka–Munk with a collimated beam")
struct CollimatedKubelkaMunkTests {
  struct Medium: Sendable, CustomTestStringConvertible {
    let name: String
    let k: Double
    let s: Double
    let mua: Double
    let musp: Double
    var g = 0.8
    var testDescription: String { name }
    var constants: KubelkaMunk.Constants { KubelkaMunk.Constants(k: k, s: s) }
    var beam: CollimatedKubelkaMunk.Beam { .deltaEddington(absorption: mua, reducedScattering: musp, anisotropy: g) }
  }

  static let media: [Medium] = [
    // A light epidermis at 550 nm (µa ≈ 0.2, µs′ ≈ 3.8 mm⁻¹; K, S as the calibration gives them).
    Medium(name: "light epidermis", k: 0.27, s: 1.3, mua: 0.2, musp: 3.8),
    // A dark epidermis in the blue: absorption dominates, S almost 0.
    Medium(name: "dark epidermis", k: 30, s: 0.05, mua: 35, musp: 5.5),
    // Exactly resonant: β = √(K(K + 2S)) = √(2·4.5) = 3 = τ = µa + µs′.
    Medium(name: "resonant β = τ", k: 2, s: 1.25, mua: 1, musp: 2, g: 0),
    // Pigment layer with carbon black: K ≫ S.
    Medium(name: "carbon-black layer", k: 80, s: 3, mua: 40, musp: 8),
  ]

  /// Runge–Kutta on dF₊/dz = −(K + S)F₊ + S·F₋ + s_f·e^(−τz), dF₋/dz = (K + S)F₋ − S·F₊ −
  /// s_b·e^(−τz) from z = 0 with F₊(0) = 0 and F₋(0) = `top`: (F₊(X), F₋(X)).
  static func integrate(_ m: Medium, thickness x: Double, top: Double, steps: Int = 20000) -> (Double, Double) {
    let h = x / Double(steps)
    let beam = m.beam
    func derivative(_ z: Double, _ f: SIMD2<Double>) -> SIMD2<Double> {
      let light = exp(-beam.extinction * z)
      return SIMD2(
        -(m.k + m.s) * f.x + m.s * f.y + beam.forward * light, (m.k + m.s) * f.y - m.s * f.x - beam.backward * light)
    }
    var f = SIMD2(0, top)
    for i in 0..<steps {
      let z = Double(i) * h
      let d1 = derivative(z, f)
      let d2 = derivative(z + h / 2, f + h / 2 * d1)
      let d3 = derivative(z + h / 2, f + h / 2 * d2)
      let d4 = derivative(z + h, f + h * d3)
      f += h / 6 * (d1 + 2 * d2 + 2 * d3 + d4)
    }
    return (f.x, f.y)
  }

  /// The collimated reflectance and diffuse transmittance by shooting: F₋(X) − R_g·F₊(X) − R_gc·e^(−τX)
  /// is linear in F₋(0), so two integrations find the F₋(0) that meets the background.
  static func shoot(_ m: Medium, thickness x: Double, rg: Double, rgc: Double) -> (r: Double, t: Double) {
    let direct = exp(-m.beam.extinction * x)
    let zero = integrate(m, thickness: x, top: 0)
    let one = integrate(m, thickness: x, top: 1)
    let miss0 = zero.1 - rg * zero.0 - rgc * direct
    let miss1 = one.1 - rg * one.0 - rgc * direct
    let top = -miss0 / (miss1 - miss0)
    return (top, zero.0 + top * (one.0 - zero.0))
  }

  @Test("closed form equals the integrated three-flux equations", arguments: media)
  func closedFormMatchesIntegration(m: Medium) {
    // Thin enough that the shooting stays well conditioned (e^(βX) ≲ 10³).
    let x = min(0.1, 6 / (m.k * (m.k + 2 * m.s)).squareRoot())
    for (rg, rgc) in [(0.0, 0.0), (0.5, 0.6), (0.9, 0.3)] {
      let layer = CollimatedKubelkaMunk.layer(
        m.constants, beam: m.beam, thickness: x, background: rg,
        collimatedBackground: rgc)
      let reference = Self.shoot(m, thickness: x, rg: rg, rgc: rgc)
      #expect(abs(layer.collimatedReflectance - reference.r) < 1e-6, "R_c \(layer.collimatedReflectance) vs \(reference.r)")
      if rg == 0 && rgc == 0 {
        #expect(abs(layer.collimatedDiffuseTransmittance - reference.t) < 1e-6, "T_cd vs \(reference.t)")
      }
      #expect(abs(layer.directTransmittance - exp(-m.beam.extinction * x)) < 1e-15)
    }
  }

  @Test("a layer split in two and stacked is the same layer", arguments: media)
  func splitting(m: Medium) {
    let whole = CollimatedKubelkaMunk.layer(m.constants, beam: m.beam, thickness: 0.1)
    let top = CollimatedKubelkaMunk.layer(m.constants, beam: m.beam, thickness: 0.03)
    let bottom = CollimatedKubelkaMunk.layer(m.constants, beam: m.beam, thickness: 0.07)
    let stacked = CollimatedKubelkaMunk.stack(top: top, bottom: bottom)
    #expect(abs(stacked.collimatedReflectance - whole.collimatedReflectance) < 1e-9)
    #expect(abs(stacked.collimatedDiffuseTransmittance - whole.collimatedDiffuseTransmittance) < 1e-9)
    #expect(abs(stacked.directTransmittance - whole.directTransmittance) < 1e-12)
    #expect(abs(stacked.diffuse.reflectance - whole.diffuse.reflectance) < 1e-9)
    // Over a background: the layer over it, and the stack's reflectance over it, agree.
    let semi = CollimatedKubelkaMunk.semiInfinite(m.constants, beam: m.beam)
    let over = CollimatedKubelkaMunk.reflectance(whole, over: semi.diffuse, collimated: semi.collimated)
    let direct = CollimatedKubelkaMunk.layer(
      m.constants, beam: m.beam, thickness: 0.1, background: semi.diffuse,
      collimatedBackground: semi.collimated)
    #expect(abs(over.collimated - direct.collimatedReflectance) < 1e-9)
    // A medium over itself is itself.
    #expect(abs(over.collimated - semi.collimated) < 1e-9)
    #expect(abs(over.diffuse - semi.diffuse) < 1e-9)
  }

  @Test("a thick layer is the semi-infinite medium", arguments: media)
  func thickLayer(m: Medium) {
    let semi = CollimatedKubelkaMunk.semiInfinite(m.constants, beam: m.beam)
    let thick = CollimatedKubelkaMunk.layer(m.constants, beam: m.beam, thickness: 200)
    #expect(abs(thick.collimatedReflectance - semi.collimated) < 1e-9)
    #expect(abs(thick.diffuse.reflectance - semi.diffuse) < 1e-9)
  }

  /// Without scattering (µs′ = S = 0) the beam is Beer–Lambert and nothing is diffuse; with no
  /// absorption anywhere the light is conserved, R_c + T_cd + T_c = 1 (here K → 0: 1 − 10⁻⁶).
  @Test("limits: no scattering, and no absorption")
  func limits() {
    let absorber = CollimatedKubelkaMunk.layer(
      KubelkaMunk.Constants(k: 4, s: 0), beam: .deltaEddington(absorption: 2, reducedScattering: 0, anisotropy: 0.8),
      thickness: 0.3)
    #expect(absorber.collimatedReflectance == 0)
    #expect(absorber.collimatedDiffuseTransmittance == 0)
    #expect(abs(absorber.directTransmittance - exp(-0.6)) < 1e-15)
    let scatterer = CollimatedKubelkaMunk.layer(
      KubelkaMunk.Constants(k: 1e-9, s: 2),
      beam: .deltaEddington(absorption: 5e-10, reducedScattering: 2.5, anisotropy: 0.8), thickness: 0.4)
    let total = scatterer.collimatedReflectance + scatterer.collimatedDiffuseTransmittance
      + scatterer.directTransmittance
    #expect(abs(total - 1) < 1e-5, "R_c + T_cd + T_c = \(total)")
    // K = 0 exactly, or NaN: finite, and the lossless layer still conserves the light.
    for k in [0, Double.nan] {
      let lossless = CollimatedKubelkaMunk.layer(
        KubelkaMunk.Constants(k: k, s: 2), beam: .deltaEddington(absorption: 0, reducedScattering: 2.5, anisotropy: 0.8),
        thickness: 0.4)
      let sum = lossless.collimatedReflectance + lossless.collimatedDiffuseTransmittance + lossless.directTransmittance
      #expect(abs(sum - 1) < 1e-4, "K = \(k): \(lossless)")
      let semi = CollimatedKubelkaMunk.semiInfinite(
        KubelkaMunk.Constants(k: k, s: 2), beam: .deltaEddington(absorption: 0, reducedScattering: 2.5, anisotropy: 0.8))
      #expect(semi.collimated.isFinite && semi.collimated > 0.99, "\(semi)")
    }
  }

  /// δ-Eddington by hand, µa = 0.1, µs′ = 2 mm⁻¹, g = 0.8: µs* = 1.8·2 = 3.6, g* = 0.8/1.8 = 4/9,
  /// γ₃ = (2 − 4/3)/4 = 1/6, so back 0.6, forward 3.0, τ = 3.7; g = 0 splits µs′ half and half.
  @Test("δ-Eddington beam, by hand")
  func deltaEddington() {
    let beam = CollimatedKubelkaMunk.Beam.deltaEddington(absorption: 0.1, reducedScattering: 2, anisotropy: 0.8)
    #expect(abs(beam.extinction - 3.7) < 1e-12)
    #expect(abs(beam.backward - 0.6) < 1e-12)
    #expect(abs(beam.forward - 3.0) < 1e-12)
    let isotropic = CollimatedKubelkaMunk.Beam.deltaEddington(absorption: 0.1, reducedScattering: 2, anisotropy: 0)
    #expect(isotropic == CollimatedKubelkaMunk.Beam(extinction: 2.1, forward: 1, backward: 1))
  }

  /// Saunderson's correction with R_c = R is the usual one; with R_c ≠ R only the light as it enters
  /// changes: hand computation with K1 = 0.04, K2 = 0.6, R_c = 0.3, R = 0.5:
  /// 0.04 + 0.96·0.4·0.3/(1 − 0.3) = 0.20457…
  @Test("Saunderson for a collimated beam, by hand")
  func saunderson() {
    #expect(abs(KubelkaMunk.saunderson(collimated: 0.3, diffuse: 0.5, k1: 0.04, k2: 0.6) - (0.04 + 0.96 * 0.4 * 0.3 / 0.7)) < 1e-15)
    #expect(KubelkaMunk.saunderson(0.4, k1: 0.03, k2: 0.5) == KubelkaMunk.saunderson(collimated: 0.4, diffuse: 0.4, k1: 0.03, k2: 0.5))
  }
}
