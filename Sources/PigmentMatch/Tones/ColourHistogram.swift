/// The usable pixels of a photo binned in CIELAB, for clustering every pixel at the cost of a few
/// thousand weighted points (``KMeans``).
///
/// Bins are ``binSize`` ΔE76 cubes over the range tone analysis keeps (L* 4…96, a* and b* −6…65,
/// see ``TonePixels``). Each occupied bin becomes one point at the *mean* of its pixels, weighted by
/// their count, so a Lloyd step's centre (the weighted mean of its bins) is exactly the mean of the
/// member pixels; ``scatter`` is the spread of pixels about their bin means, which makes the
/// clustering's inertia that of the pixels themselves.
struct ColourHistogram {
  /// Bin edge, ΔE76 units.
  static let binSize: Float = 2
  static let lRange: ClosedRange<Float> = 4...96
  static let abRange: ClosedRange<Float> = -6...65
  static let lBins = Int(((lRange.upperBound - lRange.lowerBound) / binSize).rounded(.up)) + 1
  static let abBins = Int(((abRange.upperBound - abRange.lowerBound) / binSize).rounded(.up)) + 1

  private var count: [UInt32]
  private var sumL, sumA, sumB, sumSquares: [Double]

  init() {
    let bins = Self.lBins * Self.abBins * Self.abBins
    count = [UInt32](repeating: 0, count: bins)
    sumL = [Double](repeating: 0, count: bins)
    sumA = sumL
    sumB = sumL
    sumSquares = sumL
  }

  /// The bin of a colour (clamped into range).
  @inline(__always)
  static func bin(l: Float, a: Float, b: Float) -> Int {
    let li = min(max(Int((l - lRange.lowerBound) / binSize), 0), lBins - 1)
    let ai = min(max(Int((a - abRange.lowerBound) / binSize), 0), abBins - 1)
    let bi = min(max(Int((b - abRange.lowerBound) / binSize), 0), abBins - 1)
    return (li * abBins + ai) * abBins + bi
  }

  /// Counts one pixel.
  @inline(__always)
  mutating func add(l: Float, a: Float, b: Float) {
    let i = Self.bin(l: l, a: a, b: b)
    count[i] &+= 1
    let (dl, da, db) = (Double(l), Double(a), Double(b))
    sumL[i] += dl
    sumA[i] += da
    sumB[i] += db
    sumSquares[i] += dl * dl + da * da + db * db
  }

  /// The occupied bins as points for ``KMeans``.
  struct Points {
    /// Interleaved L, a, b of each bin's mean.
    var points: [Float] = []
    /// Pixels per bin.
    var weights: [Double] = []
    /// Σ over pixels of the squared distance to their bin's mean.
    var scatter = 0.0
    var pixels = 0
  }

  /// The occupied bins, in bin order.
  func points() -> Points {
    var out = Points()
    for i in count.indices where count[i] > 0 {
      let n = Double(count[i])
      let mean = (sumL[i] / n, sumA[i] / n, sumB[i] / n)
      out.points.append(Float(mean.0))
      out.points.append(Float(mean.1))
      out.points.append(Float(mean.2))
      out.weights.append(n)
      out.scatter += max(0, sumSquares[i] - n * (mean.0 * mean.0 + mean.1 * mean.1 + mean.2 * mean.2))
      out.pixels += Int(count[i])
    }
    return out
  }
}
