/// Risk of post-inflammatory hyperpigmentation (PIH) around SMP dots.
public enum HyperpigmentationRisk: String, Sendable, CaseIterable, Codable, Comparable {
  /// ITA° classes very light … intermediate at normal density.
  case low
  /// Tan and brown skin, or intermediate skin with dense dots.
  case moderate
  /// Dark skin always; brown skin with dense dots.
  case high

  /// Ordinal 0, 1, 2.
  public var rank: Int {
    switch self {
    case .low: 0
    case .moderate: 1
    case .high: 2
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
