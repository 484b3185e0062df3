import Foundation

/// Molar extinction coefficients of oxy- and deoxy-haemoglobin, 400…700 nm / 10 nm, and the blood
/// absorption they give.
///
/// Source: S. Prahl (1999), "Tabulated molar extinction coefficient for hemoglobin in water",
/// Oregon Medical Laser Center, https://omlc.org/spectra/hemoglobin/summary.html (compiled from
/// W. B. Gratzer and N. Kollias); the 10 nm rows of that table, typed in unchanged.
/// Units: cm⁻¹/(mol/L) (base-10 absorbance per cm per molar).
package enum HemoglobinExtinction {
  /// ε(HbO₂), cm⁻¹/M, at 400, 410, …, 700 nm (Prahl 1999).
  package static let oxy: [Double] = [
    266232, 466840, 480360, 246072, 102580, 62816, 44480, 33209.2, 26629.2, 23684.4,
    20932.8, 20035.2, 24202.4, 39956.8, 53236, 43016, 32613.2, 44496, 50104, 14400.8,
    3200, 1506, 942, 610, 442, 368, 319.6, 294, 277.6, 276, 290,
  ]

  /// ε(Hb), cm⁻¹/M, at 400, 410, …, 700 nm (Prahl 1999).
  package static let deoxy: [Double] = [
    223296, 303956, 407560, 528600, 413280, 103292, 23388.8, 16156.4, 14550, 16684,
    20862, 25773.6, 31589.6, 39036.4, 46592, 53412, 53788, 45072, 37020, 28324.4,
    14677.2, 9443.6, 6509.6, 5148.8, 4345.2, 3750.12, 3226.56, 2795.12, 2407.92, 2051.96, 1794.28,
  ]

  /// Haemoglobin in whole blood, g/L (Prahl's worked example and Jacques 2013 use 150 g/L).
  package static let wholeBloodGramsPerLitre = 150.0
  /// Molar mass of haemoglobin, g/mol (Prahl 1999: 64 500).
  package static let gramsPerMole = 64_500.0

  /// Absorption coefficient of whole blood µa = ln(10)·ε·(150 g/L)/(64 500 g/mol), **cm⁻¹**, with
  /// ε = S·ε(HbO₂) + (1 − S)·ε(Hb) (Prahl 1999). `saturation` S in 0…1. 31 values.
  package static func wholeBloodAbsorption(saturation: Double) -> [Double] {
    (0..<oxy.count).map { wholeBloodAbsorption(saturation: saturation, at: $0) }
  }

  /// ``wholeBloodAbsorption(saturation:)`` at the wavelength of index `l` (0…30) alone.
  package static func wholeBloodAbsorption(saturation: Double, at l: Int) -> Double {
    let s = min(max(saturation, 0), 1)
    let molar = wholeBloodGramsPerLitre / gramsPerMole
    return ln10 * (s * oxy[l] + (1 - s) * deoxy[l]) * molar
  }

  /// ln 10: decadic extinction to natural absorption.
  static let ln10 = log(10.0)
}
