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
    /// The targets not matched, with the closest blend's ΔE00, in skin-class then hair order.
    public let unreached: [Unreached]
  }

  /// A hair tone the palette cannot match on one skin class.
  public struct Unreached: Sendable, Equatable, Codable {
    /// The hair tone's name (`HairReference/name`).
    public let hair: String
    /// The skin class (`ITACategory` raw value).
    public let skin: String
    /// ΔE00 of the closest blend (above the threshold); nil when no blend could be solved.
    public let deltaE00: Double?

    enum CodingKeys: String, CodingKey { case hair, skin, deltaE00 }

    /// Encodes all three keys, `deltaE00` as null when no blend was solved.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(hair, forKey: .hair)
      try container.encode(skin, forKey: .skin)
      try container.encode(deltaE00, forKey: .deltaE00)
    }
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
