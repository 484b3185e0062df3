import Foundation
@testable import PigmentMatch
import Testing

/// Light hair told from the skin's own shading, and grey stubble's line end, against hand
/// computation (CIELAB's definition, CIE 015:2018) rather than the code's output.
@Suite struct LightHairTests {
  /// Skin under 1/s of the light: X, Y, Z scale by 1/s, so f(t) = t^(1/3) gives L* + 16, a*, b* all
  /// scaled by s^(−1/3) (CIE 015:2018 eq. 8.3–8.5, above the linear toe). At half and a sixth of the
  /// light the skin is the same hue, darker: shade, not hair.
  @Test(arguments: [2.0, 6.0])
  func shadeIsNotHair(dimming s: Double) {
    let skin = Lab(l: 65, a: 12, b: 18)
    let shade = Self.shade(skin, dimming: s)
    #expect(!LightHair.isHairward(shade, of: skin), "shade \(shade)")
  }

  /// `lab` under 1/s of the light (L* + 16, a*, b* scaled by s^(−1/3)).
  static func shade(_ lab: Lab, dimming s: Double) -> Lab {
    let k = pow(s, -1.0 / 3)
    return Lab(l: (lab.l + 16) * k - 16, a: lab.a * k, b: lab.b * k)
  }

  /// By eye: silver-grey stubble as light as tan skin (a neutral of the same L*), and golden blond
  /// (h_ab ≈ 75°, the melanin family's, ``HairGamut``) against pink-beige skin (h_ab ≈ 56°).
  @Test func greyAndBlondAreHairward() {
    let tan = Lab(l: 55, a: 13, b: 20)
    #expect(LightHair.isHairward(Lab(l: 55, a: 1, b: 2), of: tan))
    #expect(LightHair.isGreyer(Lab(l: 55, a: 1, b: 2), than: tan))
    let beige = Lab(l: 66, a: 11, b: 16)
    #expect(LightHair.isHairward(Lab(l: 60, a: 6, b: 22), of: beige))
    #expect(!LightHair.isGreyer(Lab(l: 60, a: 6, b: 22), than: beige))
  }

  /// A highlight (the skin with much white light added) is far lighter, so not "greyer at the
  /// same lightness"; a redder cluster is not toward the hair family either.
  @Test func highlightAndRedderSkinAreNotHairward() {
    let skin = Lab(l: 62, a: 12, b: 18)
    #expect(!LightHair.isHairward(Lab(l: 80, a: 5, b: 8), of: skin))
    #expect(!LightHair.isHairward(Lab(l: 60, a: 16, b: 17), of: skin))
  }

  /// By hand: from skin (50, 12, 16) through (50, 6, 8) the chroma halves; the line reaches the
  /// neutral axis at t = 2, (50, 0, 0). Off the axis, the least chroma is the perpendicular's foot:
  /// skin (40, 10, 10) through (42, 8, 4), direction (2, −2, −6), t = −(10·−2 + 10·−6)/40 = 2, (44, 6, −2).
  @Test func greyLineEndByHand() {
    let end = LightHair.greyLineEnd(skin: Lab(l: 50, a: 12, b: 16), through: Lab(l: 50, a: 6, b: 8))
    #expect(abs(end.l - 50) < 1e-9 && abs(end.a) < 1e-9 && abs(end.b) < 1e-9)
    let foot = LightHair.greyLineEnd(skin: Lab(l: 40, a: 10, b: 10), through: Lab(l: 42, a: 8, b: 4))
    // t = −(10·(−2) + 10·(−6)) / (2² + 6²) = 2: a* 10 − 4 = 6, b* 10 − 12 = −2; L* stays the centre's 42
    // (not 44, where the line's L* would run on).
    #expect(abs(foot.l - 42) < 1e-9 && abs(foot.a - 6) < 1e-9 && abs(foot.b + 2) < 1e-9)
    // Never short of the cluster's centre.
    let near = LightHair.greyLineEnd(skin: Lab(l: 50, a: 12, b: 16), through: Lab(l: 50, a: -2, b: 1))
    #expect(abs(near.a + 2) < 1e-9 && abs(near.b - 1) < 1e-9)
  }

  /// The skin at a half and a sixth of the light (L* + 16, a*, b* scaled by s^(−1/3), as above) is
  /// never greyer than shade; grey hair beside a face (by eye on a real portrait: silver-brown hair
  /// L* 56, C*ab 13 beside light-tan skin L* 66, C*ab 35) is, and a lighter colour never is (the lit
  /// side, desaturated by shine).
  @Test func greyerThanShade() {
    let skin = Lab(l: 66, a: 19, b: 29)
    for s in [2.0, 6.0] {
      #expect(!LightHair.isGreyerThanShade(Self.shade(skin, dimming: s), of: skin), "shade at 1/\(s)")
    }
    #expect(LightHair.isGreyerThanShade(Lab(l: 56, a: 8, b: 10), of: skin))
    #expect(!LightHair.isGreyerThanShade(Lab(l: 83, a: 4, b: 6), of: skin))
  }

  /// The scene's skin tone nearer the hair cluster than the main skin cluster (white hair filling
  /// the frame taken for the skin) is not used; one near the skin cluster is.
  @Test func sceneSkinOnTheHairIsNotUsed() {
    let centres = [Lab(l: 79, a: 2, b: 5), Lab(l: 62, a: 9, b: 13)]
    let roles: [ToneRole] = [.hair, .skin]
    let shares = [0.6, 0.4]
    #expect(LightHair.tookHair(Lab(l: 79, a: 3, b: 9), roles: roles, centres: centres, shares: shares))
    #expect(!LightHair.tookHair(Lab(l: 62, a: 12, b: 18), roles: roles, centres: centres, shares: shares))
    #expect(!LightHair.tookHair(nil, roles: roles, centres: centres, shares: shares))
  }
}
