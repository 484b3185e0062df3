import Foundation

/// Steady-state Monte Carlo of light in a layered turbid medium: MCML (L. Wang, S. L. Jacques &
/// L. Zheng 1995, "MCML — Monte Carlo modeling of light transport in multi-layered tissues",
/// Comput. Methods Programs Biomed. 47:131–146), written from the paper's description.
///
/// A pencil beam falls normally on the top surface. Each photon packet enters with weight
/// 1 − Rsp, takes exponential steps s = −ln ξ/µt (µt = µa + µs) with the unfinished step carried
/// across layer boundaries in units of optical depth, deposits the fraction µa/µt of its weight at
/// each interaction ("implicit capture"), scatters by the Henyey–Greenstein phase function, meets
/// every boundary with the Fresnel reflectance of unpolarised light (all-or-none: reflected when
/// ξ ≤ R, else refracted by Snell's law or escaping), and below a weight of 10⁻⁴ plays Russian
/// roulette (survives with chance 1/10 at ten times its weight). Deterministic for a given seed
/// (``SplitMix64``). A test oracle and a bench stage: not used in the fitting or blend hot path.
package enum MonteCarloTransport {
  /// Weight below which a packet plays Russian roulette (Wang et al. 1995: 10⁻⁴).
  package static let rouletteThreshold = 1e-4
  /// Survival chance in the roulette (Wang et al. 1995: m = 10, so 1/10).
  package static let rouletteSurvival = 0.1

  /// Runs `photons` packets through `medium` with the generator seeded by `seed`.
  /// An empty medium reflects nothing back diffusely and transmits everything.
  package static func run(_ medium: LayeredMedium, photons: Int, seed: UInt64) -> MonteCarloResult {
    let layers = medium.layers
    let count = max(photons, 0)
    guard let first = layers.first, count > 0 else {
      return MonteCarloResult(
        photons: count, specularReflectance: 0, diffuseReflectance: 0, diffuseReflectanceError: 0,
        transmittance: 1, transmittanceError: 0, absorbed: 0)
    }
    // Layer boundaries, z downward from the surface at 0.
    var tops = [Double](repeating: 0, count: layers.count)
    var bottoms = [Double](repeating: 0, count: layers.count)
    var depth = 0.0
    for (i, layer) in layers.enumerated() {
      tops[i] = depth
      depth += layer.thickness
      bottoms[i] = depth
    }
    let rsp = Fresnel.reflectance(cosIncident: 1, from: medium.indexAbove, to: first.refractiveIndex)
      .reflectance
    var rng = SplitMix64(seed: seed)
    var sumR = 0.0
    var sumR2 = 0.0
    var sumT = 0.0
    var sumT2 = 0.0
    var sumA = 0.0
    for _ in 0..<count {
      let packet = trace(
        layers: layers, tops: tops, bottoms: bottoms, indexAbove: medium.indexAbove,
        indexBelow: medium.indexBelow, weight: 1 - rsp, rng: &rng)
      sumR += packet.reflected
      sumR2 += packet.reflected * packet.reflected
      sumT += packet.transmitted
      sumT2 += packet.transmitted * packet.transmitted
      sumA += packet.absorbed
    }
    let n = Double(count)
    let error = { (sum: Double, sum2: Double) -> Double in
      let mean = sum / n
      return (max(sum2 / n - mean * mean, 0) / n).squareRoot()
    }
    return MonteCarloResult(
      photons: count, specularReflectance: rsp, diffuseReflectance: sumR / n,
      diffuseReflectanceError: error(sumR, sumR2), transmittance: sumT / n,
      transmittanceError: error(sumT, sumT2), absorbed: sumA / n)
  }

  /// One packet from entry to escape or death: the weight it carried out of the top and the
  /// bottom, and the weight it deposited.
  static func trace(
    layers: [TurbidLayer], tops: [Double], bottoms: [Double], indexAbove: Double,
    indexBelow: Double, weight start: Double, rng: inout SplitMix64
  ) -> (reflected: Double, transmitted: Double, absorbed: Double) {
    var w = start
    var z = 0.0
    var ux = 0.0
    var uy = 0.0
    var uz = 1.0
    var layer = 0
    var stepLeft = 0.0  // unfinished step, dimensionless (optical depth)
    var absorbed = 0.0
    while true {
      let current = layers[layer]
      let mut = current.absorption + current.scattering
      // Step size (Wang et al. 1995 §3.4): s = −ln ξ / µt, or the carried-over remainder.
      var s: Double
      if mut <= 0 {
        if uz == 0 { return (0, 0, absorbed) }  // grazing in a clear layer: never leaves
        s = .infinity
      } else if stepLeft > 0 {
        s = stepLeft / mut
        stepLeft = 0
      } else {
        s = -log(1 - rng.unit()) / mut
      }
      // Distance to the boundary along the direction (§3.5).
      let toBoundary: Double =
        uz > 0 ? (bottoms[layer] - z) / uz : (uz < 0 ? (tops[layer] - z) / uz : .infinity)
      if s > toBoundary {
        if mut > 0 { stepLeft = (s - toBoundary) * mut }
        z = uz > 0 ? bottoms[layer] : tops[layer]
        // Boundary: reflect or transmit (§3.6, all-or-none).
        let down = uz > 0
        let next = down ? layer + 1 : layer - 1
        let nt =
          next < 0 ? indexAbove : (next >= layers.count ? indexBelow : layers[next].refractiveIndex)
        let fresnel = Fresnel.reflectance(
          cosIncident: abs(uz), from: current.refractiveIndex, to: nt)
        if rng.unit() <= fresnel.reflectance {
          uz = -uz
        } else {
          if next < 0 { return (w, 0, absorbed) }
          if next >= layers.count { return (0, w, absorbed) }
          let ratio = current.refractiveIndex / nt
          ux *= ratio
          uy *= ratio
          uz = down ? fresnel.cosTransmitted : -fresnel.cosTransmitted
          layer = next
        }
        continue
      }
      // Hop, drop (§3.7), spin (§3.8).
      z += s * uz
      let deposit = w * current.absorption / mut
      w -= deposit
      absorbed += deposit
      spin(&ux, &uy, &uz, g: current.anisotropy, rng: &rng)
      // Russian roulette (§3.10).
      if w < rouletteThreshold {
        if w == 0 || rng.unit() > rouletteSurvival { return (0, 0, absorbed) }
        w /= rouletteSurvival
      }
    }
  }

  /// New direction after a Henyey–Greenstein scattering (Wang et al. 1995 eqs. 3.28–3.31):
  /// cos θ = (1 + g² − ((1 − g²)/(1 − g + 2gξ))²)/(2g) (2ξ − 1 for g = 0), ψ = 2πξ.
  static func spin(
    _ ux: inout Double, _ uy: inout Double, _ uz: inout Double, g: Double, rng: inout SplitMix64
  ) {
    let cost: Double
    if g == 0 {
      cost = 2 * rng.unit() - 1
    } else {
      let temp = (1 - g * g) / (1 - g + 2 * g * rng.unit())
      cost = min(max((1 + g * g - temp * temp) / (2 * g), -1), 1)
    }
    let sint = (1 - cost * cost).squareRoot()
    let psi = 2 * Double.pi * rng.unit()
    let cosp = cos(psi)
    let sinp = sin(psi)
    if abs(uz) > 1 - 1e-12 {
      ux = sint * cosp
      uy = sint * sinp
      uz = uz >= 0 ? cost : -cost
    } else {
      let temp = (1 - uz * uz).squareRoot()
      let nx = sint * (ux * uz * cosp - uy * sinp) / temp + ux * cost
      let ny = sint * (uy * uz * cosp + ux * sinp) / temp + uy * cost
      let nz = -sint * cosp * temp + uz * cost
      ux = nx
      uy = ny
      uz = nz
    }
  }
}
