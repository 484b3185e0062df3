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

    /// What ``assign(to:)`` finds: each pixel's nearest centre, the padded label grid
    /// (``LabelGrid``) and the pixels per centre.
    struct Assignment: Sendable {
      let labels: [UInt8]
      let grid: [UInt8]
      let counts: [Int]
    }

    /// Nearest centre (squared ΔE76) of every pixel, the lower index on ties (``NearestCentre``),
    /// in blocks spread over the cores; also writes the padded label grid and counts the pixels per
    /// centre. Every pixel is computed independently: the result does not depend on the cores.
    func assign(to centres: [Lab]) -> Assignment {
      let n = count
      let k = centres.count
      let pw = gridWidth + 2
      let ph = gridHeight + 2
      var grid = [UInt8](repeating: LabelGrid.unusable, count: pw * ph)
      for x in 0..<pw {
        grid[x] = LabelGrid.outside
        grid[(ph - 1) * pw + x] = LabelGrid.outside
      }
      for y in 0..<ph {
        grid[y * pw] = LabelGrid.outside
        grid[y * pw + pw - 1] = LabelGrid.outside
      }
      let triples = centres.map { (Float($0.l), Float($0.a), Float($0.b)) }
      var labels = [UInt8](repeating: 0, count: n)
      // Blocks of 64 K pixels, taken by whichever core is free (a late worker costs little).
      let halves = max(1, (n + 65_535) / 65_536)
      var parts: [[Int]] = []
      l.withUnsafeBufferPointer { lb in
        a.withUnsafeBufferPointer { ab in
          b.withUnsafeBufferPointer { bb in
            position.withUnsafeBufferPointer { pb in
              labels.withUnsafeMutableBufferPointer { out in
                grid.withUnsafeMutableBufferPointer { g in
                  guard let l = lb.baseAddress, let a = ab.baseAddress, let b = bb.baseAddress,
                    let position = pb.baseAddress, let labels = out.baseAddress, let grid = g.baseAddress
                  else { return }
                  let shared = AssignmentPointers(
                    l: l, a: a, b: b, position: position, labels: labels, grid: grid, width: gridWidth)
                  parts = ParallelMap.map(count: halves) { half in
                    Self.assignRange(shared, (n * half / halves)..<(n * (half + 1) / halves), centres: triples, k: k)
                  }
                }
              }
            }
          }
        }
      }
      var total = [Int](repeating: 0, count: k)
      for counts in parts { for j in 0..<min(k, counts.count) { total[j] += counts[j] } }
      return Assignment(labels: labels, grid: grid, counts: total)
    }

    /// The planes, padded positions and outputs of ``assign(to:)``, shared with its workers.
    /// Audited: inputs are only read; each worker writes a disjoint range of `labels` and the
    /// (distinct) grid cells of those pixels.
    struct AssignmentPointers: @unchecked Sendable {
      let l, a, b: UnsafePointer<Float>
      let position: UnsafePointer<Int32>
      let labels, grid: UnsafeMutablePointer<UInt8>
      /// Decoded grid width (the padded grid's rows are 2 wider).
      let width: Int
    }

    /// Nearest centres for the pixels in `range`, in blocks that stay in cache; returns the count
    /// per centre.
    static func assignRange(
      _ p: AssignmentPointers, _ range: Range<Int>, centres: [(Float, Float, Float)], k: Int
    ) -> [Int] {
      var counts = [Int](repeating: 0, count: 256)
      // The row of the first pixel, then tracked as positions ascend (no division per pixel).
      let w = p.width
      var rowStart = range.isEmpty || w == 0 ? 0 : Int(p.position[range.lowerBound]) / w * w
      var paddedShift = rowStart / max(w, 1) * 2 + w + 3
      let block = 4096
      var best = [Int32](repeating: 0, count: block)
      var distance = [Float](repeating: 0, count: block)
      best.withUnsafeMutableBufferPointer { bestBuffer in
        distance.withUnsafeMutableBufferPointer { distanceBuffer in
          guard let best = bestBuffer.baseAddress, let distance = distanceBuffer.baseAddress else { return }
          var start = range.lowerBound
          while start < range.upperBound {
            let m = min(block, range.upperBound - start)
            NearestCentre.search(
              l: p.l + start, a: p.a + start, b: p.b + start, count: m, centres: centres, best: best,
              distance: distance)
            counts.withUnsafeMutableBufferPointer { counts in
              for i in 0..<m {
                let label = UInt8(truncatingIfNeeded: best[i])
                p.labels[start + i] = label
                let position = Int(p.position[start + i])
                while position >= rowStart + w {
                  rowStart += w
                  paddedShift += 2
                }
                p.grid[position + paddedShift] = label
                counts[Int(label)] += 1
              }
            }
            start += m
          }
        }
      }
      return counts
    }

    /// For each cluster, the fraction of its pixels (of `subset`) with an 8-neighbour in cluster `target`.
    func touchFractions(grid: [UInt8], assignment: [UInt8], subset: EstimationSet, clusters: Int, target: Int)
      -> [Double]
    {
      let pw = gridWidth + 2
      // 1 for the target label, 0 for every other label (branch-free neighbour test).
      var isTarget = [UInt8](repeating: 0, count: 256)
      if (0..<254).contains(target) { isTarget[target] = 1 }
      var touching = [Int](repeating: 0, count: 256)
      var totals = [Int](repeating: 0, count: 256)
      grid.withUnsafeBufferPointer { g in
        assignment.withUnsafeBufferPointer { assignment in
          isTarget.withUnsafeBufferPointer { hitOf in
            touching.withUnsafeMutableBufferPointer { touching in
              totals.withUnsafeMutableBufferPointer { totals in
                subset.indices.withUnsafeBufferPointer { indices in
                  subset.padded.withUnsafeBufferPointer { padded in
                    for n in 0..<indices.count {
                      let c = Int(assignment[Int(indices[n])])
                      let q = Int(padded[n])
                      let up = q - pw
                      let down = q + pw
                      let hits =
                        hitOf[Int(g[up - 1])] | hitOf[Int(g[up])] | hitOf[Int(g[up + 1])] | hitOf[Int(g[q - 1])]
                        | hitOf[Int(g[q + 1])] | hitOf[Int(g[down - 1])] | hitOf[Int(g[down])] | hitOf[Int(g[down + 1])]
                      totals[c] += 1
                      touching[c] += Int(hits)
                    }
                  }
                }
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
      // Per label: 1 for an accepted cluster or the border (neighbours outside the grid do not
      // count), 0 otherwise; a pixel is clean when the product over its neighbours is 1.
      var ok = [UInt8](repeating: 0, count: 256)
      for (c, accepted) in accept.enumerated() where c < 254 && accepted { ok[c] = 1 }
      ok[Int(LabelGrid.outside)] = 1
      let m = subset.count
      var cleanCount = 0
      var clean = [Int](repeating: 0, count: m)
      grid.withUnsafeBufferPointer { g in
        assignment.withUnsafeBufferPointer { assignment in
          ok.withUnsafeBufferPointer { ok in
            subset.indices.withUnsafeBufferPointer { indices in
              subset.padded.withUnsafeBufferPointer { padded in
                clean.withUnsafeMutableBufferPointer { clean in
                  for n in 0..<m {
                    let i = Int(indices[n])
                    let q = Int(padded[n])
                    let up = q - pw
                    let down = q + pw
                    let isClean =
                      ok[Int(assignment[i])] & ok[Int(g[up - 1])] & ok[Int(g[up])] & ok[Int(g[up + 1])]
                      & ok[Int(g[q - 1])] & ok[Int(g[q + 1])] & ok[Int(g[down - 1])] & ok[Int(g[down])]
                      & ok[Int(g[down + 1])]
                    clean[cleanCount] = i
                    cleanCount += Int(isClean)
                  }
                }
              }
            }
          }
        }
      }
      if cleanCount >= 50 {
        clean.removeLast(m - cleanCount)
        return clean
      }
      return subset.indices.lazy.map { Int($0) }.filter { ok[Int(assignment[$0])] != 0 }
    }
  }

  /// Usable pixels (indices into ``Buffer``) that statistics are estimated from, with each one's
  /// index in the padded label grid (``Buffer/assign(to:)``).
  struct EstimationSet {
    let indices: [Int32]
    let padded: [Int32]
    var count: Int { indices.count }
  }

  /// Marker values of the padded label grid of ``Buffer/assign(to:)``.
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
    private var estimationCount = 0
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
      estimationThreshold =
        capacity > estimationBudget ? UInt64(Double(estimationBudget) / Double(capacity) * 0x1_0000_0000) : nil
      // Room for the expected subset plus a margin of many standard deviations (a Bernoulli draw
      // of at most `estimationBudget` on average; the margin is ~40 σ at the default budget).
      let room = estimationThreshold == nil ? capacity : min(capacity, estimationBudget + estimationBudget / 8 + 1024)
      estimationIndices = [Int32](repeating: 0, count: room)
      estimationPadded = estimationIndices
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
      var histogram = ColourHistogram.placeholder
      swap(&histogram, &self.histogram)
      var chosenIndices: [Int32] = []
      var chosenPadded: [Int32] = []
      swap(&chosenIndices, &estimationIndices)
      swap(&chosenPadded, &estimationPadded)
      var chosen = estimationCount
      histogram.withBins { bins in
      chosenIndices.withUnsafeMutableBufferPointer { chosenIndices in
      chosenPadded.withUnsafeMutableBufferPointer { chosenPadded in
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
                ColourHistogram.add(bins, l: lv, a: av, b: bv)
                l[kept] = lv
                a[kept] = av
                b[kept] = bv
                position[kept] = Int32(truncatingIfNeeded: rowStart + x)
                if chosen < chosenIndices.count, threshold == nil || Self.hash(rowStart + x) >> 32 < threshold! {
                  chosenIndices[chosen] = Int32(truncatingIfNeeded: kept)
                  chosenPadded[chosen] = Int32(truncatingIfNeeded: paddedRow + x)
                  chosen += 1
                }
                kept += 1
              }
            }
          }
        }
      }
      }
      }
      }
      (self.kept, self.area, self.dark, self.bright) = (kept, area, dark, bright)
      estimationCount = chosen
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
      estimationIndices.removeLast(estimationIndices.count - estimationCount)
      estimationPadded.removeLast(estimationPadded.count - estimationCount)
      buffer.estimation = EstimationSet(indices: estimationIndices, padded: estimationPadded)
      buffer.histogram = histogram.points()
      histogram = .placeholder
      estimationIndices = []
      estimationPadded = []
      buffer.areaCount = area
      buffer.darkCount = dark
      buffer.brightCount = bright
      return buffer
    }
  }
}
