import Foundation

// `CustomStringConvertible` for the colour and skin-type types: short, fixed-precision text for
// logs and debugging (`print(lab)`), independent of the locale. The CLI and reports format their own
// output; these strings are for people reading values, not for parsing.

/// `value` with `places` decimals ("POSIX" formatting: a dot, no grouping); −0 prints as 0.
func fixedDecimals(_ value: Double, _ places: Int) -> String {
  guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
  let text = String(format: "%.\(places)f", value)
  let zero = String(format: "%.\(places)f", 0.0)
  return text == "-" + zero ? zero : text
}

extension CIELab: CustomStringConvertible {
  /// `L* 52.30, a* 10.00, b* 18.00 (D65)`: two decimals (ΔE00 is read to hundredths) and the white.
  public var description: String {
    "L* \(fixedDecimals(l, 2)), a* \(fixedDecimals(a, 2)), b* \(fixedDecimals(b, 2)) (\(White.self))"
  }
}

extension LCh: CustomStringConvertible {
  /// `L* 52.30, C* 20.59, h 60.95°`.
  public var description: String {
    "L* \(fixedDecimals(l, 2)), C* \(fixedDecimals(c, 2)), h \(fixedDecimals(h, 2))°"
  }
}

extension CIEXYZ: CustomStringConvertible {
  /// `X 0.9505, Y 1.0000, Z 1.0891 (D65)`: four decimals (Y = 1 for the white).
  public var description: String {
    "X \(fixedDecimals(x, 4)), Y \(fixedDecimals(y, 4)), Z \(fixedDecimals(z, 4)) (\(White.self))"
  }
}

extension SRGB8: CustomStringConvertible {
  /// The hex code, `#d7bd96`.
  public var description: String { hex }
}

extension SRGB: CustomStringConvertible {
  /// `sRGB 0.5000, 0.2500, 1.0000` (gamma-encoded, 0…1).
  public var description: String {
    "sRGB \(fixedDecimals(r, 4)), \(fixedDecimals(g, 4)), \(fixedDecimals(b, 4))"
  }
}

extension LinearRGB: CustomStringConvertible {
  /// `linear sRGB 0.2140, 0.0508, 1.0000` (linear light, 0…1).
  public var description: String {
    "linear sRGB \(fixedDecimals(r, 4)), \(fixedDecimals(g, 4)), \(fixedDecimals(b, 4))"
  }
}

extension ITA: CustomStringConvertible {
  /// `ITA° 45.0 (light)`, or `ITA° undefined` for a non-finite colour.
  public var description: String {
    isDefined ? "ITA° \(fixedDecimals(degrees, 1)) (\(category))" : "ITA° undefined"
  }
}

extension ITACategory: CustomStringConvertible {
  /// The class as Del Bino (2006) names it: `very light`, `light`, `intermediate`, `tan`, `brown`, `dark`.
  public var description: String { rawValue }
}

extension FitzpatrickConvention: CustomStringConvertible {
  /// `Fitzpatrick III` (a type mapped from ITA° by convention: see its `note`).
  public var description: String { "Fitzpatrick \(roman)" }
}

extension MonkSkinTone: CustomStringConvertible {
  /// `Monk 5 (#d7bd96)`: the swatch number 1…10 and its published sRGB colour.
  public var description: String { "Monk \(index) (\(srgb.hex))" }
}
