/// A small dense real matrix stored column by column, for the NNLS and blend subproblems.
///
/// Sized for pigment problems (tens of rows, a handful of columns); no BLAS.
package struct DenseMatrix: Sendable, Equatable {
  /// Number of rows (m).
  package let rows: Int
  /// Number of columns (n).
  package let columns: Int
  /// Column-major elements: element (i, j) is `elements[j * rows + i]`.
  package private(set) var elements: [Double]

  /// A zero matrix of the given shape (both dimensions ≥ 0).
  package init(rows: Int, columns: Int) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
    self.elements = Array(repeating: 0, count: self.rows * self.columns)
  }

  /// A matrix from its rows; returns nil when the rows have different lengths.
  package init?(rowArrays: [[Double]]) {
    let m = rowArrays.count
    let n = rowArrays.first?.count ?? 0
    guard rowArrays.allSatisfy({ $0.count == n }) else { return nil }
    self.init(rows: m, columns: n)
    for i in 0..<m {
      for j in 0..<n { elements[j * m + i] = rowArrays[i][j] }
    }
  }

  /// Element (row, column).
  package subscript(row: Int, column: Int) -> Double {
    get { elements[column * rows + row] }
    set { elements[column * rows + row] = newValue }
  }

  /// A · x (x has `columns` entries).
  package func times(_ x: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: rows)
    for j in 0..<columns where x[j] != 0 {
      let xj = x[j]
      let base = j * rows
      for i in 0..<rows { y[i] += elements[base + i] * xj }
    }
    return y
  }

  /// Aᵀ · v (v has `rows` entries).
  package func transposeTimes(_ v: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: columns)
    for j in 0..<columns {
      let base = j * rows
      var sum = 0.0
      for i in 0..<rows { sum += elements[base + i] * v[i] }
      y[j] = sum
    }
    return y
  }
}
