/// The usable pixels of a photo binned in CIELAB, for clustering every pixel at the cost of a few
/// thousand weighted points (``KMeans``).
///
/// Bins are ``binSize`` ΔE76 cubes over the range tone analysis keeps (L* 4…96, a* and b* −6…65,
/// see ``ToneAnalysis``). Each occupied bin becomes one point at the *mean* of its pixels, weighted by
/// their count, so a Lloyd step's centre (the weighted mean of its bins) is exactly the mean of the
/// member pixels; ``Points/scatter`` is the spread of pixels about their bin means, which makes the
/// clustering's inertia that of the pixels themselves.
package struct ColourHistogram: Sendable {
  /// Bin edge, ΔE76 units.
  package static let binSize: Float = 2
  package static let lRange: ClosedRange<Float> = 4...96
  package static let abRange: ClosedRange<Float> = -6...65
  static let lBins = Int(((lRange.upperBound - lRange.lowerBound) / binSize).rounded(.up)) + 1
  static let abBins = Int(((abRange.upperBound - abRange.lowerBound) / binSize).rounded(.up)) + 1

  /// Per bin, five Doubles: pixel count, ΣL*, Σa*, Σb*, Σ(L*² + a*² + b*²).
  private var bins: [Double]
  static let fields = 5

  /// An empty histogram over every bin.
  package init() { self.init(bins: Self.lBins * Self.abBins * Self.abBins) }

  /// The pixels of `planes` that tone analysis keeps (finite, and neither shadow, highlight nor a
  /// colour that is not skin or hair: ``ToneAnalysis`` step 2), binned.
  package init(usablePixelsOf planes: LabPlanes) {
    self.init()
    withBins { bins in
      for i in 0..<min(planes.l.count, planes.a.count, planes.b.count) {
        let (l, a, b) = (planes.l[i], planes.a[i], planes.b[i])
        guard l.isFinite, a.isFinite, b.isFinite, TonePixels.verdict(l: l, a: a, b: b) == .kept else { continue }
        Self.add(bins, l: l, a: a, b: b)
      }
    }
  }

  /// A placeholder without storage (no bins), to swap a histogram in and out of a struct cheaply.
  static let placeholder = ColourHistogram(bins: 0)

  private init(bins: Int) { self.bins = [Double](repeating: 0, count: bins * Self.fields) }

  /// The bin of a finite colour, clamped into range (in floating point, so no value can overflow
  /// the conversion to an index).
  @inline(__always)
  static func bin(l: Float, a: Float, b: Float) -> Int {
    let li = Int(min(max((l - lRange.lowerBound) / binSize, 0), Float(lBins - 1)))
    let ai = Int(min(max((a - abRange.lowerBound) / binSize, 0), Float(abBins - 1)))
    let bi = Int(min(max((b - abRange.lowerBound) / binSize, 0), Float(abBins - 1)))
    return (li * abBins + ai) * abBins + bi
  }

  /// Runs `body` with the bins' storage, for ``add(_:l:a:b:)`` in a tight loop.
  mutating func withBins<R>(_ body: (UnsafeMutablePointer<Double>) -> R) -> R {
    bins.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
  }

  /// Counts one pixel (clamped into the ranges); a colour with a NaN or infinite channel is ignored.
  package mutating func add(l: Float, a: Float, b: Float) {
    guard l.isFinite, a.isFinite, b.isFinite else { return }
    withBins { Self.add($0, l: l, a: a, b: b) }
  }

  /// Counts one pixel into `bins` (storage from ``withBins(_:)``).
  @inline(__always)
  static func add(_ bins: UnsafeMutablePointer<Double>, l: Float, a: Float, b: Float) {
    let bin = bins + fields * Self.bin(l: l, a: a, b: b)
    let (dl, da, db) = (Double(l), Double(a), Double(b))
    bin[0] += 1
    bin[1] += dl
    bin[2] += da
    bin[3] += db
    bin[4] += dl * dl + da * da + db * db
  }

  /// The occupied bins as points for ``KMeans``.
  package struct Points: Sendable {
    /// Interleaved L, a, b of each bin's mean.
    package var points: [Float] = []
    /// Pixels per bin.
    package var weights: [Double] = []
    /// Σ over pixels of the squared distance to their bin's mean.
    package var scatter = 0.0
    /// Pixels counted.
    package var pixels = 0

    /// No points.
    package init() {}
  }

  /// The occupied bins, in bin order.
  package func points() -> Points {
    var out = Points()
    let f = Self.fields
    for bin in 0..<(bins.count / f) where bins[f * bin] > 0 {
      let n = bins[f * bin]
      let mean = (bins[f * bin + 1] / n, bins[f * bin + 2] / n, bins[f * bin + 3] / n)
      out.points.append(Float(mean.0))
      out.points.append(Float(mean.1))
      out.points.append(Float(mean.2))
      out.weights.append(n)
      out.scatter += max(0, bins[f * bin + 4] - n * (mean.0 * mean.0 + mean.1 * mean.1 + mean.2 * mean.2))
      out.pixels += Int(n)
    }
    return out
  }
}
