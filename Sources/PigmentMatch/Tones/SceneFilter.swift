import Foundation

/// Step 3a of ``ToneAnalysis``: what in the frame is not the person (walls, backdrops, curtains,
/// paintings, clothes), found from colour and place and left out before skin and hair are clustered.
///
/// The usable pixels are clustered finely (k = ``clusterCount``, ``KMeans``) so that a wall, a suit
/// and the skin fall in different clusters. Per cluster, over the estimation subset:
/// - *border ratio*: the share of its pixels in the outer band (``bandFraction`` of the shorter
///   side of the usable pixels' bounding box) over the share of all usable pixels there. A backdrop
///   frames the subject (ratio well above 1); the subject sits inside the frame (ratio ≤ 1).
/// - *mean row*, 0 at the top of the bounding box and 1 at its bottom.
/// - *touching*: the fraction of its pixels with an 8-neighbour in the skin seed.
///
/// - *texture*: ``HairEvidence/texture(of:in:lightness:width:)``; *smooth* when at most ``smooth``×
///   the seed's (walls, backdrops and cloth are smooth; strands and stubble are not).
///
/// The *skin seed* is the cluster in the ``SkinLocus`` that does not hug the border (ratio ≤
/// ``borderRatio``), holds ≥ 2 % of the pixels and has the highest ``seedScore(_:share:)`` (of the
/// summed share of the skin-locus clusters within ``sameColour`` of it: noise splits one lit face) ×
/// *centrality* (``Layout/centrality``) × min(1, *coherence* / ``coherent``): the client is the
/// large skin region in the middle of the frame, not blurred bystanders near its edges, nor a
/// cluster of mixtures along edges or of specks scattered over the scene. Left
/// out are: clusters hugging the border, unless within ΔE00 ``sameSkin`` of the seed (the same
/// skin darkened by a vignette) or textured hair-coloured (hair reaching the frame's edge);
/// clusters neither in the skin locus nor in the ``HairGamut``; and smooth clusters outside the
/// skin locus whose mean row lies more than ``clothesDrop`` below the skin's (clothes). A cluster
/// interspersed with the skin (≥ ``interspersed`` of its pixels touch it: stubble, strands over a
/// scalp) is always kept. Without a skin seed nothing is left out and ``skinFound`` is false.
struct SceneFilter {
  static let clusterCount = 10
  static let bandFraction = 0.1
  static let borderRatio = 1.3
  static let sameSkin = 6.0
  static let clothesDrop = 0.2
  static let interspersed = 0.3
  static let minimumShare = 0.02
  static let smooth = 1.2

  /// The fine clusters and, per cluster, whether its pixels stay in the analysis.
  let centres: [Lab]
  let keep: [Bool]
  /// Each usable pixel's fine cluster (``clusterCount`` for a colour no person has).
  let labels: [UInt8]
  /// The padded label grid of ``labels`` (``TonePixels/Buffer/assign(to:)``).
  let grid: [UInt8]
  /// Texture of each fine cluster (``HairEvidence/texture(of:in:lightness:width:)``); empty
  /// without a skin seed.
  let textures: [Double]
  /// Pixels per fine cluster (the last entry: colours no person has).
  let counts: [Int]
  /// The usable pixels' lightness grid (``TonePixels/Buffer/lightnessGrid()``).
  let lightness: [Float]
  /// The skin seed's index in ``centres``, nil when none was found.
  let seed: Int?
  /// Whether a skin seed was found.
  var skinFound: Bool { seed != nil }
  /// Share of the usable pixels left out.
  let excludedShare: Double

  /// Whether any pixel is left out.
  var excludesAny: Bool { excludedShare > 0 }

  init(pixels: TonePixels.Buffer, seed: UInt64) {
    // Cluster only colours a person can have (skin or natural hair): an orange suit or a flag
    // then takes no cluster a face could have had; those pixels are left out below.
    let binned = pixels.histogram
    var points: [Float] = []
    var weights: [Double] = []
    for (n, weight) in binned.weights.enumerated() {
      let (l, a, b) = (binned.points[3 * n], binned.points[3 * n + 1], binned.points[3 * n + 2])
      guard Self.isPersonColour(l: l, a: a, b: b) else { continue }
      points += [l, a, b]
      weights.append(weight)
    }
    if weights.reduce(0, +) < 0.3 * Double(max(pixels.count, 1)) {
      (points, weights) = (binned.points, binned.weights)
    }
    let fine = KMeans.cluster(points, weights: weights, k: Self.clusterCount, seed: seed)
    let centres = fine.centres
    let k = centres.count
    // Pixels of a colour no person has get their own label, k, which is never kept.
    let assigned = pixels.assign(to: centres, nonPersonLabel: UInt8(k))
    let labels = assigned.labels
    let counts = assigned.counts
    let outsideCount = counts[k]
    let subset = pixels.estimation
    let layout = Layout(pixels: pixels, labels: labels, subset: subset, clusters: k)
    let shares = counts.prefix(k).map { Double($0) / Double(max(pixels.count, 1)) }
    let skinLike = centres.indices.map { SkinLocus.contains(centres[$0]) }
    let coherence = Self.coherence(
      grid: assigned.grid, labels: labels, subset: subset, width: pixels.gridWidth, centres: centres)
    // Sensor noise and skin texture split one evenly lit face into fine clusters of nearly one
    // colour: each claims with the share of the skin-like clusters within ``sameColour`` of it.
    let regionShares = centres.indices.map { j in
      centres.indices.reduce(0.0) { sum, i in
        sum + (skinLike[i] && DeltaE.ciede2000(centres[i], centres[j]) <= Self.sameColour ? shares[i] : 0)
      }
    }
    let placed = centres.indices.map {
      Self.seedScore(centres[$0], share: regionShares[$0]) * layout.centrality[$0]
        * min(1, coherence[$0] / Self.coherent)
    }
    let seedIndex = centres.indices.filter {
      skinLike[$0] && layout.borderRatio[$0] <= Self.borderRatio && shares[$0] >= Self.minimumShare
    }.max { placed[$0] < placed[$1] }
    var keep = [Bool](repeating: true, count: k + 1)
    keep[k] = false
    let lightness = pixels.lightnessGrid()
    var texture: [Double] = []
    if let s = seedIndex {
      let touch = pixels.touchFractions(
        grid: assigned.grid, assignment: labels, subset: subset, clusters: k, target: s)
      texture = HairEvidence.textures(
        pixels: pixels, assignment: labels, subset: subset, clusters: k, lightness: lightness)
      let smoothLimit = Self.smooth * max(texture[s], 0.25)
      // Mean row of the skin: the seed and the skin-like clusters that stay.
      var rowSum = 0.0
      var rowWeight = 0.0
      for j in 0..<k where skinLike[j] && layout.borderRatio[j] <= Self.borderRatio {
        rowSum += layout.meanRow[j] * shares[j]
        rowWeight += shares[j]
      }
      let skinRow = rowWeight > 0 ? rowSum / rowWeight : layout.meanRow[s]
      for j in 0..<k where j != s && touch[j] < Self.interspersed {
        let hairLike = HairGamut.contains(centres[j])
        let smooth = texture[j] <= smoothLimit
        let hugsBorder =
          layout.borderRatio[j] > Self.borderRatio && DeltaE.ciede2000(centres[j], centres[s]) > Self.sameSkin
          && (smooth || !hairLike)
        let neither = !skinLike[j] && !hairLike
        let below = !skinLike[j] && layout.meanRow[j] - skinRow > Self.clothesDrop && smooth
        if hugsBorder || neither || below { keep[j] = false }
      }
    }
    self.centres = centres
    self.keep = keep
    self.labels = labels
    self.grid = assigned.grid
    self.counts = counts
    self.textures = texture
    self.lightness = lightness
    self.seed = seedIndex
    self.excludedShare =
      zip(keep.prefix(k), shares).reduce(0) { $0 + ($1.0 ? 0 : $1.1) } + Double(outsideCount) / Double(max(pixels.count, 1))
  }

  /// Whether a colour is in the ``SkinLocus`` or the ``HairGamut`` (``PersonColours``).
  @inline(__always)
  static func isPersonColour(l: Float, a: Float, b: Float) -> Bool {
    PersonColours.standard.contains(l: l, a: a, b: b)
  }

  /// How strongly a cluster of colour `lab` holding `share` of the pixels claims to be the skin:
  /// share × hue typicality (``SkinLocus/typicality(_:)``) × √(L*/100) — the reference is the skin
  /// facing the light, so of two equal skin-coloured regions the lighter is taken (shaded skin and
  /// beard shadow are darker versions of it).
  static func seedScore(_ lab: Lab, share: Double) -> Double {
    share * SkinLocus.typicality(lab) * (max(lab.l, 0) / 100).squareRoot()
  }

  /// Below this ``coherence(grid:labels:subset:width:centres:)`` a cluster is scattered (edges,
  /// mixtures, specks through foliage) and its claim to be the skin is scaled down in proportion.
  static let coherent = 0.6

  /// Fine clusters closer than this (ΔE00) are one colour split by noise: they claim the skin
  /// together (``seedScore(_:share:)`` of their summed share). The bar for a measured skin.
  static let sameColour = 3.0

  /// Neighbouring clusters closer than this (ΔE00) are one region for
  /// ``coherence(grid:labels:subset:width:centres:)``: the lit and half-lit bands of one face
  /// (``SkinRegion/toneReach``).
  static let sameRegion = SkinRegion.toneReach

  /// Per fine cluster: the share of its pixels (over the estimation subset) whose four neighbours
  /// in the padded label `grid` lie in the same cluster or one within ΔE00 ``sameRegion`` of it.
  /// A region (a face, lit and half-lit) keeps most of its pixels inside; a cluster of mixtures
  /// (the rims of a face and a beard, sky through leaves, highlights) lies along edges.
  static func coherence(grid: [UInt8], labels: [UInt8], subset: TonePixels.EstimationSet, width: Int, centres: [Lab])
    -> [Double]
  {
    let k = centres.count
    // near[a * 256 + b]: labels a and b are one region (a grid marker is never near anything).
    var near = [Bool](repeating: false, count: 256 * 256)
    for a in 0..<k {
      for b in 0..<k where a == b || DeltaE.ciede2000(centres[a], centres[b]) <= sameRegion { near[a * 256 + b] = true }
    }
    let pw = width + 2
    var inside = [Int](repeating: 0, count: k + 1)
    var total = [Int](repeating: 0, count: k + 1)
    for (n, index) in subset.indices.enumerated() {
      let label = Int(labels[Int(index)])
      guard label < k else { continue }
      let q = Int(subset.padded[n])
      total[label] += 1
      guard q - pw >= 0, q + pw < grid.count else { continue }
      let row = label * 256
      if near[row + Int(grid[q - 1])], near[row + Int(grid[q + 1])], near[row + Int(grid[q - pw])],
        near[row + Int(grid[q + pw])]
      {
        inside[label] += 1
      }
    }
    return (0..<k).map { total[$0] > 0 ? Double(inside[$0]) / Double(total[$0]) : 0 }
  }

  /// Where each fine cluster lies in the frame (over the estimation subset).
  struct Layout {
    var borderRatio: [Double]
    var meanRow: [Double]
    /// Mean over the cluster's pixels of their distance to the nearest side of the usable pixels'
    /// bounding box, over half its shorter side (capped at 1): 1 at the centre, 0 on the border.
    /// The client is framed in the middle; bystanders and backdrops are nearer the edges.
    var centrality: [Double]

    init(pixels: TonePixels.Buffer, labels: [UInt8], subset: TonePixels.EstimationSet, clusters k: Int) {
      let w = pixels.gridWidth
      var (x0, x1, y0, y1) = (Int.max, Int.min, Int.max, Int.min)
      for index in subset.indices {
        let p = Int(pixels.position[Int(index)])
        let (x, y) = (p % max(w, 1), p / max(w, 1))
        (x0, x1, y0, y1) = (min(x0, x), max(x1, x), min(y0, y), max(y1, y))
      }
      borderRatio = [Double](repeating: 0, count: k)
      meanRow = [Double](repeating: 0, count: k)
      centrality = [Double](repeating: 0, count: k)
      guard x0 <= x1, y0 <= y1 else { return }
      let half = 0.5 * Double(min(x1 - x0 + 1, y1 - y0 + 1))
      let band = max(1, Int(SceneFilter.bandFraction * Double(min(x1 - x0 + 1, y1 - y0 + 1))))
      let height = Double(max(1, y1 - y0))
      var count = [Int](repeating: 0, count: k)
      var inBand = [Int](repeating: 0, count: k)
      var rows = [Double](repeating: 0, count: k)
      var centre = [Double](repeating: 0, count: k)
      for index in subset.indices {
        let i = Int(index)
        let c = Int(labels[i])
        guard c < k else { continue }
        let p = Int(pixels.position[i])
        let (x, y) = (p % w, p / w)
        count[c] += 1
        if x - x0 < band || x1 - x < band || y - y0 < band || y1 - y < band { inBand[c] += 1 }
        rows[c] += Double(y - y0) / height
        centre[c] += min(1, Double(min(x - x0, x1 - x, y - y0, y1 - y)) / half)
      }
      let total = count.reduce(0, +)
      let totalInBand = inBand.reduce(0, +)
      let expected = total > 0 ? Double(totalInBand) / Double(total) : 0
      for c in 0..<k where count[c] > 0 {
        borderRatio[c] = expected > 0 ? Double(inBand[c]) / Double(count[c]) / expected : 0
        meanRow[c] = rows[c] / Double(count[c])
        centrality[c] = centre[c] / Double(count[c])
      }
    }
  }
}
