import Colorimetry

/// The region of CIELAB (D65) that any human skin can occupy; colours outside it are rejected as
/// skin tones before the skin model is fitted.
///
/// L* 15…90, a* −2…35, b* 0…45: wider than every population survey (Del Bino et al. 2006 report
/// L* ≈ 25–75, a* ≈ 2–20, b* ≈ 5–25 across ITA classes; Xiao et al. 2017's 960-subject database
/// lies inside too), so that odd lighting still passes while a hair, sky or grey colour does not.
package enum PlausibleSkin {
  /// L* range.
  package static let lightness: ClosedRange<Double> = 15...90
  /// a* range.
  package static let redGreen: ClosedRange<Double> = -2...35
  /// b* range.
  package static let yellowBlue: ClosedRange<Double> = 0...45

  /// Whether `lab` lies in the plausible skin region (all components finite).
  package static func contains(_ lab: Lab) -> Bool {
    lightness.contains(lab.l) && redGreen.contains(lab.a) && yellowBlue.contains(lab.b)
  }

  /// A one-line statement of the region, for error messages.
  package static let summary = "L* 15…90, a* −2…35, b* 0…45"
}
