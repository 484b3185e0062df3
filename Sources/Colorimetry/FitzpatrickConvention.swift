/// Fitzpatrick phototype I–VI **by convention** from the six ITA° classes (very light → I … dark →
/// VI). This mapping is a widely used convention, not a validated one: Fitzpatrick types describe
/// sunburn/tanning response, which skin colour only loosely predicts. Say so wherever it is shown.
public enum FitzpatrickConvention: Int, Sendable, CaseIterable, Codable {
  case i = 1, ii, iii, iv, v, vi

  /// The conventional type for an ITA class.
  public init(_ category: ITACategory) {
    switch category {
    case .veryLight: self = .i
    case .light: self = .ii
    case .intermediate: self = .iii
    case .tan: self = .iv
    case .brown: self = .v
    case .dark: self = .vi
    }
  }

  /// Roman numeral, "I" … "VI".
  public var roman: String { ["I", "II", "III", "IV", "V", "VI"][rawValue - 1] }

  /// The caveat to print next to the type.
  public static let note =
    "Fitzpatrick type mapped from the ITA° class by convention (very light→I … dark→VI); "
    + "this mapping is not clinically validated."

  /// Instance access to ``note``.
  public var note: String { Self.note }
}
