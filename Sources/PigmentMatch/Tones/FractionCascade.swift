/// The hair fraction τ blurred by each nested binomial kernel of ``HairUnmixing``, row by row,
/// with the line sums of every level gathered as its rows appear — no blurred grid is stored.
///
/// Level 0 is τ itself; level s is level s−1 convolved with [1, 2, 1]/4 horizontally, then
/// vertically (Pascal's rule: s steps give the (2s+1)-tap binomial kernel). A NaN anywhere in a
/// pixel's footprint, or a footprint crossing the border, makes it NaN. Each level keeps the last
/// three horizontally filtered rows of the level below, so a row of level s is out as soon as
/// row +1 of level s−1 is. The arithmetic is the same, in the same order, as filtering whole
/// grids. A band of output rows needs `levels` rows of halo on each side, so bands can run on
/// separate cores.
struct FractionCascade {
  let pixels: TonePixels.Buffer
  let assignment: [UInt8]
  let subset: TonePixels.EstimationSet
  /// Per label: whether the pixel takes part (its τ is defined).
  let taking: [Bool]
  /// τ = (L* − skin) · inverseGap, clamped to −0.2…1.2.
  let skin: Float
  let inverseGap: Float
  let levels: Int
  /// The regressands per subset entry (``TonePixels/EstimationSet/indices`` order), in place of
  /// the pixels' a*, b*: ``JFIFChroma`` Cb, Cr for ``HairUnmixing``; nil: the pixels' a*, b*.
  var regressands: (u: [Float], v: [Float])? = nil

  /// Line sums of levels 0…`levels` over the fit points (subset pixels that take part) of `rows`.
  func sums(rows: Range<Int>) -> [LineSums] {
    let w = pixels.gridWidth
    let h = pixels.gridHeight
    var state = State(cascade: self, width: w, height: h, rows: rows)
    guard w > 0, h > 0, !rows.isEmpty else { return state.sums }
    let input = max(0, rows.lowerBound - levels)..<min(h, rows.upperBound + levels)
    // The first usable pixel of the first input row.
    var next = Self.lowerBound(input.lowerBound * w, count: pixels.count) { Int(pixels.position[$0]) }
    var tau = [Float](repeating: .nan, count: w)
    for y in input {
      // τ of row y from the usable pixels in it (a contiguous run: positions ascend).
      tau.withUnsafeMutableBufferPointer { row in
        row.update(repeating: .nan)
        let end = (y + 1) * w
        while next < pixels.count, Int(pixels.position[next]) < end {
          if taking[Int(assignment[next])] {
            let t = (pixels.l[next] - skin) * inverseGap
            row[Int(pixels.position[next]) - y * w] = min(max(t, -0.2), 1.2)
          }
          next += 1
        }
      }
      tau.withUnsafeBufferPointer { state.emit(level: 0, row: y, $0.baseAddress!) }
    }
    return state.sums
  }

  /// The first of `0..<count` whose key is ≥ `target`, keys ascending (binary search).
  static func lowerBound(_ target: Int, count: Int, key: (Int) -> Int) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if key(mid) < target { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// The rings, output rows and sums of one band.
  private struct State {
    let cascade: FractionCascade
    let width, height: Int
    let rows: Range<Int>
    var sums: [LineSums]
    /// Per level ≥ 1: three horizontally filtered rows of the level below (row y in slot y % 3).
    var rings: [[Float]]
    /// Per level ≥ 1: the first row it received (rows below it are not in the ring).
    var firstReceived: [Int?]
    /// Per level ≥ 1: its current output row.
    var outputs: [[Float]]
    let nanRow: [Float]
    /// Per level: the next subset entry to look at.
    var cursors: [Int]

    init(cascade: FractionCascade, width: Int, height: Int, rows: Range<Int>) {
      self.cascade = cascade
      self.width = width
      self.height = height
      self.rows = rows
      let levels = cascade.levels
      sums = [LineSums](repeating: LineSums(), count: levels + 1)
      rings = [[Float]](repeating: [Float](repeating: .nan, count: 3 * width), count: levels + 1)
      firstReceived = [Int?](repeating: nil, count: levels + 1)
      outputs = [[Float]](repeating: [Float](repeating: .nan, count: width), count: levels + 1)
      nanRow = [Float](repeating: .nan, count: width)
      // The first subset entry in the band's first row.
      let (indices, position) = (cascade.subset.indices, cascade.pixels.position)
      let start = FractionCascade.lowerBound(rows.lowerBound * width, count: indices.count) {
        Int(position[Int(indices[$0])])
      }
      cursors = [Int](repeating: start, count: levels + 1)
    }

    /// Row `y` of `level` is ready in `data`: fit it if the band owns it, pass it up.
    mutating func emit(level: Int, row y: Int, _ data: UnsafePointer<Float>) {
      if rows.contains(y) { accumulate(level: level, row: y, data) }
      if level < cascade.levels { receive(level: level + 1, row: y, data) }
    }

    /// Level `s` takes row `y` of level s − 1.
    mutating func receive(level s: Int, row y: Int, _ data: UnsafePointer<Float>) {
      let w = width
      guard w > 2, height > 2 else {
        // Every footprint crosses the border: the whole level is NaN.
        nanRow.withUnsafeBufferPointer { emit(level: s, row: y, $0.baseAddress!) }
        return
      }
      if firstReceived[s] == nil { firstReceived[s] = y }
      rings[s].withUnsafeMutableBufferPointer { ring in
        let slot = ring.baseAddress! + (y % 3) * w
        slot[0] = .nan
        slot[w - 1] = .nan
        Self.smooth(slot + 1, data, data + 1, data + 2, w - 2)
      }
      if y == 0 { nanRow.withUnsafeBufferPointer { emit(level: s, row: 0, $0.baseAddress!) } }
      if let first = firstReceived[s], y >= first + 2 {
        rings[s].withUnsafeBufferPointer { ring in
          outputs[s].withUnsafeMutableBufferPointer { out in
            let base = ring.baseAddress!
            Self.smooth(out.baseAddress!, base + ((y - 2) % 3) * w, base + ((y - 1) % 3) * w, base + (y % 3) * w, w)
          }
        }
        let out = outputs[s]
        out.withUnsafeBufferPointer { emit(level: s, row: y - 1, $0.baseAddress!) }
      }
      if y == height - 1 { nanRow.withUnsafeBufferPointer { emit(level: s, row: height - 1, $0.baseAddress!) } }
    }

    /// Adds the fit points of row `y` at `level`.
    mutating func accumulate(level: Int, row y: Int, _ data: UnsafePointer<Float>) {
      let start = y * width
      let end = start + width
      var c = cursors[level]
      var sums = self.sums[level]
      let cascade = self.cascade
      cascade.subset.indices.withUnsafeBufferPointer { indices in
        cascade.pixels.position.withUnsafeBufferPointer { position in
          cascade.pixels.a.withUnsafeBufferPointer { a in
            cascade.pixels.b.withUnsafeBufferPointer { b in
              cascade.assignment.withUnsafeBufferPointer { assignment in
                cascade.taking.withUnsafeBufferPointer { taking in
                  while c < indices.count {
                    let i = Int(indices[c])
                    let p = Int(position[i])
                    if p >= end { break }
                    let entry = c
                    c += 1
                    guard p >= start, taking[Int(assignment[i])] else { continue }
                    let v = data[p - start]
                    guard !v.isNaN else { continue }
                    if let r = cascade.regressands {
                      sums.add(x: Double(v), a: Double(r.u[entry]), b: Double(r.v[entry]))
                    } else {
                      sums.add(x: Double(v), a: Double(a[i]), b: Double(b[i]))
                    }
                  }
                }
              }
            }
          }
        }
      }
      cursors[level] = c
      self.sums[level] = sums
    }

    /// `target[i] = ¼·left[i] + ½·centre[i] + ¼·right[i]` (vectorised by the compiler).
    @inline(__always)
    static func smooth(
      _ target: UnsafeMutablePointer<Float>, _ left: UnsafePointer<Float>, _ centre: UnsafePointer<Float>,
      _ right: UnsafePointer<Float>, _ count: Int
    ) {
      for i in 0..<count { target[i] = 0.25 * left[i] + 0.5 * centre[i] + 0.25 * right[i] }
    }
  }
}
