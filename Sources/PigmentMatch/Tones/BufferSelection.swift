import Foundation

extension TonePixels.Buffer {
  /// Pixels kept by ``keeping(labels:keep:)``, with their clusters renumbered among the kept ones.
  struct Selection {
    let pixels: TonePixels.Buffer
    /// Each kept pixel's cluster, numbered among the kept clusters (in order).
    let labels: [UInt8]
    /// The padded label grid of the kept pixels (as ``assign(to:)`` writes it).
    let grid: [UInt8]
    /// Kept pixels per kept cluster.
    let counts: [Int]
  }

  /// The pixels whose `labels` entry is marked in `keep`, as a buffer of their own: planes,
  /// positions, colour histogram and estimation subset (those of its pixels that stay) are
  /// rebuilt; the area, dark and bright counts (what the region held before rejection) are kept.
  func keeping(labels: [UInt8], keep: [Bool]) -> Selection {
    var out = TonePixels.Buffer(gridWidth: gridWidth, gridHeight: gridHeight)
    out.areaCount = areaCount
    out.darkCount = darkCount
    out.brightCount = brightCount
    // New number of each kept cluster (−1: left out).
    var renumber = [Int](repeating: -1, count: 256)
    var kept = 0
    for (c, k) in keep.enumerated() where c < 256 && k {
      renumber[c] = kept
      kept += 1
    }
    let pw = gridWidth + 2
    let ph = gridHeight + 2
    var grid = [UInt8](repeating: TonePixels.LabelGrid.unusable, count: pw * ph)
    for x in 0..<pw {
      grid[x] = TonePixels.LabelGrid.outside
      grid[(ph - 1) * pw + x] = TonePixels.LabelGrid.outside
    }
    for y in 0..<ph {
      grid[y * pw] = TonePixels.LabelGrid.outside
      grid[y * pw + pw - 1] = TonePixels.LabelGrid.outside
    }
    // One pass over the pixels in order (so the histogram adds what it did before, in the same
    // order), writing through pointers into arrays sized for the pixels kept.
    var keepLabel = [UInt8](repeating: 0, count: 256)
    for c in 0..<256 where renumber[c] >= 0 { keepLabel[c] = 1 }
    var total = 0
    labels.withUnsafeBufferPointer { labels in
      keepLabel.withUnsafeBufferPointer { keepLabel in
        for i in 0..<count { total += Int(keepLabel[Int(labels[i])]) }
      }
    }
    // The estimation subset's indices ascend (``TonePixels/Collector`` picks them in pixel order),
    // so it is renumbered in the same pass, walked alongside the pixels (no map of new indices).
    let estimated = estimation.count
    var indices = [Int32](repeating: 0, count: estimated)
    var padded = [Int32](repeating: 0, count: estimated)
    var estimatedKept = 0
    var counts = [Int](repeating: 0, count: kept)
    var histogram = ColourHistogram()
    let w = max(gridWidth, 1)
    // Every slot of the new planes is written in the pass below (exactly `total` pixels are kept),
    // so they are not zero-filled first.
    var newL: [Float] = []
    var newA: [Float] = []
    var newB: [Float] = []
    var newPosition: [Int32] = []
    var newLabels: [UInt8] = []
    newL = [Float](unsafeUninitializedCapacity: total) { outL, writtenL in
    newA = [Float](unsafeUninitializedCapacity: total) { outA, writtenA in
    newB = [Float](unsafeUninitializedCapacity: total) { outB, writtenB in
    newPosition = [Int32](unsafeUninitializedCapacity: total) { outPosition, writtenPosition in
    newLabels = [UInt8](unsafeUninitializedCapacity: total) { outLabels, writtenLabels in
    histogram.withBins { bins in
      l.withUnsafeBufferPointer { l in
      a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
      position.withUnsafeBufferPointer { position in
      labels.withUnsafeBufferPointer { labels in
      renumber.withUnsafeBufferPointer { renumber in
      estimation.indices.withUnsafeBufferPointer { estimationIndices in
      estimation.padded.withUnsafeBufferPointer { estimationPadded in
      indices.withUnsafeMutableBufferPointer { outIndices in
      padded.withUnsafeMutableBufferPointer { outPadded in
      counts.withUnsafeMutableBufferPointer { counts in
      grid.withUnsafeMutableBufferPointer { grid in
        var n = 0
        // The next pixel of the estimation subset, and its place in it.
        var e = 0
        var nextEstimated = estimated > 0 ? Int(estimationIndices[0]) : -1
        // The padded row of the current pixel, tracked as positions ascend (no division per pixel).
        var rowStart = 0
        var paddedShift = pw + 1
        for i in 0..<count {
          let c = renumber[Int(labels[i])]
          if i == nextEstimated {
            if c >= 0 {
              outIndices[estimatedKept] = Int32(truncatingIfNeeded: n)
              outPadded[estimatedKept] = estimationPadded[e]
              estimatedKept += 1
            }
            e += 1
            nextEstimated = e < estimated ? Int(estimationIndices[e]) : -1
          }
          guard c >= 0 else { continue }
          let (lv, av, bv) = (l[i], a[i], b[i])
          outL[n] = lv
          outA[n] = av
          outB[n] = bv
          outPosition[n] = position[i]
          outLabels[n] = UInt8(truncatingIfNeeded: c)
          counts[c] += 1
          let p = Int(position[i])
          if p >= rowStart + w || p < rowStart {
            let row = p / w
            rowStart = row * w
            paddedShift = (row + 1) * pw + 1 - rowStart
          }
          grid[p + paddedShift] = UInt8(truncatingIfNeeded: c)
          ColourHistogram.add(bins, l: lv, a: av, b: bv)
          n += 1
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
      }
    }
      writtenLabels = total
    }
      writtenPosition = total
    }
      writtenB = total
    }
      writtenA = total
    }
      writtenL = total
    }
    (out.l, out.a, out.b, out.position) = (newL, newA, newB, newPosition)
    out.histogram = histogram.points()
    indices.removeLast(estimated - estimatedKept)
    padded.removeLast(estimated - estimatedKept)
    out.estimation = TonePixels.EstimationSet(indices: indices, padded: padded)
    return Selection(pixels: out, labels: newLabels, grid: grid, counts: counts)
  }
}

extension TonePixels.Buffer {
  /// The lightness of each usable pixel on the decoded grid (row-major, `gridWidth` × `gridHeight`,
  /// NaN where no usable pixel is), as the sRGB-encoded luminance Y^(1/2.4) × 100 (IEC 61966-2-1's
  /// transfer above its linear toe) rather than L*: sensor and JPEG noise is about even in encoded
  /// code values, while L* stretches dark codes (≈ 2.5× more L* per code at L* 10 than at L* 80),
  /// so in L* a near-black backdrop's noise looks like texture.
  func lightnessGrid() -> [Float] {
    if collectedLightness.count == gridWidth * gridHeight { return collectedLightness }
    var grid = [Float](repeating: .nan, count: gridWidth * gridHeight)
    let table = Self.encodedLightness
    for i in 0..<count {
      let p = Int(position[i])
      let step = Int(min(max(l[i], 0), 100) * 10)
      if p < grid.count { grid[p] = table[step] }
    }
    return grid
  }

  /// Y^(1/2.4) × 100 at L* = 0, 0.1, … 100, with Y from L* by CIE 15:2004 eq. 8.1 inverted.
  static let encodedLightness: [Float] = (0...1000).map { step in
    let l = Double(step) / 10
    let y = l > 8 ? Foundation.pow((l + 16) / 116, 3) : l / 903.3
    return Float(Foundation.pow(y, 1 / 2.4) * 100)
  }
}
