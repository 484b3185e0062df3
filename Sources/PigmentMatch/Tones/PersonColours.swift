import Foundation

/// The colours a person can have — in the ``SkinLocus`` or the ``HairGamut`` — as a test by
/// comparisons only (no trigonometry per pixel): the hue bounds as slopes b*/a*. Its bounds are read
/// from those two types once, so a loop over many pixels holds them in registers
/// (`SceneFilter.isPersonColour(l:a:b:)` is this test).
struct PersonColours: Sendable {
  let achromatic2, skinChroma2, hairChroma2: Float
  let skinMinimumL, skinLowSlope, skinHighSlope, hairLowSlope: Float
  /// −a*/b* at the hair gamut's upper hue bound (above 90°): tan(bound − 90°).
  let hairHighCotangent: Float

  /// The bounds of today's ``SkinLocus`` and ``HairGamut``.
  static let standard = PersonColours()

  private init() {
    func slope(_ degrees: Double) -> Float { Float(Foundation.tan(degrees * .pi / 180)) }
    achromatic2 = Float(HairGamut.achromaticChroma * HairGamut.achromaticChroma)
    skinChroma2 = Float(SkinLocus.chroma.upperBound * SkinLocus.chroma.upperBound)
    hairChroma2 = Float(HairGamut.maximumChroma * HairGamut.maximumChroma)
    skinMinimumL = Float(SkinLocus.minimumL)
    skinLowSlope = slope(SkinLocus.hue.lowerBound)
    skinHighSlope = slope(SkinLocus.hue.upperBound)
    hairLowSlope = slope(HairGamut.hue.lowerBound)
    hairHighCotangent = slope(HairGamut.hue.upperBound - 90)
  }

  /// Whether (L*, a*, b*) is a skin or natural hair colour: near-neutral (hair gamut's achromatic
  /// chroma), or skin (hue and chroma of the locus, L* above its minimum), or hair (chroma up to the
  /// gamut's maximum at its hues; a* may be slightly negative above 90°).
  @inline(__always)
  func contains(l: Float, a: Float, b: Float) -> Bool {
    let c2 = a * a + b * b
    if c2 <= achromatic2 { return true }
    if l >= skinMinimumL, a > 0, b >= a * skinLowSlope, b <= a * skinHighSlope, c2 <= skinChroma2 { return true }
    guard c2 <= hairChroma2, b > 0 else { return false }
    return a > 0 ? b >= a * hairLowSlope : -a <= b * hairHighCotangent
  }
}
