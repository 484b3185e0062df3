// Colorimetry: colour types and maths (sRGB, linear RGB, XYZ, CIELAB, LCh, ΔE, spectra, ITA°).
// Depends on nothing. See ../shared/DESIGN.md.

/// A reference white: the tristimulus values of a perfect reflecting diffuser under an illuminant,
/// for the CIE 1931 2° observer, normalised so that **Y = 1**.
///
/// The white is part of a colour's type (`CIELab<D65>` cannot meet `CIELab<D50>` without
/// ``Bradford``), following the Rust `palette` crate.
public protocol ReferenceWhite: Sendable {
  /// Tristimulus values of the white, Y = 1.
  static var xyz: (x: Double, y: Double, z: Double) { get }
}

extension ReferenceWhite {
  /// White from chromaticity coordinates (x, y): X = x/y, Y = 1, Z = (1 − x − y)/y (CIE 015:2018 §7.3).
  @inlinable
  static func fromChromaticity(x: Double, y: Double) -> (x: Double, y: Double, z: Double) {
    (x: x / y, y: 1, z: (1 - x - y) / y)
  }
}

/// CIE standard illuminant D65, 2° observer, from the chromaticity used by sRGB (IEC 61966-2-1):
/// x = 0.3127, y = 0.3290. The product's working white.
public enum D65: ReferenceWhite {
  /// (0.3127/0.3290, 1, 0.3583/0.3290) ≈ (0.95046, 1, 1.08906).
  public static let xyz = fromChromaticity(x: 0.3127, y: 0.3290)
}

/// CIE illuminant D50, 2° observer (ICC profile connection space), chromaticity x = 0.3457,
/// y = 0.3585 (CIE 015:2018 Table 3 rounded to 4 decimals, as colour-science uses).
public enum D50: ReferenceWhite {
  /// (0.3457/0.3585, 1, 0.2958/0.3585) ≈ (0.96430, 1, 0.82510).
  public static let xyz = fromChromaticity(x: 0.3457, y: 0.3585)
}
