import Colorimetry
import Foundation

/// Which skin type the hyperpigmentation risk is judged on, and how sure that is.
///
/// - **Stated:** the practitioner's Fitzpatrick type from the consultation (`--fitzpatrick`)
///   overrides the photo.
/// - **Measured:** the photo's ITA° class (by convention, `FitzpatrickConvention`), used as is
///   only when the photo was calibrated and the measurement's confidence is at least
///   ``PhotoMeasurement/lowConfidenceThreshold``.
/// - **Unconfirmed:** otherwise. The plausible types are the ITA° classes reachable within the
///   measurement's uncertainty (`uncalibratedUncertainty`; every class when the confidence is
///   low, because the "skin" may not be skin at all), the risk is the highest of theirs and never
///   "low" (an uncertain measurement must not reassure), and the output asks to confirm the type.
public struct SkinTypeAssessment: Sendable, Equatable {
  /// Where the type came from.
  public enum Source: String, Sendable, Codable {
    case stated, measured, unconfirmed
  }

  public let source: Source
  /// The type the risk is judged on: the stated one, the measured one, or for an unconfirmed
  /// measurement the darkest plausible one.
  public let fitzpatrick: FitzpatrickConvention
  /// The measured type (nil when only stated).
  public let measured: FitzpatrickConvention?
  /// Types within the measurement's uncertainty (just the used one when stated or measured).
  public let plausible: [FitzpatrickConvention]

  /// Uncertainty of the skin's L* and b* in an uncalibrated photo: camera auto-exposure and white
  /// balance move skin by about ±10 L* and ±6 b* between ordinary indoor and daylight shots (the
  /// issue's real photos: shine alone moved skin 12 L*). The ITA° range is taken over that box.
  package static let uncalibratedUncertainty = (l: 10.0, b: 6.0)
  /// The same after a grey-card or ColorChecker correction (residual of the card reading).
  package static let calibratedUncertainty = (l: 3.0, b: 3.0)

  /// The practitioner's type.
  public static func stated(_ type: FitzpatrickConvention) -> SkinTypeAssessment {
    SkinTypeAssessment(source: .stated, fitzpatrick: type, measured: nil, plausible: [type])
  }

  /// The assessment of a measured skin: `stated` wins when given; otherwise measured when
  /// `calibrated` and `confidence` ≥ the low-confidence threshold, else unconfirmed.
  public init(skin: Lab, calibrated: Bool, confidence: Double, stated: FitzpatrickConvention? = nil) {
    let measured = ITA(skin).fitzpatrick
    if let stated {
      self.init(source: .stated, fitzpatrick: stated, measured: measured, plausible: [stated])
      return
    }
    let sure = confidence >= PhotoMeasurement.lowConfidenceThreshold
    if calibrated && sure {
      self.init(source: .measured, fitzpatrick: measured, measured: measured, plausible: [measured])
      return
    }
    let plausible: [FitzpatrickConvention]
    if !sure || !skin.l.isFinite || !skin.b.isFinite {
      plausible = FitzpatrickConvention.allCases
    } else {
      let u = calibrated ? Self.calibratedUncertainty : Self.uncalibratedUncertainty
      var types = Set<FitzpatrickConvention>()
      // ITA° is monotone in L* and in b* over each quadrant, so the box's corners and the
      // measurement bound its range; classes between the extremes are included by rawValue.
      for dl in [-u.l, 0, u.l] {
        for db in [-u.b, 0, u.b] {
          types.insert(ITA(Lab(l: skin.l + dl, a: skin.a, b: max(0, skin.b + db))).fitzpatrick)
        }
      }
      let low = types.map(\.rawValue).min() ?? measured.rawValue
      let high = types.map(\.rawValue).max() ?? measured.rawValue
      plausible = (low...high).compactMap(FitzpatrickConvention.init(rawValue:))
    }
    self.init(
      source: .unconfirmed, fitzpatrick: plausible.last ?? measured, measured: measured, plausible: plausible)
  }

  private init(
    source: Source, fitzpatrick: FitzpatrickConvention, measured: FitzpatrickConvention?,
    plausible: [FitzpatrickConvention]
  ) {
    self.source = source
    self.fitzpatrick = fitzpatrick
    self.measured = measured
    self.plausible = plausible
  }

  /// The risk for dots at `coverage`: of the used type; for an unconfirmed one the highest over
  /// the plausible types, and at least moderate.
  public func risk(coverage: Double) -> HyperpigmentationRisk {
    let risks = plausible.map { Hyperpigmentation.risk(category: $0.itaCategory, coverage: coverage) }
    let highest = risks.max() ?? .high
    return source == .unconfirmed ? max(highest, .moderate) : highest
  }

  /// One line for the output: which type was used and why.
  public var summary: String {
    let measuredText = measured.map { "; the photo's measurement gives \($0.roman) by convention" } ?? ""
    switch source {
    case .stated:
      return "Fitzpatrick \(fitzpatrick.roman), stated by the practitioner (overrides the photo\(measuredText))"
    case .measured:
      return "Fitzpatrick \(fitzpatrick.roman), measured from the calibrated photo (ITA° class, by convention)"
    case .unconfirmed:
      let list = plausible.map(\.roman).joined(separator: ", ")
      return
        "Fitzpatrick type unconfirmed: the photo's measurement is uncertain (plausible types \(list)\(measuredText)); the risk is the highest of these. Confirm the type at consultation with --fitzpatrick"
    }
  }
}

extension FitzpatrickConvention {
  /// The ITA° class this type corresponds to by the same convention (I → very light … VI → dark).
  public var itaCategory: ITACategory {
    switch self {
    case .i: .veryLight
    case .ii: .light
    case .iii: .intermediate
    case .iv: .tan
    case .v: .brown
    case .vi: .dark
    }
  }

  /// Parses "I" … "VI" (any case) or "1" … "6"; nil otherwise.
  public init?(roman text: String) {
    let t = text.trimmingCharacters(in: .whitespaces).uppercased()
    let romans = ["I", "II", "III", "IV", "V", "VI"]
    if let i = romans.firstIndex(of: t) {
      self.init(rawValue: i + 1)
    } else if let n = Int(t) {
      self.init(rawValue: n)
    } else {
      return nil
    }
  }
}
