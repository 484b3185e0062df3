/// The physiological parameters of the layered skin model (``SkinOptics``).
public struct SkinParameters: Sendable, Equatable {
  /// Epidermal melanosome volume fraction Cm, 0…1 (≈0.01–0.43 across skin types; Jacques 1998).
  public var melanosomeFraction: Double
  /// Dermal blood volume fraction B, 0…1 (≈0.2–5 % in skin; Jacques 2013).
  public var bloodFraction: Double
  /// Blood oxygen saturation S, 0…1 (default 0.75, mixed arterial–venous skin blood).
  public var oxygenSaturation: Double
  /// Dermal reduced-scattering scale (1 = Jacques 2013's skin average): the fit's third free
  /// parameter, standing in for the collagen density and dermal thickness a photo cannot see.
  public var dermalScatteringScale: Double
  /// Thickness of the epidermis plus upper papillary dermis above the pigment, **mm** (0.1 mm: the
  /// pooled histological epidermal thickness, 99.75 µm; Xu et al. 2017, J. Am. Acad. Dermatol.
  /// 77:1133).
  public var epidermisThickness: Double
  /// Thickness of the pigment layer in the dermis, **mm** (0.1 mm, as the palettes assume; see
  /// ``NeutralDermisDotOptics``).
  public var pigmentLayerThickness: Double
  /// Extra dermis between the epidermis and the pigment layer, **mm** (0 when healed; grows as
  /// the pigment sinks over the years, ``FadeModel``).
  public var pigmentDepth: Double

  /// Default oxygen saturation.
  public static let defaultOxygenSaturation = 0.75
  /// Default epidermis (+ upper papillary dermis) thickness, mm.
  public static let defaultEpidermisThickness = 0.1

  /// Parameters; every value is clamped to its physical range (fractions 0…1, lengths ≥ 0,
  /// scattering scale ≥ 0.01).
  public init(
    melanosomeFraction: Double, bloodFraction: Double,
    oxygenSaturation: Double = Self.defaultOxygenSaturation, dermalScatteringScale: Double = 1,
    epidermisThickness: Double = Self.defaultEpidermisThickness,
    pigmentLayerThickness: Double = NeutralDermisDotOptics.defaultThickness, pigmentDepth: Double = 0
  ) {
    self.melanosomeFraction = Self.unit(melanosomeFraction)
    self.bloodFraction = Self.unit(bloodFraction)
    self.oxygenSaturation = Self.unit(oxygenSaturation)
    self.dermalScatteringScale =
      dermalScatteringScale.isFinite ? max(dermalScatteringScale, 0.01) : 1
    self.epidermisThickness = Self.length(epidermisThickness)
    self.pigmentLayerThickness = Self.length(pigmentLayerThickness)
    self.pigmentDepth = Self.length(pigmentDepth)
  }

  private static func unit(_ x: Double) -> Double { x.isFinite ? min(max(x, 0), 1) : 0 }
  private static func length(_ x: Double) -> Double { x.isFinite ? max(x, 0) : 0 }
}
