/// Why a match could not be made.
public enum MatchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The skin colour is not a plausible skin (`PlausibleSkin`).
  case skin(SkinError)
  /// The blend could not be solved.
  case blend(BlendError)
  /// The photo shows no hair to match.
  case noHair

  /// A practitioner-readable message.
  public var description: String {
    switch self {
    case .skin(let error): "skin: \(error.description)"
    case .blend(let error): "blend: \(error.description)"
    case .noHair: "no hair visible in the photo, so there is no target colour: mark the hair with --hair-roi, or give the target colour (pigmatch blend --target-lab L,a,b)"
    }
  }
}
