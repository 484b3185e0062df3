/// The natural hair colour family: melanins (black-brown eumelanin, red-yellow pheomelanin) in
/// keratin give neutral to warm colours of low to moderate chroma, from black through browns and
/// blonds to grey and white (unpigmented keratin). Dyed colours (blue, green, violet, vivid red)
/// are outside it.
///
/// Bounds (ours, with a margin; no single colorimetric survey of natural hair in CIELAB was at hand
/// to cite): achromatic (C*ab ≤ 8, any hue: black, grey, white), or C*ab ≤ 32 at hue 15°–100°
/// (auburn to golden blond).
enum HairGamut {
  static let achromaticChroma = 8.0
  static let maximumChroma = 32.0
  static let hue: ClosedRange<Double> = 15...100

  /// Whether `lab` could be natural hair.
  static func contains(_ lab: Lab) -> Bool {
    let lch = lab.lch
    return lch.c <= achromaticChroma || (lch.c <= maximumChroma && hue.contains(lch.h))
  }
}
