import Colorimetry

/// One representative skin colour per ITA° class, for palette coverage.
package struct SkinClassReference: Sendable, Equatable {
  /// The ITA° class.
  package let category: ITACategory
  /// A skin colour in the middle of the class (its ITA° lies inside the class bounds).
  package let lab: Lab

  /// Six skin colours, one per class of Del Bino et al. 2006 (Pigment Cell Res. 19:606): ITA° near
  /// the middle of each class (≈61, 47, 35, 18, −11, −48), with L*, a*, b* typical of the class in
  /// that study's colorimetric survey (L* falling from ≈72 to ≈32, b* 12–20, a* 8–13).
  package static let all: [SkinClassReference] = [
    SkinClassReference(category: .veryLight, lab: Lab(l: 72, a: 8, b: 12)),
    SkinClassReference(category: .light, lab: Lab(l: 65, a: 10, b: 14)),
    SkinClassReference(category: .intermediate, lab: Lab(l: 61, a: 11, b: 16)),
    SkinClassReference(category: .tan, lab: Lab(l: 56, a: 12, b: 18)),
    SkinClassReference(category: .brown, lab: Lab(l: 46, a: 13, b: 20)),
    SkinClassReference(category: .dark, lab: Lab(l: 32, a: 10, b: 16)),
  ]
}
