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
    /// Per usable pixel, 1 when its colour is one a person can have (``PersonColours``), else 0;
    /// filled while the pixels are collected (``Collector``), empty when the buffer was built otherwise.
    var person: [UInt8] = []
    /// ``lightnessGrid()`` when it was filled while the pixels were collected, else empty.
    var collectedLightness: [Float] = []

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
    ///
    /// With `nonPersonLabel`, a pixel whose colour no person has (``PersonColours``) is labelled
    /// and counted as that instead (the grid still holds its nearest centre), and the counts run
    /// up to it.
    func assign(to centres: [Lab], nonPersonLabel: UInt8? = nil) -> Assignment {
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
      // The person-colour flags: as collected, or worked out per pixel by the workers.
      let flags = nonPersonLabel != nil && person.count == n ? person : []
      // Blocks of 64 K pixels, taken by whichever core is free (a late worker costs little).
      let halves = max(1, (n + 65_535) / 65_536)
      var parts: [[Int]] = []
      l.withUnsafeBufferPointer { lb in
        a.withUnsafeBufferPointer { ab in
          b.withUnsafeBufferPointer { bb in
            position.withUnsafeBufferPointer { pb in
              labels.withUnsafeMutableBufferPointer { out in
                grid.withUnsafeMutableBufferPointer { g in
                  flags.withUnsafeBufferPointer { fb in
                    guard let l = lb.baseAddress, let a = ab.baseAddress, let b = bb.baseAddress,
                      let position = pb.baseAddress, let labels = out.baseAddress, let grid = g.baseAddress
                    else { return }
                    let shared = AssignmentPointers(
                      l: l, a: a, b: b, position: position, labels: labels, grid: grid, width: gridWidth,
                      person: fb.baseAddress, nonPersonLabel: nonPersonLabel)
                    parts = ParallelMap.map(count: halves) { half in
                      Self.assignRange(shared, (n * half / halves)..<(n * (half + 1) / halves), centres: triples, k: k)
                    }
                  }
                }
              }
            }
          }
        }
      }
      let labelCount = nonPersonLabel.map { max(k, Int($0) + 1) } ?? k
      var total = [Int](repeating: 0, count: labelCount)
      for counts in parts { for j in 0..<min(labelCount, counts.count) { total[j] += counts[j] } }
      return Assignment(labels: labels, grid: grid, counts: total)
    }

    /// The planes, padded positions and outputs of ``assign(to:nonPersonLabel:)``, shared with its
    /// workers. Audited: inputs are only read; each worker writes a disjoint range of `labels` and
    /// the (distinct) grid cells of those pixels.
    struct AssignmentPointers: @unchecked Sendable {
      let l, a, b: UnsafePointer<Float>
      let position: UnsafePointer<Int32>
      let labels, grid: UnsafeMutablePointer<UInt8>
      /// Decoded grid width (the padded grid's rows are 2 wider).
      let width: Int
      /// Collected person-colour flags (``Buffer/person``), nil when not collected.
      let person: UnsafePointer<UInt8>?
      /// The label of a pixel of a colour no person has; nil: every pixel gets its nearest centre.
      let nonPersonLabel: UInt8?
    }

    /// Nearest centres for the pixels in `range`, in blocks that stay in the L1 data cache (1024
    /// pixels: their L*, a*, b*, best distance and label are 20 KB; 4096 spilled to L2 and took
    /// longer); returns the count per label.
    static func assignRange(
      _ p: AssignmentPointers, _ range: Range<Int>, centres: [(Float, Float, Float)], k: Int
    ) -> [Int] {
      var counts = [Int](repeating: 0, count: 256)
      // The row of the first pixel, then tracked as positions ascend (no division per pixel).
      let w = p.width
      var rowStart = range.isEmpty || w == 0 ? 0 : Int(p.position[range.lowerBound]) / w * w
      var paddedShift = rowStart / max(w, 1) * 2 + w + 3
      let block = 1024
      var best = [Int32](repeating: 0, count: block)
      var distance = [Float](repeating: 0, count: block)
      // 1 for a pixel that keeps its nearest centre as its label, 0 for one labelled nonPerson.
      var keeps = [UInt8](repeating: 1, count: block)
      let nonPerson = p.nonPersonLabel ?? 0
      let colours = PersonColours.standard
      best.withUnsafeMutableBufferPointer { bestBuffer in
        distance.withUnsafeMutableBufferPointer { distanceBuffer in
          keeps.withUnsafeMutableBufferPointer { keepsBuffer in
            guard let best = bestBuffer.baseAddress, let distance = distanceBuffer.baseAddress,
              let keeps = keepsBuffer.baseAddress
            else { return }
            var start = range.lowerBound
            while start < range.upperBound {
              let m = min(block, range.upperBound - start)
              NearestCentre.search(
                l: p.l + start, a: p.a + start, b: p.b + start, count: m, centres: centres, best: best,
                distance: distance)
              if p.nonPersonLabel != nil {
                if let person = p.person {
                  keeps.update(from: person + start, count: m)
                } else {
                  for i in 0..<m {
                    keeps[i] = colours.contains(l: p.l[start + i], a: p.a[start + i], b: p.b[start + i]) ? 1 : 0
                  }
                }
              }
              counts.withUnsafeMutableBufferPointer { counts in
                for i in 0..<m {
                  let nearest = UInt8(truncatingIfNeeded: best[i])
                  let label = keeps[i] != 0 ? nearest : nonPerson
                  p.labels[start + i] = label
                  let position = Int(p.position[start + i])
                  while position >= rowStart + w {
                    rowStart += w
                    paddedShift += 2
                  }
                  p.grid[position + paddedShift] = nearest
                  counts[Int(label)] += 1
                }
              }
              start += m
            }
          }
        }
      }
      return counts
    }

    /// 1 when `flag` is 1 for the labels of all 8 neighbours of padded-grid cell `q`, else 0
    /// (branch-free: the product of the flags, which are 0 or 1).
    @inline(__always)
    static func allNeighbours(
      of q: Int, in g: UnsafeBufferPointer<UInt8>, rowLength pw: Int, are flag: UnsafeBufferPointer<UInt8>
    ) -> UInt8 {
      let up = q - pw
      let down = q + pw
      return flag[Int(g[up - 1])] & flag[Int(g[up])] & flag[Int(g[up + 1])] & flag[Int(g[q - 1])]
        & flag[Int(g[q + 1])] & flag[Int(g[down - 1])] & flag[Int(g[down])] & flag[Int(g[down + 1])]
    }

    /// For each cluster, the fraction of its pixels (of `subset`) with an 8-neighbour in cluster `target`.
    func touchFractions(grid: [UInt8], assignment: [UInt8], subset: EstimationSet, clusters: Int, target: Int)
      -> [Double]
    {
      touchFractions(grid: grid, assignment: assignment, subset: subset, clusters: clusters, targets: [target])
    }

    /// For each cluster, the fraction of its pixels (of `subset`) with an 8-neighbour in any of `targets`.
    func touchFractions(grid: [UInt8], assignment: [UInt8], subset: EstimationSet, clusters: Int, targets: [Int])
      -> [Double]
    {
      let pw = gridWidth + 2
      // 1 for every label but the targets: a pixel touches one unless all its neighbours are 1.
      var elsewhere = [UInt8](repeating: 1, count: 256)
      for target in targets where (0..<254).contains(target) { elsewhere[target] = 0 }
      var touching = [Int](repeating: 0, count: 256)
      var totals = [Int](repeating: 0, count: 256)
      grid.withUnsafeBufferPointer { g in
        assignment.withUnsafeBufferPointer { assignment in
          elsewhere.withUnsafeBufferPointer { elsewhere in
            touching.withUnsafeMutableBufferPointer { touching in
              totals.withUnsafeMutableBufferPointer { totals in
                subset.indices.withUnsafeBufferPointer { indices in
                  subset.padded.withUnsafeBufferPointer { padded in
                    for n in 0..<indices.count {
                      let c = Int(assignment[Int(indices[n])])
                      totals[c] += 1
                      touching[c] += 1 - Int(Self.allNeighbours(of: Int(padded[n]), in: g, rowLength: pw, are: elsewhere))
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
                    let isClean =
                      ok[Int(assignment[i])] & Self.allNeighbours(of: Int(padded[n]), in: g, rowLength: pw, are: ok)
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

  /// What step 2 makes of a finite CIELAB pixel.
  enum Verdict {
    case dark, bright, rejected, kept
  }

  /// Step 2: deep shadow, clipped highlight, a colour that is neither skin nor hair (green,
  /// blue/violet or too saturated: skin and hair sit in the warm/neutral quadrant), or kept.
  @inline(__always)
  static func verdict(l: Float, a: Float, b: Float) -> Verdict {
    if l < shadowL { return .dark }
    if l > highlightL { return .bright }
    return a >= -6 && b >= -6 && a * a + b * b <= 65 * 65 ? .kept : .rejected
  }

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
    /// The arrays the kept pixels go into, presized for the whole region.
    private struct Storage {
      var l: [Float] = []
      var a: [Float] = []
      var b: [Float] = []
      var position: [Int32] = []
      /// Estimation subset: indices of kept pixels and their padded-grid index.
      var chosen: [Int32] = []
      var padded: [Int32] = []
      var histogram = ColourHistogram.placeholder
      /// Person-colour flag of each kept pixel (``Buffer/person``).
      var person: [UInt8] = []
      /// The lightness grid (``Buffer/lightnessGrid()``), filled as rows come.
      var lightness: [Float] = []
    }
    private var storage = Storage()
    private var estimationCount = 0
    /// Keep a pixel for estimation when its position hash is below this (nil: keep all).
    private let estimationThreshold: UInt64?
    /// One row's L*, a*, b* while a band is converted (``add(band:)``).
    private var rowScratch: [Float] = []
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
    /// budget / region area: those whose grid position hashes below it. A median over 50 000
    /// pixels moves by a few hundredths of L* when subsampled, and a 12 MP photo then costs what a
    /// small one does; neighbourhoods (clean skin, touching hair, the unmixing blur) still see
    /// every pixel.
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
      storage.l = [Float](repeating: 0, count: capacity)
      storage.a = storage.l
      storage.b = storage.l
      storage.position = [Int32](repeating: 0, count: capacity)
      storage.person = [UInt8](repeating: 0, count: capacity)
      storage.lightness = [Float](repeating: .nan, count: w > 0 && h > 0 ? w * h : 0)
      storage.histogram = ColourHistogram()
      estimationThreshold =
        capacity > estimationBudget ? UInt64(Double(estimationBudget) / Double(capacity) * 0x1_0000_0000) : nil
      // Room for the expected subset plus a margin of many standard deviations (a Bernoulli draw
      // of at most `estimationBudget` on average; the margin is ~40 σ at the default budget).
      let room = estimationThreshold == nil ? capacity : min(capacity, estimationBudget + estimationBudget / 8 + 1024)
      storage.chosen = [Int32](repeating: 0, count: room)
      storage.padded = storage.chosen
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

    /// Takes a band of rows as a decoder hands them out: converts each region row to CIELAB
    /// (Colorimetry's row kernels, the same values as whole-photo planes) and keeps its usable pixels.
    mutating func add(band: DecodedRows) {
      let w = band.width
      if rowScratch.count != 3 * w { rowScratch = [Float](repeating: 0, count: 3 * w) }
      var scratch: [Float] = []
      swap(&scratch, &rowScratch)
      defer { swap(&scratch, &rowScratch) }
      scratch.withUnsafeMutableBufferPointer { row in
        guard let l = row.baseAddress else { return }
        let (a, b) = (l + w, l + 2 * w)
        for y in band.rows {
          if rows.contains(y) {
            let offset = (y - band.rows.lowerBound) * w * 3
            switch band.samples {
            case .srgb8(let samples):
              guard let base = samples.baseAddress else { return }
              LabConversion.convertRow(srgb8: base + offset, count: w, channels: 3, l: l, a: a, b: b)
            case .linear(let samples):
              guard let base = samples.baseAddress else { return }
              LabConversion.convertRow(linear: base + offset, count: w, l: l, a: a, b: b)
            }
          }
          add(row: y, l: l, a: a, b: b, isOpaque: nil)
        }
      }
    }

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
      let paddedRow = (y + 1) * (width + 2) + 1
      let (x0, x1, sx, fullWidth, mask, threshold) = (self.x0, self.x1, self.sx, self.fullWidth, self.mask, estimationThreshold)
      let colours = PersonColours.standard
      let encodedLightness = Buffer.encodedLightness
      var (kept, area, dark, bright, chosen) = (self.kept, self.area, self.dark, self.bright, estimationCount)
      // The arrays move into a local for the loop (no exclusive access to self inside it).
      var storage = Storage()
      swap(&storage, &self.storage)
      defer { swap(&storage, &self.storage) }
      storage.histogram.withBins { bins in
        storage.l.withUnsafeMutableBufferPointer { l in
        storage.a.withUnsafeMutableBufferPointer { a in
        storage.b.withUnsafeMutableBufferPointer { b in
        storage.position.withUnsafeMutableBufferPointer { position in
        storage.chosen.withUnsafeMutableBufferPointer { chosenIndices in
        storage.padded.withUnsafeMutableBufferPointer { chosenPadded in
        storage.person.withUnsafeMutableBufferPointer { person in
        storage.lightness.withUnsafeMutableBufferPointer { lightness in
        encodedLightness.withUnsafeBufferPointer { encodedLightness in
          for x in x0..<x1 {
            if let isOpaque, !isOpaque(x) { continue }
            if let m = mask, !m.includes(x: min(fullWidth - 1, Int((Double(x) + 0.5) * sx)), y: fy) { continue }
            let (lv, av, bv) = (rowL[x], rowA[x], rowB[x])
            guard lv.isFinite, av.isFinite, bv.isFinite else { continue }
            area += 1
            switch TonePixels.verdict(l: lv, a: av, b: bv) {
            case .dark: dark += 1
            case .bright: bright += 1
            case .rejected: break
            case .kept:
              ColourHistogram.add(bins, l: lv, a: av, b: bv)
              l[kept] = lv
              a[kept] = av
              b[kept] = bv
              position[kept] = Int32(truncatingIfNeeded: rowStart + x)
              person[kept] = colours.contains(l: lv, a: av, b: bv) ? 1 : 0
              // As Buffer.lightnessGrid() computes it.
              lightness[rowStart + x] = encodedLightness[Int(min(max(lv, 0), 100) * 10)]
              if chosen < chosenIndices.count, threshold.map({ Self.hash(rowStart + x) >> 32 < $0 }) ?? true {
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
        }
        }
        }
      }
      (self.kept, self.area, self.dark, self.bright, estimationCount) = (kept, area, dark, bright, chosen)
    }

    /// The usable pixels taken so far; the collector is left empty (its storage moves out).
    mutating func finish() -> Buffer {
      var taken = Storage()
      swap(&taken, &storage)
      var buffer = Buffer(gridWidth: width, gridHeight: height)
      taken.l.removeLast(taken.l.count - kept)
      taken.a.removeLast(taken.a.count - kept)
      taken.b.removeLast(taken.b.count - kept)
      taken.position.removeLast(taken.position.count - kept)
      taken.chosen.removeLast(taken.chosen.count - estimationCount)
      taken.padded.removeLast(taken.padded.count - estimationCount)
      taken.person.removeLast(taken.person.count - kept)
      buffer.person = taken.person
      buffer.collectedLightness = taken.lightness
      (buffer.l, buffer.a, buffer.b, buffer.position) = (taken.l, taken.a, taken.b, taken.position)
      buffer.estimation = EstimationSet(indices: taken.chosen, padded: taken.padded)
      buffer.histogram = taken.histogram.points()
      buffer.areaCount = area
      buffer.darkCount = dark
      buffer.brightCount = bright
      return buffer
    }
  }
}
