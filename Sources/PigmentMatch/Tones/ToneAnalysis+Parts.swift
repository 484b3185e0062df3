extension ToneAnalysis {
  /// An analysis assembled from its parts (``PhotoMeasurement`` builds one when the practitioner
  /// marked the roles or calibrated the photo).
  init(
    photo: PhotoSummary, skin: SkinTone, hair: HairTone?, clusters: [ToneCluster], confidence: Double,
    warnings: [ToneWarning], regions: ToneRegionMap
  ) {
    self.photo = photo
    self.skin = skin
    self.hair = hair
    self.clusters = clusters
    self.confidence = min(1, max(0, confidence))
    self.warnings = warnings
    self.regions = regions
    skinFitAhead = nil
  }
}
