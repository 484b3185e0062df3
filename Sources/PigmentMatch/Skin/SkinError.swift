import Colorimetry

/// Why a skin model could not be built.
public enum SkinError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The colour is outside `PlausibleSkin` (or not finite).
  case implausibleSkin(Lab)

  /// A practitioner-readable message.
  public var description: String {
    switch self {
    case .implausibleSkin(let lab):
      let text = [lab.l, lab.a, lab.b].map { String(format: "%.1f", $0) }.joined(separator: ",")
      return "\(text) is not a plausible skin colour (expected \(PlausibleSkin.summary))"
    }
  }
}
