import Foundation
import Testing

@testable import Colorimetry

/// A PMC skin patch (Luo 2024) with colour-science's derived Lab (D65).
struct SkinPatch: CustomTestStringConvertible, Sendable {
  let name: String
  let spectrum: Spectrum
  let lab: Lab
  var testDescription: String { name }

  static let all: [SkinPatch] = {
    let sds = TestData.csv("spectral/skin_reflectance_pmc_luo2024.csv")
    let labs = TestData.csv("spectral/skin_reflectance_pmc_luo2024_derived_lab_d65.csv").rows
    guard sds.header.count == 5 else { return [] }
    return (1..<5).compactMap { c in
      let v = sds.rows.compactMap { Double($0[c]) }
      guard let s = try? Spectrum(v),
        let row = labs.first(where: { $0[0] == sds.header[c] }),
        let l = Double(row[4]), let a = Double(row[5]), let b = Double(row[6])
      else { return nil }
      return SkinPatch(name: sds.header[c], spectrum: s, lab: Lab(l: l, a: a, b: b))
    }
  }()
}

/// The derived table is colour-science's own integration of the same 10 nm data; different
/// table sampling/interpolation leaves ≤ 0.03 ΔE00 (measured), and the table has 3 decimals.
let gridTolerance = 0.05

@Test("PMC skin spectra → Lab (D65) vs the derived table", arguments: SkinPatch.all)
func pmcSkin(_ p: SkinPatch) {
  #expect(DeltaE.ciede2000(p.spectrum.lab(), p.lab) <= gridTolerance)
  #expect(ITA(p.spectrum.lab()).category == ITA(p.lab).category)
}

@Test func pmcSkinDataIsComplete() {
  #expect(SkinPatch.all.count == 4)
}

/// Tabulated sums are normalised exactly; tolerance is double rounding.
let sumTolerance = 1e-9

@Test("A perfect reflector is the illuminant's white: Y = 100, L* = 100", arguments: Illuminant.allCases)
func perfectReflector(_ ill: Illuminant) throws {
  let white = try Spectrum([Double](repeating: 1, count: 31))
  #expect(abs(white.xyz(under: ill).y - 100) < sumTolerance)
  let lab = white.lab(under: ill)
  #expect(abs(lab.l - 100) < sumTolerance && abs(lab.a) < sumTolerance && abs(lab.b) < sumTolerance)
}

/// The 10 nm 400–700 nm tables give whites within ≈ 0.5 % of the CIE full-range values.
let whiteTolerance = 0.6

@Test func illuminantWhitesMatchCIE() {
  // CIE 015:2018 Table 3 (2°): D65 (95.04, 100, 108.88), D50 (96.42, 100, 82.51), A (109.85, 100, 35.58).
  let expected: [Illuminant: (Double, Double)] = [.d65: (95.04, 108.88), .d50: (96.42, 82.51), .a: (109.85, 35.58)]
  for (ill, e) in expected {
    let w = ill.whiteXYZ
    #expect(abs(w.x - e.0) < whiteTolerance, "\(ill) X \(w.x)")
    #expect(abs(w.z - e.1) < whiteTolerance, "\(ill) Z \(w.z)")
  }
}

@Test func spectrumCodableAndGrid() throws {
  #expect(Spectrum.wavelengths.count == 31 && Spectrum.wavelengths.first == 400 && Spectrum.wavelengths.last == 700)
  let s = try Spectrum((0..<31).map { 0.2 + 0.01 * Double($0) })
  let data = try JSONEncoder().encode(s)
  #expect(try JSONDecoder().decode(Spectrum.self, from: data) == s)
  #expect(throws: DecodingError.self) { try JSONDecoder().decode(Spectrum.self, from: Data("[1,2]".utf8)) }
  // A flat grey is achromatic under its own illuminant.
  let grey = try Spectrum([Double](repeating: 0.18, count: 31))
  for ill in Illuminant.allCases {
    let lab = grey.lab(under: ill)
    #expect(abs(lab.a) < 1e-9 && abs(lab.b) < 1e-9)
  }
  #expect(abs(grey.lab().l - grey.lab(under: .d65).l) == 0)
}
