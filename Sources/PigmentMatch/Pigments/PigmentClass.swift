/// The chemical class of a pigment, which governs its light fastness and fading (DESIGN.md "Fade").
public enum PigmentClass: String, Sendable, Codable, CaseIterable {
  /// Carbon black (PBk7): photostable.
  case carbonBlack
  /// Iron oxides (PBk11 magnetite, PR101 hematite, PY42 goethite): photostable.
  case ironOxide
  /// Organic pigments (azo, phthalocyanine, …): may fade under sun per their light fastness.
  case organic
}
