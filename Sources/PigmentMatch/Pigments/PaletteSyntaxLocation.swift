import Foundation

extension PaletteProblem {
  /// `problems` with "not valid JSON" and "not strict JSON" told where: the line, column and
  /// reason of the first strict-JSON syntax error in `data` (``JSONSyntaxError``) are added to the
  /// message. Problems of other kinds, and these when no position is found, are kept as they are.
  static func locatingSyntaxError(_ problems: [PaletteProblem], in data: Data) -> [PaletteProblem] {
    guard problems.contains(where: { $0.code == .malformedJSON || $0.code == .notStrictJSON }),
      let position = JSONSyntaxError.locate(in: data)
    else { return problems }
    return problems.map { problem in
      guard problem.code == .malformedJSON || problem.code == .notStrictJSON else { return problem }
      let detail = problem.message.dropFirst(problem.path.count + 2)  // "$: "
      return PaletteProblem(
        severity: problem.severity, pigment: problem.pigment, code: problem.code, path: problem.path,
        detail: "\(detail) at \(position)")
    }
  }
}
