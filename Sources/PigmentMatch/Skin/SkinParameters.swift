/// The physiological parameters of the layered skin model (``SkinOptics``).
///
/// Each fitted parameter has a physiological range (`SkinParameterRange`); ``SkinFit`` keeps the
/// fit strictly inside it and reports any parameter close to a bound.
public struct SkinParameters: Sendable, Equatable {
  /// Epidermal melanosome volume fraction Cm, 0…1 (≈1.3–43 % across skin types; Jacques 1998).
  public var melanosomeFraction: Double
  /// Fraction of the epidermal melanin that is pheomelanin, 0…1 (the rest is eumelanin); about
  /// a quarter in every skin type studied (Alaluf et al. 2002, Pigment Cell Res. 15:112).
  public var pheomelaninFraction: Double
  /// Dermal blood volume fraction B, 0…1 (≈0.2–7 % in skin; Jacques 2013).
  public var bloodFraction: Double
  /// Blood oxygen saturation S, 0…1 (default 0.75, mixed arterial–venous skin blood).
  public var oxygenSaturation: Double
  /// Dermal reduced-scattering scale (1 = Jacques 2013's skin average), standing in for the
  /// collagen density a photo cannot see.
  public var dermalScatteringScale: Double
  /// Scattering power b of µs′ = a·(λ/500 nm)^−b for every layer (Jacques 2013: skin average
  /// 1.421): finer collagen fibrils scatter more toward the blue (larger b).
  public var scatteringPower: Double
  /// Thickness of the epidermis plus upper papillary dermis above the pigment, **mm** (0.1 mm: the
  /// pooled histological epidermal thickness, 99.75 µm; Xu et al. 2017, J. Am. Acad. Dermatol.
  /// 77:1133; Meglinski & Matcher 2002 model it as 20 µm stratum corneum + 80 µm living epidermis).
  public var epidermisThickness: Double
  /// Carotenoids (as β-carotene) in the tissue, **µmol/L**, the same in every layer; absorb
  /// 400–520 nm (``CaroteneExtinction``) and yellow the skin (`SkinParameterRange/caroteneMicromolar`).
  public var caroteneMicromolar: Double
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
  /// Default tissue β-carotene, µmol/L (`SkinParameterRange/caroteneMicromolar`'s typical).
  public static let defaultCaroteneMicromolar = SkinParameterRange.caroteneMicromolar.typical
  /// Default pheomelanin share of the melanin: 26 % (Alaluf et al. 2002: ≈74 % eumelanin,
  /// ≈26 % pheomelanin, alike across ethnic groups).
  public static let defaultPheomelaninFraction = 0.26

  /// Parameters; every value is clamped to its physical range (fractions 0…1, lengths and
  /// concentrations ≥ 0,
  /// scattering scale ≥ 0.01).
  package init(
    melanosomeFraction: Double, bloodFraction: Double,
    oxygenSaturation: Double = Self.defaultOxygenSaturation, dermalScatteringScale: Double = 1,
    epidermisThickness: Double = Self.defaultEpidermisThickness,
    pigmentLayerThickness: Double = NeutralDermisDotOptics.defaultThickness, pigmentDepth: Double = 0,
    pheomelaninFraction: Double = Self.defaultPheomelaninFraction,
    scatteringPower: Double = TissueOptics.scatteringB,
    caroteneMicromolar: Double = Self.defaultCaroteneMicromolar
  ) {
    self.caroteneMicromolar = Self.length(caroteneMicromolar)
    self.scatteringPower = scatteringPower.isFinite ? min(max(scatteringPower, 0), 4) : TissueOptics.scatteringB
    self.melanosomeFraction = Self.unit(melanosomeFraction)
    self.pheomelaninFraction = Self.unit(pheomelaninFraction)
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
