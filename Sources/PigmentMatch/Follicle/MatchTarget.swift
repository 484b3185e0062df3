import Colorimetry

/// What the healed dot is matched against.
public enum MatchTarget: Sendable {
  /// A healed-dot colour given directly (`--target-lab`).
  case direct(Lab)
  /// The client's shaved follicle (`match`, `--hair-lab`).
  case follicle(FollicleTarget)

  /// The colour the dot should have.
  public var lab: Lab {
    switch self {
    case .direct(let lab): lab
    case .follicle(let follicle): follicle.lab
    }
  }

  /// `"direct"` or `"follicle"` (the JSON contract's `target.kind`).
  public var kind: String {
    switch self {
    case .direct: "direct"
    case .follicle: "follicle"
    }
  }

  /// The hair's own colour, for a follicle target.
  public var hairLab: Lab? {
    if case .follicle(let follicle) = self { return follicle.hair.hair }
    return nil
  }
}

/// How a colour stands out from the bare skin: ΔL* and Δb* (colour − skin). Stubble is read by its
/// lightness contrast; b* is where the blue-grey of healed carbon shows.
public struct SkinContrast: Sendable, Equatable {
  /// L*(colour) − L*(skin).
  public let deltaL: Double
  /// b*(colour) − b*(skin).
  public let deltaB: Double

  /// The contrast of `colour` against `skin` (both CIELAB D65).
  public init(_ colour: Lab, against skin: Lab) {
    deltaL = colour.l - skin.l
    deltaB = colour.b - skin.b
  }
}
