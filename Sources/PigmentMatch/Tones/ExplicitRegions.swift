import Colorimetry

/// Tones measured directly in regions the practitioner marked (`--skin-roi`, `--hair-roi`, a label
/// mask): no clustering and no role guessing.
///
/// - **Skin:** every opaque pixel of the region in CIELAB (after any calibration); clipped
///   highlights (L* > 96) and non-finite pixels dropped; then the automatic analysis' estimator
///   (``ToneAnalysis/skinEstimate(pixels:indices:)``): specular pixels brighter than the median by
///   more than max(6, 4 robust σ) of L* are excluded, and the tone is the per-channel median.
/// - **Hair:** the region's pixels with clipped highlights dropped. Pixels within
///   ``skinShowingThrough`` (ΔE00) of the skin are bare skin between the hairs. When they make up
///   at least ``mixedShare`` of the region (sparse hair, a parting, stubble), the hair is the
///   per-channel median of the *far half* of the other pixels — those at least as far (ΔE76) from
///   the skin as their median — the mode most distant from the skin, which is darker for dark hair
///   and lighter for blond or grey hair alike, and least mixed with skin. Otherwise the region is
///   hair and the tone is the per-channel median of all its pixels. Sub-pixel stubble read this way
///   still leans toward the skin; mark a region where the hair covers the skin for its own colour.
enum ExplicitRegions {
  /// ΔE00 within which a pixel in a hair region counts as bare skin: below the contrast the
  /// analysis warns about (``ToneAnalysis/lowContrastThreshold``), above lighting spread on skin.
  static let skinShowingThrough = 6.0
  /// Share of skin-coloured pixels above which a hair region is taken as hair mixed with skin.
  static let mixedShare = 0.10

  /// The region's pixels as a buffer (clipped highlights and non-finite pixels dropped).
  static func buffer(_ photo: Photo, indices: [Int]) -> TonePixels.Buffer {
    var buffer = TonePixels.Buffer(gridWidth: photo.width, gridHeight: photo.height)
    buffer.l.reserveCapacity(indices.count)
    buffer.a.reserveCapacity(indices.count)
    buffer.b.reserveCapacity(indices.count)
    for i in indices {
      let (r, g, b) = photo.linearRGB(at: i)
      let lab = Lab(LinearRGB(r: Double(r), g: Double(g), b: Double(b)))
      guard lab.l.isFinite, lab.a.isFinite, lab.b.isFinite, lab.l <= Double(TonePixels.highlightL) else { continue }
      buffer.l.append(Float(lab.l))
      buffer.a.append(Float(lab.a))
      buffer.b.append(Float(lab.b))
      buffer.position.append(Int32(truncatingIfNeeded: i))
    }
    buffer.areaCount = indices.count
    return buffer
  }

  /// The skin tone of a marked region; nil when no usable pixel is left.
  static func skin(_ pixels: TonePixels.Buffer) -> SkinTone? {
    guard pixels.count > 0 else { return nil }
    let all = Array(0..<pixels.count)
    let lab = ToneAnalysis.skinEstimate(pixels: pixels, indices: all)
    return SkinTone(lab: lab, share: 1, spread: ToneAnalysis.spread(pixels: pixels, indices: all, around: lab))
  }

  /// The hair tone of a marked region for a client whose skin is `skin`; nil when no usable pixel.
  static func hair(_ pixels: TonePixels.Buffer, skin: Lab) -> HairTone? {
    guard pixels.count > 0 else { return nil }
    var bare = 0
    var others: [Int] = []
    var distance: [Float] = []
    for i in 0..<pixels.count {
      let lab = Lab(l: Double(pixels.l[i]), a: Double(pixels.a[i]), b: Double(pixels.b[i]))
      if DeltaE.ciede2000(lab, skin) < skinShowingThrough {
        bare += 1
      } else {
        others.append(i)
        let (dl, da, db) = (lab.l - skin.l, lab.a - skin.a, lab.b - skin.b)
        distance.append(Float((dl * dl + da * da + db * db).squareRoot()))
      }
    }
    let mixed = Double(bare) >= mixedShare * Double(pixels.count) && others.count >= 8
    var chosen = Array(0..<pixels.count)
    if mixed {
      let middle = Statistics.median(distance)
      chosen = zip(others, distance).filter { $0.1 >= middle }.map(\.0)
    }
    let lab = Statistics.medianLab(pixels: pixels, indices: chosen)
    return HairTone(
      lab: lab, share: Double(mixed ? others.count : pixels.count) / Double(pixels.count),
      spread: ToneAnalysis.spread(pixels: pixels, indices: chosen, around: lab),
      contrast: DeltaE.ciede2000(skin, lab))
  }

  /// Spread (median ΔE76 from the tone) a marked skin region may have before its confidence
  /// falls: a lit-to-shaded gradient across a forehead or scalp reaches about 8–10 on the real
  /// consultation photos; above that the region likely holds something else (hair, brows, backdrop).
  static let acceptedSpread = 8.0

  /// Confidence of a directly measured role: pixel count (√(n / `enough`), capped at 1) and its
  /// spread beyond ``acceptedSpread`` (halved at twice that).
  static func confidence(count: Int, enough: Double, spread: Double) -> Double {
    min(1, (Double(count) / enough).squareRoot()) / (1 + max(0, spread - acceptedSpread) / acceptedSpread)
  }
}
