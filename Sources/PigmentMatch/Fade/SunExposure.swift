/// How much sun the scalp gets: the main accelerator of fading (DESIGN.md "Fade").
public enum SunExposure: String, Sendable, CaseIterable, Codable {
  /// Mostly covered or indoors; sunscreen used.
  case low
  /// Typical outdoor time, occasional protection.
  case moderate
  /// Outdoor work or sport, rarely protected.
  case high

  /// Multiplier on the macrophage clearance rate: UV-driven inflammation raises dermal
  /// macrophage turnover (modelled; low 0.7, moderate 1, high 1.5).
  public var clearanceMultiplier: Double {
    switch self {
    case .low: 0.7
    case .moderate: 1
    case .high: 1.5
    }
  }

  /// Relative UV dose reaching the pigment, for photodegradation of organics (modelled; low 0.3,
  /// moderate 1, high 2).
  public var uvDose: Double {
    switch self {
    case .low: 0.3
    case .moderate: 1
    case .high: 2
    }
  }
}
