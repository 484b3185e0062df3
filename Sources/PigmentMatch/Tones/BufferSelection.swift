extension TonePixels.Buffer {
  /// The pixels whose `labels` entry is marked in `keep`, as a buffer of their own: planes,
  /// positions, colour histogram and estimation subset (those of its pixels that stay) are
  /// rebuilt; the area, dark and bright counts (what the region held before rejection) are kept.
  func keeping(labels: [UInt8], keep: [Bool]) -> TonePixels.Buffer {
    var out = TonePixels.Buffer(gridWidth: gridWidth, gridHeight: gridHeight)
    out.areaCount = areaCount
    out.darkCount = darkCount
    out.brightCount = brightCount
    var flag = [Bool](repeating: false, count: 256)
    for (c, k) in keep.enumerated() where c < 256 { flag[c] = k }
    // New index of each kept pixel (−1 for a pixel left out).
    var newIndex = [Int32](repeating: -1, count: count)
    var histogram = ColourHistogram()
    histogram.withBins { bins in
      for i in 0..<count where flag[Int(labels[i])] {
        newIndex[i] = Int32(out.l.count)
        out.l.append(l[i])
        out.a.append(a[i])
        out.b.append(b[i])
        out.position.append(position[i])
        ColourHistogram.add(bins, l: l[i], a: a[i], b: b[i])
      }
    }
    out.histogram = histogram.points()
    var indices: [Int32] = []
    var padded: [Int32] = []
    indices.reserveCapacity(estimation.count)
    padded.reserveCapacity(estimation.count)
    for (n, index) in estimation.indices.enumerated() where newIndex[Int(index)] >= 0 {
      indices.append(newIndex[Int(index)])
      padded.append(estimation.padded[n])
    }
    out.estimation = TonePixels.EstimationSet(indices: indices, padded: padded)
    return out
  }
}

extension TonePixels.Buffer {
  /// L* on the decoded grid (row-major, `gridWidth` × `gridHeight`), NaN where no usable pixel is.
  func lightnessGrid() -> [Float] {
    var grid = [Float](repeating: .nan, count: gridWidth * gridHeight)
    for i in 0..<count {
      let p = Int(position[i])
      if p < grid.count { grid[p] = l[i] }
    }
    return grid
  }
}
