/// Step 4, when no hair cluster showed itself: the hair on top of a head, found by place; and,
/// on a coarser grid, where a head of hair found as a cluster meets the scalp (its roots' tone).
///
/// On a face photo the hair is often a small part of the frame, clustered together with a suit, a
/// beard or a backdrop, so no cluster as a whole looks like hair. But a head of hair lies directly
/// on the skin's upper edge: walking up from the top skin pixel of each column over the middle of
/// each large skin region (the face or scalp; ≥ ``minimumRegionShare`` of the largest), the first
/// ``bandDepth`` × the region's width are hair if there is hair, and backdrop if the scalp is bare.
/// The walk stops at pixels the analysis left out (backdrops of no person's colour, clipped white).
/// The band is hair when most of its pixels (≥ ``minimumHairShare``) are of a natural hair colour
/// (``HairGamut``) unlike the skin (ΔE00 ≥ ``minimumContrast``), at least ``minimumPixels`` of them,
/// and they are textured (``HairEvidence/texture(of:in:lightness:width:)`` ≥ ``minimumTexture`` ×
/// the skin's): strands and curls are, a blurred backdrop above a bald scalp is not. The hair's
/// tone is the per-channel median of its most hair-like pixels (``core(of:in:skin:)``).
enum HeadHair {
  static let minimumRegionShare = 0.25
  static let minimumRegionPixels = 200
  static let sideMargin = 0.2
  static let bandDepth = 0.15
  static let minimumHairShare = 0.5
  static let minimumContrast = 10.0
  static let minimumPixels = 50
  /// Least mean |ΔL*| between neighbouring band pixels: strands and curls step by more.
  static let minimumTexture = 1.0
  /// Least band texture × the skin's: hair is not much smoother than the skin it grows from.
  static let relativeTexture = 0.75
  static let maximumTopShare = 0.2
  /// Least share of the band's area that is usable pixels (not left out, not outside the region).
  static let minimumCoverage = 0.5
  /// Most band pixels read per region (the colour test and ΔE00 run on each): the real photos'
  /// bands hold 2 000–8 000; a 12 MP photo's at 1/4 scale may hold several times that.
  static let bandBudget = 20_000

  /// The hair pixels (indices into `all`) above the skin, or nil when the band is not hair.
  /// `skinLabels` gives each of `pixels` a label and says which labels are the skin; `all` holds
  /// every usable pixel, including those the scene left out (a dark head of hair may share a cluster with a suit).
  ///
  /// With `step` > 1 the search runs on every `step`-th row and column of the decoded grid (a
  /// coarser grid, `step`² times fewer cells; the pixel and region minimums shrink alike): cheap
  /// enough to re-read a head of hair already found as a cluster (``coarseCells``).
  static func find(
    pixels: TonePixels.Buffer, skinLabels marks: (labels: [UInt8], skin: [Bool]), all: TonePixels.Buffer, skin: Lab,
    lightness: [Float], step s: Int = 1
  ) -> [Int]? {
    let fineWidth = pixels.gridWidth
    let fineHeight = pixels.gridHeight
    guard fineWidth > 0, fineHeight > 0, s >= 1 else { return nil }
    let w = (fineWidth + s - 1) / s
    let h = (fineHeight + s - 1) / s
    let minimumRegionPixels = max(1, Self.minimumRegionPixels / (s * s))
    let minimumPixels = max(1, Self.minimumPixels / (s * s))
    var index = [Int32](repeating: -1, count: w * h)
    var isSkin = [Bool](repeating: false, count: w * h)
    var skinIndices: [Int] = []
    skinIndices.reserveCapacity(pixels.count / (s * s))
    Self.forEachCell(of: all, step: s, coarseWidth: w) { i, cell in index[cell] = Int32(i) }
    guard let firstPosition = all.position.first else { return nil }
    let firstRow = (Int(firstPosition) / fineWidth + s - 1) / s
    var isSkinLabel = [Bool](repeating: false, count: 256)
    for (label, skin) in marks.skin.enumerated() where label < 256 { isSkinLabel[label] = skin }
    Self.forEachCell(of: pixels, step: s, coarseWidth: w) { i, cell in
      if i < marks.labels.count, isSkinLabel[Int(marks.labels[i])] {
        isSkin[cell] = true
        skinIndices.append(i)
      }
    }
    // Connected skin regions (4-neighbours), from the skin's runs along each row.
    let (runs, regions) = Self.regions(of: isSkin, width: w, height: h)
    guard let largest = regions.map(\.size).max() else { return nil }
    // The skin's texture, measured once and only when a band needs comparing with it.
    var skinTexture: Double?
    // Each region's top row per column (−1: a column it does not reach): region c's columns
    // x0…x1 at `offset[c]` of `firstRows` (offset −1: too small to matter). Runs come row by row,
    // so the first run over a column is its top.
    var offset = [Int](repeating: -1, count: regions.count)
    var columns = 0
    for region in regions where region.size >= minimumRegionPixels {
      offset[Int(region.id)] = columns
      columns += region.x1 - region.x0 + 1
    }
    var firstRows = [Int32](repeating: -1, count: columns)
    for run in runs where offset[Int(run.region)] >= 0 {
      let base = offset[Int(run.region)] - regions[Int(run.region)].x0
      for x in Int(run.x0)...Int(run.x1) where firstRows[base + x] < 0 { firstRows[base + x] = run.y }
    }
    // Largest region first; the first whose band is hair gives the hair (one person's).
    for region in regions.sorted(by: { $0.size > $1.size })
    where region.size >= minimumRegionPixels && Double(region.size) >= minimumRegionShare * Double(largest) {
      // Its top row in each column it spans (nil where it has no pixel).
      let start = offset[Int(region.id)]
      let tops: [Int?] = firstRows[start..<(start + region.x1 - region.x0 + 1)].map { $0 < 0 ? nil : Int($0) }
      let width = region.x1 - region.x0 + 1
      // A region running out of the frame's top (an arm, a cropped head) shows no hair line.
      let atTop = tops.filter { ($0 ?? .max) <= firstRow + 1 }.count
      if Double(atTop) > maximumTopShare * Double(width) { continue }
      let margin = Int(sideMargin * Double(width))
      let depth = max(3, Int(bandDepth * Double(width)))
      let edge = max(1, depth / 3)
      var band: [Int] = []
      var walked = 0
      var area = 0
      // On a large decoded grid, every `step`-th column: shares and a median need no more.
      let columnsWalked = max(0, region.x1 - 2 * margin - region.x0) + 1
      let step = max(1, (columnsWalked * (depth - edge) + bandBudget - 1) / bandBudget)
      for x in Swift.stride(
        from: region.x0 + margin, through: max(region.x0 + margin, region.x1 - margin), by: step)
      {
        guard let top = tops[x - region.x0] else { continue }
        var y = top - 1
        while y >= 0, y >= top - depth {
          let p = y * w + x
          let i = Int(index[p])
          y -= 1
          // The anti-aliased rim where skin meets hair or backdrop is neither.
          if top - y <= edge || isSkin[p] { continue }
          area += 1
          // Left out (no person's colour, too dark, clipped, outside the region): not hair.
          if i < 0 { continue }
          walked += 1
          let lab = Lab(l: Double(all.l[i]), a: Double(all.a[i]), b: Double(all.b[i]))
          if HairGamut.contains(lab), DeltaE.ciede2000(lab, skin) >= minimumContrast { band.append(i) }
        }
      }
      guard band.count >= minimumPixels, Double(band.count) >= minimumHairShare * Double(walked),
        Double(walked) >= minimumCoverage * Double(area)
      else { continue }
      var inBand = [Bool](repeating: false, count: w * h)
      for i in band { inBand[Self.cell(Int(all.position[i]), fineWidth: fineWidth, step: s, coarseWidth: w)] = true }
      let hairTexture = innerTexture(
        of: band, in: all, lightness: lightness, width: fineWidth, within: inBand, step: s, coarseWidth: w)
      // A mean: an even sample of at most ``ToneAnalysis/estimationBudget`` skin pixels serves.
      let every = max(1, skinIndices.count / ToneAnalysis.estimationBudget)
      let skinSteps =
        skinTexture
        ?? innerTexture(
          of: every == 1 ? skinIndices : Swift.stride(from: 0, to: skinIndices.count, by: every).map { skinIndices[$0] },
          in: pixels, lightness: lightness, width: fineWidth, within: isSkin, step: s, coarseWidth: w)
      skinTexture = skinSteps
      if hairTexture >= max(minimumTexture, relativeTexture * skinSteps) { return band }
    }
    return nil
  }

  /// A run of skin along row `y`, columns `x0`…`x1`, in region `region`.
  struct Run {
    let y, x0, x1: Int32
    var region: Int32
  }

  /// The 4-connected regions of `isSkin` (a `width` × `height` grid), numbered in the order of
  /// their first pixel row by row, with their pixel counts and column extents; and the runs of skin
  /// along each row that make them up, row by row. Runs overlapping in columns on neighbouring rows
  /// are joined (union–find over runs): one pass over the grid, then work per run, not per pixel.
  static func regions(of isSkin: [Bool], width w: Int, height h: Int) -> (
    runs: [Run], regions: [(id: Int32, size: Int, x0: Int, x1: Int)]
  ) {
    var runs: [Run] = []
    var parent: [Int32] = []
    runs.reserveCapacity(4 * h)
    parent.reserveCapacity(4 * h)
    var previous = 0..<0
    isSkin.withUnsafeBufferPointer { skin in
      for y in 0..<h {
        let rowStart = runs.count
        var x = 0
        while x < w {
          guard skin[y * w + x] else {
            x += 1
            continue
          }
          let x0 = x
          while x < w, skin[y * w + x] { x += 1 }
          let id = Int32(runs.count)
          runs.append(Run(y: Int32(y), x0: Int32(x0), x1: Int32(x - 1), region: id))
          parent.append(id)
        }
        // Join each new run with the runs above it that share a column.
        var above = previous.lowerBound
        for r in rowStart..<runs.count {
          while above < previous.upperBound, runs[above].x1 < runs[r].x0 { above += 1 }
          var k = above
          while k < previous.upperBound, runs[k].x0 <= runs[r].x1 {
            let (a, b) = (Self.root(Int32(r), in: &parent), Self.root(Int32(k), in: &parent))
            if a != b { parent[Int(max(a, b))] = min(a, b) }
            k += 1
          }
        }
        previous = rowStart..<runs.count
      }
    }
    // Regions numbered by their first run (row by row), as the smallest run index is each root.
    var number = [Int32](repeating: -1, count: runs.count)
    var regions: [(id: Int32, size: Int, x0: Int, x1: Int)] = []
    for r in runs.indices {
      let top = Int(Self.root(Int32(r), in: &parent))
      if number[top] < 0 {
        number[top] = Int32(regions.count)
        regions.append((Int32(regions.count), 0, Int.max, Int.min))
      }
      let c = Int(number[top])
      runs[r].region = Int32(c)
      regions[c].size += Int(runs[r].x1 - runs[r].x0 + 1)
      regions[c].x0 = min(regions[c].x0, Int(runs[r].x0))
      regions[c].x1 = max(regions[c].x1, Int(runs[r].x1))
    }
    return (runs, regions)
  }

  /// The root of run `r` in the union–find forest `parent` (halving the path on the way).
  static func root(_ r: Int32, in parent: inout [Int32]) -> Int32 {
    var r = r
    while parent[Int(r)] != r {
      parent[Int(r)] = parent[Int(parent[Int(r)])]
      r = parent[Int(r)]
    }
    return r
  }

  /// Least t (as a quantile of the band's) of the pixels whose median is the hair's tone.
  /// Measured on the six real photos whose hair is found by place (`real-photo-hair.json`): leaving
  /// out the most skin-like 15 % brings black-hair.jpg from ΔE00 5.2 to 3.4 and biden.jpg from 4.4
  /// to 3.1, obama, obama2 closer too, two_people 0.4 → 0.9; leaving out more (0.25, 0.45 as a
  /// stubble cluster does) takes grey hair (obama) and white hair (two_people) past their tone.
  static let coreQuantile = 0.15

  /// The band's most hair-like pixels: those at or beyond the ``coreQuantile`` of t on the line
  /// from the skin (t = 0) through the band's median (t = 1). At the hairline, skin shows between
  /// sparse strands, so part of the band is a mixture of the two, pulling its median toward the skin.
  static func core(of band: [Int], in all: TonePixels.Buffer, skin: Lab) -> [Int] {
    let centre = Statistics.medianLab(pixels: all, indices: band)
    guard let t = ToneAnalysis.lineParameters(of: band, in: all, from: skin, through: centre) else { return band }
    let threshold = Statistics.quantile(t, coreQuantile)
    return zip(band, t).filter { $0.1 >= threshold }.map(\.0)
  }

  /// Mean |ΔL*| from each of `members` to its right and lower neighbours that are also `within`:
  /// the texture inside a region, which its outline (a sharp scalp edge against a backdrop) does not raise.
  /// `lightness` is on the decoded grid (`width` wide), `within` on the grid of every `step`-th row
  /// and column (`coarseWidth` wide); the neighbours are those `step` pixels away.
  static func innerTexture(
    of members: [Int], in pixels: TonePixels.Buffer, lightness: [Float], width w: Int, within: [Bool],
    step s: Int = 1, coarseWidth: Int? = nil
  ) -> Double {
    let cw = coarseWidth ?? w
    var sum = 0.0
    var count = 0
    for i in members {
      let p = Int(pixels.position[i])
      let (y, x) = p.quotientAndRemainder(dividingBy: w)
      let c = (y / s) * cw + x / s
      if x + s < w, c + 1 < within.count, within[c + 1] {
        sum += Double(abs(lightness[p + s] - lightness[p]))
        count += 1
      }
      if p + s * w < lightness.count, c + cw < within.count, within[c + cw] {
        sum += Double(abs(lightness[p + s * w] - lightness[p]))
        count += 1
      }
    }
    return count > 0 ? sum / Double(count) : 0
  }

  /// Least share of the pixels a head-of-hair cluster holds for its tone to be re-read where it
  /// meets the scalp: then the lengths fill much of the frame (long hair, a close-up of the crown)
  /// and outweigh the roots in the cluster (blond-hair.jpg: 0.38, golden lengths over dark-blond
  /// roots); below it the search is not run (the bench's generated 12 MP head: 0.13).
  static let wholeHeadShare = 0.25

  /// Decoded-grid cells read by a search on a coarser grid: at most this many (`step` =
  /// ⌈√(cells / coarseCells)⌉). The real photos' decoded grids hold 0.1–0.8 M cells, a 12 MP
  /// photo's up to 3 M; a head of hair's band stays hundreds of cells deep at this size.
  static let coarseCells = 200_000

  /// The step giving a decoded grid of `cells` at most ``coarseCells`` cells.
  static func coarseStep(cells: Int) -> Int {
    var s = 1
    while cells / (s * s) > coarseCells { s += 1 }
    return s
  }

  /// The cell on the coarse grid (every `step`-th row and column, `coarseWidth` wide) of decoded-grid position `p`.
  static func cell(_ p: Int, fineWidth: Int, step s: Int, coarseWidth: Int) -> Int {
    let (y, x) = p.quotientAndRemainder(dividingBy: fineWidth)
    return (y / s) * coarseWidth + x / s
  }

  /// Calls `body(i, cell)` for each pixel `i` of `buffer` on every `step`-th row and column of the
  /// decoded grid, with its cell on that coarse grid. Positions ascend (rows in order), so each
  /// row taken is found by bisection and the rows between are never read.
  static func forEachCell(
    of buffer: TonePixels.Buffer, step s: Int, coarseWidth: Int, _ body: (Int, Int) -> Void
  ) {
    let w = buffer.gridWidth
    let n = buffer.count
    guard n > 0, w > 0 else { return }
    buffer.position.withUnsafeBufferPointer { position in
      if s == 1 {
        for i in 0..<n { body(i, Int(position[i])) }
        return
      }
      var i = 0
      var y = Int(position[0]) / w
      y = (y + s - 1) / s * s
      while i < n {
        // The first pixel at or after row y.
        let start = Int32(y * w)
        var (lo, hi) = (i, n)
        while lo < hi {
          let mid = (lo + hi) / 2
          if position[mid] < start { lo = mid + 1 } else { hi = mid }
        }
        i = lo
        let row = (y / s) * coarseWidth
        // The next column taken (a multiple of s) and its cell; positions ascend strictly, so
        // when the pixel `next − x` further on is at column `next`, the row is whole up to it
        // and the walk jumps there (no division per pixel; a whole row costs w / s steps).
        var next = 0
        var column = 0
        while i < n {
          let x = Int(position[i]) - Int(start)
          if x >= w { break }
          if x == next {
            body(i, row + column)
            next += s
            column += 1
            i += 1
          } else if x > next {
            while next < x {
              next += s
              column += 1
            }
          } else {
            let j = i + (next - x)
            i = j < n && Int(position[j]) - Int(start) == next ? j : i + 1
          }
        }
        y += s
      }
    }
  }
}
