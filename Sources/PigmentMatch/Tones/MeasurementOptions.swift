import Colorimetry

/// What to measure in a photo and how: the automatic analysis' options plus the roles and the
/// calibration the practitioner gave (``PhotoMeasurement``).
public struct MeasurementOptions: Sendable, Equatable {
  /// Decode size, `--roi` and `--mask` (automatic roles inside them), seed.
  public var analysis: ToneAnalysisOptions
  /// `--skin-roi` rectangles (full-resolution coordinates): the skin is measured there directly.
  public var skinRegions: [RegionOfInterest]
  /// `--hair-roi` rectangles: the hair is measured there directly.
  public var hairRegions: [RegionOfInterest]
  /// `--regions` label mask (skin, hair, card, ignore).
  public var labels: RegionLabels?
  /// `--grey-card` or `--colorchecker`.
  public var calibration: CalibrationRequest?
  /// The card colour for a card painted in ``labels`` (`--card-lab`, default the standard card).
  public var cardReference: Lab

  public init(
    analysis: ToneAnalysisOptions = ToneAnalysisOptions(), skinRegions: [RegionOfInterest] = [],
    hairRegions: [RegionOfInterest] = [], labels: RegionLabels? = nil, calibration: CalibrationRequest? = nil,
    cardReference: Lab = GreyCard.standardLab
  ) {
    self.analysis = analysis
    self.skinRegions = skinRegions
    self.hairRegions = hairRegions
    self.labels = labels
    self.calibration = calibration
    self.cardReference = cardReference
  }

  /// True when nothing beyond the automatic analysis was asked for.
  public var isAutomatic: Bool {
    skinRegions.isEmpty && hairRegions.isEmpty && labels == nil && calibration == nil
  }
}
