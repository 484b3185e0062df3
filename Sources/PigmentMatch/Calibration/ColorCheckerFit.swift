import Colorimetry

/// Colour correction from a ColorChecker Classic in the photo: the 24 patches are sampled through
/// the chart's homography (Heckbert 1989, square to quadrilateral) and a 3×3 matrix on linear RGB is fitted to their
/// published colours by least squares — the linear model of Hong, Luo & Rhodes (2001), "A study
/// of digital camera colorimetric characterization based on polynomial modeling", Color Res. Appl.
/// 26(1):76–84, and the baseline of Finlayson, Mackiewicz & Hurlbert (2015), "Color correction
/// using root-polynomial regression", IEEE TIP 24(5):1460–1470. A 3×3 matrix (no offset) keeps
/// black at black and scales with exposure, as linear light does.
public struct ColorCheckerFit: Sendable {
  /// One patch after the fit.
  public struct PatchResidual: Sendable, Equatable {
    /// Patch number 1…24 (`ColorCheckerClassic`).
    public let number: Int
    public let name: String
    /// The patch as observed in the photo and after correction (CIELAB D65).
    public let observedLab: Lab
    public let correctedLab: Lab
    /// Published colour (D65 via Bradford).
    public let referenceLab: Lab
    /// CIEDE2000(corrected, reference).
    public let deltaE00: Double
    /// Whether the patch took part in the fit (clipped patches do not).
    public let fitted: Bool
  }

  /// The fitted correction.
  public let correction: ColourCorrection
  /// Every patch, 1…24.
  public let patches: [PatchResidual]

  /// The fit is poor when the mean residual exceeds this ΔE00: beyond it the corrected colours
  /// are off by more than the skin–skin differences a practitioner tells apart (about twice
  /// the match threshold of 1.8).
  package static let poorMeanDeltaE00 = 3.0
  /// …or when any fitted patch exceeds this ΔE00 (a corner misplaced, a patch in shadow or glare).
  package static let poorPatchDeltaE00 = 10.0
  /// Fewest unclipped patches the fit needs (a 3×3 matrix has 9 unknowns, 3 per patch).
  package static let minimumPatches = 6
  /// Half-size of the sampled square inside each patch, as a fraction of the patch pitch (the
  /// middle 40 %, clear of the black gaps between patches even when the corners are a little off).
  static let sampleHalfSize = 0.2

  /// Mean ΔE00 over all 24 patches.
  public var meanDeltaE00: Double { patches.map(\.deltaE00).reduce(0, +) / Double(max(patches.count, 1)) }
  /// Largest ΔE00 over the fitted patches.
  public var maximumDeltaE00: Double { patches.filter(\.fitted).map(\.deltaE00).max() ?? 0 }
  /// Whether to warn about the fit (see `poorMeanDeltaE00`, `poorPatchDeltaE00`).
  public var isPoor: Bool { meanDeltaE00 > Self.poorMeanDeltaE00 || maximumDeltaE00 > Self.poorPatchDeltaE00 }

  /// Samples the chart whose outer corners (full-resolution photo coordinates) are `corners`:
  /// top-left (beside patch 1 "dark skin"), top-right (beside 6 "bluish green"), bottom-right
  /// (beside 24 "black") and bottom-left (beside 19 "white"), and fits the correction.
  package init(photo: Photo, corners: [(x: Double, y: Double)]) throws(CalibrationError) {
    guard let map = ChartHomography(corners: corners) else { throw .degenerateChart }
    let (sx, sy) = RegionPixels.scale(of: photo)
    var observed: [LinearRGB] = []
    for patch in ColorCheckerClassic.patches {
      let cu = (Double(patch.column) + 0.5) / Double(ColorCheckerClassic.columns)
      let cv = (Double(patch.row) + 0.5) / Double(ColorCheckerClassic.rows)
      let du = Self.sampleHalfSize / Double(ColorCheckerClassic.columns)
      let dv = Self.sampleHalfSize / Double(ColorCheckerClassic.rows)
      // A grid of points over the sampled square, fine enough to hit every decoded pixel.
      let corner0 = map.map(u: cu - du, v: cv - dv)
      let corner1 = map.map(u: cu + du, v: cv + dv)
      let span = max(abs(corner1.x - corner0.x) / sx, abs(corner1.y - corner0.y) / sy)
      let steps = span.isFinite ? max(3, Int(min(64, span.rounded(.up) + 1))) : 3
      var indices = Set<Int>()
      for i in 0..<steps {
        for j in 0..<steps {
          let u = cu - du + 2 * du * Double(i) / Double(steps - 1)
          let v = cv - dv + 2 * dv * Double(j) / Double(steps - 1)
          let p = map.map(u: u, v: v)
          guard let index = RegionPixels.index(x: p.x, y: p.y, in: photo) else {
            throw .chartOutsidePhoto(patch: patch.number)
          }
          indices.insert(index)
        }
      }
      guard let rgb = RegionPixels.medianLinearRGB(photo, indices.sorted()) else {
        throw .chartOutsidePhoto(patch: patch.number)
      }
      observed.append(rgb)
    }
    try self.init(observed: observed)
  }

  /// Fits the correction to the 24 patches' observed linear RGB (in patch order).
  package init(observed: [LinearRGB]) throws(CalibrationError) {
    let reference = ColorCheckerClassic.patches.map(\.labD65)
    guard observed.count == reference.count else { throw .tooFewPatches(usable: observed.count) }
    // Clipped (any channel ≥ 0.99) or black patches carry no usable colour.
    let usable = observed.map { o in
      [o.r, o.g, o.b].allSatisfy { $0.isFinite && $0 < 0.99 } && max(o.r, o.g, o.b) > 1e-4
    }
    let count = usable.filter { $0 }.count
    guard count >= Self.minimumPatches else { throw .tooFewPatches(usable: count) }
    // Normal equations: Mᵀ = (OᵀO)⁻¹ OᵀT, O and T the observed and target rows.
    var oto = [Double](repeating: 0, count: 9)
    var ott = [Double](repeating: 0, count: 9)
    for (i, o) in observed.enumerated() where usable[i] {
      let t = LinearRGB(reference[i])
      let ov = [o.r, o.g, o.b]
      let tv = [t.r, t.g, t.b]
      for r in 0..<3 {
        for c in 0..<3 {
          oto[3 * r + c] += ov[r] * ov[c]
          ott[3 * r + c] += ov[r] * tv[c]
        }
      }
    }
    let transposed = multiply3x3(invert3x3(oto), ott)
    let m = (0..<9).map { transposed[3 * ($0 % 3) + $0 / 3] }
    guard let correction = ColourCorrection(matrix: m) else { throw .singularFit }
    self.correction = correction
    patches = ColorCheckerClassic.patches.enumerated().map { i, patch in
      let corrected = Lab(correction.apply(observed[i]))
      return PatchResidual(
        number: patch.number, name: patch.name, observedLab: Lab(observed[i]), correctedLab: corrected,
        referenceLab: reference[i], deltaE00: DeltaE.ciede2000(corrected, reference[i]), fitted: usable[i])
    }
  }
}
