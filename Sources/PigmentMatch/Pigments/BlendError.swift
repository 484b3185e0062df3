/// Why a blend could not be solved.
public enum BlendError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The target Lab has a NaN or infinite component.
  case nonFiniteTarget
  /// The palette has no pigments.
  case emptyPalette

  /// A practitioner-readable message.
  public var description: String {
    switch self {
    case .nonFiniteTarget: "the target colour is not a finite L*a*b* value"
    case .emptyPalette: "the palette has no pigments to blend"
    }
  }
}
