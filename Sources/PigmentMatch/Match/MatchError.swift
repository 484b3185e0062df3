/// Why a match could not be made.
public enum MatchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The skin colour is not a plausible skin (``PlausibleSkin``).
  case skin(SkinError)
  /// The blend could not be solved.
  case blend(BlendError)

  /// A practitioner-readable message.
  public var description: String {
    switch self {
    case .skin(let error): "skin: \(error.description)"
    case .blend(let error): "blend: \(error.description)"
    }
  }
}
