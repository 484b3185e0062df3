import Foundation

/// The look of a field of dots at talking distance: dots and bare skin mixed by area.
public enum StubbleImpression {
  /// Default healed dot diameter, mm (DESIGN.md: 0.10–0.15 mm; practitioners report healed dots of
  /// 100–150 µm, and SMP guidance keeps microdots under 1 mm: Rassman et al. 2015, J. Clin. Aesthet.
  /// Dermatol. 8(3):35).
  public static let defaultDotDiameter = 0.125
  /// Default dot spacing, mm (DESIGN.md: 0.5–1 mm): 178 dots per cm², within the 175–300 scalp
  /// hairs per cm² of Barman, Astore & Pecoraro 1965 (J. Invest. Dermatol. 44:233; mean 223).
  public static let defaultSpacing = 0.75
  /// Dot sizes accepted, mm: up to the 1 mm upper bound of SMP guidance (Rassman et al. 2015,
  /// J. Clin. Aesthet. Dermatol. 8(3):35: microdots under 1 mm, about 1 mm apart).
  package static let dotDiameters = 0.05...1.0
  /// Pitches accepted, mm: scalp hair 175–300 per cm² (Barman et al. 1965, J. Invest. Dermatol.
  /// 44:233) is a square pitch of 0.58–0.76 mm; the range leaves room for sparse and dense work.
  package static let spacings = 0.2...3.0
  /// Yule–Nielsen n for skin: light spreads sideways in the dermis (n ≈ 2 for strongly scattering
  /// substrates; Yule & Nielsen 1951, Viggiano 1990's range 1–3 for paper).
  package static let yuleNielsenN = 2.0

  /// Dot area coverage a = π(d/2)²/s² for dots of diameter d on a square grid of spacing s (mm).
  package static func coverage(dotDiameter d: Double, spacing s: Double) -> Double {
    min(max(Double.pi * (d / 2) * (d / 2) / (s * s), 0), 1)
  }

  /// Yule–Nielsen area mixing R = (a·R_dot^(1/n) + (1 − a)·R_skin^(1/n))^n (Yule & Nielsen 1951).
  package static func reflectance(
    dot: [Double], skin: [Double], coverage a: Double, n: Double = yuleNielsenN
  ) -> [Double] {
    zip(dot, skin).map { d, s in
      pow(a * pow(max(d, 0), 1 / n) + (1 - a) * pow(max(s, 0), 1 / n), n)
    }
  }
}
