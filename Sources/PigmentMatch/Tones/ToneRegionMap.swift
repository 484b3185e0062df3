/// Where a ``ToneAnalysis`` found skin and hair: a coarse grid over the photo with, per cell, the
/// share of the cell's pixels that were sampled as skin and as hair.
///
/// The grid covers the whole photo (full-resolution size ``ToneAnalysis/PhotoSummary``) in
/// ``columns`` × ``rows`` equal cells, row-major, at most ``maximumCells`` on the longer side. A
/// cell's shares are fractions (0…1) of all decoded pixels in the cell, so pixels outside the
/// region of interest or mask, transparent or rejected pixels count against both. It is a summary
/// for drawing (e.g. outlining the sampled regions on a thumbnail); it does not feed the analysis.
public struct ToneRegionMap: Sendable, Equatable {
  /// Cells across.
  public let columns: Int
  /// Cells down.
  public let rows: Int
  /// Share of each cell's pixels assigned to a skin cluster, 0…1, row-major.
  public let skinShares: [Float]
  /// Share of each cell's pixels assigned to the hair cluster, or, for a hair found by place
  /// (no hair cluster), in the band above the skin it was measured in; 0…1, row-major.
  public let hairShares: [Float]

  /// Most cells on the longer side (64: fine enough to outline a region on a thumbnail, small
  /// enough to draw as a few hundred SVG segments).
  public static let maximumCells = 64

  /// A map of `columns` × `rows` cells from row-major shares (a share array of the wrong length
  /// is taken as all zero).
  public init(columns: Int, rows: Int, skinShares: [Float], hairShares: [Float]) {
    let columns = max(columns, 0)
    let rows = max(rows, 0)
    let count = columns * rows
    self.columns = columns
    self.rows = rows
    self.skinShares = skinShares.count == count ? skinShares : [Float](repeating: 0, count: count)
    self.hairShares = hairShares.count == count ? hairShares : [Float](repeating: 0, count: count)
  }

  /// The skin share of the cell at `column`, `row` (0 outside the grid).
  public func skinShare(column: Int, row: Int) -> Float {
    guard (0..<columns).contains(column), (0..<rows).contains(row) else { return 0 }
    return skinShares[row * columns + column]
  }

  /// The hair share of the cell at `column`, `row` (0 outside the grid).
  public func hairShare(column: Int, row: Int) -> Float {
    guard (0..<columns).contains(column), (0..<rows).contains(row) else { return 0 }
    return hairShares[row * columns + column]
  }

  /// The grid size for a decoded grid of `width` × `height`: the longer side gets
  /// min(its pixels, ``maximumCells``) cells, the shorter side proportionally (≥ 1).
  static func gridSize(width: Int, height: Int) -> (columns: Int, rows: Int) {
    guard width > 0, height > 0 else { return (0, 0) }
    let long = max(width, height)
    let cells = min(long, maximumCells)
    let across = max(1, Int((Double(width) * Double(cells) / Double(long)).rounded()))
    let down = max(1, Int((Double(height) * Double(cells) / Double(long)).rounded()))
    return (min(across, width), min(down, height))
  }

  /// The map of an analysis: `roles` per cluster and `grid`, the padded label grid of a
  /// `width` × `height` decoded photo (``TonePixels/Buffer/assign(to:)``), with the pixels at
  /// `hairBand` (positions y·width + x on the decoded grid; the band `HeadHair` measured) counted
  /// as hair whatever their cluster. Large grids are read on every `step`-th row and column (the
  /// shares are then estimates, which is plenty for drawing).
  init(grid labels: [UInt8], width: Int, height: Int, roles clusters: [ToneRole], hairBand: [Int] = []) {
    let (columns, rows) = Self.gridSize(width: width, height: height)
    guard columns > 0, rows > 0, labels.count == (width + 2) * (height + 2) else {
      self.init(columns: 0, rows: 0, skinShares: [], hairShares: [])
      return
    }
    // The band's pixels get a label of their own, one past the clusters', whose role is hair.
    var grid = labels
    var roles = clusters
    if !hairBand.isEmpty, clusters.count < 254 {
      let label = UInt8(clusters.count)
      roles.append(.hair)
      for p in hairBand where (0..<(width * height)).contains(p) {
        grid[(p / width + 1) * (width + 2) + p % width + 1] = label
      }
    }
    let step = width * height > 500_000 ? 2 : 1
    // Cell column of each x and cell row of each y, and how many read pixels fall in each.
    let column = (0..<width).map { $0 * columns / width }
    let row = (0..<height).map { $0 * rows / height }
    var perColumn = [Int](repeating: 0, count: columns)
    var perRow = [Int](repeating: 0, count: rows)
    for x in Swift.stride(from: 0, to: width, by: step) { perColumn[column[x]] += 1 }
    for y in Swift.stride(from: 0, to: height, by: step) { perRow[row[y]] += 1 }
    var totals = [Int](repeating: 0, count: columns * rows)
    for r in 0..<rows {
      for c in 0..<columns { totals[r * columns + c] = perRow[r] * perColumn[c] }
    }
    // Per label: 1 skin, 2 hair, 0 anything else (other clusters, unusable pixels, the border).
    var kind = [UInt8](repeating: 0, count: 256)
    for (c, role) in roles.enumerated() where c < 254 { kind[c] = role == .skin ? 1 : role == .hair ? 2 : 0 }
    var skin = [Int](repeating: 0, count: columns * rows)
    var hair = [Int](repeating: 0, count: columns * rows)
    grid.withUnsafeBufferPointer { g in
      kind.withUnsafeBufferPointer { kind in
        for y in Swift.stride(from: 0, to: height, by: step) {
          let base = (y + 1) * (width + 2) + 1
          let cellRow = row[y] * columns
          for x in Swift.stride(from: 0, to: width, by: step) {
            switch kind[Int(g[base + x])] {
            case 1: skin[cellRow + column[x]] += 1
            case 2: hair[cellRow + column[x]] += 1
            default: break
            }
          }
        }
      }
    }
    self.init(
      columns: columns, rows: rows,
      skinShares: zip(skin, totals).map { $1 > 0 ? Float($0) / Float($1) : 0 },
      hairShares: zip(hair, totals).map { $1 > 0 ? Float($0) / Float($1) : 0 })
  }
}
