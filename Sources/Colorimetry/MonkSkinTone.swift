/// A swatch of Google's Monk Skin Tone (MST) scale (E. Monk, 2019; published by Google, 2022).
///
/// The 10 published sRGB swatches, as listed at https://skintone.google/get-started
/// ("MST Orbs" hex values): #f6ede4, #f3e7db, #f7ead0, #eadaba, #d7bd96, #a07e56, #825c43,
/// #604134, #3a312a, #292420.
public struct MonkSkinTone: Sendable, Hashable {
  /// 1 (lightest) … 10 (darkest).
  public let index: Int
  /// The published swatch.
  public let srgb: SRGB8

  /// The swatch as D65 CIELAB.
  public var lab: Lab { Lab(srgb) }

  /// The ten swatches, index 1…10.
  public static let all: [MonkSkinTone] = [
    (0xf6, 0xed, 0xe4), (0xf3, 0xe7, 0xdb), (0xf7, 0xea, 0xd0), (0xea, 0xda, 0xba),
    (0xd7, 0xbd, 0x96), (0xa0, 0x7e, 0x56), (0x82, 0x5c, 0x43), (0x60, 0x41, 0x34),
    (0x3a, 0x31, 0x2a), (0x29, 0x24, 0x20),
  ].enumerated().map { MonkSkinTone(index: $0.offset + 1, srgb: SRGB8(r: $0.element.0, g: $0.element.1, b: $0.element.2)) }

  private static let labs: [Lab] = all.map(\.lab)

  /// The swatch nearest to `lab` by CIEDE2000 (ties: the lower index). NaN input gives swatch 1.
  public static func nearest(to lab: Lab) -> MonkSkinTone {
    var best = 0
    var bestD = Double.infinity
    for (i, s) in labs.enumerated() {
      let d = DeltaE.ciede2000(lab, s)
      if d < bestD {
        bestD = d
        best = i
      }
    }
    return all[best]
  }
}
