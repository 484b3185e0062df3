/// One k-means cluster of the analysed pixels.
public struct ToneCluster: Sendable, Equatable {
  /// Cluster centre (mean CIELAB D65 of its pixels).
  public let lab: Lab
  /// Fraction of the analysed pixels in the cluster, 0…1.
  public let share: Double
  /// The role assigned by ``ToneAnalysis``'s rule.
  public let role: ToneRole
}
