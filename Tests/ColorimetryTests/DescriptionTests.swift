import Testing

import Colorimetry

/// `CustomStringConvertible` of the colour and skin-type types: the exact strings, written by hand
/// from the values (and, for ITA°, the angle worked out by hand: atan2(10, 10) = 45°).
@Suite struct DescriptionTests {
  @Test func lab() {
    #expect(Lab(l: 52.3, a: 10, b: -18.004).description == "L* 52.30, a* 10.00, b* -18.00 (D65)")
    #expect(CIELab<D50>(l: 96.5, a: 0, b: 0).description == "L* 96.50, a* 0.00, b* 0.00 (D50)")
    // Values that round to zero print without a sign.
    #expect(Lab(l: 0, a: -0.001, b: -0.0).description == "L* 0.00, a* 0.00, b* 0.00 (D65)")
    #expect("\(Lab(l: 1, a: 2, b: 3))" == "L* 1.00, a* 2.00, b* 3.00 (D65)")
  }

  @Test func lch() {
    #expect(LCh(l: 50, c: 20, h: 60.954).description == "L* 50.00, C* 20.00, h 60.95°")
  }

  @Test func xyz() {
    #expect(XYZ(x: 0.95047, y: 1, z: 1.08883).description == "X 0.9505, Y 1.0000, Z 1.0888 (D65)")
  }

  @Test func rgb() {
    #expect(SRGB8(r: 0xd7, g: 0xbd, b: 0x96).description == "#d7bd96")
    #expect(SRGB(r: 0.5, g: 0.25, b: 1).description == "sRGB 0.5000, 0.2500, 1.0000")
    #expect(LinearRGB(r: 0.214, g: 0.0508, b: 1).description == "linear sRGB 0.2140, 0.0508, 1.0000")
  }

  @Test func ita() {
    // L* − 50 = 10, b* = 10: ITA° = atan2(10, 10) = 45°, in Del Bino's "light" class (41–55).
    #expect(ITA(Lab(l: 60, a: 5, b: 10)).description == "ITA° 45.0 (light)")
    #expect(ITA(Lab(l: .nan, a: 0, b: 0)).description == "ITA° undefined")
  }

  @Test(arguments: [
    (ITACategory.veryLight, "very light"), (.light, "light"), (.intermediate, "intermediate"), (.tan, "tan"),
    (.brown, "brown"), (.dark, "dark"),
  ])
  func itaCategory(_ c: (ITACategory, String)) {
    #expect(c.0.description == c.1)
  }

  @Test(arguments: [
    (FitzpatrickConvention.i, "Fitzpatrick I"), (.ii, "Fitzpatrick II"), (.iii, "Fitzpatrick III"),
    (.iv, "Fitzpatrick IV"), (.v, "Fitzpatrick V"), (.vi, "Fitzpatrick VI"),
  ])
  func fitzpatrick(_ c: (FitzpatrickConvention, String)) {
    #expect(c.0.description == c.1)
  }

  /// Monk swatches 1, 5 and 10 with their published colours (Monk 2019: #f6ede4, #d7bd96, #292420).
  @Test func monk() {
    #expect(MonkSkinTone.all[0].description == "Monk 1 (#f6ede4)")
    #expect(MonkSkinTone.all[4].description == "Monk 5 (#d7bd96)")
    #expect(MonkSkinTone.all[9].description == "Monk 10 (#292420)")
  }
}
