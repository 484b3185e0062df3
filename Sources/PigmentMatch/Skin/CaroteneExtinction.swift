import Foundation

/// Molar extinction coefficient of β-carotene, 400…700 nm / 10 nm, and the absorption it gives.
///
/// Source: β-carotene in hexane, PhotochemCAD (Du, Fuh, Li, Corkan & Lindsey 1998, Photochem.
/// Photobiol. 68:141; Dixon, Taniguchi & Lindsey 2005, ibid. 81:212), measured by R.-C. A. Fuh
/// (Cary 3, 1 nm bandwidth, 0.25 nm steps) and scaled to 139 500 cm⁻¹/M at 451 nm (Zechmeister &
/// Polgar 1943, J. Am. Chem. Soc. 65:1522), as tabulated by S. Prahl (2017), Oregon Medical Laser
/// Center, https://omlc.org/spectra/PhotochemCAD/html/041.html (file `041-abs.txt`). Each value
/// below is the mean of that table's rows within ±1 nm of the wavelength (8–9 rows; it smooths
/// the 0.25 nm scan's noise), rounded to the unit. From 530 nm on the table holds only the
/// instrument's baseline noise (row means 300–1 600 cm⁻¹/M, ≤ 1 % of the peak, changing sign
/// from row to row): β-carotene absorbs nothing there (its S₀→S₂ band ends near 520 nm), so 0.
/// Units: cm⁻¹/(mol/L) (base-10 absorbance per cm per molar).
public enum CaroteneExtinction {
  /// ε(β-carotene), cm⁻¹/M, at 400, 410, …, 700 nm (PhotochemCAD via Prahl 2017; see above).
  public static let betaCarotene: [Double] = [
    59756, 73472, 97126, 107669, 120878, 138800, 120724, 108521, 109724, 75715,
    32736, 10439, 3540, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  ]

  /// Absorption coefficient µa = ln(10)·ε·C, **cm⁻¹**, of tissue holding β-carotene at
  /// `micromolar` µmol/L (Beer–Lambert with Prahl's decadic ε, as for `HemoglobinExtinction`).
  /// 31 values.
  public static func absorption(micromolar: Double) -> [Double] {
    betaCarotene.indices.map { absorption(micromolar: micromolar, at: $0) }
  }

  /// ``absorption(micromolar:)`` at the wavelength of index `l` (0…30) alone.
  static func absorption(micromolar: Double, at l: Int) -> Double {
    let molar = max(micromolar.isFinite ? micromolar : 0, 0) * 1e-6
    return HemoglobinExtinction.ln10 * betaCarotene[l] * molar
  }
}
