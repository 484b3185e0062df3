/// What a colour cluster of a scalp photo is taken to be.
public enum ToneRole: String, Sendable, Codable, CaseIterable {
  /// Bare skin (the largest skin-like cluster and clusters close to it).
  case skin
  /// Hair: the non-skin cluster farthest from the skin among those with a real share.
  case hair
  /// Anything else: skin–hair mixtures, highlights, leftovers of the background.
  case other
}
