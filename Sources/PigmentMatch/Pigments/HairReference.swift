import Colorimetry

/// A natural hair colour used as a match target (palette coverage, tests).
package struct HairReference: Sendable, Equatable {
  /// Descriptive name.
  package let name: String
  /// CIELAB (D65) of the hair in bulk.
  package let lab: Lab

  /// The documented target set for palette coverage: eight natural hair tones from jet black to
  /// silver grey.
  ///
  /// Source and justification: representative points placed inside the ranges of instrumental hair
  /// colour reported worldwide by Lozano et al. 2017 (Int. J. Cosmet. Sci. 39:101, "The diversity of
  /// the human hair colour assessed by visual scales and instrumental measurements": L* from the
  /// mid-teens for black to ≈50 for blond, a* small and positive, b* rising with lightness), with
  /// grey/white hair near-neutral at higher L*. They are not values copied from a table: they are a
  /// spread of plausible targets meant to exercise the palette from its dark limit to light greys.
  /// SMP imitates shaved stubble, so the dark tones matter most.
  package static let coverageTargets: [HairReference] = [
    HairReference(name: "jet black", lab: Lab(l: 16, a: 0.5, b: 0.5)),
    HairReference(name: "natural black", lab: Lab(l: 20, a: 1.5, b: 2)),
    HairReference(name: "dark brown", lab: Lab(l: 25, a: 3, b: 5)),
    HairReference(name: "medium brown", lab: Lab(l: 32, a: 5, b: 9)),
    HairReference(name: "light brown", lab: Lab(l: 40, a: 6, b: 13)),
    HairReference(name: "dark blond", lab: Lab(l: 48, a: 5.5, b: 16)),
    HairReference(name: "salt and pepper", lab: Lab(l: 45, a: 0.5, b: 4)),
    HairReference(name: "silver grey", lab: Lab(l: 60, a: 0, b: 3)),
  ]
}
