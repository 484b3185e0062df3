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

    var count: Int { l.count }

    /// Nearest centre (squared ΔE76) of every pixel.
    func assign(to centres: [Lab]) -> [UInt8] {
      let c = centres.map { (Float($0.l), Float($0.a), Float($0.b)) }
      var out = [UInt8](repeating: 0, count: count)
      for i in 0..<count {
        var best = 0
        var bestD = Float.infinity
        for j in c.indices {
          let dl = l[i] - c[j].0
          let da = a[i] - c[j].1
          let db = b[i] - c[j].2
          let d = dl * dl + da * da + db * db
          if d < bestD {
            bestD = d
            best = j
          }
        }
        out[i] = UInt8(best)
      }
      return out
    }

    /// For each cluster, the fraction of its pixels with an 8-neighbour in cluster `target`.
    func touchFractions(assignment: [UInt8], clusters: Int, target: Int) -> [Double] {
      var grid = [Int16](repeating: -1, count: gridWidth * gridHeight)
      for i in 0..<count { grid[Int(position[i])] = Int16(assignment[i]) }
      var touching = [Int](repeating: 0, count: clusters)
      var totals = [Int](repeating: 0, count: clusters)
      for i in 0..<count {
        let c = Int(assignment[i])
        totals[c] += 1
        let p = Int(position[i])
        let x = p % gridWidth
        let y = p / gridWidth
        search: for dy in -1...1 {
          for dx in -1...1 where dx != 0 || dy != 0 {
            let nx = x + dx
            let ny = y + dy
            guard nx >= 0, ny >= 0, nx < gridWidth, ny < gridHeight else { continue }
            if grid[ny * gridWidth + nx] == Int16(target) {
              touching[c] += 1
              break search
            }
          }
        }
      }
      return (0..<clusters).map { totals[$0] > 0 ? Double(touching[$0]) / Double(totals[$0]) : 0 }
    }

    /// Pixels whose cluster is accepted and whose 8 neighbours (inside the grid) are usable pixels
    /// of accepted clusters too; falls back to all accepted pixels when fewer than 50 are clean.
    func cleanIndices(assignment: [UInt8], accept: [Bool]) -> [Int] {
      var grid = [Int32](repeating: -1, count: gridWidth * gridHeight)
      for i in 0..<count { grid[Int(position[i])] = Int32(i) }
      var clean: [Int] = []
      var all: [Int] = []
      for i in 0..<count where accept[Int(assignment[i])] {
        all.append(i)
        let p = Int(position[i])
        let x = p % gridWidth
        let y = p / gridWidth
        var ok = true
        neighbours: for dy in -1...1 {
          for dx in -1...1 where dx != 0 || dy != 0 {
            let nx = x + dx
            let ny = y + dy
            guard nx >= 0, ny >= 0, nx < gridWidth, ny < gridHeight else { continue }
            let j = grid[ny * gridWidth + nx]
            if j < 0 || !accept[Int(assignment[Int(j)])] {
              ok = false
              break neighbours
            }
          }
        }
        if ok { clean.append(i) }
      }
      return clean.count >= 50 ? clean : all
    }
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

  init(photo: Photo, name: String, options: ToneAnalysisOptions) throws(ToneAnalysisError) {
    let w = photo.width
    let h = photo.height
    fullWidth = photo.metadata.width > 0 ? photo.metadata.width : w
    fullHeight = photo.metadata.height > 0 ? photo.metadata.height : h
    let sx = Double(fullWidth) / Double(max(w, 1))
    let sy = Double(fullHeight) / Double(max(h, 1))
    scale = sx

    var x0 = 0
    var y0 = 0
    var x1 = w
    var y1 = h
    if let r = options.region {
      guard r.isInside(width: fullWidth, height: fullHeight) else {
        throw .regionOutsideImage(path: name, region: r, width: fullWidth, height: fullHeight)
      }
      x0 = min(w - 1, Int(Double(r.x) / sx))
      y0 = min(h - 1, Int(Double(r.y) / sy))
      x1 = max(x0 + 1, min(w, Int((Double(r.x + r.width) / sx).rounded(.up))))
      y1 = max(y0 + 1, min(h, Int((Double(r.y + r.height) / sy).rounded(.up))))
    }
    if let m = options.mask, m.width != fullWidth || m.height != fullHeight {
      throw .maskSizeMismatch(
        path: name, maskWidth: m.width, maskHeight: m.height, photoWidth: fullWidth, photoHeight: fullHeight)
    }

    var buffer = Buffer(gridWidth: w, gridHeight: h)
    guard w > 0, h > 0 else {
      pixels = buffer
      return
    }
    let planes = photo.labPlanes()
    for y in y0..<y1 {
      let fy = min(fullHeight - 1, Int((Double(y) + 0.5) * sy))
      for x in x0..<x1 {
        let i = y * w + x
        guard photo.isOpaque(at: i) else { continue }
        if let m = options.mask, !m.includes(x: min(fullWidth - 1, Int((Double(x) + 0.5) * sx)), y: fy) { continue }
        let l = planes.l[i]
        let a = planes.a[i]
        let b = planes.b[i]
        guard l.isFinite, a.isFinite, b.isFinite else { continue }
        buffer.areaCount += 1
        if l < Self.shadowL {
          buffer.darkCount += 1
          continue
        }
        if l > Self.highlightL {
          buffer.brightCount += 1
          continue
        }
        // Skin and hair are warm or neutral: reject green, blue/violet and saturated colours.
        guard a >= -6, b >= -6, a * a + b * b <= 65 * 65 else { continue }
        buffer.l.append(l)
        buffer.a.append(a)
        buffer.b.append(b)
        buffer.position.append(Int32(i))
      }
    }
    pixels = buffer
  }
}
