/// Step 4, when no hair cluster showed itself: the hair on top of a head, found by place.
///
/// On a face photo the hair is often a small part of the frame, clustered together with a suit, a
/// beard or a backdrop, so no cluster as a whole looks like hair. But a head of hair lies directly
/// on the skin's upper edge: walking up from the top skin pixel of each column over the middle of
/// each large skin region (the face or scalp; ≥ ``minimumRegionShare`` of the largest), the first
/// ``bandDepth`` × the region's width are hair if there is hair, and backdrop if the scalp is bare.
/// The walk stops at pixels the analysis left out (backdrops of no person's colour, clipped white).
/// The band is hair when most of its pixels (≥ ``minimumHairShare``) are of a natural hair colour
/// (``HairGamut``) unlike the skin (ΔE00 ≥ ``minimumContrast``), at least ``minimumPixels`` of them,
/// and they are textured (``HairEvidence/texture(of:in:lightness:width:)`` ≥ ``minimumTexture`` ×
/// the skin's): strands and curls are, a blurred backdrop above a bald scalp is not. The hair's
/// tone is the per-channel median of its most hair-like pixels (``core(of:in:skin:)``).
enum HeadHair {
  static let minimumRegionShare = 0.25
  static let minimumRegionPixels = 200
  static let sideMargin = 0.2
  static let bandDepth = 0.15
  static let minimumHairShare = 0.5
  static let minimumContrast = 10.0
  static let minimumPixels = 50
  /// Least mean |ΔL*| between neighbouring band pixels: strands and curls step by more.
  static let minimumTexture = 1.0
  /// Least band texture × the skin's: hair is not much smoother than the skin it grows from.
  static let relativeTexture = 0.75
  static let maximumTopShare = 0.2
  /// Least share of the band's area that is usable pixels (not left out, not outside the region).
  static let minimumCoverage = 0.5

  /// The hair pixels (indices into `all`) above the skin, or nil when the band is not hair.
  /// `isSkin` marks the skin among `pixels`; `all` holds every usable pixel,
  /// including those the scene left out (a dark head of hair may share a cluster with a suit).
  static func find(
    pixels: TonePixels.Buffer, isSkin skinPixel: [Bool], all: TonePixels.Buffer, skin: Lab, lightness: [Float]
  ) -> [Int]? {
    let w = pixels.gridWidth
    let h = pixels.gridHeight
    guard w > 0, h > 0 else { return nil }
    var index = [Int32](repeating: -1, count: w * h)
    var isSkin = [Bool](repeating: false, count: w * h)
    var skinIndices: [Int] = []
    var firstRow = h
    for i in 0..<all.count {
      let p = Int(all.position[i])
      index[p] = Int32(i)
      firstRow = min(firstRow, p / w)
    }
    for i in 0..<pixels.count where i < skinPixel.count && skinPixel[i] {
      let p = Int(pixels.position[i])
      do {
        isSkin[p] = true
        skinIndices.append(i)
      }
    }
    // Connected skin regions (4-neighbours).
    var component = [Int32](repeating: -1, count: w * h)
    var regions: [(id: Int32, size: Int, x0: Int, x1: Int)] = []
    var stack: [Int] = []
    for start in 0..<(w * h) where isSkin[start] && component[start] < 0 {
      let id = Int32(regions.count)
      component[start] = id
      stack.append(start)
      var size = 0
      var (x0, x1) = (Int.max, Int.min)
      while let p = stack.popLast() {
        size += 1
        let (x, y) = (p % w, p / w)
        (x0, x1) = (min(x0, x), max(x1, x))
        if x > 0, isSkin[p - 1], component[p - 1] < 0 {
          component[p - 1] = id
          stack.append(p - 1)
        }
        if x + 1 < w, isSkin[p + 1], component[p + 1] < 0 {
          component[p + 1] = id
          stack.append(p + 1)
        }
        if y > 0, isSkin[p - w], component[p - w] < 0 {
          component[p - w] = id
          stack.append(p - w)
        }
        if y + 1 < h, isSkin[p + w], component[p + w] < 0 {
          component[p + w] = id
          stack.append(p + w)
        }
      }
      regions.append((id, size, x0, x1))
    }
    guard let largest = regions.map(\.size).max() else { return nil }
    let skinTexture = innerTexture(of: skinIndices, in: pixels, lightness: lightness, width: w, within: isSkin)
    // Largest region first; the first whose band is hair gives the hair (one person's).
    for region in regions.sorted(by: { $0.size > $1.size })
    where region.size >= minimumRegionPixels && Double(region.size) >= minimumRegionShare * Double(largest) {
      // Its top row in each column it spans (nil where it has no pixel).
      let tops: [Int?] = (region.x0...region.x1).map { x in
        (0..<h).first { component[$0 * w + x] == region.id }
      }
      let width = region.x1 - region.x0 + 1
      // A region running out of the frame's top (an arm, a cropped head) shows no hair line.
      let atTop = tops.filter { ($0 ?? .max) <= firstRow + 1 }.count
      if Double(atTop) > maximumTopShare * Double(width) { continue }
      let margin = Int(sideMargin * Double(width))
      let depth = max(3, Int(bandDepth * Double(width)))
      let edge = max(1, depth / 3)
      var band: [Int] = []
      var walked = 0
      var area = 0
      for x in (region.x0 + margin)...max(region.x0 + margin, region.x1 - margin) {
        guard let top = tops[x - region.x0] else { continue }
        var y = top - 1
        while y >= 0, y >= top - depth {
          let p = y * w + x
          let i = Int(index[p])
          y -= 1
          // The anti-aliased rim where skin meets hair or backdrop is neither.
          if top - y <= edge || isSkin[p] { continue }
          area += 1
          // Left out (no person's colour, too dark, clipped, outside the region): not hair.
          if i < 0 { continue }
          walked += 1
          let lab = Lab(l: Double(all.l[i]), a: Double(all.a[i]), b: Double(all.b[i]))
          if HairGamut.contains(lab), DeltaE.ciede2000(lab, skin) >= minimumContrast { band.append(i) }
        }
      }
      guard band.count >= minimumPixels, Double(band.count) >= minimumHairShare * Double(walked),
        Double(walked) >= minimumCoverage * Double(area)
      else { continue }
      var inBand = [Bool](repeating: false, count: w * h)
      for i in band { inBand[Int(all.position[i])] = true }
      let hairTexture = innerTexture(of: band, in: all, lightness: lightness, width: w, within: inBand)
      if hairTexture >= max(minimumTexture, relativeTexture * skinTexture) { return band }
    }
    return nil
  }

  /// Least t (as a quantile of the band's) of the pixels whose median is the hair's tone.
  /// Measured on the six real photos whose hair is found by place (`real-photo-hair.json`): leaving
  /// out the most skin-like 15 % brings black-hair.jpg from ΔE00 5.2 to 3.4 and biden.jpg from 4.4
  /// to 3.1, obama, obama2 closer too, two_people 0.4 → 0.9; leaving out more (0.25, 0.45 as a
  /// stubble cluster does) takes grey hair (obama) and white hair (two_people) past their tone.
  static let coreQuantile = 0.15

  /// The band's most hair-like pixels: those at or beyond the ``coreQuantile`` of t on the line
  /// from the skin (t = 0) through the band's median (t = 1). At the hairline, skin shows between
  /// sparse strands, so part of the band is a mixture of the two, pulling its median toward the skin.
  static func core(of band: [Int], in all: TonePixels.Buffer, skin: Lab) -> [Int] {
    let centre = Statistics.medianLab(pixels: all, indices: band)
    let d = (centre.l - skin.l, centre.a - skin.a, centre.b - skin.b)
    let norm2 = d.0 * d.0 + d.1 * d.1 + d.2 * d.2
    guard norm2 > 1e-9 else { return band }
    let t = band.map { i -> Double in
      ((Double(all.l[i]) - skin.l) * d.0 + (Double(all.a[i]) - skin.a) * d.1 + (Double(all.b[i]) - skin.b) * d.2)
        / norm2
    }
    let threshold = Statistics.quantile(t, coreQuantile)
    return zip(band, t).filter { $0.1 >= threshold }.map(\.0)
  }

  /// Mean |ΔL*| from each of `members` to its right and lower neighbours that are also `within`:
  /// the texture inside a region, which its outline (a sharp scalp edge against a backdrop) does not raise.
  static func innerTexture(
    of members: [Int], in pixels: TonePixels.Buffer, lightness: [Float], width w: Int, within: [Bool]
  ) -> Double {
    var sum = 0.0
    var count = 0
    for i in members {
      let p = Int(pixels.position[i])
      for q in [p % w + 1 < w ? p + 1 : -1, p + w < within.count ? p + w : -1] where q >= 0 && within[q] {
        sum += Double(abs(lightness[q] - lightness[p]))
        count += 1
      }
    }
    return count > 0 ? sum / Double(count) : 0
  }
}
