/// The outline of a set of grid cells as an SVG path, for marking regions on a thumbnail.
///
/// Every cell edge between a cell inside the set and one outside it (or the border of the grid)
/// becomes a segment; collinear neighbouring segments are merged, so a rectangle of any size is
/// four segments. The path is open segments (`M … H …`, `M … V …`), meant to be stroked, not filled.
package enum RegionOutline {
  /// The path data (`d`) outlining the cells where `inside` is true, on a `columns` × `rows`
  /// row-major grid whose cells are `cellWidth` × `cellHeight` user units. Empty when no cell is
  /// inside or `inside` does not have `columns × rows` entries.
  package static func path(
    inside: [Bool], columns: Int, rows: Int, cellWidth: Double, cellHeight: Double
  ) -> String {
    guard columns > 0, rows > 0, inside.count == columns * rows else { return "" }
    func at(_ c: Int, _ r: Int) -> Bool {
      c >= 0 && r >= 0 && c < columns && r < rows && inside[r * columns + c]
    }
    var parts: [String] = []
    // Horizontal edges on each row boundary r (between rows r-1 and r).
    for r in 0...rows {
      var start: Int?
      for c in 0...columns {
        let edge = c < columns && at(c, r - 1) != at(c, r)
        if edge, start == nil { start = c }
        if !edge, let s = start {
          parts.append(
            "M\(ReportFormat.coordinate(Double(s) * cellWidth)) \(ReportFormat.coordinate(Double(r) * cellHeight))"
              + "H\(ReportFormat.coordinate(Double(c) * cellWidth))")
          start = nil
        }
      }
    }
    // Vertical edges on each column boundary c.
    for c in 0...columns {
      var start: Int?
      for r in 0...rows {
        let edge = r < rows && at(c - 1, r) != at(c, r)
        if edge, start == nil { start = r }
        if !edge, let s = start {
          parts.append(
            "M\(ReportFormat.coordinate(Double(c) * cellWidth)) \(ReportFormat.coordinate(Double(s) * cellHeight))"
              + "V\(ReportFormat.coordinate(Double(r) * cellHeight))")
          start = nil
        }
      }
    }
    return parts.joined()
  }
}
