/// Nonnegative least squares: minimise ‖A·x − b‖₂ subject to x ≥ 0.
///
/// Lawson–Hanson active-set algorithm (Lawson & Hanson 1974, *Solving Least Squares Problems*,
/// ch. 23, algorithm NNLS), the same algorithm as `scipy.optimize.nnls`. General m×n, including
/// m < n and rank-deficient A: a column that is numerically dependent on the passive set is not
/// admitted (Lawson–Hanson's own test), so the result is a basic solution. At the solution the
/// Karush–Kuhn–Tucker conditions hold: with w = Aᵀ(b − A·x), wⱼ ≈ 0 where xⱼ > 0 and wⱼ ≤ 0 where xⱼ = 0.
package enum NNLS {
  /// Why the iteration stopped.
  package enum Termination: Sendable, Equatable {
    /// The KKT conditions hold to the dual tolerance.
    case converged
    /// The cap on least-squares subproblems was reached; `x` is feasible but may not be optimal.
    case iterationLimit
  }

  /// A solution: feasible (x ≥ 0) whatever the termination.
  package struct Solution: Sendable, Equatable {
    /// The minimiser, x ≥ 0, one entry per column of A.
    package let x: [Double]
    /// ‖A·x − b‖₂.
    package let residualNorm: Double
    /// Number of least-squares subproblems solved.
    package let iterations: Int
    /// How the iteration ended.
    package let termination: Termination
  }

  /// Invalid input to ``solve(_:_:maxIterations:)``.
  package enum Failure: Error, Sendable, Equatable {
    /// `b` does not have one entry per row of A.
    case dimensionMismatch(rows: Int, rightHandSide: Int)
    /// A or b holds NaN or ±∞.
    case nonFiniteInput
  }

  /// Solves min ‖A·x − b‖₂ over x ≥ 0 (Lawson & Hanson 1974).
  ///
  /// - Parameters:
  ///   - a: m×n matrix, finite.
  ///   - b: m-vector, finite.
  ///   - maxIterations: cap on least-squares subproblems; default 3·n + 10 (scipy uses 3·n).
  /// - Returns: the solution and how the iteration ended.
  package static func solve(
    _ a: DenseMatrix, _ b: [Double], maxIterations: Int? = nil
  ) throws(Failure) -> Solution {
    let m = a.rows
    let n = a.columns
    guard b.count == m else { throw .dimensionMismatch(rows: m, rightHandSide: b.count) }
    guard a.elements.allSatisfy(\.isFinite), b.allSatisfy(\.isFinite) else {
      throw .nonFiniteInput
    }
    let cap = maxIterations ?? (3 * n + 10)
    var x = [Double](repeating: 0, count: n)
    var passive = [Bool](repeating: false, count: n)
    var blocked = [Bool](repeating: false, count: n)
    let columnNorms = (0..<n).map { j in
      (0..<m).reduce(0.0) { $0 + a[$1, j] * a[$1, j] }.squareRoot()
    }
    let bNorm = b.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
    // Dual tolerance: scale-invariant version of scipy's 10·max(m, n)·eps.
    let tolerance =
      10 * Double(max(m, n, 1)) * Double.ulpOfOne * (columnNorms.max() ?? 0) * bNorm
    var iterations = 0
    var w = gradient(a, x, b)

    outer: while true {
      // Pick the most promising inactive column.
      var best = -1
      var bestW = tolerance
      for j in 0..<n where !passive[j] && !blocked[j] && w[j] > bestW {
        best = j
        bestW = w[j]
      }
      if best < 0 { break outer }
      passive[best] = true
      var firstPass = true
      inner: while true {
        if iterations >= cap {
          return finish(a, x, b, iterations, .iterationLimit)
        }
        iterations += 1
        let columns = (0..<n).filter { passive[$0] }
        let (z, dependent) = leastSquares(a, columns: columns, b: b, columnNorms: columnNorms)
        let zNew = columns.firstIndex(of: best).map { z[$0] } ?? 0
        if firstPass && (dependent != nil || zNew <= 0) {
          // Lawson–Hanson: the new column is numerically dependent (or would not move); refuse it.
          passive[best] = false
          blocked[best] = true
          continue outer
        }
        firstPass = false
        if z.allSatisfy({ $0 > 0 }) {
          for (k, j) in columns.enumerated() { x[j] = z[k] }
          break inner
        }
        // Step toward z as far as feasibility allows, then drop the columns that hit zero.
        var alpha = 1.0
        var blocking = -1
        for (k, j) in columns.enumerated() where z[k] <= 0 {
          let denominator = x[j] - z[k]
          if denominator > 0, x[j] / denominator < alpha {
            alpha = x[j] / denominator
            blocking = j
          }
        }
        for (k, j) in columns.enumerated() { x[j] += alpha * (z[k] - x[j]) }
        if blocking >= 0 { x[blocking] = 0 }
        for j in columns where x[j] <= 0 {
          x[j] = 0
          passive[j] = false
        }
        if !columns.contains(where: { passive[$0] }) { break inner }
      }
      blocked = [Bool](repeating: false, count: n)
      w = gradient(a, x, b)
    }
    return finish(a, x, b, iterations, .converged)
  }

  /// The negative gradient of ½‖A·x − b‖²: w = Aᵀ(b − A·x).
  static func gradient(_ a: DenseMatrix, _ x: [Double], _ b: [Double]) -> [Double] {
    let ax = a.times(x)
    var r = b
    for i in 0..<r.count { r[i] -= ax[i] }
    return a.transposeTimes(r)
  }

  private static func finish(
    _ a: DenseMatrix, _ x: [Double], _ b: [Double], _ iterations: Int, _ termination: Termination
  ) -> Solution {
    let ax = a.times(x)
    var sum = 0.0
    for i in 0..<b.count { sum += (ax[i] - b[i]) * (ax[i] - b[i]) }
    return Solution(
      x: x, residualNorm: sum.squareRoot(), iterations: iterations, termination: termination)
  }

  /// Unconstrained least squares on a subset of columns by Householder QR (Golub & Van Loan §5.3).
  ///
  /// Returns the coefficients for `columns` in order, and the position of the first column whose
  /// remaining norm is below 1e-10 of its original norm (numerically dependent), if any; that
  /// coefficient is set to zero.
  static func leastSquares(
    _ a: DenseMatrix, columns: [Int], b: [Double], columnNorms: [Double]
  ) -> (z: [Double], dependent: Int?) {
    let m = a.rows
    let k = columns.count
    var q = [Double](repeating: 0, count: m * k)
    for (c, j) in columns.enumerated() {
      for i in 0..<m { q[c * m + i] = a[i, j] }
    }
    var rhs = b
    var diagonal = [Double](repeating: 0, count: k)
    var dependent: Int?
    var usable = [Bool](repeating: true, count: k)
    var row = 0
    for c in 0..<k {
      var norm2 = 0.0
      if row < m { for i in row..<m { norm2 += q[c * m + i] * q[c * m + i] } }
      let norm = norm2.squareRoot()
      if row >= m || norm <= 1e-10 * columnNorms[columns[c]] || norm == 0 {
        usable[c] = false
        if dependent == nil { dependent = c }
        continue
      }
      let x0 = q[c * m + row]
      let alpha = x0 >= 0 ? -norm : norm
      // v = x − alpha·e₁ stored in place; H = I − 2vvᵀ/(vᵀv).
      q[c * m + row] = x0 - alpha
      let vtv = norm2 - x0 * x0 + (x0 - alpha) * (x0 - alpha)
      if vtv > 0 {
        for c2 in (c + 1)..<max(k, c + 1) {
          var dot = 0.0
          for i in row..<m { dot += q[c * m + i] * q[c2 * m + i] }
          let f = 2 * dot / vtv
          for i in row..<m { q[c2 * m + i] -= f * q[c * m + i] }
        }
        var dot = 0.0
        for i in row..<m { dot += q[c * m + i] * rhs[i] }
        let f = 2 * dot / vtv
        for i in row..<m { rhs[i] -= f * q[c * m + i] }
      }
      diagonal[c] = alpha
      // Remember which row this column's pivot lives in: R is stored with rows = usable columns.
      q[c * m + row] = alpha
      row += 1
    }
    // Back-substitution over the usable columns (their pivots are rows 0, 1, … in order).
    let usableColumns = (0..<k).filter { usable[$0] }
    var z = [Double](repeating: 0, count: k)
    for (r, c) in usableColumns.enumerated().reversed() {
      var sum = rhs[r]
      for (r2, c2) in usableColumns.enumerated() where r2 > r {
        sum -= q[c2 * m + r] * z[c2]
      }
      z[c] = sum / diagonal[c]
    }
    return (z, dependent)
  }
}
