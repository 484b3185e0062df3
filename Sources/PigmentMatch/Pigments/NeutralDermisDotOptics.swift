import Colorimetry

/// The default dot model: a pigment layer of effective thickness X in a neutral, spectrally flat
/// dermis, seen through the skin surface (Saunderson), with no epidermal melanin.
///
/// Choices, and why:
/// - X = 0.1 mm: SMP deposits pigment in the upper dermis in a band about as deep as a healed dot
///   is wide (≈0.10–0.15 mm, DESIGN.md); K and S in the palettes are per mm, so only K·X matters and
///   the palettes were scaled for this X (undiluted carbon black K·X ≈ 6: opaque; 1:20 dilution ≈ 0.3).
/// - R_g = 0.50, flat: diffuse reflectance of a bloodless, melanin-free dermis-like turbid medium
///   (mid-range of in-vivo dermal reflectances, which are ≈0.4–0.6 in the red); flat so that the
///   model adds no hue of its own. The skin model replaces it with haemoglobin and melanin.
/// - Saunderson K1 = ((n − 1)/(n + 1))² with n = 1.4 (stratum corneum), K2 = 0.5 (Allen 1980;
///   DESIGN.md).
public struct NeutralDermisDotOptics: DotOptics {
  /// Effective pigment-layer thickness, mm.
  package let thickness: Double
  /// Dermis background reflectance (internal, before the surface correction), per wavelength.
  package let dermisReflectance: [Double]
  /// Saunderson external specular reflectance K1.
  package let k1: Double
  /// Saunderson internal diffuse reflectance K2.
  package let k2: Double

  /// Default thickness, mm (see the type's documentation).
  public static let defaultThickness = 0.1
  /// Default flat dermis reflectance.
  public static let defaultDermisReflectance = 0.5
  /// Refractive index of the skin surface (stratum corneum ≈ 1.4–1.55; DESIGN.md uses 1.4).
  public static let skinRefractiveIndex = 1.4
  /// Default Saunderson K2 (Allen 1980: 0.4–0.6).
  public static let defaultK2 = 0.5

  /// The default model, or a variant with another thickness (mm) or flat dermis reflectance (0…1).
  public init(
    thickness: Double = Self.defaultThickness,
    dermisReflectance: Double = Self.defaultDermisReflectance
  ) {
    let n = Self.skinRefractiveIndex
    self.thickness = thickness
    self.dermisReflectance = [Double](repeating: dermisReflectance, count: Spectrum.count)
    self.k1 = ((n - 1) / (n + 1)) * ((n - 1) / (n + 1))
    self.k2 = Self.defaultK2
  }

  /// The same layer and surface over an arbitrary internal background reflectance (31 values).
  init(thickness: Double, background: [Double], k1: Double, k2: Double) {
    self.thickness = thickness
    self.dermisReflectance = background
    self.k1 = k1
    self.k2 = k2
  }

  /// Saunderson(layer(K, S, X) over R_g) per wavelength (Kubelka 1948; Saunderson 1942).
  public func dotReflectance(k: [Double], s: [Double]) -> [Double] {
    var result = [Double](repeating: 0, count: Spectrum.count)
    for l in 0..<Spectrum.count {
      let layer = KubelkaMunk.layer(
        KubelkaMunk.Constants(k: k[l], s: s[l]), thickness: thickness,
        background: dermisReflectance[l])
      result[l] = KubelkaMunk.saunderson(layer.reflectance, k1: k1, k2: k2)
    }
    return result
  }

  /// Saunderson(R_g): the bare background seen through the surface.
  public var skinReflectance: [Double] {
    dermisReflectance.map { KubelkaMunk.saunderson($0, k1: k1, k2: k2) }
  }
}
