import Foundation

/// Skin tone, hair tone and skin type of a consultation photo.
///
/// The method, step by step:
/// 1. **Sampling.** The photo is decoded downscaled (``ToneAnalysisOptions/minimumShortSide``), then
///    limited to the region of interest and/or mask (given in full-resolution coordinates) and to
///    opaque pixels, and converted to CIELAB D65.
/// 2. **Rejection.** Deep shadow (L* < 4) and clipped highlights (L* > 96) are dropped, and so is
///    anything that is neither skin nor hair by colour: green (a* < −6), blue/violet (b* < −6) or
///    too saturated (C*ab > 65). Skin and hair of every type sit in the warm/neutral quadrant.
/// 3. **Scene** (`SceneFilter`). Colours no person has (neither in the `SkinLocus` nor the
///    `HairGamut`) are left out; the rest are clustered finely (k = 10) and, from colour and place,
///    walls, backdrops and curtains framing the subject (clusters crowding the photo's border) and
///    clothes (smooth clusters well below the skin) are left out too. The skin is grown from the most
///    skin-like, lit cluster through clusters of the same hue and similar colour that are not
///    textured (`SkinRegion`): its tone (step 5) comes from the part within ΔE00 10 of the seed.
/// 4. **Clustering and roles.** k-means++ (Arthur & Vassilvitskii 2007) on the pixels that stay,
///    through a 2 ΔE colour histogram (`ColourHistogram`), k from 2…6 by the elbow rule of
///    `KMeans/clusterChoosingK(_:weights:scatter:range:seed:elbow:)`; every pixel is then
///    assigned to its nearest centre. *skin* = the cluster nearest the scene's skin tone plus
///    skin-like clusters within ΔE00 7 of it; *hair* = among the other clusters in the hair gamut
///    holding ≥ 2 % of the pixels, farthest from the skin first, the first that `HairEvidence`
///    shows to be hair (scattered through the skin as stubble, or textured above the skin as a head
///    of hair) — none on a bald or clean-shaven scalp; stubble as light as the skin (grey, blond)
///    clusters in with the skin and is split off by its hue or chroma toward the hair family and its
///    scattering through the skin (`LightHair`), the skin then measured on what stays skin; when no
///    cluster is, after step 6 the band directly above
///    each large skin region's upper edge is read by place (`HeadHair`: a head of hair on a face
///    photo is often a small part of the frame, clustered with a suit or a backdrop); a head of hair
///    found as a cluster of ≥ `HeadHair.wholeHeadShare` of the pixels is also read there, on a
///    coarser grid, when the band is hair (its tone at the scalp, not the lengths'), unless the band's
///    colour runs on to both side edges of the photo at its height (`HeadBackdrop`: a wall above a
///    bald head); then an
///    *other* cluster of the skin's hue
///    within ΔE00 16 whose pixels seldom touch hair pixels joins the skin (a face's shaded side);
///    the rest stay *other* (skin–hair mixtures at stubble edges, highlights, leftovers).
/// 5. **Skin tone.** Per-channel median of *clean* skin pixels — skin pixels whose 8 neighbours are
///    all skin, so the anti-aliased rims of stubble dots do not darken it — after dropping specular
///    pixels brighter than the median by more than max(6, 4 robust σ) of L*. When the scene found a
///    skin region (step 3) the pixels are its lit part; when it found none, or the skin is not of a
///    skin colour, or much of the skin is lit differently from the part measured, a
///    ``ToneWarning/skinUncertain(reason:)`` caps the confidence at `uncertainSkinConfidence`.
/// 6. **Hair tone (unmixing).** Stubble pixels are area mixtures of hair and skin, so the hair
///    cluster's centre lies between the two; an *other* cluster near or past that centre, against the
///    hair, is its purer part and joins it here (`hairBeyond`). Lightness: each hair-cluster pixel is placed on the
///    skin→centre line (t = 0 at the skin, 1 at the centre) and the hair's L* is the median of the
///    pixels beyond the `hairCorePercentile` quantile of t — the most hair-like part, where
///    coverage is (nearly) full; lighting and noise spread it both ways, so its median stays near
///    the colour at the median light. Chroma: JPEG 4:2:0 blurs the chroma over several pixels, so
///    it comes from `HairUnmixing` (JPEG's Cb, Cr regressed on the blurred hair fraction, read at
///    1), kept only if it moves the chroma away from the skin's, by at most 25, to a natural hair
///    colour. When no pixel is pure hair
///    (`SubPixelHair`: the cluster's t values stay level or thin out toward the hair instead of
///    piling up in a hump of pure hair: stubble dots and strands narrower than a pixel), the
///    lightness comes from the most covered pixels (99th percentile of t) and the colour is the
///    nearest of the natural-hair family (`HairGamut.nearest`, the melanin model): the mixing line
///    ends where it meets the family. A hair found by place is the per-channel median of its band
///    past its most skin-like pixels (`HeadHair.core`: hairline mixtures).
/// 7. **Skin type.** ITA° (Chardon 1991), class (Del Bino 2006), Fitzpatrick by convention, Monk swatch.
///
/// The statistics of steps 3–6 (touching fractions, medians, quantiles, the unmixing fit) are
/// estimated on every usable pixel of a region up to 50 000 pixels, and on a deterministic
/// pseudo-random subset of about that many in larger ones; neighbourhoods and the unmixing blur
/// always see every pixel. Cluster shares count every pixel.
public struct ToneAnalysis: Sendable {
  /// What was analysed.
  public struct PhotoSummary: Sendable, Equatable {
    /// Full-resolution size as stored in the file.
    public let width, height: Int
    public let format: PhotoFormat
    public let colorProfile: String
    /// Pixels left after region, mask and rejection (at the decoded scale).
    public let analysedPixels: Int
    /// Linear downscale factor of the decode (1 = full resolution).
    public let downscale: Double
  }

  public let photo: PhotoSummary
  public let skin: SkinTone
  /// Nil when no hair cluster was found (then ``warnings`` says so).
  public let hair: HairTone?
  /// All clusters, largest share first.
  public let clusters: [ToneCluster]
  /// 0…1: how far to trust the result (pixel count, skin share and spread, hair contrast, warnings).
  public let confidence: Double
  public let warnings: [ToneWarning]
  /// Where the skin and hair pixels were (a hair found by place: its band), on a coarse grid over
  /// the photo (for drawing only).
  public let regions: ToneRegionMap
  /// The colour-cast check's fit of ``skin``, started while the analysis finished (asked for by
  /// ``PhotoMeasurement``); nil when not asked for.
  let skinFitAhead: SkinFitAhead?

  /// Fewest usable pixels an analysis accepts (a 1×1 photo cannot be clustered).
  package static let minimumPixels = 64
  /// Below this many analysed pixels a ``ToneWarning/fewPixels(count:)`` is given.
  package static let fewPixelsWarning = 2_000
  /// Skin–hair ΔE00 below which the hair estimate is flagged: about 4× a just-noticeable
  /// difference, where the mixture line is short compared with lighting spread.
  package static let lowContrastThreshold = 8.0
  /// Percentile of the hair cluster along the skin→hair line above which pixels count as hair core.
  package static let hairCorePercentile = 0.45
  /// Highest confidence an analysis whose skin is uncertain (``ToneWarning/skinUncertain(reason:)``) gets.
  package static let uncertainSkinConfidence = 0.45
  /// Above this share of the skin region lit differently from the measured part
  /// (`SkinRegion.toneReach`), the skin tone depends on which light is taken: a warning.
  package static let unevenLightShare = 0.3
  /// Above this share of the skin region lit more brightly than the measured part, the tone is
  /// not that of the skin facing the light (``SceneFilter`` took a half-lit seed): a warning.
  package static let brighterLightShare = 0.2
  /// Most pixels the statistics of steps 4–6 are estimated from (``TonePixels/Collector``).
  static let estimationBudget = 50_000

  /// Decodes the photo at `path` (downscaled) and analyses it. When the decoder can hand out rows
  /// while it works (8-bit RGB JPEGs, untagged or with an RGB ICC profile, see
  /// `PhotoDecoder.decode(contentsOf:options:rows:)`), steps 1–2 run on each band of rows as it is
  /// finished, overlapping the decode of the rest.
  public init(contentsOf path: String, options: ToneAnalysisOptions = ToneAnalysisOptions()) throws(ToneAnalysisError) {
    try self.init(contentsOf: path, options: options, fitsSkin: false)
  }

  /// ``init(contentsOf:options:)``; with `fitsSkin`, the colour-cast check's skin fit is started as
  /// soon as the skin tone is known (``skinFitAhead``).
  init(contentsOf path: String, options: ToneAnalysisOptions, fitsSkin: Bool) throws(ToneAnalysisError) {
    // Start a worker thread while the decoder runs, so the parallel steps after it need not
    // wait for one to be created (measured: ~1 ms of the 12 MP critical path).
    DispatchQueue.global().async {}
    var collector: TonePixels.Collector?
    var refusal: ToneAnalysisError?
    let decoded: Photo
    do throws(PhotoError) {
      decoded = try PhotoDecoder.decode(
        contentsOf: path, options: DecodeOptions(minimumShortSide: options.minimumShortSide)
      ) { band in
        if collector == nil, refusal == nil {
          do throws(ToneAnalysisError) {
            collector = try TonePixels.Collector(
              width: band.width, height: band.height, fullWidth: band.fileWidth, fullHeight: band.fileHeight,
              name: path, options: options)
          } catch {
            refusal = error
          }
        }
        collector?.add(band: band)
      }
    } catch {
      throw .photo(error)
    }
    if let refusal { throw refusal }
    if collector?.rowsTaken == decoded.height, var streamed = collector.take() {
      try self.init(
        photo: decoded, name: path, options: options, sampling: TonePixels(collecting: &streamed), fitsSkin: fitsSkin)
    } else {
      try self.init(photo: decoded, name: path, options: options, fitsSkin: fitsSkin)
    }
  }

  /// Analyses a decoded photo; `name` is used in errors. Region and mask are in the coordinates
  /// of the photo's full-resolution size (`PhotoMetadata.width`/`height`).
  public init(photo: Photo, name: String, options: ToneAnalysisOptions = ToneAnalysisOptions())
    throws(ToneAnalysisError)
  {
    try self.init(photo: photo, name: name, options: options, fitsSkin: false)
  }

  /// ``init(photo:name:options:)``; with `fitsSkin`, the colour-cast check's skin fit is started as
  /// soon as the skin tone is known (``skinFitAhead``).
  init(photo: Photo, name: String, options: ToneAnalysisOptions, fitsSkin: Bool) throws(ToneAnalysisError) {
    try self.init(
      photo: photo, name: name, options: options, sampling: TonePixels(photo: photo, name: name, options: options),
      fitsSkin: fitsSkin)
  }

  /// Steps 3–7 on the usable pixels of `photo`. With `fitsSkin`, the skin model is fitted to the
  /// scene's skin tone on a worker thread from the moment it is measured (it is the final tone
  /// unless `LightHair` re-measures the skin), and to the final tone as soon as that is known when
  /// it differs (``skinFitAhead``).
  init(photo: Photo, name: String, options: ToneAnalysisOptions, sampling: TonePixels, fitsSkin: Bool = false)
    throws(ToneAnalysisError)
  {
    var pixels = sampling.pixels
    try Self.checkUsable(pixels, name: name)

    // 3a. Leave out what is not the person (walls, backdrops, clothes), and find the skin on the
    // scene's fine clusters.
    let scene = SceneFilter(pixels: pixels, seed: options.seed)
    let sceneSkin = Self.sceneSkin(scene, pixels: &pixels)
    let fineSkin = sceneSkin?.tone
    var fitAhead = fitsSkin ? sceneSkin.map { SkinFitAhead(skin: $0.tone.lab) } : nil

    // 3. Cluster every pixel through the colour histogram, then assign every pixel.
    let binned = pixels.histogram
    let centres = KMeans.clusterChoosingK(
      binned.points, weights: binned.weights, scatter: binned.scatter, range: 2...6, seed: options.seed
    ).centres
    let assigned = pixels.assign(to: centres)
    let assignment = assigned.labels
    let grid = assigned.grid
    let shares = assigned.counts.map { Double($0) / Double(pixels.count) }
    let subset = pixels.estimation

    // 4. Roles.
    guard var roles = Self.roles(centres: centres, shares: shares, near: fineSkin?.lab) else {
      throw .noSkinPixels(path: name)
    }
    let headOfHair = Self.chooseHair(
      &roles, centres: centres, shares: shares, pixels: pixels, grid: grid, assignment: assignment, subset: subset,
      skin: fineSkin?.lab, lightness: scene.lightness)
    // Stubble as light as the skin clusters with it (`LightHair`); the scene's skin then held it too.
    let lightHair =
      roles.contains(.hair)
      ? nil
      : LightHair.split(
        &roles, centres: centres, shares: shares, pixels: pixels, grid: grid, assignment: assignment, subset: subset,
        lightness: scene.lightness)
    Self.mergeShadedSkin(&roles, centres: centres, pixels: pixels, grid: grid, assignment: assignment, subset: subset)
    // The scene's skin seed was the hair (white or blond hair filling the frame): measure the skin clusters.
    let sceneTookHair = LightHair.tookHair(fineSkin?.lab, roles: roles, centres: centres, shares: shares)

    // 5–6. Skin and hair tones.
    let (skin, clusterHair) = Self.tones(
      pixels: pixels, assignment: assignment, grid: grid, subset: subset, roles: roles, centres: centres,
      shares: shares, skin: lightHair == nil && !sceneTookHair ? fineSkin : nil)
    let skinLab = skin.lab
    if fitsSkin, fitAhead?.skin != skinLab {
      fitAhead?.abandon()
      fitAhead = SkinFitAhead(skin: skinLab)
    }
    var hair = clusterHair
    if lightHair == .greyer, let found = clusterHair, let index = roles.firstIndex(of: .hair) {
      let lab = LightHair.greyLineEnd(skin: skinLab, through: centres[index])
      hair = HairTone(
        lab: lab, share: found.share, spread: found.spread, contrast: DeltaE.ciede2000(skinLab, lab))
    }
    // Where a hair found by place was measured (decoded-grid positions), for the region map.
    var hairBand: [Int] = []
    if hair == nil || (headOfHair && (clusterHair?.share ?? 0) >= HeadHair.wholeHeadShare),
      let found = Self.hairAtScalp(
        pixels: pixels,
        skinLabels: Self.skinPixels(
          assignment: assignment, roles: roles, centres: centres, shares: shares, measured: sceneSkin?.measured,
          skin: fineSkin),
        all: sampling.pixels, skin: skinLab, lightness: scene.lightness,
        // Re-reading a hair already found: on a coarser grid (a few ms on a 12 MP photo).
        step: hair == nil ? 1 : HeadHair.coarseStep(cells: pixels.gridWidth * pixels.gridHeight),
        clusterShare: clusterHair?.share)
    {
      hair = found.tone
      hairBand = found.band
    }

    // 7. Warnings and confidence.
    let (warnings, confidence) = Self.assessment(
      photo: photo, pixels: pixels, skin: skin, hair: hair, sceneSkin: sceneSkin, skinFound: scene.skinFound)

    self.photo = PhotoSummary(
      width: sampling.fullWidth, height: sampling.fullHeight, format: photo.metadata.format,
      colorProfile: photo.metadata.colorProfile, analysedPixels: pixels.count, downscale: sampling.scale)
    self.skin = skin
    self.hair = hair
    self.clusters = centres.indices.map { ToneCluster(lab: centres[$0], share: shares[$0], role: roles[$0]) }
      .sorted { $0.share > $1.share }
    self.confidence = confidence
    self.warnings = warnings
    self.regions = ToneRegionMap(
      grid: grid, width: pixels.gridWidth, height: pixels.gridHeight, roles: roles, hairBand: hairBand)
    self.skinFitAhead = fitAhead
  }

  // MARK: - Steps

  /// Steps 5 and 6: the skin tone and the hair tone.
  static func tones(
    pixels: TonePixels.Buffer, assignment: [UInt8], grid: [UInt8], subset: TonePixels.EstimationSet,
    roles: [ToneRole], centres: [Lab], shares: [Double], skin given: SkinTone? = nil
  ) -> (skin: SkinTone, hair: HairTone?) {
    // 5. Skin tone from clean skin pixels (unless the scene's skin region gave it).
    let skin: SkinTone
    if let given {
      skin = given
    } else {
      let isSkin = roles.map { $0 == .skin }
      let skinShare = zip(shares, isSkin).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
      let clean = pixels.cleanIndices(grid: grid, assignment: assignment, subset: subset, accept: isSkin)
      let lab = Self.skinEstimate(pixels: pixels, indices: clean)
      skin = SkinTone(lab: lab, share: skinShare, spread: Self.spread(pixels: pixels, indices: clean, around: lab))
    }
    let skinLab = skin.lab

    // 6. Hair tone by unmixing along the skin→hair line.
    var hair: HairTone?
    if let hairIndex = roles.firstIndex(of: .hair) {
      let beyond = Self.hairBeyond(
        hair: hairIndex, skin: skinLab, roles: roles, centres: centres, pixels: pixels, grid: grid,
        assignment: assignment, subset: subset)
      var isMember = [Bool](repeating: false, count: 256)
      isMember[hairIndex] = true
      for j in beyond { isMember[j] = true }
      var members: [Int] = []
      members.reserveCapacity(subset.count)
      for index in subset.indices where isMember[Int(assignment[Int(index)])] { members.append(Int(index)) }
      if let (estimate, core, subPixel) = Self.hairEstimate(
        pixels: pixels, members: members, skin: skinLab, centre: centres[hairIndex])
      {
        var lab = estimate
        // Chroma past the blur: skin, hair and the mixtures between them take part.
        let onLine = centres.indices.map { j in
          roles[j] != .other || Self.liesBetween(centres[j], skinLab, centres[hairIndex]) || beyond.contains(j)
        }
        if let chroma = HairUnmixing.chroma(
          pixels: pixels, assignment: assignment, subset: subset, include: onLine, skinL: skinLab.l, hairL: lab.l)
        {
          // Sanity: unmixing moves the chroma away from the skin's (it ends no nearer the skin's
          // than the core's: where JPEG kept the skin's chroma on the hair the core's has no
          // direction of its own), by no more than 25, to a natural hair colour.
          let shift = (chroma.a - lab.a, chroma.b - lab.b)
          let fromSkin = { (a: Double, b: Double) in (a - skinLab.a) * (a - skinLab.a) + (b - skinLab.b) * (b - skinLab.b) }
          if fromSkin(chroma.a, chroma.b) >= fromSkin(lab.a, lab.b), shift.0 * shift.0 + shift.1 * shift.1 <= 625,
            HairGamut.contains(Lab(l: lab.l, a: chroma.a, b: chroma.b))
          {
            lab = Lab(l: lab.l, a: chroma.a, b: chroma.b)
          }
        }
        // No pure hair pixel: the line ends where it meets the natural-hair family.
        if subPixel { lab = HairGamut.nearest(lab) }
        hair = HairTone(
          lab: lab, share: shares[hairIndex], spread: Self.spread(pixels: pixels, indices: core, around: lab),
          contrast: DeltaE.ciede2000(skinLab, lab))
      }
    }
    return (skin, hair)
  }

  /// Which pixels (of the clustered buffer) are the skin, for finding the hair above it, as each
  /// pixel's label and whether a label is skin: the skin clusters, unless the main skin cluster lies
  /// farther than ``SkinRegion/toneReach`` from the skin tone the scene measured (a small face whose
  /// coarse cluster took in hair and shade of the skin's hue: its upper edge is then the top of the
  /// hair); then the scene's fine clusters the skin tone was measured on.
  static func skinPixels(
    assignment: [UInt8], roles: [ToneRole], centres: [Lab], shares: [Double],
    measured: (labels: [UInt8], skin: [Bool])?, skin: SkinTone?
  ) -> (labels: [UInt8], skin: [Bool]) {
    let main = roles.indices.filter { roles[$0] == .skin }.max { shares[$0] < shares[$1] }
    if let measured, let skin, let main, measured.labels.count == assignment.count,
      DeltaE.ciede2000(centres[main], skin.lab) > SkinRegion.toneReach
    {
      return measured
    }
    return (assignment, roles.map { $0 == .skin })
  }

  /// Whether a cluster centre could be skin: hue 15–100°, C* ≥ 4, L* ≥ 15.
  static func isSkinLike(_ lab: Lab) -> Bool {
    let lch = lab.lch
    return lch.c >= 4 && lch.h >= 15 && lch.h <= 100 && lab.l >= 15
  }

  /// The role rule of step 4; nil when no cluster is skin-like.
  static func roles(centres: [Lab], shares: [Double], near skin: Lab? = nil) -> [ToneRole]? {
    let skinLike = centres.indices.filter { isSkinLike(centres[$0]) }
    let inLocus = skinLike.filter { SkinLocus.contains(centres[$0]) && shares[$0] >= 0.02 }
    let pool = inLocus.isEmpty ? skinLike : inLocus
    let chosen =
      skin.map { s in
        pool.min { DeltaE.ciede2000(centres[$0], s) < DeltaE.ciede2000(centres[$1], s) }
      } ?? pool.max(by: { shares[$0] < shares[$1] })
    guard let main = chosen else { return nil }
    var roles = [ToneRole](repeating: .other, count: centres.count)
    for i in skinLike where DeltaE.ciede2000(centres[i], centres[main]) < 7 { roles[i] = .skin }
    return roles
  }

  /// Step 4, hair: among the non-skin clusters in the `HairGamut` holding ≥ 2 % of the pixels,
  /// farthest (ΔE00) from the main skin cluster first, the first that `HairEvidence` shows to be
  /// hair on the head; none when no candidate is (a bald or clean-shaven scalp). Returns whether
  /// the hair chosen is a head of hair (not interspersed with the skin as stubble or strands are).
  @discardableResult
  static func chooseHair(
    _ roles: inout [ToneRole], centres: [Lab], shares: [Double], pixels: TonePixels.Buffer, grid: [UInt8],
    assignment: [UInt8], subset: TonePixels.EstimationSet, skin: Lab? = nil, lightness given: [Float]? = nil
  ) -> Bool {
    guard let main = roles.indices.filter({ roles[$0] == .skin }).max(by: { shares[$0] < shares[$1] }) else {
      return false
    }
    let candidates = centres.indices.filter {
      roles[$0] != .skin && shares[$0] >= 0.02 && HairGamut.contains(centres[$0])
    }.sorted { DeltaE.ciede2000(centres[$0], centres[main]) > DeltaE.ciede2000(centres[$1], centres[main]) }
    guard !candidates.isEmpty else { return false }
    let lightness = given ?? pixels.lightnessGrid()
    let layout = SceneFilter.Layout(pixels: pixels, labels: assignment, subset: subset, clusters: centres.count)
    for candidate in candidates {
      var evidence = HairEvidence.measure(
        hair: candidate, roles: roles, pixels: pixels, grid: grid, assignment: assignment, subset: subset,
        clusters: centres.count, lightness: lightness)
      evidence.border = layout.borderRatio[candidate]
      if HairEvidence.isHair(centres[candidate], share: shares[candidate], measures: evidence, skin: skin ?? centres[main]) {
        roles[candidate] = .hair
        return evidence.touching < HairEvidence.interspersed
      }
    }
    return false
  }

  /// Step 4, second part: an *other* cluster with the skin's hue (within 12°), within ΔE00 16 of a
  /// skin cluster (the lit/shaded range of one face), whose pixels seldom touch hair pixels (< 25 %
  /// have a hair 8-neighbour) is the same skin under other light, not a stubble mixture (which
  /// lines every hair dot), so it joins the skin.
  static func mergeShadedSkin(
    _ roles: inout [ToneRole], centres: [Lab], pixels: TonePixels.Buffer, grid: [UInt8], assignment: [UInt8],
    subset: TonePixels.EstimationSet
  ) {
    let skinIndices = roles.indices.filter { roles[$0] == .skin }
    guard !skinIndices.isEmpty else { return }
    // With no hair nothing is a stubble mixture.
    let touch =
      roles.firstIndex(of: .hair).map {
        pixels.touchFractions(grid: grid, assignment: assignment, subset: subset, clusters: centres.count, target: $0)
      } ?? [Double](repeating: 0, count: centres.count)
    for j in centres.indices where roles[j] == .other && isSkinLike(centres[j]) && touch[j] < 0.25 {
      let hue = centres[j].lch.h
      if skinIndices.contains(where: {
        abs(centres[$0].lch.h - hue) <= 12 && DeltaE.ciede2000(centres[$0], centres[j]) <= 16
          && !LightHair.isGreyerThanShade(centres[j], of: centres[$0])
      }) {
        roles[j] = .skin
      }
    }
  }

  /// Step 5: per-channel median of `indices`, after dropping specular outliers in L*.
  static func skinEstimate(pixels: TonePixels.Buffer, indices: [Int]) -> Lab {
    let ls = indices.map { pixels.l[$0] }
    let medianL = Statistics.median(ls)
    let mad = Statistics.median(ls.map { abs($0 - medianL) })
    let limit = medianL + max(6, 4 * 1.4826 * mad)
    let kept = indices.filter { pixels.l[$0] <= limit }
    return Statistics.medianLab(pixels: pixels, indices: kept.isEmpty ? indices : kept)
  }

  /// Step 6: the hair's own colour and the core pixels it came from; nil with fewer than 8 members.
  static func hairEstimate(pixels: TonePixels.Buffer, members: [Int], skin: Lab, centre: Lab) -> (
    Lab, [Int], subPixel: Bool
  )? {
    guard members.count >= 8 else { return nil }
    guard let t = lineParameters(of: members, in: pixels, from: skin, through: centre) else {
      return (centre, members, false)
    }
    let threshold = Statistics.quantile(t, hairCorePercentile)
    let core = zip(members, t).filter { $0.1 >= threshold }.map(\.0)
    if SubPixelHair.isSubPixel(t) {
      return (SubPixelHair.lineEnd(t: t, skin: skin, centre: centre), core, true)
    }
    return (Statistics.medianLab(pixels: pixels, indices: core), core, false)
  }

  /// Each of `members` projected on the line from `skin` (t = 0) through `centre` (t = 1); nil
  /// when the two coincide.
  static func lineParameters(of members: [Int], in pixels: TonePixels.Buffer, from skin: Lab, through centre: Lab)
    -> [Double]?
  {
    let d = (centre.l - skin.l, centre.a - skin.a, centre.b - skin.b)
    let norm2 = d.0 * d.0 + d.1 * d.1 + d.2 * d.2
    guard norm2 > 1e-9 else { return nil }
    return members.map { i -> Double in
      ((Double(pixels.l[i]) - skin.l) * d.0 + (Double(pixels.a[i]) - skin.a) * d.1 + (Double(pixels.b[i]) - skin.b)
        * d.2)
        / norm2
    }
  }

  /// The *other* clusters that are the purer part of the hair cluster `hair`: in the `HairGamut`,
  /// near or past the hair's centre on the line from the skin (projection t ≥ ``beyondStart`` = 0.8,
  /// and no farther than the line stays natural hair, ``SubPixelHair/naturalReach(skin:centre:)``;
  /// off the line by at most half its length: JPEG chroma blur bends it), and lying against the hair (≥
  /// ``beyondTouch`` of their pixels have a hair 8-neighbour). Stubble and a fringe cluster into
  /// skin–hair mixtures (which touch the skin and so are shown to be hair) and the pure hair of the
  /// fringe's inside beyond them; the hair's tone is read from both.
  static func hairBeyond(
    hair: Int, skin: Lab, roles: [ToneRole], centres: [Lab], pixels: TonePixels.Buffer, grid: [UInt8],
    assignment: [UInt8], subset: TonePixels.EstimationSet
  ) -> [Int] {
    let h = centres[hair]
    guard h != skin else { return [] }
    // Past the natural-hair family the line is no hair (SubPixelHair.naturalReach).
    let reach = SubPixelHair.naturalReach(skin: skin, centre: h)
    let along = centres.indices.filter { j in
      guard roles[j] == .other, HairGamut.contains(centres[j]),
        let p = projection(of: centres[j], from: skin, to: h)
      else { return false }
      return p.t >= beyondStart && p.t <= reach && p.offset2 <= p.length2 / 4
    }
    guard !along.isEmpty else { return [] }
    let touch = pixels.touchFractions(
      grid: grid, assignment: assignment, subset: subset, clusters: centres.count, target: hair)
    return along.filter { touch[$0] >= beyondTouch }
  }

  /// Least projection on the skin→hair line for a cluster to count as the hair's purer part.
  static let beyondStart = 0.8
  /// Least share of a purer cluster's pixels touching the hair cluster.
  static let beyondTouch = 0.2

  /// Whether `x` lies near the segment from `p` to `q` (projection inside, distance ≤ ¼ of its length).
  static func liesBetween(_ x: Lab, _ p: Lab, _ q: Lab) -> Bool {
    guard let line = projection(of: x, from: p, to: q) else { return false }
    return line.t > 0 && line.t < 1 && line.offset2 <= line.length2 / 16
  }

  /// Where `x` projects on the line from `p` (t = 0) to `q` (t = 1) in CIELAB, its squared distance
  /// from the line and the squared length p→q; nil when p = q.
  static func projection(of x: Lab, from p: Lab, to q: Lab) -> (t: Double, offset2: Double, length2: Double)? {
    let d = (q.l - p.l, q.a - p.a, q.b - p.b)
    let v = (x.l - p.l, x.a - p.a, x.b - p.b)
    let len2 = d.0 * d.0 + d.1 * d.1 + d.2 * d.2
    guard len2 > 0 else { return nil }
    let t = (v.0 * d.0 + v.1 * d.1 + v.2 * d.2) / len2
    let off = (v.0 - t * d.0, v.1 - t * d.1, v.2 - t * d.2)
    return (t, off.0 * off.0 + off.1 * off.1 + off.2 * off.2, len2)
  }

  /// Median ΔE76 of `indices` from `centre`; 0 when empty.
  static func spread(pixels: TonePixels.Buffer, indices: [Int], around centre: Lab) -> Double {
    let distances = indices.map { i -> Float in
      let dl = pixels.l[i] - Float(centre.l)
      let da = pixels.a[i] - Float(centre.a)
      let db = pixels.b[i] - Float(centre.b)
      return (dl * dl + da * da + db * db).squareRoot()
    }
    return Double(Statistics.median(distances))
  }
}
