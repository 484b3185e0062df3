import Colorimetry
import Foundation

/// How a healed SMP recipe changes over the years: pigment lost, dots spreading and sinking.
///
/// Two phases (DESIGN.md "Fade"):
/// 1. Healing: the fraction retained falls as r(t) = r∞ + (1 − r∞)·e^(−t/τ), r∞ = 0.7, τ = 1.5 days,
///    so it plateaus by about day 7 (e^(−7/1.5) < 1 %). The palettes' K·X describe the *healed*
///    deposit, so year 0 of the timeline is the healed dot and this phase is reported, not re-applied.
/// 2. Slow decline: macrophages capture and release pigment (Baranska et al. 2018, J. Exp.
///    Med. 215:1115): retention e^(−k·t) with k = k_m·sun·smoking + k_p, where k_m = 0.022 / year
///    is the clearance of photostable particles (carbon black, iron oxides), sun multiplies it by
///    0.7 / 1 / 1.5 and smoking by 1.5 (impaired dermal repair; practice reports), and k_p is
///    photodegradation of organics only: k_p = 0.01·2^(8 − BW) / year × UV dose (0.3 / 1 / 2), since
///    each Blue Wool step halves the light needed to fade (ISO 105-B02).
/// Geometry: the dot diameter grows 0.5 % a year (pigment migration) so its pigment spreads over
/// (1 + 0.005·t)² the area, and the pigment layer sinks 3 µm a year, putting more turbid dermis
/// over it (bluer, lighter; no hue added by hand).
///
/// Calibration (how the numbers were set): practice reports a touch-up every 3–6 years. k_m was
/// chosen so that the typical case — carbon black diluted 1:4 (`cb-black=0.2,water=0.8`),
/// moderate sun, non-smoker — drifts past the match threshold ΔE00 1.8 from its healed start after
/// 3–6 years under every intermediate-class skin of the test data (Del Bino class centre L* 61,
/// a* 11, b* 16; the PMC chart's intermediate skins; the ITA 35 sample), on the skin model fitted with every parameter inside its range (issue 14: the
/// earlier 0.04 / year gave 2.1–2.9 years there once the optics were checked against Monte
/// Carlo). The sinking rate (modelled, no measurement found) was lowered with it from 5 to 3 µm a
/// year: at 5 µm sinking alone brought the pale, strongly scattering PMC skin's touch-up below
/// 3 years whatever k_m. `FadeModelTests` and `FadeOnRealSkinsTests` pin it.
public struct FadeModel: Sendable {
  /// The client's conditions.
  public let conditions: FadeConditions

  /// ΔE00 above which a touch-up is due (DESIGN.md: a match is ΔE00 ≤ 1.8).
  public static let matchThreshold = 1.8
  /// Fraction retained after healing, r∞.
  package static let healedRetention = 0.7
  /// Healing time constant τ, days.
  package static let healingTimeConstant = 1.5
  /// Macrophage clearance of photostable pigment k_m, per year (calibrated; see above).
  package static let clearanceRate = 0.022
  /// Multiplier on clearance for smokers.
  package static let smokingMultiplier = 1.5
  /// Photodegradation of a Blue Wool 8 organic under moderate sun, per year.
  package static let photoRateBlueWool8 = 0.01
  /// Blue Wool assumed for an organic pigment whose palette omits it (a middling 5).
  package static let defaultOrganicBlueWool = 5
  /// Relative growth of the dot diameter per year.
  package static let spreadPerYear = 0.005
  /// Sinking of the pigment layer, mm per year (3 µm; calibrated with k_m, see above).
  package static let sinkingPerYear = 0.003

  /// A model for `conditions`.
  public init(conditions: FadeConditions = FadeConditions()) {
    self.conditions = conditions
  }

  /// Fraction of the implanted pigment still in the skin `days` after the session (healing phase).
  package func healingRetention(days: Double) -> Double {
    let t = max(days, 0)
    return Self.healedRetention + (1 - Self.healedRetention) * exp(-t / Self.healingTimeConstant)
  }

  /// Decline rate k of `pigment` under these conditions, per year.
  package func declineRate(of pigment: Pigment) -> Double {
    var rate = Self.clearanceRate * conditions.sun.clearanceMultiplier
    if conditions.smoker { rate *= Self.smokingMultiplier }
    if pigment.pigmentClass == .organic {
      let blueWool = pigment.lightfastness?.blueWool ?? Self.defaultOrganicBlueWool
      rate += Self.photoRateBlueWool8 * pow(2, Double(8 - blueWool)) * conditions.sun.uvDose
    }
    return rate
  }

  /// Fraction of the healed pigment left after `years` (0…), e^(−k·t).
  package func retention(of pigment: Pigment, years: Double) -> Double {
    exp(-declineRate(of: pigment) * max(years, 0))
  }

  /// Dot diameter relative to the healed dot after `years`.
  package func spread(years: Double) -> Double { 1 + Self.spreadPerYear * max(years, 0) }

  /// Extra depth of the pigment layer after `years`, mm.
  package func sinking(years: Double) -> Double { Self.sinkingPerYear * max(years, 0) }

  /// The effective fractions in the pigment layer after `years`: each pigment's healed fraction
  /// times its retention, diluted over the spread area; water unchanged (K = S = 0).
  package func fadedFractions(_ fractions: [Double], palette: Palette, years: Double) -> [Double] {
    let area = spread(years: years) * spread(years: years)
    return fractions.indices.map { index in
      guard index < palette.pigments.count else { return fractions[index] }
      return fractions[index] * retention(of: palette.pigments[index], years: years) / area
    }
  }

  /// The dot optics after `years`: the skin model with the pigment sunk deeper; other optics as is.
  package func optics(_ optics: any DotOptics, years: Double) -> any DotOptics {
    guard let skin = optics as? SkinOptics else { return optics }
    return skin.sunk(by: sinking(years: years))
  }

  /// The year-by-year look of `recipe` under `model` from year 0 (healed) to `years`, with ΔE00 to
  /// the start and, if given, to `target` (for a solved blend: `blend.recipe`, `blend.target`);
  /// throws ``RecipeError/unknownPigment(_:known:)`` for a pigment `model`'s palette lacks.
  public func timeline(_ recipe: Recipe, model: DotModel, years: Int, target: Lab? = nil) throws(RecipeError)
    -> FadeTimeline
  {
    timeline(try recipe.fractions(in: model.palette), model: model, years: years, target: target)
  }

  /// The year-by-year look of component fractions in `model`'s order (see the `Recipe` form), the
  /// stubble impression at healed dot area `coverage` (default: the default dot size and spacing).
  package func timeline(
    _ fractions: [Double], model: DotModel, years: Int, target: Lab? = nil,
    coverage: Double = StubbleImpression.coverage(
      dotDiameter: StubbleImpression.defaultDotDiameter, spacing: StubbleImpression.defaultSpacing)
  ) -> FadeTimeline {
    let projection = FadeProjection(model: model, fade: self, years: years, coverage: coverage)
    var timeline = FadeTimeline(projection: projection, fractions: fractions, target: target)
    if let year = timeline.touchUpYear, year > 0 {
      timeline.touchUpTime = touchUpTime(
        fractions, model: model, within: Double(year - 1)...Double(year),
        against: timeline.touchUpAgainstTarget ? target : nil)
    }
    return timeline
  }

  /// The dot's CIELAB `years` (fractional) after healing.
  package func dotLab(_ fractions: [Double], model: DotModel, years: Double) -> Lab {
    DotModel(palette: model.palette, optics: optics(model.optics, years: years))
      .lab(fadedFractions(fractions, palette: model.palette, years: years))
  }

  /// The moment (years, to 0.01) in `range` at which the drift from the start (or the distance to
  /// `target`) crosses ``matchThreshold``, by bisection.
  func touchUpTime(
    _ fractions: [Double], model: DotModel, within range: ClosedRange<Double>, against target: Lab?
  ) -> Double {
    let start = model.lab(fractions)
    let reference = target ?? start
    var lo = range.lowerBound
    var hi = range.upperBound
    while hi - lo > 0.005 {
      let mid = (lo + hi) / 2
      let e = DeltaE.ciede2000(dotLab(fractions, model: model, years: mid), reference)
      if e > Self.matchThreshold { hi = mid } else { lo = mid }
    }
    return hi
  }
}
