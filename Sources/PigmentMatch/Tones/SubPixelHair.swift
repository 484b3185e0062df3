/// Step 6 when no pixel is pure hair (sub-pixel stubble dots, thin strands): where the skin→hair
/// mixing line ends.
///
/// Each hair-cluster pixel sits at t on the line from the skin (t = 0) through the cluster's centre
/// (t = 1); t grows with the pixel's hair coverage. Where pure hair pixels exist they all have the
/// same colour, so their t values pile up in a mode inside the cluster; where every pixel is a
/// mixture, coverage — and with it t — stays level (strands narrower than a pixel cover every share
/// up to their width about equally) or thins out toward its largest values, so no part of the
/// cluster stands well above its least hair-like end (``isSubPixel(_:)``). Then the most covered pixels
/// (the ``endQuantile`` of t, past noise and lighting) mark how far the line reaches, and the hair is
/// the colour of the natural-hair family (``HairGamut/nearest(_:)``: melanins in keratin,
/// ``HairMelaninFit``) closest to that end of the line: the line ends where it meets the family.
enum SubPixelHair {
  /// Bins of the t histogram between its ``trim`` and 1 − ``trim`` quantiles.
  static let bins = 10
  static let trim = 0.02
  /// A mode in the lowest this many bins means the density only falls toward pure hair.
  static let lowBins = 2
  /// A low end at least this share of the peak density means no hump stands above it: the density
  /// is level (thin strands: coverage spread evenly from none to the strand's width) before it
  /// falls, with no pile-up of pure hair, whose bin counts rise well above the low end.
  static let flatLevel = 0.85
  /// Quantile of t taken as the line's end: the most covered pixels.
  static let endQuantile = 0.99

  /// Whether the t values of a hair cluster show no pile-up of pure hair pixels.
  static func isSubPixel(_ t: [Double]) -> Bool {
    guard t.count >= 100 else { return false }
    let lo = Statistics.quantile(t, trim)
    let hi = Statistics.quantile(t, 1 - trim)
    guard hi > lo else { return false }
    var counts = [Int](repeating: 0, count: bins)
    for v in t where v >= lo && v <= hi {
      counts[min(bins - 1, Int((v - lo) / (hi - lo) * Double(bins)))] += 1
    }
    guard let mode = counts.indices.max(by: { counts[$0] < counts[$1] }) else { return false }
    let lowEnd = Double(counts[0..<lowBins].reduce(0, +)) / Double(lowBins)
    return mode < lowBins || lowEnd >= flatLevel * Double(counts[mode])
  }

  /// The line's end: the point at the ``endQuantile`` of `t` on the line from `skin` through
  /// `centre`, no farther than ``naturalReach(skin:centre:)``.
  static func lineEnd(t: [Double], skin: Lab, centre: Lab) -> Lab {
    point(min(Statistics.quantile(t, endQuantile), naturalReach(skin: skin, centre: centre)), skin: skin, centre: centre)
  }

  /// The point at `t` on the line from `skin` (0) through `centre` (1).
  static func point(_ t: Double, skin: Lab, centre: Lab) -> Lab {
    Lab(l: skin.l + t * (centre.l - skin.l), a: skin.a + t * (centre.a - skin.a), b: skin.b + t * (centre.b - skin.b))
  }

  /// How far (t ≥ 1) the line from `skin` through the hair cluster's `centre` can still be hair:
  /// the hair is a mixture's far end, and a mixture of skin and hair lies between them, so the
  /// hair is on the line past the centre — but only while the line stays in the natural-hair
  /// ``HairGamut`` (melanins in keratin) with 0 ≤ L* ≤ 100. Past that, a colour on the line is no
  /// hair a person grows (a black shirt beyond dark hair, a vivid dye), so neither the line's end
  /// nor a purer cluster (``ToneAnalysis/hairBeyond``) may lie there. Found in steps of
  /// ``reachStep`` up to ``farthestReach``; 1 when the first step past the centre is outside (the
  /// centre itself is not tested).
  static func naturalReach(skin: Lab, centre: Lab) -> Double {
    var t = 1.0
    while t < farthestReach {
      let next = point(t + reachStep, skin: skin, centre: centre)
      guard next.l >= 0, next.l <= 100, HairGamut.contains(next) else { break }
      t += reachStep
    }
    return t
  }

  static let reachStep = 0.01
  static let farthestReach = 20.0
}
