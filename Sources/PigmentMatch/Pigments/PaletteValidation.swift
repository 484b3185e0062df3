/// The result of validating a palette: `{"valid","problems","coverage"}` (DESIGN.md).
public struct PaletteValidation: Sendable, Equatable, Codable {
  /// How much of the documented target set the palette can match.
  public struct Coverage: Sendable, Equatable, Codable {
    /// Number of targets (hair tones × skin classes).
    public let targets: Int
    /// Targets matched within the threshold.
    public let matched: Int
    /// The match threshold, ΔE00.
    public let thresholdDeltaE00: Double
  }

  /// True when no problem is an error.
  public let valid: Bool
  /// Every problem found, errors and warnings, in document order.
  public let problems: [PaletteProblem]
  /// Coverage, or nil when the palette has errors (it cannot be blended).
  public let coverage: Coverage?

  /// A result; `valid` follows from the problems.
  public init(problems: [PaletteProblem], coverage: Coverage?) {
    self.valid = !problems.contains { $0.severity == .error }
    self.problems = problems
    self.coverage = coverage
  }

  enum CodingKeys: String, CodingKey { case valid, problems, coverage }

  /// Encodes all three keys, `coverage` as null when absent.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(valid, forKey: .valid)
    try container.encode(problems, forKey: .problems)
    try container.encode(coverage, forKey: .coverage)
  }
}
