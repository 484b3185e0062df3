import Foundation
import Testing

@testable import PigmentMatch

/// Statistical tolerance of a Monte Carlo estimate: 4 standard errors (a false failure about once
/// in 16 000 runs; the seeds are fixed, so a run is reproducible) plus the quoted precision of
/// the reference value.
private func tolerance(_ standardError: Double, reference precision: Double = 0) -> Double {
  4 * standardError + precision
}

/// Chandrasekhar's H-function for isotropic scattering with single-scattering albedo ϖ, at µ,
/// from 1/H(µ) = √(1 − ϖ) + (ϖ/2)∫₀¹ µ′H(µ′)/(µ + µ′) dµ′ (Chandrasekhar 1960, "Radiative
/// Transfer", eq. V.(41)), solved by iteration on a 200-point Gauss–Legendre-free midpoint grid.
/// An oracle independent of any Monte Carlo.
private func chandrasekharH(albedo w: Double, at mu: Double) -> Double {
  let n = 400
  let nodes = (0..<n).map { (Double($0) + 0.5) / Double(n) }
  var h = [Double](repeating: 1, count: n)
  func evaluate(_ x: Double, _ h: [Double]) -> Double {
    var integral = 0.0
    for j in 0..<n { integral += nodes[j] * h[j] / (x + nodes[j]) }
    integral /= Double(n)
    return 1 / ((1 - w).squareRoot() + w / 2 * integral)
  }
  for _ in 0..<200 { h = nodes.map { evaluate($0, h) } }
  return evaluate(mu, h)
}

@Suite("Monte Carlo transport (MCML)")
struct MonteCarloTransportTests {
  /// Wang, Jacques & Zheng (1995), table 2, quoting van de Hulst (1980): a matched slab
  /// (n = 1 inside and out) with µa = 10 cm⁻¹, µs = 90 cm⁻¹, g = 0.75, d = 0.02 cm (optical
  /// thickness 2, albedo 0.9) has total diffuse reflectance 0.09739 and total transmittance
  /// 0.66096 (four-figure tabulated values).
  @Test("slab: van de Hulst's Rd and Tt")
  func vanDeHulstSlab() {
    let slab = LayeredMedium(layers: [
      TurbidLayer(thickness: 0.02, absorption: 10, scattering: 90, anisotropy: 0.75, refractiveIndex: 1)
    ])
    let result = MonteCarloTransport.run(slab, photons: 20_000, seed: 7)
    #expect(result.specularReflectance == 0)
    #expect(abs(result.diffuseReflectance - 0.09739) <= tolerance(result.diffuseReflectanceError, reference: 5e-5),
      "Rd \(result.diffuseReflectance) ± \(result.diffuseReflectanceError)")
    #expect(abs(result.transmittance - 0.66096) <= tolerance(result.transmittanceError, reference: 5e-5),
      "Tt \(result.transmittance) ± \(result.transmittanceError)")
    // Energy: reflected + transmitted + absorbed = 1 (roulette is unbiased only on average).
    let total = result.diffuseReflectance + result.transmittance + result.absorbed
    #expect(abs(total - 1) < 0.01)
  }

  /// A semi-infinite isotropic scatterer with a matched boundary, normal incidence: the plane
  /// albedo is 1 − H(1)·√(1 − ϖ) (Chandrasekhar 1960), computed here from the H-equation.
  @Test("semi-infinite isotropic medium: Chandrasekhar's plane albedo", arguments: [0.5, 0.9, 0.99])
  func semiInfinite(albedo: Double) {
    let expected = 1 - chandrasekharH(albedo: albedo, at: 1) * (1 - albedo).squareRoot()
    let medium = LayeredMedium(layers: [
      TurbidLayer(
        thickness: .infinity, absorption: 100 * (1 - albedo), scattering: 100 * albedo,
        anisotropy: 0, refractiveIndex: 1)
    ])
    let result = MonteCarloTransport.run(medium, photons: 10_000, seed: 11)
    #expect(result.transmittance == 0)
    // 0.002: the midpoint quadrature of the oracle.
    #expect(abs(result.diffuseReflectance - expected) <= tolerance(result.diffuseReflectanceError, reference: 0.002),
      "albedo \(albedo): Rd \(result.diffuseReflectance) ± \(result.diffuseReflectanceError), expected \(expected)")
  }

  /// A clear absorbing slab of index 1.5 in air at normal incidence: multiple reflections between
  /// its faces give R = r + (1 − r)²·r·t²/(1 − r²t²) and T = (1 − r)²·t/(1 − r²t²), with
  /// r = ((n − 1)/(n + 1))² and t = e^(−µa·d) (geometric series of internal reflections).
  @Test("index-mismatched absorbing slab: Fresnel series")
  func mismatchedSlab() {
    let n = 1.5
    let r = ((n - 1) / (n + 1)) * ((n - 1) / (n + 1))
    let t = exp(-10.0 * 0.05)
    let expectedR = r + (1 - r) * (1 - r) * r * t * t / (1 - r * r * t * t)
    let expectedT = (1 - r) * (1 - r) * t / (1 - r * r * t * t)
    let slab = LayeredMedium(layers: [
      TurbidLayer(thickness: 0.05, absorption: 10, scattering: 0, anisotropy: 0, refractiveIndex: n)
    ])
    let result = MonteCarloTransport.run(slab, photons: 40_000, seed: 3)
    #expect(abs(result.specularReflectance - r) < 1e-15)
    #expect(abs(result.totalReflectance - expectedR) <= tolerance(result.diffuseReflectanceError, reference: 1e-4))
    #expect(abs(result.transmittance - expectedT) <= tolerance(result.transmittanceError, reference: 1e-4))
  }

  /// Fresnel against the s- and p-polarised amplitude forms (Born & Wolf §1.5.2) at oblique
  /// incidence, and total internal reflection beyond the critical angle.
  @Test("Fresnel reflectance of unpolarised light", arguments: [10.0, 30.0, 45.0, 60.0, 80.0])
  func fresnel(degrees: Double) {
    let (n1, n2) = (1.0, 1.4)
    let ci = cos(degrees * .pi / 180)
    let st = sin(degrees * .pi / 180) * n1 / n2
    let ct = (1 - st * st).squareRoot()
    let rs = pow((n1 * ci - n2 * ct) / (n1 * ci + n2 * ct), 2)
    let rp = pow((n1 * ct - n2 * ci) / (n1 * ct + n2 * ci), 2)
    let got = Fresnel.reflectance(cosIncident: ci, from: n1, to: n2)
    #expect(abs(got.reflectance - (rs + rp) / 2) < 1e-12)
    #expect(abs(got.cosTransmitted - ct) < 1e-12)
    // From inside: beyond asin(1/1.4) ≈ 45.6° everything is reflected.
    let inside = Fresnel.reflectance(cosIncident: ci, from: n2, to: n1)
    if degrees > asin(n1 / n2) * 180 / .pi { #expect(inside.reflectance == 1) }
    else { #expect(inside.reflectance < 1) }
  }

  @Test("a fixed seed reproduces the run; another seed differs within the error")
  func deterministic() {
    let slab = LayeredMedium(layers: [
      TurbidLayer(thickness: 0.02, absorption: 10, scattering: 90, anisotropy: 0.75, refractiveIndex: 1.4)
    ])
    let a = MonteCarloTransport.run(slab, photons: 2000, seed: 5)
    let b = MonteCarloTransport.run(slab, photons: 2000, seed: 5)
    let c = MonteCarloTransport.run(slab, photons: 2000, seed: 6)
    #expect(a == b)
    #expect(a.diffuseReflectance != c.diffuseReflectance)
    #expect(abs(a.diffuseReflectance - c.diffuseReflectance) < 6 * a.diffuseReflectanceError + 0.01)
  }
}
