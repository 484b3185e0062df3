/// The hair's chroma from a photo whose chroma may be blurred (JPEG 4:2:0 subsampling, DCT downscaling).
///
/// Lightness is sharp, so each pixel's hair fraction is read from L*:
/// τ = (L* − L*skin) / (L*hair − L*skin). Where chroma is blurred, a pixel's a*, b* follow the
/// *local mean* fraction K∗τ rather than its own: a* ≈ a*skin + (a*hair − a*skin)·(K∗τ). The blur
/// kernel K is chosen from the data — identity (PNG) or binomial 3 … 11 taps (variance 0.5 … 2.5
/// px²; 5 and 7 taps bracket 4:2:0 chroma with libjpeg's triangle upsampling) — as the one whose
/// lines fit best (largest R²). The least-squares line of the chroma on K∗τ over skin, mixed and
/// hair pixels, evaluated at 1, is the hair's own chroma (linear spectral unmixing, Keshava &
/// Mustard 2002, with the blur folded into the abundances). The chroma regressed is JPEG's own Cb,
/// Cr (``JFIFChroma``), where the blur is a linear average: in a*, b* a dark hair pixel carrying
/// the skin's blurred chroma lands redder and yellower than the skin, and the line read at 1 kept
/// half the skin's chroma (lightest skin with black stubble: b* 5–11 for black hair of b* 1). The
/// hair's Cb, Cr at its lightness give its a*, b*.
enum HairUnmixing {
  /// Smallest |L*hair − L*skin| for which τ is meaningful; below it the caller keeps the core median.
  static let minimumLightnessGap = 10.0

  /// Blur levels tried besides none: level s is the binomial kernel of 2s + 1 taps (3, 5, … 11),
  /// built by ``FractionCascade`` as s passes of [1, 2, 1]/4.
  static let blurLevels = 5

  /// The hair's (a*, b*), or nil when the lightness gap is too small or the fit is ill-posed.
  /// `include` marks the clusters (by index) whose pixels take part: skin, hair and mixtures; the
  /// lines are fitted over the pixels of `subset`, the blur sees every pixel.
  static func chroma(
    pixels: TonePixels.Buffer, assignment: [UInt8], subset: TonePixels.EstimationSet, include: [Bool], skinL: Double,
    hairL: Double
  ) -> (a: Double, b: Double)? {
    let gap = hairL - skinL
    guard abs(gap) >= minimumLightnessGap else { return nil }
    var taking = [Bool](repeating: false, count: 256)
    for (c, flag) in include.enumerated() where c < 256 { taking[c] = flag }
    // Cb, Cr of the fit points (the subset pixels that take part), in subset order.
    var cb = [Float](repeating: 0, count: subset.count)
    var cr = [Float](repeating: 0, count: subset.count)
    for (entry, index) in subset.indices.enumerated() where taking[Int(assignment[Int(index)])] {
      let i = Int(index)
      let c = JFIFChroma.chroma(of: Lab(l: Double(pixels.l[i]), a: Double(pixels.a[i]), b: Double(pixels.b[i])))
      (cb[entry], cr[entry]) = (Float(c.cb), Float(c.cr))
    }
    let cascade = FractionCascade(
      pixels: pixels, assignment: assignment, subset: subset, taking: taking, skin: Float(skinL),
      inverseGap: Float(1 / gap), levels: blurLevels, regressands: (cb, cr))
    // Four bands of rows spread over the cores: a fixed split, so the sums (added in band order)
    // do not depend on the core count, and more bands than cores so a late worker costs little.
    let h = pixels.gridHeight
    let count = 4
    let bands = ParallelMap.map(count: count) { band in
      cascade.sums(rows: (h * band / count)..<(h * (band + 1) / count))
    }
    var best: (r2: Double, a: Double, b: Double)?
    for level in 0...blurLevels {
      guard let fit = bands.dropFirst().reduce(bands[0][level], { $0 + $1[level] }).line else { continue }
      if best == nil || fit.r2 > (best?.r2 ?? 0) { best = fit }
    }
    return best.map { fit in
      let hair = JFIFChroma.colour(lightness: hairL, cb: fit.a, cr: fit.b)
      return (hair.a, hair.b)
    }
  }
}
