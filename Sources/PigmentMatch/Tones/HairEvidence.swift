/// Step 4, last part: whether the cluster chosen as hair is hair on the head, and not the shaded
/// edge of a bald scalp, a dark backdrop corner, eyebrows or a collar.
///
/// Hair shows itself in one of two ways:
/// - *interspersed with the skin* (stubble, thin strands over a scalp): many of its pixels
///   (≥ ``interspersed``) have a skin 8-neighbour;
/// - *a head of hair*: a real share of the pixels (≥ ``minimumShare``), lying largely
///   (≥ ``minimumAbove``) above the upper quarter of the skin (the hair sits on the head, clothes and
///   eyebrows lower), not crowding the photo's border as a backdrop does, and textured inside
///   (``Measures/innerTexture``, in code values: ``codesPerLightness(_:)``), not only along its outline.
/// In both cases its colour is in the natural ``HairGamut`` and it is *textured*: strands, coils
/// and stubble dots make the lightness change from pixel to pixel (``texture(of:in:lightness:width:)``
/// ≥ ``minimumTexture`` × the skin's own texture, not counting the skin's steps onto the candidate:
/// hair filling most of the scalp lines nearly every skin pixel with hair edges, which would make
/// the skin look as textured as the hair), where a shaded scalp edge, a blurred backdrop or a suit is
/// smooth. A candidate of the skin's own colour family (in the ``SkinLocus``, hue within
/// ``shadeHue`` of the skin's and lit at least ``shadeLightRatio`` as much, or at most its inverse:
/// possibly the same skin in shade) must be textured ``shadeTexture`` × the skin, unless it is
/// scattered through the skin (≥ ``scatteredStubble`` of its pixels lie between skin pixels,
/// ``enclosedFraction(of:grid:rowLength:isSkin:)``), as stubble is and a shaded rim is not.
package enum HairEvidence {
  static let interspersed = 0.3
  static let minimumShare = 0.05
  /// Least texture × the skin's own: with the skin's steps onto the candidate left out, the skin's
  /// reference is its noise alone, and a smooth dark suit or shadow interleaved with a small face
  /// (scikit-image astronaut.png: 1.2) still falls below it; stubble, strands and dense hair on the
  /// generated samples measure 1.45 and more.
  static let minimumTexture = 1.3
  /// Inner texture a head of hair needs (× the skin's): strands and coils; a dark backdrop's
  /// noise stays near the skin's.
  static let headTexture = 1.4
  static let minimumAbove = 0.25
  static let skinRowQuantile = 0.25
  static let shadeHue = 12.0
  static let shadeTexture = 2.0
  /// Least ratio of the darker colour's L* + 16 to the lighter's at which a skin-hued candidate may
  /// be the skin in shade. L* + 16 = 116 (Y/Yn)^(1/3) (CIE 15:2004), so the same surface under 1/s
  /// of the light has its L* + 16 scaled by s^(−1/3): 0.55 is light down to 1/6 (2.6 stops), the
  /// jaw, neck and far side of a face under a side light; dark hair (L* 10–25) beside light skin
  /// (L* 65–85) is at 0.25–0.45, whatever the skin's own lightness.
  static let shadeLightRatio = 0.55
  /// Least ``Measures/enclosed`` of a scattered candidate: skin-hued stubble on the generated
  /// samples measures 0.45 and more, the shaded rims and collars of real photos at most 0.27 (a bald
  /// head on a 290 × 300 photo, whose shaded rim is 2–3 pixels wide and touches the skin with half
  /// its pixels, which the touching fraction took for stubble).
  static let scatteredStubble = 0.35

  /// The measures of one hair candidate.
  struct Measures {
    /// Fraction of its pixels with a skin 8-neighbour.
    var touching: Double
    /// Fraction of its pixels above the skin's upper quartile row.
    var above: Double
    /// Its border ratio (``SceneFilter/Layout``): above ``SceneFilter/borderRatio`` it crowds the
    /// photo's edge as a backdrop does.
    var border: Double = 0
    /// Mean local lightness step of its pixels over that of the skin's (``texture(of:in:lightness:width:)``).
    var texture: Double
    /// The same, counting only steps to neighbours of its own cluster (the skin's: to skin): the
    /// texture inside a region, which a smooth backdrop's sharp outline does not raise.
    var innerTexture: Double = 0
    /// Fraction of its pixels lying between skin pixels (``enclosedFraction(of:grid:rowLength:isSkin:)``).
    var enclosed: Double = 0
  }

  /// Farthest (decoded pixels) ``enclosedFraction(of:grid:rowLength:isSkin:)`` looks on each side.
  static let enclosureReach = 2

  /// Fraction of `cells` (positions in a padded label `grid` with rows `rowLength` long,
  /// ``TonePixels/Buffer/assign(to:)``) with skin on both sides of them along one of four lines
  /// (across a row, a column or a diagonal), each side within ``enclosureReach`` cells: a stubble dot
  /// or a strand crossing the scalp lies inside the skin, while the shaded rim of a face, a collar or
  /// a backdrop beside the skin has it on one side only, however thin its band is on a small photo.
  static func enclosedFraction(of cells: [Int], grid: [UInt8], rowLength pw: Int, isSkin: [Bool]) -> Double {
    guard !cells.isEmpty else { return 0 }
    func skin(_ cell: Int) -> Bool {
      guard cell >= 0, cell < grid.count else { return false }
      let label = Int(grid[cell])
      return label < isSkin.count && isSkin[label]
    }
    // Across a row, down a column and along both diagonals; built once, not per cell.
    let steps = [1, pw, pw + 1, pw - 1]
    var enclosed = 0
    for q in cells {
      let between = steps.contains { step in
        (1...enclosureReach).contains { skin(q + $0 * step) } && (1...enclosureReach).contains { skin(q - $0 * step) }
      }
      if between { enclosed += 1 }
    }
    return Double(enclosed) / Double(cells.count)
  }

  /// Mean over `members` (with their cells in the padded label `grid`,
  /// ``TonePixels/EstimationSet/padded``) of the lightness steps to the right and lower neighbours
  /// that are in a cluster marked in `within`.
  static func innerTexture(
    of members: [Int], cells: [Int], in pixels: TonePixels.Buffer, grid: [UInt8], within: [Bool],
    lightness: [Float]
  ) -> Double {
    let w = pixels.gridWidth
    let pw = w + 2
    guard w > 0 else { return 0 }
    var sum = 0.0
    var count = 0
    for (i, q) in zip(members, cells) {
      let p = Int(pixels.position[i])
      let here = lightness[p]
      for (neighbour, cell) in [(p + 1, q + 1), (p + w, q + pw)] where cell < grid.count {
        let label = Int(grid[cell])
        guard label < within.count, within[label], neighbour < lightness.count, !lightness[neighbour].isNaN else {
          continue
        }
        sum += Double(abs(lightness[neighbour] - here))
        count += 1
      }
    }
    return count > 0 ? sum / Double(count) : 0
  }

  /// Mean over `members` of |ΔL*| to the right neighbour plus |ΔL*| to the one below (where
  /// usable): fine structure such as strands and coils scores high, a smooth wall, backdrop or
  /// evenly lit skin low. `lightness` is the decoded grid's L* (NaN where unusable). Neighbours
  /// marked in `skipping` (grid positions) are not counted.
  static func texture(
    of members: [Int], in pixels: TonePixels.Buffer, lightness: [Float], width w: Int, skipping: [Bool]? = nil
  ) -> Double {
    guard !members.isEmpty, w > 0 else { return 0 }
    let h = lightness.count / w
    var sum = 0.0
    var count = 0
    for i in members {
      let p = Int(pixels.position[i])
      let (x, y) = (p % w, p / w)
      let here = lightness[p]
      var step: Float = 0
      var seen = false
      if x + 1 < w, !lightness[p + 1].isNaN, skipping?[p + 1] != true {
        step += abs(lightness[p + 1] - here)
        seen = true
      }
      if y + 1 < h, !lightness[p + w].isNaN, skipping?[p + w] != true {
        step += abs(lightness[p + w] - here)
        seen = true
      }
      if seen {
        sum += Double(step)
        count += 1
      }
    }
    return count > 0 ? sum / Double(count) : 0
  }

  /// ``texture(of:in:lightness:width:)`` of every cluster (over the estimation subset).
  static func textures(
    pixels: TonePixels.Buffer, assignment: [UInt8], subset: TonePixels.EstimationSet, clusters k: Int,
    lightness: [Float]
  ) -> [Double] {
    var members = [[Int]](repeating: [], count: k)
    for index in subset.indices {
      let c = Int(assignment[Int(index)])
      if c < k { members[c].append(Int(index)) }
    }
    return members.map { texture(of: $0, in: pixels, lightness: lightness, width: pixels.gridWidth) }
  }

  /// The measures of cluster `hair` (over the estimation subset).
  static func measure(
    hair: Int, roles: [ToneRole], pixels: TonePixels.Buffer, grid: [UInt8], assignment: [UInt8],
    subset: TonePixels.EstimationSet, clusters: Int, lightness: [Float]
  ) -> Measures {
    let skin = roles.indices.filter { roles[$0] == .skin }
    let touching = pixels.touchFractions(
      grid: grid, assignment: assignment, subset: subset, clusters: clusters, targets: skin)[hair]
    let w = max(pixels.gridWidth, 1)
    // Members and their padded-grid cells (the subset holds both).
    var skinMembers: [Int] = []
    var hairMembers: [Int] = []
    var skinCells: [Int] = []
    var hairCells: [Int] = []
    for (n, index) in subset.indices.enumerated() {
      let i = Int(index)
      let c = Int(assignment[i])
      if c == hair {
        hairMembers.append(i)
        hairCells.append(Int(subset.padded[n]))
      } else if c < roles.count, roles[c] == .skin {
        skinMembers.append(i)
        skinCells.append(Int(subset.padded[n]))
      }
    }
    let top = Statistics.quantile(skinMembers.map { Double(Int(pixels.position[$0]) / w) }, HairEvidence.skinRowQuantile)
    let above =
      hairMembers.isEmpty
      ? 0 : Double(hairMembers.filter { Double(Int(pixels.position[$0]) / w) < top }.count) / Double(hairMembers.count)
    // The skin's own texture, without its steps onto the candidate: dense hair lines most skin
    // pixels with hair edges, which would make the skin look as textured as the hair.
    var isCandidate = [Bool](repeating: false, count: lightness.count)
    for i in 0..<pixels.count where assignment[i] == UInt8(truncatingIfNeeded: hair) {
      let p = Int(pixels.position[i])
      if p < isCandidate.count { isCandidate[p] = true }
    }
    let skinTexture = texture(of: skinMembers, in: pixels, lightness: lightness, width: w, skipping: isCandidate)
    let hairTexture = texture(of: hairMembers, in: pixels, lightness: lightness, width: w)
    let isSkin = (0..<256).map { $0 < roles.count && roles[$0] == .skin }
    let isHair = (0..<256).map { $0 == hair }
    let skinInner = innerTexture(
      of: skinMembers, cells: skinCells, in: pixels, grid: grid, within: isSkin, lightness: lightness)
    let hairInner = innerTexture(
      of: hairMembers, cells: hairCells, in: pixels, grid: grid, within: isHair, lightness: lightness)
    return Measures(
      touching: touching, above: above, texture: hairTexture / max(skinTexture, 0.25),
      innerTexture: hairInner / max(skinInner, 0.1),
      enclosed: enclosedFraction(of: hairCells, grid: grid, rowLength: w + 2, isSkin: isSkin))
  }

  /// Whether a candidate of colour `lab` and share `share` with `measures` is hair, next to skin `skin`.
  static func isHair(_ lab: Lab, share: Double, measures m: Measures, skin: Lab) -> Bool {
    guard HairGamut.contains(lab) else { return false }
    var hueGap = abs(lab.lch.h - skin.lch.h)
    if hueGap > 180 { hueGap = 360 - hueGap }
    let lightRatio = (min(skin.l, lab.l) + 16) / max(max(skin.l, lab.l) + 16, 1)
    let shade = SkinLocus.contains(lab) && hueGap <= shadeHue && lightRatio >= shadeLightRatio
    // Shade is one smooth region beside the lit skin; stubble of the skin's hue is scattered
    // through it (its pixels lie between skin pixels), so only unscattered shade-like colour needs more texture.
    let scattered = m.enclosed >= scatteredStubble
    guard m.texture >= (shade && !scattered ? shadeTexture : minimumTexture) else { return false }
    if m.touching >= interspersed { return true }
    // Inner texture compared in code values: noise alone moves a near-black backdrop's L* about a
    // third farther than light skin's, which is not strands or coils.
    let innerCodes = m.innerTexture * codesPerLightness(lab.l) / codesPerLightness(skin.l)
    return share >= minimumShare && m.above >= minimumAbove && m.border <= SceneFilter.borderRatio
      && innerCodes >= headTexture
  }

  /// 8-bit sRGB code values per unit of L* for a neutral grey of lightness `l`: the sRGB transfer
  /// (IEC 61966-2-1) of Y = f⁻¹((L* + 16)/116) (CIE 015:2018 eq. 8.7 inverted), differenced over
  /// one L*. Camera noise is about even in code values, so in L* a dark region's noise is larger
  /// (L* 10: 2.0 codes per L*; L* 65: 2.65). Below L* ``noiseScaleFloor`` both curves turn linear
  /// and the ratio rises again (3.6 at L* 2), which would make a near-black backdrop's noise look
  /// more textured, so darker colours are given the floor's ratio (the least, 1.98).
  package static func codesPerLightness(_ l: Double) -> Double {
    func code(_ l: Double) -> Double { 255 * SRGBTransfer.encode(LabFunction.inverse((l + 16) / 116)) }
    let l = max(l, noiseScaleFloor)
    return code(l + 0.5) - code(l - 0.5)
  }

  /// L* where ``codesPerLightness(_:)`` is least (by the two curves: 1.976 at 8, 1.975 at 9, 1.995 at 10).
  static let noiseScaleFloor = 8.5
}
