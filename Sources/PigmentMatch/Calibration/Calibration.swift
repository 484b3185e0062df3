import Colorimetry
import Foundation

/// The colour correction applied to a photo before any tone was measured, and where it came from.
/// Every output says whether the photo was calibrated and how (``summary``).
public struct Calibration: Sendable {
  /// How the photo was corrected.
  public enum Method: String, Sendable, Codable {
    /// No correction: colours are as the camera rendered them.
    case none
    /// White balance and exposure from a grey card (``GreyCard``).
    case greyCard = "grey-card"
    /// Least-squares 3×3 fit to a ColorChecker Classic (``ColorCheckerFit``).
    case colorChecker = "colorchecker"
  }

  /// What a grey card showed.
  public struct CardReading: Sendable, Equatable {
    /// Where the card was (nil when it came from a label mask).
    public let region: RegionOfInterest?
    /// The card as observed, before correction (CIELAB D65).
    public let observedLab: Lab
    /// The card's known colour it was corrected to.
    public let referenceLab: Lab
    /// Exposure factor applied (reference Y / observed Y).
    public let exposure: Double
  }

  public let method: Method
  /// The matrix applied to linear RGB (identity when uncalibrated).
  public let correction: ColourCorrection
  /// The grey card, for ``Method/greyCard``.
  public let card: CardReading?
  /// The chart fit, for ``Method/colorChecker``.
  public let chart: ColorCheckerFit?
  /// The ColorChecker's corners as given (x1, y1, …, x4, y4), for drawing.
  public let chartCorners: [Double]

  /// No correction.
  public static let uncalibrated = Calibration(
    method: .none, correction: .identity, card: nil, chart: nil, chartCorners: [])

  /// Whether a correction was applied.
  public var isCalibrated: Bool { method != .none }

  /// One line for every output: calibrated or not, and what was applied.
  public var summary: String {
    switch method {
    case .none:
      return "uncalibrated: colours as the camera rendered them (no grey card or ColorChecker given)"
    case .greyCard:
      guard let card else { return "calibrated from a grey card" }
      let location = card.region.map { " at \($0.x),\($0.y),\($0.width),\($0.height)" } ?? " (label mask)"
      return String(
        format:
          "calibrated: white balance (von Kries gains on linear RGB) and exposure ×%.2f from the grey card%@, card L*a*b* %.1f, %.1f, %.1f → %.1f, %.1f, %.1f",
        card.exposure, location, card.observedLab.l, card.observedLab.a, card.observedLab.b, card.referenceLab.l,
        card.referenceLab.a, card.referenceLab.b)
    case .colorChecker:
      guard let chart else { return "calibrated from a ColorChecker" }
      return String(
        format:
          "calibrated: 3×3 least-squares colour correction in linear light fitted to the 24 ColorChecker Classic patches (X-Rite 2016 values), residual ΔE00 mean %.2f, max %.2f",
        chart.meanDeltaE00, chart.maximumDeltaE00)
    }
  }

  /// Warnings the calibration itself raises (a poor chart fit).
  public var warnings: [String] {
    guard let chart, chart.isPoor else { return [] }
    return [
      String(
        format:
          "ColorChecker fit is poor (mean ΔE00 %.1f, max %.1f; poor above mean %.0f or any patch %.0f): check the corners and even lighting",
        chart.meanDeltaE00, chart.maximumDeltaE00, ColorCheckerFit.poorMeanDeltaE00, ColorCheckerFit.poorPatchDeltaE00)
    ]
  }

  /// The calibration `options` ask for on `photo`: `--grey-card`, `--colorchecker`, a card painted
  /// in the label mask (with ``MeasurementOptions/cardReference``), or none.
  static func requested(by options: MeasurementOptions, photo: Photo) throws(CalibrationError) -> Calibration {
    switch options.calibration {
    case .greyCard(let card, let reference):
      return try .greyCard(
        photo: photo, indices: RegionPixels.indices(of: card, in: photo), region: card, reference: reference)
    case .colorChecker(let corners):
      return try .colorChecker(photo: photo, corners: corners)
    case nil:
      guard let labels = options.labels, labels.contains(.card) else { return .uncalibrated }
      return try .greyCard(
        photo: photo, indices: labels.indices(of: .card, in: photo), region: nil, reference: options.cardReference)
    }
  }

  /// Grey-card calibration of `photo` from the card's pixels `indices` (decoded photo).
  static func greyCard(photo: Photo, indices: [Int], region: RegionOfInterest?, reference: Lab)
    throws(CalibrationError) -> Calibration
  {
    guard let observed = RegionPixels.medianLinearRGB(photo, indices) else {
      throw .cardUnusable(reason: "the card region holds no pixels")
    }
    if max(observed.r, observed.g, observed.b) >= 0.99 {
      throw .cardUnusable(reason: "the card is clipped white (over-exposed): its colour is lost")
    }
    guard let correction = GreyCard.correction(observed: observed, reference: reference) else {
      throw .cardUnusable(reason: "the card is too dark to read (under-exposed or not the card)")
    }
    // Exposure: the luminance ratio the gains apply to the card.
    let exposure = XYZ(reference).y / XYZ(observed).y
    return Calibration(
      method: .greyCard, correction: correction,
      card: CardReading(region: region, observedLab: Lab(observed), referenceLab: reference, exposure: exposure),
      chart: nil, chartCorners: [])
  }

  /// ColorChecker calibration of `photo` from the chart at `corners`.
  static func colorChecker(photo: Photo, corners: [Double]) throws(CalibrationError) -> Calibration {
    guard corners.count == 8 else { throw .invalidCorners(text: "\(corners.count) numbers", reason: "expected eight") }
    let points = (0..<4).map { (x: corners[2 * $0], y: corners[2 * $0 + 1]) }
    let fit = try ColorCheckerFit(photo: photo, corners: points)
    return Calibration(method: .colorChecker, correction: fit.correction, card: nil, chart: fit, chartCorners: corners)
  }
}
