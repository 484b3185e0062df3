import Colorimetry

/// Whether a measured skin colour includes the light the skin surface reflects like a mirror.
///
/// The skin model's colour (``SkinOptics/skinLab``) includes it: Saunderson's (1942) K1, the
/// Fresnel reflectance ((n − 1)/(n + 1))² of the stratum corneum (n = 1.4), spectrally flat, is
/// added to the light from inside the skin, as an integrating sphere with the specular port closed
/// or a d/0 contact head measures it (SCI, specular component included; CIE 015:2018). A 45/0
/// instrument, or a photo lit from one side and seen from the front, misses the mirror reflection
/// (SCE): the same skin reads darker and more saturated, most of all dark skin, whose whole diffuse
/// reflectance is a few times K1.
public enum SkinColourGeometry: String, Sendable, Equatable, Codable, CaseIterable {
  /// Specular component included (the model's own colour).
  case specularIncluded
  /// Specular component excluded: the model's colour less the surface's K1.
  case specularExcluded

  /// The flat reflectance this geometry adds to the light from inside the skin (Saunderson K1 or 0).
  package var surfaceReflectance: Double { self == .specularIncluded ? SkinOptics.surfaceK1 : 0 }

  /// The bare skin of `optics` as this geometry measures it (CIELAB D65, 2°).
  package func lab(of optics: SkinOptics) -> Lab {
    switch self {
    case .specularIncluded: optics.skinLab
    case .specularExcluded: DotModel.lab(ofReflectance: optics.skinReflectance.map { $0 - SkinOptics.surfaceK1 })
    }
  }
}
