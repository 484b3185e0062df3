import Colorimetry

/// An interim skin-aware dot model: the pigment layer of ``NeutralDermisDotOptics`` over a
/// background whose reflectance reproduces the client's bare-skin colour.
///
/// The background is a smooth spectrum recovered from the skin Lab (``SpectralRecovery``) with
/// the surface removed (inverse Saunderson), so the bare skin is matched exactly. It has no
/// epidermis *over* the pigment, so it underestimates the blue-grey shift of carbon black in dark
/// skin; the layered skin model (DESIGN.md "Seen through skin") replaces it through ``DotOptics``.
public struct SkinBackgroundDotOptics: DotOptics {
  /// The skin colour the background reproduces.
  public let skinLab: Lab
  private let base: NeutralDermisDotOptics

  /// Nil when no smooth spectrum reaches `skinLab` (L* outside 0…100 or very saturated).
  public init?(skinLab: Lab, thickness: Double = NeutralDermisDotOptics.defaultThickness) {
    let neutral = NeutralDermisDotOptics()
    guard let measured = SpectralRecovery.smoothReflectance(for: skinLab) else { return nil }
    let background = measured.map {
      KubelkaMunk.inverseSaunderson($0, k1: neutral.k1, k2: neutral.k2)
    }
    self.skinLab = skinLab
    self.base = NeutralDermisDotOptics(
      thickness: thickness, background: background, k1: neutral.k1, k2: neutral.k2)
  }

  /// The dot over the recovered skin background (see the type's documentation).
  public func dotReflectance(k: [Double], s: [Double]) -> [Double] {
    base.dotReflectance(k: k, s: s)
  }

  /// The bare skin: reproduces ``skinLab``.
  public var skinReflectance: [Double] { base.skinReflectance }
}
