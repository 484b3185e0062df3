import Foundation

/// Step 1–2 of ``ToneAnalysis``: the photo's pixels inside the region and mask, as CIELAB, with
/// shadows, highlights and non-skin, non-hair colours rejected.
struct TonePixels {
  /// The usable pixels as planar CIELAB plus their place on the decoded grid.
  struct Buffer {
    var l: [Float] = []
    var a: [Float] = []
    var b: [Float] = []
    /// Row-major index on the decoded grid of each usable pixel.
    var position: [Int32] = []
    /// Decoded grid size.
    let gridWidth, gridHeight: Int
    /// Pixels inside region and mask (before rejection), and how many of them were crushed black
    /// (L* < 4) or clipped white (L* > 96).
    var areaCount = 0
    var darkCount = 0
    var brightCount = 0
    /// The pixels statistics are estimated from (see ``Collector``).
    var estimation = EstimationSet(indices: [], padded: [])
    /// Every usable pixel binned in CIELAB, as weighted points for clustering.
    var histogram = ColourHistogram.Points()

    var count: Int { l.count }

    /// Nearest centre (squared ΔE76) of every pixel; ties go to the lower index. Eight pixels at a
    /// time, the pixels split over the cores (each computed independently: the same result for
    /// any thread count).
    func assign(to centres: [Lab]) -> [UInt8] {
      let n = count
      let k = centres.count
      let cl = centres.map { Float($0.l) }
      let ca = centres.map { Float($0.a) }
      let cb = centres.map { Float($0.b) }
      return [UInt8](unsafeUninitializedCapacity: n) { out, initialized in
        guard let outBase = out.baseAddress else { return }
        l.withUnsafeBufferPointer { lb in
          a.withUnsafeBufferPointer { ab in
            b.withUnsafeBufferPointer { bb in
              guard let l = lb.baseAddress, let a = ab.baseAddress, let b = bb.baseAddress else { return }
              let shared = AssignmentPointers(l: l, a: a, b: b, out: outBase)
              let blocks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n / 65_536))
              let body: @Sendable (Int) -> Void = { block in
                let start = n * block / blocks / 8 * 8
                let end = block == blocks - 1 ? n : n * (block + 1) / blocks / 8 * 8
                Self.assignRange(shared, start..<end, cl: cl, ca: ca, cb: cb, k: k)
              }
              if blocks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: body) }
            }
          }
        }
        initialized = n
      }
    }

    /// The planes and the output of ``assign(to:)``, shared with its workers. Audited: the planes
    /// are only read, and each worker writes a disjoint range of `out`.
    struct AssignmentPointers: @unchecked Sendable {
      let l, a, b: UnsafePointer<Float>
      let out: UnsafeMutablePointer<UInt8>
    }

    /// Nearest centre for the pixels in `range`: blocks of eight in SIMD lanes, then the rest.
    static func assignRange(
      _ p: AssignmentPointers, _ range: Range<Int>, cl: [Float], ca: [Float], cb: [Float], k: Int
    ) {
      var i = range.lowerBound
      while i + 8 <= range.upperBound {
        let l = UnsafeRawPointer(p.l + i).loadUnaligned(as: SIMD8<Float>.self)
        let a = UnsafeRawPointer(p.a + i).loadUnaligned(as: SIMD8<Float>.self)
        let b = UnsafeRawPointer(p.b + i).loadUnaligned(as: SIMD8<Float>.self)
        var bestD = SIMD8<Float>(repeating: .infinity)
        var best = SIMD8<Int32>(repeating: 0)
        for j in 0..<k {
          let dl = l - cl[j]
          let da = a - ca[j]
          let db = b - cb[j]
          let d = dl * dl + da * da + db * db
          // Strict `<`: the first (lowest-index) centre keeps ties, as in a scalar scan.
          let closer = d .< bestD
          bestD.replace(with: d, where: closer)
          best.replace(with: Int32(j), where: closer)
        }
        for lane in 0..<8 { p.out[i + lane] = UInt8(truncatingIfNeeded: best[lane]) }
        i += 8
      }
      while i < range.upperBound {
        var best = 0
        var bestD = Float.infinity
        for j in 0..<k {
          let dl = p.l[i] - cl[j]
          let da = p.a[i] - ca[j]
          let db = p.b[i] - cb[j]
          let d = dl * dl + da * da + db * db
          if d < bestD {
            bestD = d
            best = j
          }
        }
        p.out[i] = UInt8(truncatingIfNeeded: best)
        i += 1
      }
    }

    /// Calls `body(i, x, y)` for every usable pixel `i` in row-major order with its place on the
    /// decoded grid. Positions ascend, so the row is tracked without a division per pixel.
    @inline(__always)
    func forEachPlace(_ body: (_ i: Int, _ x: Int, _ y: Int) -> Void) {
      let w = gridWidth
      var rowStart = 0
      var y = 0
      position.withUnsafeBufferPointer { position in
        for i in 0..<position.count {
          let p = Int(position[i])
          while p >= rowStart + w {
            rowStart += w
            y += 1
          }
          body(i, p - rowStart, y)
        }
      }
    }

    /// Calls `body(i, q)` for every usable pixel `i` in row-major order with `q`, its index in a
    /// grid padded by one pixel on each side (row length `gridWidth + 2`).
    @inline(__always)
    func forEachPadded(_ body: (_ i: Int, _ q: Int) -> Void) {
      let pw = gridWidth + 2
      forEachPlace { i, x, y in body(i, (y + 1) * pw + x + 1) }
    }

    /// The cluster of every grid pixel with a one-pixel border: `LabelGrid.unusable` where no
    /// usable pixel is, `LabelGrid.outside` on the border.
    func labelGrid(assignment: [UInt8]) -> [UInt8] {
      let pw = gridWidth + 2
      let ph = gridHeight + 2
      var grid = [UInt8](repeating: LabelGrid.unusable, count: pw * ph)
      grid.withUnsafeMutableBufferPointer { g in
        for x in 0..<pw {
          g[x] = LabelGrid.outside
          g[(ph - 1) * pw + x] = LabelGrid.outside
        }
        for y in 0..<ph {
          g[y * pw] = LabelGrid.outside
          g[y * pw + pw - 1] = LabelGrid.outside
        }
        assignment.withUnsafeBufferPointer { assignment in
          forEachPadded { i, q in g[q] = assignment[i] }
        }
      }
      return grid
    }

    /// For each cluster, the fraction of its pixels (of `subset`) with an 8-neighbour in cluster `target`.
    func touchFractions(grid: [UInt8], assignment: [UInt8], subset: EstimationSet, clusters: Int, target: Int)
      -> [Double]
    {
      let pw = gridWidth + 2
      let t = UInt8(truncatingIfNeeded: target)
      var touching = [Int](repeating: 0, count: 256)
      var totals = [Int](repeating: 0, count: 256)
      grid.withUnsafeBufferPointer { g in
        assignment.withUnsafeBufferPointer { assignment in
          subset.indices.withUnsafeBufferPointer { indices in
            subset.padded.withUnsafeBufferPointer { padded in
              for n in 0..<indices.count {
                let c = Int(assignment[Int(indices[n])])
                let q = Int(padded[n])
                totals[c] += 1
                let up = q - pw
                let down = q + pw
                let hit =
                  (g[up - 1] == t) || (g[up] == t) || (g[up + 1] == t) || (g[q - 1] == t) || (g[q + 1] == t)
                  || (g[down - 1] == t) || (g[down] == t) || (g[down + 1] == t)
                if hit { touching[c] += 1 }
              }
            }
          }
        }
      }
      return (0..<clusters).map { totals[$0] > 0 ? Double(touching[$0]) / Double(totals[$0]) : 0 }
    }

    /// Pixels of `subset` whose cluster is accepted and whose 8 neighbours (inside the grid) are
    /// usable pixels of accepted clusters too; falls back to all accepted ones when fewer than 50 are clean.
    func cleanIndices(grid: [UInt8], assignment: [UInt8], subset: EstimationSet, accept: [Bool]) -> [Int] {
      let pw = gridWidth + 2
      // Per label: accepted cluster, or the border (neighbours outside the grid do not count).
      var ok = [Bool](repeating: false, count: 256)
      for (c, accepted) in accept.enumerated() where c < 254 { ok[c] = accepted }
      ok[Int(LabelGrid.outside)] = true
      var clean: [Int] = []
      var all: [Int] = []
      grid.withUnsafeBufferPointer { g in
        assignment.withUnsafeBufferPointer { assignment in
          ok.withUnsafeBufferPointer { ok in
            subset.indices.withUnsafeBufferPointer { indices in
              subset.padded.withUnsafeBufferPointer { padded in
                for n in 0..<indices.count {
                  let i = Int(indices[n])
                  guard ok[Int(assignment[i])] else { continue }
                  all.append(i)
                  let q = Int(padded[n])
                  let up = q - pw
                  let down = q + pw
                  if ok[Int(g[up - 1])] && ok[Int(g[up])] && ok[Int(g[up + 1])] && ok[Int(g[q - 1])]
                    && ok[Int(g[q + 1])] && ok[Int(g[down - 1])] && ok[Int(g[down])] && ok[Int(g[down + 1])]
                  {
                    clean.append(i)
                  }
                }
              }
            }
          }
        }
      }
      return clean.count >= 50 ? clean : all
    }
  }

  /// Usable pixels (indices into ``Buffer``) that statistics are estimated from, with each one's
  /// index in the padded label grid (``Buffer/labelGrid(assignment:)``).
  struct EstimationSet {
    let indices: [Int32]
    let padded: [Int32]
    var count: Int { indices.count }
  }

  /// Marker values of the padded label grid of ``Buffer/labelGrid(assignment:)``.
  enum LabelGrid {
    /// A grid pixel with no usable pixel (outside the region or mask, transparent or rejected).
    static let unusable: UInt8 = 255
    /// The one-pixel border around the grid.
    static let outside: UInt8 = 254
  }

  let pixels: Buffer
  /// Full-resolution size.
  let fullWidth, fullHeight: Int
  /// Full-resolution pixels per decoded pixel (horizontal).
  let scale: Double

  /// Darker than this L* is deep shadow or crushed black.
  static let shadowL: Float = 4
  /// Lighter than this L* is a clipped highlight.
  static let highlightL: Float = 96

  /// The usable pixels of a decoded photo.
  init(photo: Photo, name: String, options: ToneAnalysisOptions) throws(ToneAnalysisError) {
    var collector = try Collector(
      width: photo.width, height: photo.height, fullWidth: photo.metadata.width, fullHeight: photo.metadata.height,
      name: name, options: options)
    if photo.width > 0, photo.height > 0 {
      let planes = photo.labPlanes()
      let w = photo.width
      let opaque: Bool
      if case .opaque = photo.opacity { opaque = true } else { opaque = false }
      planes.l.withUnsafeBufferPointer { pl in
        planes.a.withUnsafeBufferPointer { pa in
          planes.b.withUnsafeBufferPointer { pb in
            guard let l = pl.baseAddress, let a = pa.baseAddress, let b = pb.baseAddress else { return }
            for y in collector.rows {
              let o = y * w
              collector.add(row: y, l: l + o, a: a + o, b: b + o, isOpaque: opaque ? nil : { photo.isOpaque(at: o + $0) })
            }
          }
        }
      }
    }
    self.init(collecting: &collector)
  }

  /// The pixels a collector gathered; the collector is left empty (its storage moves here).
  init(collecting collector: inout Collector) {
    pixels = collector.finish()
    fullWidth = collector.fullWidth
    fullHeight = collector.fullHeight
    scale = collector.sx
  }

  /// Steps 1–2 row by row: takes each decoded row's CIELAB values and keeps the usable pixels, so
  /// rows can be taken as a decoder finishes them (``ToneAnalysis/init(contentsOf:options:)``).
  struct Collector {
    /// Decoded size and full-resolution size.
    let width, height, fullWidth, fullHeight: Int
    /// Full-resolution pixels per decoded pixel, horizontally and vertically.
    let sx, sy: Double
    /// The decoded rectangle inside the region of interest.
    let x0, x1, y0, y1: Int
    let mask: AnalysisMask?
    private var l: [Float]
    private var a: [Float]
    private var b: [Float]
    private var position: [Int32]
    /// Estimation subset: indices of kept pixels and their padded-grid index.
    private var estimationIndices: [Int32] = []
    private var estimationPadded: [Int32] = []
    /// Keep a pixel for estimation when its position hash is below this (nil: keep all).
    private let estimationThreshold: UInt64?
    private var histogram = ColourHistogram()
    private var kept = 0
    private var area = 0
    private var dark = 0
    private var bright = 0
    /// Rows taken so far (they must come in order).
    private(set) var rowsTaken = 0

    /// Checks the region and mask against the photo (full-resolution `fullWidth` × `fullHeight`,
    /// 0 = same as decoded) and prepares room for every pixel of the region.
    ///
    /// Statistics (steps 4–6) are estimated from every usable pixel when the region holds at most
    /// `estimationBudget` pixels, else from a deterministic pseudo-random subset at the rate
    /// budget / region area: those whose grid position hashes below it. A median over 250 000
    /// pixels moves by ~0.01 L* when subsampled, and a 12 MP photo then costs what a 2 MP one
    /// does; neighbourhoods (clean skin, touching hair, the unmixing blur) still see every pixel.
    init(
      width w: Int, height h: Int, fullWidth: Int, fullHeight: Int, name: String, options: ToneAnalysisOptions,
      estimationBudget: Int = ToneAnalysis.estimationBudget
    ) throws(ToneAnalysisError) {
      width = w
      height = h
      self.fullWidth = fullWidth > 0 ? fullWidth : w
      self.fullHeight = fullHeight > 0 ? fullHeight : h
      sx = Double(self.fullWidth) / Double(max(w, 1))
      sy = Double(self.fullHeight) / Double(max(h, 1))
      var x0 = 0
      var y0 = 0
      var x1 = w
      var y1 = h
      if let r = options.region {
        guard r.isInside(width: self.fullWidth, height: self.fullHeight) else {
          throw .regionOutsideImage(path: name, region: r, width: self.fullWidth, height: self.fullHeight)
        }
        if w > 0, h > 0 {
          x0 = min(w - 1, Int(Double(r.x) / sx))
          y0 = min(h - 1, Int(Double(r.y) / sy))
          x1 = max(x0 + 1, min(w, Int((Double(r.x + r.width) / sx).rounded(.up))))
          y1 = max(y0 + 1, min(h, Int((Double(r.y + r.height) / sy).rounded(.up))))
        }
      }
      if let m = options.mask, m.width != self.fullWidth || m.height != self.fullHeight {
        throw .maskSizeMismatch(
          path: name, maskWidth: m.width, maskHeight: m.height, photoWidth: self.fullWidth,
          photoHeight: self.fullHeight)
      }
      (self.x0, self.x1, self.y0, self.y1) = (x0, x1, y0, y1)
      mask = options.mask
      let capacity = w > 0 && h > 0 ? (y1 - y0) * (x1 - x0) : 0
      l = [Float](repeating: 0, count: capacity)
      a = l
      b = l
      position = [Int32](repeating: 0, count: capacity)
      if capacity > estimationBudget {
        estimationThreshold = UInt64(Double(estimationBudget) / Double(capacity) * 0x1_0000_0000)
        let expected = estimationBudget + estimationBudget / 8
        estimationIndices.reserveCapacity(expected)
        estimationPadded.reserveCapacity(expected)
      } else {
        estimationThreshold = nil
        estimationIndices.reserveCapacity(capacity)
        estimationPadded.reserveCapacity(capacity)
      }
    }

    /// SplitMix64's finaliser (Steele, Lea & Flood 2014): a well-mixed hash of a grid position.
    @inline(__always)
    static func hash(_ position: Int) -> UInt64 {
      var z = UInt64(truncatingIfNeeded: position) &+ 0x9E37_79B9_7F4A_7C15
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    /// The decoded rows that hold region pixels.
    var rows: Range<Int> { width > 0 && height > 0 ? y0..<y1 : 0..<0 }

    /// Takes decoded row `y` (rows in increasing order): L*, a*, b* of its `width` pixels, and
    /// whether pixel `x` is opaque (nil: all are). Rows outside the region are ignored.
    mutating func add(
      row y: Int, l rowL: UnsafePointer<Float>, a rowA: UnsafePointer<Float>, b rowB: UnsafePointer<Float>,
      isOpaque: ((Int) -> Bool)?
    ) {
      rowsTaken = y + 1
      guard rows.contains(y) else { return }
      let fy = min(fullHeight - 1, Int((Double(y) + 0.5) * sy))
      let rowStart = y * width
      let (x0, x1, sx, fullWidth, mask) = (self.x0, self.x1, self.sx, self.fullWidth, self.mask)
      let shadowL = TonePixels.shadowL
      let highlightL = TonePixels.highlightL
      var (kept, area, dark, bright) = (self.kept, self.area, self.dark, self.bright)
      let threshold = estimationThreshold
      let paddedRow = (y + 1) * (width + 2) + 1
      var histogram = ColourHistogram()
      swap(&histogram, &self.histogram)
      var chosenIndices: [Int32] = []
      var chosenPadded: [Int32] = []
      swap(&chosenIndices, &estimationIndices)
      swap(&chosenPadded, &estimationPadded)
      l.withUnsafeMutableBufferPointer { l in
        a.withUnsafeMutableBufferPointer { a in
          b.withUnsafeMutableBufferPointer { b in
            position.withUnsafeMutableBufferPointer { position in
              for x in x0..<x1 {
                if let isOpaque, !isOpaque(x) { continue }
                if let m = mask, !m.includes(x: min(fullWidth - 1, Int((Double(x) + 0.5) * sx)), y: fy) { continue }
                let lv = rowL[x]
                let av = rowA[x]
                let bv = rowB[x]
                guard lv.isFinite, av.isFinite, bv.isFinite else { continue }
                area += 1
                if lv < shadowL {
                  dark += 1
                  continue
                }
                if lv > highlightL {
                  bright += 1
                  continue
                }
                // Skin and hair are warm or neutral: reject green, blue/violet and saturated colours.
                guard av >= -6, bv >= -6, av * av + bv * bv <= 65 * 65 else { continue }
                histogram.add(l: lv, a: av, b: bv)
                l[kept] = lv
                a[kept] = av
                b[kept] = bv
                position[kept] = Int32(truncatingIfNeeded: rowStart + x)
                if threshold == nil || Self.hash(rowStart + x) >> 32 < threshold! {
                  chosenIndices.append(Int32(truncatingIfNeeded: kept))
                  chosenPadded.append(Int32(truncatingIfNeeded: paddedRow + x))
                }
                kept += 1
              }
            }
          }
        }
      }
      (self.kept, self.area, self.dark, self.bright) = (kept, area, dark, bright)
      swap(&chosenIndices, &estimationIndices)
      swap(&chosenPadded, &estimationPadded)
      swap(&histogram, &self.histogram)
    }

    /// The usable pixels taken so far; the collector is left empty (its storage moves out).
    mutating func finish() -> Buffer {
      var buffer = Buffer(gridWidth: width, gridHeight: height)
      swap(&buffer.l, &l)
      swap(&buffer.a, &a)
      swap(&buffer.b, &b)
      swap(&buffer.position, &position)
      buffer.l.removeLast(buffer.l.count - kept)
      buffer.a.removeLast(buffer.a.count - kept)
      buffer.b.removeLast(buffer.b.count - kept)
      buffer.position.removeLast(buffer.position.count - kept)
      buffer.estimation = EstimationSet(indices: estimationIndices, padded: estimationPadded)
      buffer.histogram = histogram.points()
      histogram = ColourHistogram()
      estimationIndices = []
      estimationPadded = []
      buffer.areaCount = area
      buffer.darkCount = dark
      buffer.brightCount = bright
      return buffer
    }
  }
}
