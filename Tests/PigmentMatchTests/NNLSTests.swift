import Foundation
import Testing

@testable import PigmentMatch

/// One scipy.optimize.nnls reference case (see scripts/nnls_fixtures.py).
struct NNLSFixtureCase: Decodable, CustomTestStringConvertible, Sendable {
  let name: String
  let m: Int
  let n: Int
  let a: [[Double]]
  let b: [Double]
  let x: [Double]
  let residualNorm: Double
  let rank: Int
  let unique: Bool
  let conditionNumber: Double?
  var testDescription: String { name }

  var matrix: DenseMatrix {
    DenseMatrix(rowArrays: a) ?? DenseMatrix(rows: m, columns: n)
  }
}

private struct NNLSFixtureFile: Decodable {
  let cases: [NNLSFixtureCase]
}

private let scipyCases: [NNLSFixtureCase] = {
  let url = PigmentsTestSupport.fixture("nnls-scipy.json")
  guard let data = try? Data(contentsOf: url),
    let file = try? JSONDecoder().decode(NNLSFixtureFile.self, from: data)
  else { return [] }
  return file.cases
}()

/// Residual-norm agreement with scipy: both are double-precision active-set solvers.
private let residualTolerance = 1e-9
/// Solution agreement on unique, well-conditioned problems (cond < 1e6 loses ≤ ~1e-10 relative).
private let solutionTolerance = 1e-7
/// KKT slack relative to ‖A‖·‖b‖: rounding in Aᵀ(b − Ax) for these sizes.
private let kktRelativeTolerance = 1e-9

/// Checks x ≥ 0, wⱼ ≤ tol everywhere and |wⱼ| ≤ tol where xⱼ > 0, for w = Aᵀ(b − Ax).
private func expectKKT(_ a: DenseMatrix, _ b: [Double], _ x: [Double], _ label: String) {
  let w = NNLS.gradient(a, x, b)
  let aNorm = a.elements.reduce(0) { max($0, abs($1)) } * Double(max(a.rows, 1))
  let bNorm = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
  let tol = kktRelativeTolerance * max(aNorm * bNorm, 1e-300)
  for j in 0..<x.count {
    #expect(x[j] >= 0, "\(label): x[\(j)] = \(x[j]) is negative")
    #expect(w[j] <= tol, "\(label): w[\(j)] = \(w[j]) > 0 at x[\(j)] = \(x[j]) (not optimal)")
    if x[j] > 0 {
      #expect(abs(w[j]) <= tol, "\(label): w[\(j)] = \(w[j]) ≠ 0 on a positive x[\(j)]")
    }
  }
}

@Test("NNLS matches scipy.optimize.nnls", arguments: scipyCases)
func nnlsMatchesScipy(_ fixture: NNLSFixtureCase) throws {
  let solution = try NNLS.solve(fixture.matrix, fixture.b)
  #expect(solution.termination == .converged)
  #expect(
    abs(solution.residualNorm - fixture.residualNorm) <= residualTolerance * max(1, fixture.residualNorm),
    "residual \(solution.residualNorm) vs scipy \(fixture.residualNorm)")
  if fixture.unique, let cond = fixture.conditionNumber, cond < 1e6 {
    for j in 0..<fixture.n {
      #expect(abs(solution.x[j] - fixture.x[j]) <= solutionTolerance * max(1, abs(fixture.x[j])),
        "x[\(j)] = \(solution.x[j]) vs scipy \(fixture.x[j])")
    }
  }
  expectKKT(fixture.matrix, fixture.b, solution.x, fixture.name)
}

@Test("the scipy fixture file is present and covers the degenerate cases")
func nnlsFixtureCoverage() {
  let names = Set(scipyCases.map(\.name))
  for required in ["zero-column", "duplicate-column", "zero-b", "zero-matrix", "wide-0-3x4"] {
    #expect(names.contains(where: { $0.hasPrefix(required) }), "missing fixture \(required)")
  }
  #expect(scipyCases.count >= 25)
}

@Test("NNLS satisfies the KKT conditions on random problems", arguments: 0..<60)
func nnlsKKTProperty(seed: Int) throws {
  var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 17)
  let m = Int.random(in: 1...40, using: &rng)
  let n = Int.random(in: 1...10, using: &rng)
  var a = DenseMatrix(rows: m, columns: n)
  for i in 0..<m { for j in 0..<n { a[i, j] = Double.random(in: -1...1, using: &rng) } }
  // Every fifth problem gets a duplicated column, to keep rank deficiency in the mix.
  if seed % 5 == 0, n >= 2 { for i in 0..<m { a[i, n - 1] = a[i, 0] } }
  let b = (0..<m).map { _ in Double.random(in: -1...1, using: &rng) }
  let solution = try NNLS.solve(a, b)
  #expect(solution.termination == .converged)
  expectKKT(a, b, solution.x, "seed \(seed) \(m)×\(n)")
}

@Test("NNLS recovers an exact nonnegative solution")
func nnlsExactRecovery() throws {
  var rng = SeededGenerator(seed: 42)
  var a = DenseMatrix(rows: 31, columns: 4)
  for i in 0..<31 { for j in 0..<4 { a[i, j] = Double.random(in: 0.1...2, using: &rng) } }
  let truth = [0.3, 0, 1.2, 0.05]
  let solution = try NNLS.solve(a, a.times(truth))
  for j in 0..<4 {
    // Exact data, well-conditioned: only rounding separates x from the truth.
    #expect(abs(solution.x[j] - truth[j]) < 1e-10)
  }
}

@Test("NNLS rejects mismatched and non-finite input with typed errors")
func nnlsTypedErrors() {
  let a = DenseMatrix(rows: 3, columns: 2)
  #expect(throws: NNLS.Failure.dimensionMismatch(rows: 3, rightHandSide: 2)) {
    try NNLS.solve(a, [1, 2])
  }
  #expect(throws: NNLS.Failure.nonFiniteInput) { try NNLS.solve(a, [1, .nan, 0]) }
}

@Test("NNLS stops at the iteration cap with a feasible point")
func nnlsIterationCap() throws {
  var rng = SeededGenerator(seed: 9)
  var a = DenseMatrix(rows: 20, columns: 8)
  for i in 0..<20 { for j in 0..<8 { a[i, j] = Double.random(in: -1...1, using: &rng) } }
  let b = (0..<20).map { _ in Double.random(in: -1...1, using: &rng) }
  let full = try NNLS.solve(a, b)
  #expect(full.iterations > 1)
  let capped = try NNLS.solve(a, b, maxIterations: 1)
  #expect(capped.termination == .iterationLimit)
  #expect(capped.iterations == 1)
  #expect(capped.x.allSatisfy { $0 >= 0 })
}
