import Foundation
import PigmentMatch
import Testing

/// The code-value scale of L* steps that `HairEvidence` uses to compare a dark candidate's texture
/// with the skin's, against hand computation from the two standard curves: Y = ((L* + 16)/116)³
/// (CIE 015:2018, above ε) and V = 1.055·Y^(1/2.4) − 0.055 (IEC 61966-2-1), so codes per L* are
/// 255 · dV/dY · dY/dL* with dV/dY = (1.055/2.4)·Y^(1/2.4 − 1) and dY/dL* = 3·((L* + 16)/116)²/116.
@Suite struct TextureNoiseScaleTests {
  /// L* 10: Y = 0.011260, dY/dL* = 3·(26/116)²/116 = 0.0012993, dV/dY = 0.43958·Y^(−0.58333) = 6.0206
  /// → 255 · 0.0078224 = 1.995 codes per L*.
  /// L* 65: Y = 0.34047, dY/dL* = 3·(81/116)²/116 = 0.012610, dV/dY = 0.43958·Y^(−0.58333) = 0.82413
  /// → 255 · 0.010392 = 2.650 codes per L*. (The code differences over one L* agree to well under 0.02.)
  @Test(arguments: [(10.0, 1.995), (65.0, 2.650)])
  func codesPerLightnessMatchesTheCurves(_ l: Double, _ expected: Double) {
    #expect(abs(HairEvidence.codesPerLightness(l) - expected) < 0.02, "\(HairEvidence.codesPerLightness(l))")
  }

  /// A dark region's L* noise is larger than light skin's for the same code noise.
  @Test func darkRegionsHaveFewerCodesPerLightness() {
    #expect(HairEvidence.codesPerLightness(10) < 0.8 * HairEvidence.codesPerLightness(65))
  }

  /// Near black the curves turn linear (sRGB below V = 0.04045, L* below 8): by hand, one L* about
  /// L* 2 spans 3.6 codes, more than at L* 65. A near-black backdrop must not count as more textured
  /// than a dark grey, so no L* below 10 gets more codes per L* than L* 10's 1.995.
  @Test(arguments: [0.0, 2.0, 5.0, 8.0])
  func nearBlackIsNotScaledUp(_ l: Double) {
    #expect(HairEvidence.codesPerLightness(l) <= HairEvidence.codesPerLightness(10) + 1e-9)
  }
}
