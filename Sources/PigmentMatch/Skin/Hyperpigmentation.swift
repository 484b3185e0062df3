import Colorimetry
import Foundation

/// Post-inflammatory hyperpigmentation (PIH) after SMP needling: risk, halo and healing look.
///
/// **Modelled from proxies, not measured for SMP.** PIH after needle or laser injury rises with
/// skin type: laser resurfacing causes PIH in ≈4–12 % of sessions in Fitzpatrick IV–VI, and acne
/// leaves PIH in ≈65 % of darker-skinned vs ≈25 % of lighter-skinned patients (DESIGN.md proxy
/// figures; e.g. Taylor et al. 2002, J. Am. Acad. Dermatol. 46:S98 for acne in skin of colour).
/// The model (DESIGN.md "Hyperpigmentation"):
/// - Risk from the ITA° class (Del Bino 2006) — very light/light/intermediate low, tan/brown
///   moderate, dark high — raised one level (not above high) for dense work (coverage above
///   `denseCoverage`) from intermediate skin down. Risk therefore never falls as ITA° falls.
/// - Halo: epidermal melanin Cm × 1.2 / 1.5 / 2.0 (low / moderate / high) in a ring 1 / 2 / 3 dot
///   radii wide around each dot, fading linearly over 4 / 8 / 12 weeks.
/// - Its ΔE00 is the halo skin against normal skin, both through ``SkinOptics``; the healing look
///   is the stubble impression of dots, halos and skin (Yule–Nielsen, `StubbleImpression`).
public struct Hyperpigmentation: Sendable {
  /// One moment of the healing period.
  public struct HealingLook: Sendable, Equatable {
    /// Weeks after the session.
    public let week: Int
    /// Stubble impression including the halos.
    public let stubbleLab: Lab
    /// ΔE00 to the stubble impression without halos.
    public let deltaE00ToSettled: Double
  }

  /// The risk level.
  public let risk: HyperpigmentationRisk
  /// The skin type the risk was judged on (nil: the fitted skin's own ITA° class).
  public let skinType: SkinTypeAssessment?
  /// The skin's ITA°.
  public let ita: ITA
  /// Dot coverage used (area fraction).
  public let coverage: Double
  /// Melanin multiplier in the halo.
  public let melaninFactor: Double
  /// Halo ring width, in dot radii.
  public let haloWidthInRadii: Double
  /// How long the halo lasts, weeks.
  public let weeks: Int
  /// The halo skin's colour.
  public let haloLab: Lab
  /// ΔE00(halo skin, normal skin).
  public let haloDeltaE00: Double
  /// The stubble impression at weeks 0, 4, 8, 12.
  public let healing: [HealingLook]
  /// Practical advice for this risk.
  public let advice: [String]
  /// Where the numbers come from.
  public static let basis =
    "Modelled from proxies, not measured for SMP: post-laser PIH in 4–12 % of sessions in skin types IV–VI; acne PIH in ≈65 % of darker vs ≈25 % of lighter skin. The ITA°→Fitzpatrick mapping is a convention, not a validated one."

  /// Coverage above which the work counts as dense (dots 0.125 mm at ≈0.5 mm spacing: a ≈ 0.05).
  package static let denseCoverage = 0.04

  /// The risk for a skin of `ita` with dots at `coverage`; never falls as ITA° falls.
  package static func risk(ita: ITA, coverage: Double) -> HyperpigmentationRisk {
    risk(category: ita.category, coverage: coverage)
  }

  /// The risk for a skin of ITA° class `category` with dots at `coverage`.
  package static func risk(category: ITACategory, coverage: Double) -> HyperpigmentationRisk {
    let base: HyperpigmentationRisk
    switch category {
    case .veryLight, .light, .intermediate: base = .low
    case .tan, .brown: base = .moderate
    case .dark: base = .high
    }
    let dense = coverage > denseCoverage
    let darkEnoughForDensity = ![.veryLight, .light].contains(category)  // intermediate and darker (ITA° ≤ 41)
    guard dense, darkEnoughForDensity else { return base }
    return base == .low ? .moderate : .high
  }

  /// The assessment of a dot recipe (`fractions` in `model`'s order) under `skin`, for dots of
  /// `dotDiameter` at `spacing` (mm). The risk is judged on `skinType` when given (stated,
  /// measured or unconfirmed, ``SkinTypeAssessment``), else on the skin's own ITA° class.
  package init(
    skin: SkinOptics, model: DotModel, fractions: [Double],
    dotDiameter: Double = StubbleImpression.defaultDotDiameter,
    spacing: Double = StubbleImpression.defaultSpacing,
    skinType: SkinTypeAssessment? = nil
  ) {
    let skinLab = skin.skinLab
    let ita = ITA(skinLab)
    let coverage = StubbleImpression.coverage(dotDiameter: dotDiameter, spacing: spacing)
    let risk = skinType?.risk(coverage: coverage) ?? Self.risk(ita: ita, coverage: coverage)
    self.skinType = skinType
    let (factor, width, weeks): (Double, Double, Int) =
      switch risk {
      case .low: (1.2, 1, 4)
      case .moderate: (1.5, 2, 8)
      case .high: (2.0, 3, 12)
      }
    let halo = skin.withMelanin(times: factor)
    self.risk = risk
    self.ita = ita
    self.coverage = coverage
    self.melaninFactor = factor
    self.haloWidthInRadii = width
    self.weeks = weeks
    self.haloLab = halo.skinLab
    self.haloDeltaE00 = DeltaE.ciede2000(halo.skinLab, skinLab)
    // Areas per grid cell: dot, then the ring out to (1 + width) radii, then bare skin.
    let radius = dotDiameter / 2
    let haloArea = min(
      Double.pi * (radius * (1 + width)) * (radius * (1 + width)) / (spacing * spacing), 1)
      - coverage
    let dot = DotModel(palette: model.palette, optics: skin).reflectance(fractions)
    let settled = DotModel.lab(
      ofReflectance: StubbleImpression.reflectance(
        regions: [(dot, coverage), (skin.skinReflectance, 1 - coverage)]))
    healing = [0, 4, 8, 12].map { week in
      let strength = max(0, 1 - Double(week) / Double(weeks))
      let ring = skin.withMelanin(times: 1 + (factor - 1) * strength).skinReflectance
      let halo = max(haloArea, 0)
      let look = DotModel.lab(
        ofReflectance: StubbleImpression.reflectance(
          regions: [(dot, coverage), (ring, halo), (skin.skinReflectance, max(0, 1 - coverage - halo))]))
      return HealingLook(week: week, stubbleLab: look, deltaE00ToSettled: DeltaE.ciede2000(look, settled))
    }
    var advice: [String] = []
    if let skinType, skinType.source == .unconfirmed {
      advice.append(
        "Confirm the client's Fitzpatrick type at consultation: the photo's skin measurement is uncertain, so this is the highest risk of the plausible types (\(skinType.plausible.map(\.roman).joined(separator: ", ")))."
      )
    }
    advice += ["Apply daily broad-spectrum sun protection (SPF 50) to the scalp while it heals."]
    if risk >= .moderate {
      advice.append("Do a test patch of a few dots and review it after \(weeks) weeks before the full session.")
      advice.append("Keep the first session lighter (more dilution, fewer passes) and build density over sessions.")
    }
    if risk == .high || coverage > Self.denseCoverage {
      advice.append(
        "Space dots wider (≥ 0.75 mm) and use the finest needle so the halos cannot merge.")
    }
    if risk == .high {
      advice.append("Allow at least \(weeks) weeks between sessions for any darkening to settle.")
    }
    self.advice = advice
  }
}
