import Colorimetry

/// The 24 patches of the X-Rite ColorChecker Classic and their published colours.
///
/// Values: X-Rite (2016), "New color specifications for ColorChecker SG and Classic Charts",
/// CIE L*a*b* under D50, 2° observer, for charts made after November 2014 (as tabulated in
/// colour-science 0.4.7, `DATA_COLORCHECKER24_AFTER_NOV2014_CIE_LAB`; copied from
/// `../shared/testdata/colorchecker/colorchecker24_xrite2016_after_nov2014.csv`, columns L, a, b).
/// Patches are numbered 1–24 row by row from the top-left "dark skin" patch, 6 per row.
package enum ColorCheckerClassic {
  /// One patch: its number (1…24), name and published CIELAB (D50).
  package struct Patch: Sendable, Equatable {
    package let number: Int
    package let name: String
    package let lab: CIELab<D50>

    /// Row (0…3) and column (0…5) on the chart.
    package var row: Int { (number - 1) / ColorCheckerClassic.columns }
    package var column: Int { (number - 1) % ColorCheckerClassic.columns }
    /// The published colour adapted to D65 (Bradford), the white every tone here uses.
    package var labD65: Lab { Bradford.adapt(lab) }
  }

  /// Patches across and down.
  package static let columns = 6
  package static let rows = 4

  /// The published patches, 1…24.
  package static let patches: [Patch] = [
    Patch(number: 1, name: "dark skin", lab: CIELab(l: 37.54, a: 14.37, b: 14.92)),
    Patch(number: 2, name: "light skin", lab: CIELab(l: 64.66, a: 19.27, b: 17.50)),
    Patch(number: 3, name: "blue sky", lab: CIELab(l: 49.32, a: -3.82, b: -22.54)),
    Patch(number: 4, name: "foliage", lab: CIELab(l: 43.46, a: -12.74, b: 22.72)),
    Patch(number: 5, name: "blue flower", lab: CIELab(l: 54.94, a: 9.61, b: -24.79)),
    Patch(number: 6, name: "bluish green", lab: CIELab(l: 70.48, a: -32.26, b: -0.37)),
    Patch(number: 7, name: "orange", lab: CIELab(l: 62.73, a: 35.83, b: 56.50)),
    Patch(number: 8, name: "purplish blue", lab: CIELab(l: 39.43, a: 10.75, b: -45.17)),
    Patch(number: 9, name: "moderate red", lab: CIELab(l: 50.57, a: 48.64, b: 16.67)),
    Patch(number: 10, name: "purple", lab: CIELab(l: 30.10, a: 22.54, b: -20.87)),
    Patch(number: 11, name: "yellow green", lab: CIELab(l: 71.77, a: -24.13, b: 58.19)),
    Patch(number: 12, name: "orange yellow", lab: CIELab(l: 71.51, a: 18.24, b: 67.37)),
    Patch(number: 13, name: "blue", lab: CIELab(l: 28.37, a: 15.42, b: -49.80)),
    Patch(number: 14, name: "green", lab: CIELab(l: 54.38, a: -39.72, b: 32.27)),
    Patch(number: 15, name: "red", lab: CIELab(l: 42.43, a: 51.05, b: 28.62)),
    Patch(number: 16, name: "yellow", lab: CIELab(l: 81.80, a: 2.67, b: 80.41)),
    Patch(number: 17, name: "magenta", lab: CIELab(l: 50.63, a: 51.28, b: -14.12)),
    Patch(number: 18, name: "cyan", lab: CIELab(l: 49.57, a: -29.71, b: -28.32)),
    Patch(number: 19, name: "white 9.5 (.05 D)", lab: CIELab(l: 95.19, a: -1.03, b: 2.93)),
    Patch(number: 20, name: "neutral 8 (.23 D)", lab: CIELab(l: 81.29, a: -0.57, b: 0.44)),
    Patch(number: 21, name: "neutral 6.5 (.44 D)", lab: CIELab(l: 66.89, a: -0.75, b: -0.06)),
    Patch(number: 22, name: "neutral 5 (.70 D)", lab: CIELab(l: 50.76, a: -0.13, b: 0.14)),
    Patch(number: 23, name: "neutral 3.5 (1.05 D)", lab: CIELab(l: 35.63, a: -0.46, b: -0.48)),
    Patch(number: 24, name: "black 2 (1.5 D)", lab: CIELab(l: 20.64, a: 0.07, b: -0.46)),
  ]
}
