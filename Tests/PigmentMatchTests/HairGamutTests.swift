import Foundation
@testable import PigmentMatch
import Testing

/// The natural-hair family against the melanin model it is based on (``HairMelaninFit``:
/// Donner & Jensen 2006 melanins in keratin) and against hair colours by eye.
@Suite struct HairGamutTests {
  /// Every colour the model reaches over its concentration range and grey shares is in the gamut.
  @Test func everyModelColourIsNaturalHair() {
    let range = HairMelaninFit.concentrationRange
    let steps = stride(from: log(range.lowerBound), through: log(range.upperBound), by: 0.5).map { exp($0) }
    for eu in steps {
      for pheo in steps {
        for w in [0.0, 0.5, 1.0] {
          let lab = HairMelaninFit.fastLab(eumelanin: eu, pheomelanin: pheo, pigmentedShare: w)
          #expect(HairGamut.contains(lab), "eu \(eu) pheo \(pheo) w \(w): \(lab)")
        }
      }
    }
  }

  /// Dyed colours (by eye: blue, green, violet, vivid red) are not natural hair.
  @Test(arguments: [
    Lab(l: 40, a: 10, b: -40), Lab(l: 50, a: -40, b: 20), Lab(l: 35, a: 40, b: -30), Lab(l: 45, a: 60, b: 40),
  ])
  func dyedColoursAreNot(_ lab: Lab) {
    #expect(!HairGamut.contains(lab))
  }

  /// A colour of the family is its own nearest family colour (up to the search grid).
  @Test(arguments: [(0.3, 0.1), (1.0, 0.0001), (0.01, 1.0), (5.0, 3.0)])
  func nearestOfAFamilyColourIsItself(_ eu: Double, _ pheo: Double) {
    let lab = HairMelaninFit.fastLab(eumelanin: eu, pheomelanin: pheo, pigmentedShare: 1)
    #expect(DeltaE.ciede2000(HairGamut.nearest(lab), lab) < 1)
  }

  /// The end of a mixing line whose chroma still carries the skin's (L* 16, a* 10, b* 15: the
  /// lightness of black hair, the chroma of skin) meets the family as near-neutral black hair: by
  /// the model, at L* 16 no melanin mixture has C*ab above ~3 (the table of `fastLab` over the
  /// concentration range), so the chroma cannot be hair's.
  @Test func aDarkLineEndWithSkinChromaMeetsTheFamilyAsBlack() {
    let end = HairGamut.nearest(Lab(l: 16, a: 10, b: 15))
    #expect(abs(end.l - 16) < 2)
    #expect(end.lch.c < 3)
  }

  /// Grey hair is pigmented and white fibres side by side (canities, Tobin & Paus 2001): a grey
  /// share of the model is its own nearest family colour too, and a neutral mid-grey by eye (silver
  /// grey, L* 50) meets the family near itself, not at a brown of its lightness (C*ab ≈ 16).
  @Test(arguments: [(1.0, 0.1, 0.5), (5.0, 0.3, 0.3), (0.3, 0.1, 0.7)])
  func nearestOfAGreyShareIsItself(_ eu: Double, _ pheo: Double, _ share: Double) {
    let lab = HairMelaninFit.fastLab(eumelanin: eu, pheomelanin: pheo, pigmentedShare: share)
    #expect(DeltaE.ciede2000(HairGamut.nearest(lab), lab) < 1)
  }

  @Test func aMidGreyMeetsTheFamilyAsGrey() {
    let grey = Lab(l: 50, a: 0, b: 1)
    let end = HairGamut.nearest(grey)
    #expect(DeltaE.ciede2000(end, grey) < 3, "\(end)")
    #expect(end.lch.c < 6)
  }
}
