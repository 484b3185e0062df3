/// How ``ToneAnalysis`` samples a photo.
public struct ToneAnalysisOptions: Sendable, Equatable {
  /// Decode downscaled (JPEG in the DCT domain) while the shorter side stays ≥ this. 640 decodes a
  /// 12 MP photo at 1/4 (750 px short side, 16× fewer pixels) and photos under ~5 MP at 1/2 or full
  /// size, so stubble dots stay around a pixel or more: below that no pixel is pure hair and the
  /// hair's lightness can no longer be read (a 2 MP photo decoded at 1/2 put it 5 L* too light).
  public var minimumShortSide: Int
  /// Only this rectangle (full-resolution coordinates); nil = whole photo.
  public var region: RegionOfInterest?
  /// Only the mask's non-zero pixels; nil = no mask. Combined with ``region`` by intersection.
  public var mask: AnalysisMask?
  /// Seed of the k-means++ stream (results are deterministic for a given seed).
  public var seed: UInt64

  public init(
    minimumShortSide: Int = 640, region: RegionOfInterest? = nil, mask: AnalysisMask? = nil, seed: UInt64 = 0x5EED
  ) {
    self.minimumShortSide = minimumShortSide
    self.region = region
    self.mask = mask
    self.seed = seed
  }
}
