import Foundation
import PhotoIO
import Testing

@testable import PigmentMatch

/// The pieces that make `analyze` fast, each against a plain reference: the row cascade of the
/// unmixing blur against whole-grid convolution, the colour histogram against its pixels, the
/// branch-free nearest-centre search against a scan, the estimation subset, and the streamed
/// analysis against the analysis of the decoded photo.
@Suite("Fast analysis paths")
struct FastAnalysisTests {
  /// A deterministic LCG in 0..<1.
  struct Noise {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
  }

  /// A `width` × `height` grid with holes (unusable pixels), three labels (the third does not take
  /// part in unmixing) and every third pixel in the estimation subset.
  static func buffer(width: Int, height: Int, seed: UInt64) -> (TonePixels.Buffer, [UInt8]) {
    var noise = Noise(state: seed)
    var buffer = TonePixels.Buffer(gridWidth: width, gridHeight: height)
    var labels: [UInt8] = []
    var indices: [Int32] = []
    var padded: [Int32] = []
    for y in 0..<height {
      for x in 0..<width where noise.next() > 0.15 {
        let i = buffer.l.count
        buffer.l.append(Float(15 + 65 * noise.next()))
        buffer.a.append(Float(3 + 15 * noise.next()))
        buffer.b.append(Float(4 + 22 * noise.next()))
        buffer.position.append(Int32(y * width + x))
        labels.append(UInt8(noise.next() * 3))
        if i % 3 == 0 {
          indices.append(Int32(i))
          padded.append(Int32((y + 1) * (width + 2) + x + 1))
        }
      }
    }
    buffer.estimation = TonePixels.EstimationSet(indices: indices, padded: padded)
    return (buffer, labels)
  }

  /// The binomial kernels of levels 0…5 (Pascal's triangle rows 0, 2, 4, …, 10), written out.
  static let binomialKernels: [[Double]] = [
    [1], [1, 2, 1], [1, 4, 6, 4, 1], [1, 6, 15, 20, 15, 6, 1], [1, 8, 28, 56, 70, 56, 28, 8, 1],
    [1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1],
  ]

  /// Reference: τ on the whole grid, convolved with the normalised (2s+1)-tap binomial kernel
  /// directly (NaN where the footprint leaves the grid or holds a NaN), then the line sums.
  static func referenceSums(_ buffer: TonePixels.Buffer, labels: [UInt8], taking: [Bool], skin: Float, gap: Float)
    -> [LineSums]
  {
    let (w, h) = (buffer.gridWidth, buffer.gridHeight)
    var tau = [Float](repeating: .nan, count: w * h)
    for i in 0..<buffer.count where taking[Int(labels[i])] {
      tau[Int(buffer.position[i])] = min(max((buffer.l[i] - skin) * (1 / gap), -0.2), 1.2)
    }
    return binomialKernels.map { kernel in
      let r = kernel.count / 2
      let total = kernel.reduce(0, +)
      let weights = kernel.map { $0 / total }
      var horizontal = [Double](repeating: .nan, count: w * h)
      var blurred = [Double](repeating: .nan, count: w * h)
      for y in 0..<h {
        for x in r..<max(r, w - r) { horizontal[y * w + x] = (0..<kernel.count).reduce(0.0) { $0 + weights[$1] * Double(tau[y * w + x - r + $1]) } }
      }
      for y in r..<max(r, h - r) {
        for x in 0..<w { blurred[y * w + x] = (0..<kernel.count).reduce(0.0) { $0 + weights[$1] * horizontal[(y - r + $1) * w + x] } }
      }
      var sums = LineSums()
      for index in buffer.estimation.indices {
        let i = Int(index)
        let v = blurred[Int(buffer.position[i])]
        guard taking[Int(labels[i])], !v.isNaN else { continue }
        sums.add(x: v, a: Double(buffer.a[i]), b: Double(buffer.b[i]))
      }
      return sums
    }
  }

  static func close(_ p: LineSums, _ q: LineSums) -> Bool {
    let pairs = [(p.n, q.n), (p.sx, q.sx), (p.sxx, q.sxx), (p.sa, q.sa), (p.sxa, q.sxa), (p.sb, q.sb), (p.sxb, q.sxb)]
    return pairs.allSatisfy { abs($0.0 - $0.1) <= 1e-4 * max(1, abs($0.1)) }
  }

  /// The cascade gives every level's sums of whole-grid convolution, in one band or in four.
  @Test(arguments: [(37, 29, 1 as UInt64), (64, 12, 2), (11, 50, 3), (24, 24, 4)])
  func cascadeMatchesWholeGridConvolution(_ size: (Int, Int, UInt64)) {
    let (buffer, labels) = Self.buffer(width: size.0, height: size.1, seed: size.2)
    var taking = [Bool](repeating: false, count: 256)
    taking[0] = true
    taking[1] = true
    let (skin, gap): (Float, Float) = (68, -48)
    let reference = Self.referenceSums(buffer, labels: labels, taking: taking, skin: skin, gap: gap)
    let cascade = FractionCascade(
      pixels: buffer, assignment: labels, subset: buffer.estimation, taking: taking, skin: skin, inverseGap: 1 / gap,
      levels: HairUnmixing.blurLevels)
    let whole = cascade.sums(rows: 0..<size.1)
    let h = size.1
    let bands = (0..<4).map { cascade.sums(rows: (h * $0 / 4)..<(h * ($0 + 1) / 4)) }
    #expect(whole.count == Self.binomialKernels.count)
    for level in Self.binomialKernels.indices {
      #expect(reference[level].n > 0 || level > 0)
      #expect(Self.close(whole[level], reference[level]), "level \(level): \(whole[level]) vs \(reference[level])")
      let combined = bands.dropFirst().reduce(bands[0][level]) { $0 + $1[level] }
      #expect(Self.close(combined, reference[level]), "level \(level) in bands")
    }
    // Wider kernels leave fewer defined pixels, never more.
    for level in 1..<reference.count { #expect(whole[level].n <= whole[level - 1].n) }
  }

  /// Two columns: every footprint of a blurred level crosses the border.
  @Test func cascadeOnATooNarrowGrid() {
    let (buffer, labels) = Self.buffer(width: 2, height: 20, seed: 9)
    let cascade = FractionCascade(
      pixels: buffer, assignment: labels, subset: buffer.estimation, taking: [Bool](repeating: true, count: 256),
      skin: 60, inverseGap: -0.02, levels: 5)
    let sums = cascade.sums(rows: 0..<20)
    #expect(sums[0].n > 0)
    #expect(sums.dropFirst().allSatisfy { $0.n == 0 })
  }

  /// A line through noise-free points is recovered: R² 1 and the values at x = 1.
  @Test func lineSumsRecoverAnExactLine() throws {
    var sums = LineSums()
    for k in 0..<200 {
      let x = Double(k) / 199
      sums.add(x: x, a: 14 - 9 * x, b: 22 - 15 * x)
    }
    let line = try #require(sums.line)
    #expect(abs(line.r2 - 1) < 1e-9 && abs(line.a - 5) < 1e-9 && abs(line.b - 7) < 1e-9)
    var flat = LineSums()
    for _ in 0..<100 { flat.add(x: 0.5, a: 1, b: 2) }
    #expect(flat.line == nil)
  }

  /// Bin means, weights and scatter are those of the pixels themselves.
  @Test func histogramKeepsMeansAndScatter() {
    var noise = Noise(state: 77)
    var histogram = ColourHistogram()
    var pixels: [(Float, Float, Float)] = []
    for _ in 0..<5000 {
      let p = (Float(20 + 50 * noise.next()), Float(2 + 14 * noise.next()), Float(3 + 20 * noise.next()))
      pixels.append(p)
      histogram.add(l: p.0, a: p.1, b: p.2)
    }
    let points = histogram.points()
    #expect(points.pixels == 5000 && points.weights.reduce(0, +) == 5000)
    // Σ weight × mean = Σ pixels, per channel.
    for c in 0..<3 {
      let binned = zip(points.weights, stride(from: c, to: points.points.count, by: 3).map { Double(points.points[$0]) })
        .reduce(0) { $0 + $1.0 * $1.1 }
      let direct = pixels.reduce(0.0) { $0 + Double(c == 0 ? $1.0 : c == 1 ? $1.1 : $1.2) }
      #expect(abs(binned - direct) < 1e-3 * direct)
    }
    // Scatter: Σ over pixels of the squared distance to their bin's mean, computed directly.
    var members: [Int: [(Float, Float, Float)]] = [:]
    for p in pixels { members[ColourHistogram.bin(l: p.0, a: p.1, b: p.2), default: []].append(p) }
    var scatter = 0.0
    for group in members.values {
      let n = Double(group.count)
      let mean = group.reduce((0.0, 0.0, 0.0)) { ($0.0 + Double($1.0) / n, $0.1 + Double($1.1) / n, $0.2 + Double($1.2) / n) }
      for p in group {
        scatter += pow(Double(p.0) - mean.0, 2) + pow(Double(p.1) - mean.1, 2) + pow(Double(p.2) - mean.2, 2)
      }
    }
    #expect(points.weights.count == members.count)
    #expect(abs(points.scatter - scatter) < 1e-3 * scatter)
  }

  /// Colours outside the binned ranges land in the edge bins; non-finite ones are not counted.
  @Test func histogramClampsAndSkipsNonFiniteColours() {
    var histogram = ColourHistogram()
    histogram.add(l: 1e30, a: -1e30, b: 500)
    histogram.add(l: -3, a: 90, b: -40)
    histogram.add(l: .nan, a: 10, b: 10)
    histogram.add(l: 50, a: .infinity, b: 10)
    let points = histogram.points()
    #expect(points.pixels == 2 && points.weights == [1, 1])
  }

  /// Weighted k-means: a centre is the weighted mean of its points, and a weightless point counts
  /// for nothing.
  @Test func weightedKMeansUsesTheWeights() {
    let points: [Float] = [10, 0, 0, 12, 0, 0, 80, 5, 5, 90, 5, 5, 40, 40, 40]
    let weights: [Double] = [3, 1, 1, 4, 0]
    let result = KMeans.cluster(points, weights: weights, k: 2, seed: 5)
    let centres = result.centres.sorted { $0.l < $1.l }
    #expect(abs(centres[0].l - 10.5) < 1e-4)  // (3·10 + 12) / 4
    #expect(abs(centres[1].l - 88) < 1e-4)  // (80 + 4·90) / 5
    // Inertia counts each point by its weight, plus the given scatter.
    let scattered = KMeans.cluster(points, weights: weights, k: 2, seed: 5, scatter: 7)
    #expect(abs(result.inertia - (3 * 0.25 + 2.25 + 64 + 4 * 4)) < 1e-3)
    #expect(abs(scattered.inertia - result.inertia - 7) < 1e-9)
  }

  /// The branch-free search picks what a scan with a strict `<` picks, ties to the lower index.
  @Test func nearestCentreMatchesAScan() {
    var noise = Noise(state: 3)
    let centres: [(Float, Float, Float)] = [(20, 5, 6), (50, 10, 15), (70, 15, 22), (50, 10, 15), (35, 8, 10)]
    // The first point is equidistant from centres 0 and 4; the second sits on centres 1 and 3.
    var l: [Float] = [27.5, 50]
    var a: [Float] = [6.5, 10]
    var b: [Float] = [8, 15]
    for _ in 0..<5000 {
      l.append(Float(10 + 70 * noise.next()))
      a.append(Float(20 * noise.next()))
      b.append(Float(30 * noise.next()))
    }
    var best = [Int32](repeating: -1, count: l.count)
    var distance = [Float](repeating: 0, count: l.count)
    NearestCentre.search(l: l, a: a, b: b, count: l.count, centres: centres, best: &best, distance: &distance)
    for i in l.indices {
      var scan = 0
      var scanD = Float.infinity
      for (j, c) in centres.enumerated() {
        let d = (l[i] - c.0) * (l[i] - c.0) + (a[i] - c.1) * (a[i] - c.1) + (b[i] - c.2) * (b[i] - c.2)
        if d < scanD {
          scanD = d
          scan = j
        }
      }
      #expect(Int(best[i]) == scan && distance[i] == scanD, "point \(i)")
    }
    #expect(best[0] == 0 && best[1] == 1)  // ties go to the lower index
  }

  /// Statistics of a large region come from about the budget's share of it, the same pixels every
  /// time; a small region gives all of its pixels.
  @Test func estimationSubsetFollowsTheBudget() throws {
    func collect(_ width: Int, _ height: Int, budget: Int) throws -> TonePixels {
      var collector = try TonePixels.Collector(
        width: width, height: height, fullWidth: width, fullHeight: height, name: "grid", options: ToneAnalysisOptions(),
        estimationBudget: budget)
      var l = [Float](repeating: 60, count: width)
      let a = [Float](repeating: 12, count: width)
      let b = [Float](repeating: 18, count: width)
      for y in 0..<height {
        for x in 0..<width { l[x] = 40 + Float((x * 7 + y * 13) % 30) }
        collector.add(row: y, l: l, a: a, b: b, isOpaque: nil)
      }
      return TonePixels(collecting: &collector)
    }
    let large = try collect(500, 400, budget: 20_000)
    let again = try collect(500, 400, budget: 20_000)
    #expect(large.pixels.count == 200_000)
    #expect(abs(large.pixels.estimation.count - 20_000) < 600)
    #expect(large.pixels.estimation.indices == again.pixels.estimation.indices)
    // Every chosen pixel's padded index is its grid place.
    for (n, index) in large.pixels.estimation.indices.enumerated().prefix(2000) {
      let p = Int(large.pixels.position[Int(index)])
      #expect(Int(large.pixels.estimation.padded[n]) == (p / 500 + 1) * 502 + p % 500 + 1)
    }
    let small = try collect(100, 80, budget: 20_000)
    #expect(small.pixels.estimation.indices == (0..<8000).map(Int32.init))
    #expect(large.pixels.histogram.pixels == 200_000)
  }

  /// The streamed analysis of a JPEG (rows taken as the decoder finishes them) is the analysis of
  /// the decoded photo, to the last bit; with a region and a mask too.
  @Test(arguments: TestData.sampleTruths().filter { $0.path.hasSuffix(".jpg") }.map(\.path).prefix(6))
  func streamedEqualsDecoded(_ path: String) throws {
    let region = try RegionOfInterest(x: 100, y: 60, width: 500, height: 400)
    for options in [ToneAnalysisOptions(), ToneAnalysisOptions(region: region)] {
      let streamed = try ToneAnalysis(contentsOf: path, options: options)
      let photo = try PhotoDecoder.decode(contentsOf: path, options: DecodeOptions(minimumShortSide: options.minimumShortSide))
      let decoded = try ToneAnalysis(photo: photo, name: path, options: options)
      #expect(streamed.skin == decoded.skin)
      #expect(streamed.hair == decoded.hair)
      #expect(streamed.clusters == decoded.clusters)
      #expect(streamed.regions == decoded.regions)
      #expect(streamed.photo == decoded.photo && streamed.confidence == decoded.confidence)
    }
  }
}
