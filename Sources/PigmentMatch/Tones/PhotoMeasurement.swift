import Colorimetry
import Foundation

/// A photo measured for a match: calibration first (``Calibration``), then the skin and hair —
/// each measured directly in the regions the practitioner marked (median of the region, shine excluded; see `README.md`), or found
/// by the automatic analysis (``ToneAnalysis``) inside `--roi`/`--mask` when not marked.
///
/// The order follows the data flow of DESIGN.md: the correction applies to linear RGB before any
/// tone is measured, automatic or marked. A grey card, a ColorChecker and label-mask pixels marked
/// *card* or *ignore* are hidden from the automatic analysis (a grey card would otherwise be taken
/// for grey hair). An uncalibrated skin found automatically that no skin has under neutral light
/// (`NeutralLightSkin`) is unsure: its confidence is capped below the threshold and a warning says
/// to calibrate. When the confidence is below ``lowConfidenceThreshold`` the first warning says
/// so (``ToneWarning/lowConfidence(_:)``).
public struct PhotoMeasurement: Sendable {
  /// Where a role's tone came from.
  public enum Source: String, Sendable, Codable {
    /// Measured in regions the practitioner marked.
    case given
    /// Found by the automatic analysis.
    case found
    /// Not present (no hair found).
    case none
  }

  /// Skin, hair, confidence and warnings (with regions, the parts measured directly).
  public let analysis: ToneAnalysis
  /// What correction was applied before measuring.
  public let calibration: Calibration
  public let skinSource: Source
  public let hairSource: Source
  /// The marked rectangles (full-resolution coordinates), for drawing.
  public let skinRegions: [RegionOfInterest]
  public let hairRegions: [RegionOfInterest]
  /// Whether a label mask marked any role.
  public let usedLabels: Bool
  /// The skin model fitted to ``analysis``'s skin by the colour-cast check (`NeutralLightSkin`),
  /// which a match reuses rather than fitting the same skin again; nil when the check did not run
  /// (skin marked, or photo calibrated) or the skin is no plausible skin colour.
  public let skinFit: SkinFit?

  /// Below this confidence a measurement is unsure: it says so first, and the hyperpigmentation
  /// risk treats its skin type as unconfirmed (``SkinTypeAssessment``).
  public static let lowConfidenceThreshold = 0.5
  /// Pixels at which a marked skin region counts as fully sampled (confidence √(n/400)).
  static let skinPixelsEnough = 400.0
  /// Pixels at which a marked hair region counts as fully sampled.
  static let hairPixelsEnough = 100.0

  /// Whether the confidence is below ``lowConfidenceThreshold``.
  public var isLowConfidence: Bool { analysis.confidence < Self.lowConfidenceThreshold }

  /// Decodes and measures the photo at `path`. With nothing marked and no calibration this is the
  /// automatic analysis on its streaming fast path.
  public init(contentsOf path: String, options: MeasurementOptions = MeasurementOptions())
    throws(MeasurementError)
  {
    if options.isAutomatic {
      let analysis: ToneAnalysis
      do { analysis = try ToneAnalysis(contentsOf: path, options: options.analysis, fitsSkin: true) } catch {
        throw .analysis(error)
      }
      self.init(automatic: analysis)
      return
    }
    let photo: Photo
    do {
      photo = try PhotoDecoder.decode(
        contentsOf: path, options: DecodeOptions(minimumShortSide: options.analysis.minimumShortSide))
    } catch {
      throw .analysis(.photo(error))
    }
    try self.init(photo: photo, name: path, options: options)
  }

  /// Measures a decoded photo (possibly downscaled; regions are in full-resolution coordinates);
  /// `name` is used in errors.
  public init(photo: Photo, name: String, options: MeasurementOptions = MeasurementOptions())
    throws(MeasurementError)
  {
    if options.isAutomatic {
      let analysis: ToneAnalysis
      do { analysis = try ToneAnalysis(photo: photo, name: name, options: options.analysis, fitsSkin: true) } catch {
        throw .analysis(error)
      }
      self.init(automatic: analysis)
      return
    }
    let (fullWidth, fullHeight) = RegionPixels.fullSize(of: photo)
    // Everything marked must lie inside the photo.
    var rectangles = options.skinRegions + options.hairRegions
    if case .greyCard(let card, _) = options.calibration { rectangles.append(card) }
    for r in rectangles where !r.isInside(width: fullWidth, height: fullHeight) {
      throw .analysis(.regionOutsideImage(path: name, region: r, width: fullWidth, height: fullHeight))
    }
    if let labels = options.labels, labels.width != fullWidth || labels.height != fullHeight {
      throw .analysis(
        .maskSizeMismatch(
          path: name, maskWidth: labels.width, maskHeight: labels.height, photoWidth: fullWidth,
          photoHeight: fullHeight))
    }

    // 1. Calibration, before any tone.
    let calibration: Calibration
    do { calibration = try Calibration.requested(by: options, photo: photo) } catch {
      throw .calibration(path: name, error)
    }
    let corrected = calibration.isCalibrated ? calibration.correction.apply(to: photo) : photo

    // 2. The marked areas (decoded indices) of each role.
    func area(_ rectangles: [RegionOfInterest], _ label: RegionLabels.Label) -> [Int] {
      var indices = Set<Int>()
      for r in rectangles { indices.formUnion(RegionPixels.indices(of: r, in: corrected)) }
      if let labels = options.labels { indices.formUnion(labels.indices(of: label, in: corrected)) }
      return indices.sorted()
    }
    let skinArea = area(options.skinRegions, .skin)
    let hairArea = area(options.hairRegions, .hair)
    let skinGiven = !skinArea.isEmpty
    let hairGiven = !hairArea.isEmpty

    // 3. The automatic analysis for the roles not marked, with the calibration targets hidden.
    var automatic: ToneAnalysis?
    if !skinGiven || !hairGiven {
      var autoOptions = options.analysis
      autoOptions.mask = Self.automaticMask(
        options: options, calibration: calibration, width: fullWidth, height: fullHeight)
      do {
        // The colour-cast check fits its skin when the skin is not marked and the photo uncalibrated.
        automatic = try ToneAnalysis(
          photo: corrected, name: name, options: autoOptions, fitsSkin: !skinGiven && !calibration.isCalibrated)
      } catch {
        if !skinGiven { throw .analysis(error) }
      }
    }

    // 4. The marked roles, measured directly.
    let skin: SkinTone
    var confidence: Double
    if skinGiven {
      guard let measured = ExplicitRegions.skin(ExplicitRegions.buffer(corrected, indices: skinArea)) else {
        throw .emptyRole(path: name, role: "skin")
      }
      skin = SkinTone(lab: measured.lab, share: automatic?.skin.share ?? measured.share, spread: measured.spread)
      confidence = ExplicitRegions.confidence(
        count: skinArea.count, enough: Self.skinPixelsEnough, spread: measured.spread)
    } else if let automatic {
      skin = automatic.skin
      confidence = automatic.confidence
    } else {
      throw .analysis(.noSkinPixels(path: name))
    }
    var hair: HairTone?
    if hairGiven {
      let pixels = ExplicitRegions.buffer(corrected, indices: hairArea)
      guard let measured = ExplicitRegions.hair(pixels, skin: skin.lab) else {
        throw .emptyRole(path: name, role: "hair")
      }
      hair = measured
      confidence *= min(1, (Double(pixels.count) / Self.hairPixelsEnough).squareRoot())
    } else {
      hair = automatic?.hair.map {
        HairTone(lab: $0.lab, share: $0.share, spread: $0.spread, contrast: DeltaE.ciede2000(skin.lab, $0.lab))
      }
      if skinGiven { confidence *= hair.map { min(1, $0.contrast / 15) } ?? 0.6 }
    }

    // 5. Warnings: the automatic ones that still apply, then the marked roles' own.
    var warnings = automatic?.warnings ?? photo.warnings.map(ToneWarning.photo)
    warnings.removeAll { warning in
      switch warning {
      case .hairNotFound, .lowContrast: return hairGiven || skinGiven
      case .colourCast: return skinGiven || calibration.isCalibrated
      default: return false
      }
    }
    let lch = skin.lab.lch
    if lch.h < 20 || lch.h > 85 || lch.c > 45 { warnings.append(.colourCast(hueDegrees: lch.h, chroma: lch.c)) }
    if let hair, hair.contrast < ToneAnalysis.lowContrastThreshold {
      warnings.append(.lowContrast(deltaE00: hair.contrast))
      if hairGiven { confidence *= 0.7 }
    }
    if hair == nil { warnings.append(.hairNotFound) }
    warnings += calibration.warnings.map(ToneWarning.calibration)
    if calibration.chart?.isPoor == true { confidence *= 0.7 }

    let summary = ToneAnalysis.PhotoSummary(
      width: fullWidth, height: fullHeight, format: photo.metadata.format,
      colorProfile: photo.metadata.colorProfile,
      analysedPixels: skinArea.count + hairArea.count + (automatic?.photo.analysedPixels ?? 0),
      downscale: RegionPixels.scale(of: photo).x)
    let map = Self.regionMap(
      photo: corrected, skin: skinGiven ? skinArea : nil, hair: hairGiven ? hairArea : nil,
      automatic: automatic?.regions)
    let analysis = ToneAnalysis(
      photo: summary, skin: skin, hair: hair, clusters: automatic?.clusters ?? [], confidence: confidence,
      warnings: warnings, regions: map)
    let checked = NeutralLightSkin.checked(
      analysis, applies: !skinGiven && !calibration.isCalibrated, ahead: automatic?.skinFitAhead)
    self.init(
      analysis: Self.leadingLowConfidence(checked.analysis), skinFit: checked.fit, calibration: calibration,
      skinSource: skinGiven ? .given : .found, hairSource: hairGiven ? .given : (hair == nil ? .none : .found),
      skinRegions: options.skinRegions, hairRegions: options.hairRegions,
      usedLabels: options.labels.map { $0.contains(.skin) || $0.contains(.hair) } ?? false)
  }

  /// A measurement wrapping an automatic analysis (nothing marked, uncalibrated).
  init(automatic analysis: ToneAnalysis) {
    let checked = NeutralLightSkin.checked(analysis, applies: true, ahead: analysis.skinFitAhead)
    self.init(
      analysis: Self.leadingLowConfidence(checked.analysis), skinFit: checked.fit, calibration: .uncalibrated,
      skinSource: .found, hairSource: analysis.hair == nil ? .none : .found, skinRegions: [], hairRegions: [],
      usedLabels: false)
  }

  private init(
    analysis: ToneAnalysis, skinFit: SkinFit?, calibration: Calibration, skinSource: Source, hairSource: Source,
    skinRegions: [RegionOfInterest], hairRegions: [RegionOfInterest], usedLabels: Bool
  ) {
    self.analysis = analysis
    self.skinFit = skinFit
    self.calibration = calibration
    self.skinSource = skinSource
    self.hairSource = hairSource
    self.skinRegions = skinRegions
    self.hairRegions = hairRegions
    self.usedLabels = usedLabels
  }

  /// `analysis` with the low-confidence warning first when its confidence is low.
  static func leadingLowConfidence(_ analysis: ToneAnalysis) -> ToneAnalysis {
    let rest = analysis.warnings.filter { if case .lowConfidence = $0 { false } else { true } }
    let warnings = analysis.confidence < lowConfidenceThreshold ? [.lowConfidence(analysis.confidence)] + rest : rest
    guard warnings != analysis.warnings else { return analysis }
    return ToneAnalysis(
      photo: analysis.photo, skin: analysis.skin, hair: analysis.hair, clusters: analysis.clusters,
      confidence: analysis.confidence, warnings: warnings, regions: analysis.regions)
  }

  /// The mask the automatic analysis sees: `--mask` (or everything) without the grey card, the
  /// ColorChecker's bounding box and label pixels marked card or ignore; nil when nothing is hidden
  /// and no mask was given.
  static func automaticMask(options: MeasurementOptions, calibration: Calibration, width: Int, height: Int)
    -> AnalysisMask?
  {
    var hidden: [RegionOfInterest] = []
    if case .greyCard(let card, _) = options.calibration { hidden.append(card) }
    if calibration.chartCorners.count == 8 {
      let xs = stride(from: 0, to: 8, by: 2).map { calibration.chartCorners[$0] }
      let ys = stride(from: 1, to: 8, by: 2).map { calibration.chartCorners[$0] }
      // Clamped in floating point first: corners may lie (far) outside the photo.
      func clamp(_ v: Double, _ limit: Int) -> Int { Int(min(max(v, 0), Double(limit))) }
      let x0 = clamp((xs.min() ?? 0).rounded(.down), width)
      let y0 = clamp((ys.min() ?? 0).rounded(.down), height)
      let x1 = clamp((xs.max() ?? 0).rounded(.up), width)
      let y1 = clamp((ys.max() ?? 0).rounded(.up), height)
      if x1 > x0, y1 > y0, let box = try? RegionOfInterest(x: x0, y: y0, width: x1 - x0, height: y1 - y0) {
        hidden.append(box)
      }
    }
    let labels = options.labels
    let hidesLabels = labels.map { $0.contains(.card) || $0.contains(.ignore) } ?? false
    guard !hidden.isEmpty || hidesLabels else { return options.analysis.mask }
    var include = options.analysis.mask?.include ?? [Bool](repeating: true, count: width * height)
    guard include.count == width * height else { return options.analysis.mask }
    for r in hidden {
      for y in r.y..<min(height, r.y + r.height) {
        for x in r.x..<min(width, r.x + r.width) { include[y * width + x] = false }
      }
    }
    if let labels, hidesLabels {
      let card = RegionLabels.Label.card.rawValue
      let ignore = RegionLabels.Label.ignore.rawValue
      for i in 0..<include.count where labels.labels[i] == card || labels.labels[i] == ignore { include[i] = false }
    }
    return AnalysisMask(width: width, height: height, include: include)
  }

  /// The drawing map: marked roles from their areas (decoded indices), the others from the
  /// automatic analysis' map.
  static func regionMap(photo: Photo, skin: [Int]?, hair: [Int]?, automatic: ToneRegionMap?) -> ToneRegionMap {
    let (columns, rows) = ToneRegionMap.gridSize(width: photo.width, height: photo.height)
    guard columns > 0, rows > 0 else {
      return automatic ?? ToneRegionMap(columns: 0, rows: 0, skinShares: [], hairShares: [])
    }
    var totals = [Int](repeating: 0, count: columns * rows)
    func cell(_ index: Int) -> Int {
      let x = index % photo.width
      let y = index / photo.width
      return (y * rows / photo.height) * columns + x * columns / photo.width
    }
    for i in 0..<photo.pixelCount { totals[cell(i)] += 1 }
    func shares(_ area: [Int]) -> [Float] {
      var counts = [Int](repeating: 0, count: columns * rows)
      for i in area { counts[cell(i)] += 1 }
      return zip(counts, totals).map { $1 > 0 ? Float($0) / Float($1) : 0 }
    }
    let usable = automatic.map { $0.columns == columns && $0.rows == rows } ?? false
    let empty = [Float](repeating: 0, count: columns * rows)
    return ToneRegionMap(
      columns: columns, rows: rows,
      skinShares: skin.map(shares) ?? (usable ? automatic?.skinShares ?? empty : empty),
      hairShares: hair.map(shares) ?? (usable ? automatic?.hairShares ?? empty : empty))
  }
}
