import Foundation
import Testing

@testable import PigmentMatch

/// Closed-form identities hold to rounding.
private let identityTolerance = 1e-12
/// Limits are approached numerically (S = 1e-12 vs S = 0 analytic): agreement well below 1e-9.
private let limitTolerance = 1e-9

private typealias KM = KubelkaMunk

@Test("R∞ for K/S = 1 is 2 − √3 (Kubelka & Munk 1931)")
func reflectanceInfiniteReference() {
  let r = KM.reflectanceInfinite(.init(k: 3, s: 3))
  #expect(abs(r - (2 - 3.0.squareRoot())) < identityTolerance)
}

@Test("K/S(R∞) inverts R∞(K/S)", arguments: [0.001, 0.01, 0.1, 0.5, 1, 3, 10, 100, 1e4])
func kOverSRoundTrip(q: Double) {
  let r = KM.reflectanceInfinite(.init(k: q, s: 1))
  #expect(abs(KM.kOverS(reflectanceInfinite: r) - q) < 1e-9 * max(1, q))
}

@Test("R∞ limits: S → 0 gives 0, K → 0 gives 1, never NaN")
func reflectanceInfiniteLimits() {
  #expect(KM.reflectanceInfinite(.init(k: 5, s: 0)) == 0)
  #expect(KM.reflectanceInfinite(.init(k: 0, s: 5)) == 1)
  #expect(KM.reflectanceInfinite(.init(k: 0, s: 0)) == 1)
  #expect(KM.reflectanceInfinite(.init(k: 1e300, s: 1e-300)).isFinite)
}

@Test("a layer of zero thickness shows its background; a thick one shows R∞")
func layerThicknessLimits() {
  let c = KM.Constants(k: 2, s: 5)
  let thin = KM.layer(c, thickness: 0, background: 0.4)
  #expect(abs(thin.reflectance - 0.4) < identityTolerance)
  #expect(abs(thin.transmittance - 1) < identityTolerance)
  for rg in [0.0, 0.3, 1.0] {
    let thick = KM.layer(c, thickness: 1e3, background: rg)
    #expect(abs(thick.reflectance - KM.reflectanceInfinite(c)) < identityTolerance)
    #expect(thick.transmittance == 0)
  }
}

@Test("S → 0 gives Beer–Lambert: R = R_g·e^(−2KX), T = e^(−KX)", arguments: [0.0, 1e-12])
func layerPureAbsorber(s: Double) {
  let layer = KM.layer(.init(k: 3, s: s), thickness: 0.2, background: 0.5)
  #expect(abs(layer.reflectance - 0.5 * exp(-1.2)) < limitTolerance)
  #expect(abs(layer.transmittance - exp(-0.6)) < limitTolerance)
}

@Test("K → 0 gives the pure scatterer R = (SX(1 − R_g) + R_g)/(1 + SX(1 − R_g))", arguments: [0.0, 1e-12])
func layerPureScatterer(k: Double) {
  let (s, x, rg) = (4.0, 0.5, 0.3)
  let layer = KM.layer(.init(k: k, s: s), thickness: x, background: rg)
  let expected = (s * x * (1 - rg) + rg) / (1 + s * x * (1 - rg))
  #expect(abs(layer.reflectance - expected) < limitTolerance)
  #expect(abs(layer.transmittance - 1 / (1 + s * x)) < limitTolerance)
}

@Test("layers stack: two halves equal the whole (Kubelka 1954)", arguments: [(0.5, 2.0), (10, 0.1), (0.01, 30)])
func stackingHalves(k: Double, s: Double) {
  let c = KM.Constants(k: k, s: s)
  let whole = KM.layer(c, thickness: 0.2, background: 0)
  let half = KM.layer(c, thickness: 0.1, background: 0)
  let stacked = KM.stack(top: half, bottom: half)
  #expect(abs(stacked.reflectance - whole.reflectance) < 1e-12)
  #expect(abs(stacked.transmittance - whole.transmittance) < 1e-12)
  // A layer over a background = the layer over black stacked on an opaque background.
  let over = KM.layer(c, thickness: 0.2, background: 0.45)
  let viaStack = KM.stack(top: whole, bottom: .init(reflectance: 0.45, transmittance: 0))
  #expect(abs(over.reflectance - viaStack.reflectance) < 1e-12)
}

@Test("the layer formula is finite and in 0…1 over a grid including zeros and huge values")
func layerRobustness() {
  let values = [0, 1e-300, 1e-9, 0.01, 1, 100, 1e6, 1e300]
  for k in values {
    for s in values {
      for x in [0, 1e-6, 0.1, 10, 1e6] {
        for rg in [0, 0.5, 1] {
          let layer = KM.layer(.init(k: k, s: s), thickness: x, background: rg)
          #expect(layer.reflectance.isFinite && (0...1).contains(layer.reflectance), "k \(k) s \(s) x \(x)")
          #expect(layer.transmittance.isFinite && (0...1).contains(layer.transmittance))
          if rg == 0 { #expect(layer.reflectance + layer.transmittance <= 1 + 1e-12) }
        }
      }
    }
  }
}

@Test("two-constant mixing is linear and water adds nothing")
func mixing() {
  let k = [[1.0, 2], [3, 4], [0, 0]]
  let s = [[0.5, 0.5], [1, 2], [0, 0]]
  let mix = KM.mix(concentrations: [0.2, 0.3, 0.5], k: k, s: s)
  #expect(mix.k == [0.2 * 1 + 0.3 * 3, 0.2 * 2 + 0.3 * 4])
  #expect(mix.s == [0.2 * 0.5 + 0.3 * 1, 0.2 * 0.5 + 0.3 * 2])
}

@Test("Saunderson: R = 0 gives K1, R = 1 gives 1, and the inverse undoes it", arguments: [0.0, 0.05, 0.3, 0.7, 1])
func saunderson(r: Double) {
  let (k1, k2) = (0.0278, 0.5)
  let measured = KM.saunderson(r, k1: k1, k2: k2)
  #expect(abs(KM.inverseSaunderson(measured, k1: k1, k2: k2) - r) < identityTolerance)
  if r == 0 { #expect(abs(measured - k1) < identityTolerance) }
  if r == 1 { #expect(abs(measured - 1) < identityTolerance) }
}

@Test("masstone + tint give back the K and S that made them (Allen 1980 two-constant method)")
func masstoneTintRoundTrip() throws {
  let (kp, sp, kw, sw, c) = (20.0, 5.0, 0.3, 1.0, 0.1)
  let masstone = KM.reflectanceInfinite(.init(k: kp, s: sp))
  let tint = KM.reflectanceInfinite(.init(k: c * kp + (1 - c) * kw, s: c * sp + (1 - c) * sw))
  let white = KM.reflectanceInfinite(.init(k: kw, s: sw))
  let derived = try #require(
    KM.constantsFromMasstoneAndTint(masstone: masstone, tint: tint, white: white, pigmentFraction: c))
  #expect(abs(derived.k - kp) < 1e-8 * kp)
  #expect(abs(derived.s - sp) < 1e-8 * sp)
  // A tint darker than its masstone has no solution.
  #expect(
    KM.constantsFromMasstoneAndTint(masstone: 0.3, tint: 0.2, white: 0.9, pigmentFraction: 0.1) == nil)
}
