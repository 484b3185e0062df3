/// How ``ToneAnalysis`` samples a photo.
public struct ToneAnalysisOptions: Sendable, Equatable {
  /// Decode downscaled (JPEG in the DCT domain) while the shorter side stays ≥ this; 500 keeps
  /// stubble dots of a 12 MP photo at about a pixel while decoding 16× fewer pixels.
  public var minimumShortSide: Int
  /// Only this rectangle (full-resolution coordinates); nil = whole photo.
  public var region: RegionOfInterest?
  /// Only the mask's non-zero pixels; nil = no mask. Combined with ``region`` by intersection.
  public var mask: AnalysisMask?
  /// Seed of the k-means++ stream (results are deterministic for a given seed).
  public var seed: UInt64
  /// Pixels sampled (evenly, deterministic stride) for clustering; all pixels are assigned after.
  public var clusterSample: Int

  public init(
    minimumShortSide: Int = 500, region: RegionOfInterest? = nil, mask: AnalysisMask? = nil, seed: UInt64 = 0x5EED,
    clusterSample: Int = 24_000
  ) {
    self.minimumShortSide = minimumShortSide
    self.region = region
    self.mask = mask
    self.seed = seed
    self.clusterSample = clusterSample
  }
}
