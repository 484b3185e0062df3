import Colorimetry

/// The client's shaved follicle: the hair shaft seen through the same skin, at the dot's depth, by
/// the same optics as the dot (DESIGN.md "The target: like with like").
///
/// The shaft takes the pigment layer's place: ``DotOptics/dotReflectance(k:s:)`` is called with the
/// shaft's K and S instead of the ink's, so whatever the optics get wrong about the skin above
/// affects dot and follicle alike. A shaft of diameter d crossing the layer of thickness X absorbs
/// along its mean chord πd/4 (`HairFibreOptics`), so K = 2σa·(πd/4)/X, and it scatters only at
/// its keratin/tissue interfaces, S = S_tissue·(πd/4)/X. Grey hair is a mixture: the look is
/// w·R(pigmented shaft) + (1 − w)·R(white shaft) (area mixing of the follicles, as the hair's own
/// colour is; ``HairMelaninFit``).
public struct FollicleTarget: Sendable {
  /// The hair's melanin fit (its own colour, and how well the model reproduces it).
  public let hair: HairMelaninFit
  /// The follicle's measured reflectance (31 values).
  public let reflectance: [Double]
  /// The follicle's CIELAB (D65): the colour the healed dot should have.
  public let lab: Lab

  /// The follicle of `hair` under `optics`, whose pigment layer is `layerThickness` mm thick.
  public init(hair: HairMelaninFit, optics: any DotOptics, layerThickness: Double) {
    self.hair = hair
    let x = max(layerThickness, 1e-6)
    let fill = HairFibreOptics.meanChord / x
    let s = [Double](repeating: HairFibreOptics.scatteringInTissue * fill, count: hair.pigmentedAbsorption.count)
    let pigmented = optics.dotReflectance(k: hair.pigmentedAbsorption.map { 2 * $0 * fill }, s: s)
    let white = optics.dotReflectance(k: MelaninAbsorption.keratin.map { 2 * $0 * fill }, s: s)
    let w = hair.pigmentedShare
    reflectance = zip(pigmented, white).map { w * $0 + (1 - w) * $1 }
    lab = DotModel.lab(ofReflectance: reflectance)
  }

  /// The follicle of the hair colour `hair` (CIELAB D65) under `optics` (its own layer thickness).
  public init(hair: Lab, optics: any DotOptics) {
    self.init(hair: HairMelaninFit(hair: hair), optics: optics, layerThickness: Self.layerThickness(of: optics))
  }

  /// The pigment layer's thickness of the known optics, mm (0.1 mm otherwise).
  static func layerThickness(of optics: any DotOptics) -> Double {
    switch optics {
    case let skin as SkinOptics: skin.parameters.pigmentLayerThickness
    case let neutral as NeutralDermisDotOptics: neutral.thickness
    default: NeutralDermisDotOptics.defaultThickness
    }
  }
}
