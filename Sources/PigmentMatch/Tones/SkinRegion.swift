/// Step 4 on a whole scene (when ``SceneFilter`` left something out): which of the fine clusters
/// are the person's skin.
///
/// One face or scalp under real light spans several fine clusters (lit, half-lit, shaded), all of
/// the skin's hue: shading scales the light, which in CIELAB moves a colour along the ray from
/// (L* = −16, 0, 0) and leaves its hue angle unchanged (CIE 15:2004 eqs. 8.1–8.3: L* + 16, a* and
/// b* all scale with the cube root of the light). So the skin is grown from the scene's seed: a
/// cluster joins when it is in the ``SkinLocus``, its hue is within ``hueTolerance`` of the seed's,
/// it lies within ΔE00 ``chainStep`` of a cluster already joined, and it is not much more textured
/// than the seed (``textureLimit``: beard, stubble and hair mixtures are; evenly lit skin is not).
enum SkinRegion {
  static let hueTolerance = 12.0
  static let chainStep = 20.0
  static let textureLimit = 1.6

  /// Roles with every joined cluster as skin and the rest *other*.
  static func roles(centres: [Lab], seed: Int, texture: [Double]) -> [ToneRole] {
    var roles = [ToneRole](repeating: .other, count: centres.count)
    guard centres.indices.contains(seed) else { return roles }
    roles[seed] = .skin
    let seedHue = centres[seed].lch.h
    let textureCap = textureLimit * max(texture[seed], 0.5)
    var grew = true
    while grew {
      grew = false
      for j in centres.indices where roles[j] != .skin {
        guard SkinLocus.contains(centres[j]), abs(centres[j].lch.h - seedHue) <= hueTolerance,
          texture[j] <= textureCap,
          centres.indices.contains(where: { roles[$0] == .skin && DeltaE.ciede2000(centres[$0], centres[j]) <= chainStep })
        else { continue }
        roles[j] = .skin
        grew = true
      }
    }
    return roles
  }

  /// Clusters within this ΔE00 of the seed give the skin tone: the skin facing the light, not its
  /// deep shade (which belongs to the region but is the same skin under less light).
  static let toneReach = 10.0

  /// The skin tone from the scene's fine clusters `centres` grown from `seed`, given each pixel's
  /// cluster (`labels`, its padded `grid`, pixels per cluster `counts`) and each cluster's texture:
  /// ``ToneAnalysis/skinEstimate(pixels:indices:)`` of the clean pixels of the joined clusters
  /// within ``toneReach`` of the seed; share = the whole region's. `unevenShare` is the part of the
  /// region farther than that from the seed: the skin under other light, which the tone leaves out;
  /// `brighterShare` the part of it lighter than the seed (skin lit more brightly than the part
  /// measured). `measured` marks the clusters the tone came from (indexed like `centres`).
  static func skin(
    pixels: TonePixels.Buffer, centres: [Lab], seed: Int, labels: [UInt8], grid: [UInt8], counts: [Int],
    textures: [Double]
  ) -> (tone: SkinTone, unevenShare: Double, brighterShare: Double, measured: [Bool]) {
    let region = roles(centres: centres, seed: seed, texture: textures)
    let tone = centres.indices.map {
      region[$0] == .skin && DeltaE.ciede2000(centres[$0], centres[seed]) <= toneReach
    }
    let clean = pixels.cleanIndices(grid: grid, assignment: labels, subset: pixels.estimation, accept: tone)
    let lab = ToneAnalysis.skinEstimate(pixels: pixels, indices: clean)
    let total = Double(max(pixels.count, 1))
    let share = centres.indices.reduce(0.0) { $0 + (region[$1] == .skin ? Double(counts[$1]) / total : 0) }
    let toneShare = centres.indices.reduce(0.0) { $0 + (tone[$1] ? Double(counts[$1]) / total : 0) }
    let brighter = centres.indices.reduce(0.0) {
      $0 + (region[$1] == .skin && !tone[$1] && centres[$1].l > centres[seed].l ? Double(counts[$1]) / total : 0)
    }
    return (
      SkinTone(lab: lab, share: share, spread: ToneAnalysis.spread(pixels: pixels, indices: clean, around: lab)),
      share > 0 ? 1 - toneShare / share : 0,
      share > 0 ? brighter / share : 0,
      tone
    )
  }
}
