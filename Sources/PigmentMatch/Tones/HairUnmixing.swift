/// The hair's chroma from a photo whose chroma may be blurred (JPEG 4:2:0 subsampling, DCT downscaling).
///
/// Lightness is sharp, so each pixel's hair fraction is read from L*:
/// τ = (L* − L*skin) / (L*hair − L*skin). Where chroma is blurred, a pixel's a*, b* follow the
/// *local mean* fraction K∗τ rather than its own: a* ≈ a*skin + (a*hair − a*skin)·(K∗τ). The blur
/// kernel K is chosen from the data — identity (PNG), binomial 3, 5 or 7 taps (variance 0.5, 1, 1.5
/// px², the last two bracketing 4:2:0 chroma with libjpeg's triangle upsampling) — as the one whose
/// lines fit best (largest R²). The least-squares line of a* (and b*) on K∗τ over skin, mixed and
/// hair pixels, evaluated at 1, is the hair's own chroma (linear spectral unmixing, Keshava &
/// Mustard 2002, with the blur folded into the abundances).
enum HairUnmixing {
  /// Smallest |L*hair − L*skin| for which τ is meaningful; below it the caller keeps the core median.
  static let minimumLightnessGap = 10.0

  /// Candidate separable blur kernels (1-D binomial weights).
  static let kernels: [[Float]] = [
    [1], [1, 2, 1], [1, 4, 6, 4, 1], [1, 6, 15, 20, 15, 6, 1], [1, 8, 28, 56, 70, 56, 28, 8, 1],
    [1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1],
  ]

  /// The hair's (a*, b*), or nil when the lightness gap is too small or the fit is ill-posed.
  /// `include` marks the clusters (by index) whose pixels take part: skin, hair and mixtures.
  static func chroma(
    pixels: TonePixels.Buffer, assignment: [UInt8], include: [Bool], skinL: Double, hairL: Double
  ) -> (a: Double, b: Double)? {
    let gap = hairL - skinL
    guard abs(gap) >= minimumLightnessGap else { return nil }
    let w = pixels.gridWidth
    let h = pixels.gridHeight
    var tau = [Float](repeating: .nan, count: w * h)
    for i in 0..<pixels.count where include[Int(assignment[i])] {
      let t = (Double(pixels.l[i]) - skinL) / gap
      tau[Int(pixels.position[i])] = Float(min(max(t, -0.2), 1.2))
    }
    // The kernels are independent: fit them on all cores, then pick in kernel order (deterministic).
    let fractions = tau
    let fits = ParallelMap.map(count: kernels.count) { index -> (r2: Double, a: Double, b: Double)? in
      fitLines(pixels: pixels, blurred: blur(fractions, width: w, height: h, kernel: kernels[index]))
    }
    var best: (r2: Double, a: Double, b: Double)?
    for fit in fits {
      guard let fit else { continue }
      if best == nil || fit.r2 > (best?.r2 ?? 0) { best = fit }
    }
    return best.map { ($0.a, $0.b) }
  }

  /// `grid` convolved with the separable `kernel` (normalised); a NaN anywhere in a pixel's
  /// footprint, or a footprint crossing the border, makes the result NaN.
  static func blur(_ grid: [Float], width w: Int, height h: Int, kernel: [Float]) -> [Float] {
    guard kernel.count > 1 else { return grid }
    let radius = kernel.count / 2
    let total = kernel.reduce(0, +)
    let weights = kernel.map { $0 / total }
    var horizontal = [Float](repeating: .nan, count: w * h)
    var out = [Float](repeating: .nan, count: w * h)
    guard w > 2 * radius, h > 2 * radius else { return out }
    let taps = kernel.count
    // Tap-outer loops: each output still sums w₀·x₀ + w₁·x₁ + … from 0 in tap order (the same
    // floating-point result as a per-pixel loop), but the inner loop runs along a row, which the
    // compiler vectorises.
    let span = w - 2 * radius
    grid.withUnsafeBufferPointer { src in
      horizontal.withUnsafeMutableBufferPointer { hor in
        guard let source = src.baseAddress, let target = hor.baseAddress else { return }
        for y in 0..<h {
          let row = target + (y * w + radius)
          row.update(repeating: 0, count: span)
          for k in 0..<taps {
            Self.accumulate(row, source + (y * w + k), weights[k], span)
          }
        }
      }
    }
    horizontal.withUnsafeBufferPointer { hor in
      out.withUnsafeMutableBufferPointer { dst in
        guard let source = hor.baseAddress, let target = dst.baseAddress else { return }
        for y in radius..<(h - radius) {
          let row = target + y * w
          row.update(repeating: 0, count: w)
          for k in 0..<taps {
            Self.accumulate(row, source + (y - radius + k) * w, weights[k], w)
          }
        }
      }
    }
    return out
  }

  /// `target[i] += weight · source[i]` for `i` in `0..<count`: the vectorisable kernel of ``blur``.
  @inline(__always)
  static func accumulate(_ target: UnsafeMutablePointer<Float>, _ source: UnsafePointer<Float>, _ weight: Float, _ count: Int) {
    for i in 0..<count { target[i] += weight * source[i] }
  }

  /// Least-squares lines of a* and b* on the blurred fraction; their joint R² and values at 1.
  static func fitLines(pixels: TonePixels.Buffer, blurred: [Float]) -> (r2: Double, a: Double, b: Double)? {
    var n = 0.0
    var sx = 0.0
    var sxx = 0.0
    var sa = 0.0
    var saa = 0.0
    var sxa = 0.0
    var sb = 0.0
    var sbb = 0.0
    var sxb = 0.0
    for i in 0..<pixels.count {
      let v = blurred[Int(pixels.position[i])]
      guard !v.isNaN else { continue }
      let m = Double(v)
      let a = Double(pixels.a[i])
      let b = Double(pixels.b[i])
      n += 1
      sx += m
      sxx += m * m
      sa += a
      saa += a * a
      sxa += m * a
      sb += b
      sbb += b * b
      sxb += m * b
    }
    guard n >= 50 else { return nil }
    let vx = sxx / n - (sx / n) * (sx / n)
    // The fit must reach towards the hair end, or it would extrapolate far.
    guard vx > 0.005 else { return nil }
    let cxa = sxa / n - (sx / n) * (sa / n)
    let cxb = sxb / n - (sx / n) * (sb / n)
    let va = saa / n - (sa / n) * (sa / n)
    let vb = sbb / n - (sb / n) * (sb / n)
    let slopeA = cxa / vx
    let slopeB = cxb / vx
    let interceptA = sa / n - slopeA * sx / n
    let interceptB = sb / n - slopeB * sx / n
    let explained = (cxa * cxa + cxb * cxb) / vx
    let r2 = va + vb > 0 ? explained / (va + vb) : 0
    return (r2, interceptA + slopeA, interceptB + slopeB)
  }
}
