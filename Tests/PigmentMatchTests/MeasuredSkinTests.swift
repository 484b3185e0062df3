import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// One measured human skin colour (`Fixtures/measured-skin/`, each file's header gives its source),
/// in the geometry the skin model gives its colour in: specular component included (``SkinOptics``
/// adds the surface's Fresnel reflection, Saunderson's K1).
struct MeasuredSkin: Sendable, CustomTestStringConvertible {
  let name: String
  /// The colour as it would read with the specular component included.
  let lab: Lab
  /// The colour as published (differs from `lab` for a 45/0, specular-excluded measurement).
  let published: Lab
  var testDescription: String { name }

  /// Normal-incidence Fresnel reflectance of the skin surface, ((n − 1)/(n + 1))² with the stratum
  /// corneum's n = 1.4 (Fresnel; the index the skin model uses), by hand: (0.4/2.4)² = 1/36.
  static let specularReflectance = 1.0 / 36

  /// A specular-excluded colour with the surface's spectrally flat specular reflection added back:
  /// X/Xn, Y/Yn, Z/Zn each grow by the Fresnel reflectance (a flat reflectance r has XYZ = r·white).
  static func includingSpecular(_ lab: Lab) -> Lab {
    let xyz = XYZ(lab)
    let white = XYZ.white
    let r = specularReflectance
    return Lab(XYZ(x: xyz.x + r * white.x, y: xyz.y + r * white.y, z: xyz.z + r * white.z))
  }

  static let folder = PigmentsTestSupport.packageRoot().appendingPathComponent(
    "Tests/PigmentMatchTests/Fixtures/measured-skin")

  /// The data rows of a fixture: lines that are neither comments (`#`) nor empty, the header first.
  static func rows(_ file: String) throws -> [[String]] {
    let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    return text.split(whereSeparator: \.isNewline)
      .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
  }

  /// The 100 NIST forearm spectra (Cooksey et al. 2017), to CIELAB with our own colorimetry.
  static func nist() throws -> [MeasuredSkin] {
    try rows("nist_skin_reflectance_cooksey2017_10nm.csv").dropFirst().map { row in
      let values = row.dropFirst().compactMap(Double.init)
      guard values.count == Spectrum.count else { throw MeasuredSkinError.badRow(row.first ?? "?") }
      let lab = try Spectrum(values).lab()
      return MeasuredSkin(name: "NIST subject \(row[0])", lab: lab, published: lab)
    }
  }

  /// Skin colours published as CIELAB (Wee et al. 2009; Han et al. 2006), SCE ones brought to SCI.
  static func literature() throws -> [MeasuredSkin] {
    try rows("measured_skin_lab_literature.csv").dropFirst().map { row in
      guard row.count == 5, let l = Double(row[1]), let a = Double(row[2]), let b = Double(row[3]),
        row[4] == "SCI" || row[4] == "SCE"
      else { throw MeasuredSkinError.badRow(row.first ?? "?") }
      let published = Lab(l: l, a: a, b: b)
      let lab = row[4] == "SCE" ? includingSpecular(published) : published
      return MeasuredSkin(name: row[0], lab: lab, published: published)
    }
  }

  static func all() throws -> [MeasuredSkin] { try nist() + literature() }
}

enum MeasuredSkinError: Error { case badRow(String) }

@Suite("Measured skin")
struct MeasuredSkinTests {
  @Test("the fixtures hold every subject and every published colour")
  func counts() throws {
    #expect(try MeasuredSkin.nist().count == 100)
    #expect(try MeasuredSkin.literature().count == 6)
  }

  /// The NIST subjects span light to dark skin (Cooksey et al. 2017 chose them for a range of
  /// pigmentation): a broken reading of the spectra would not.
  @Test("the NIST subjects span light to dark skin")
  func nistSpan() throws {
    let lightness = try MeasuredSkin.nist().map(\.lab.l)
    #expect(lightness.min()! < 50)
    #expect(lightness.max()! > 70)
  }

  /// The specular term by hand: a black, specular-excluded sample (L* 0) reads as a flat 1/36
  /// reflectance with the specular included, L* = 116·(1/36)^(1/3) − 16 ≈ 19.4, neutral.
  @Test("adding the specular reflection to black gives the Fresnel grey")
  func specularOfBlack() {
    let lab = MeasuredSkin.includingSpecular(Lab(l: 0, a: 0, b: 0))
    #expect(abs(lab.l - (116 * pow(1.0 / 36, 1.0 / 3) - 16)) < 1e-9)
    #expect(abs(lab.a) < 1e-9 && abs(lab.b) < 1e-9)
  }

  /// The 45/0 colours as published, fitted as specular-excluded colours (``SkinColourGeometry``), are
  /// skin too, and the fitted skin with its specular reflection is the hand-converted colour above:
  /// two routes from one measurement agree.
  @Test(
    "a 45/0 (specular-excluded) skin colour fits as such and agrees with the hand conversion",
    arguments: try MeasuredSkin.literature().filter { $0.lab != $0.published })
  func specularExcluded(skin: MeasuredSkin) throws {
    let fit = try SkinFit(skin: skin.published, geometry: .specularExcluded)
    #expect(fit.gamut == .skin, "\(skin.name): ΔE00 \(fit.deltaE00), at bounds \(fit.parametersAtBounds)")
    #expect(DeltaE.ciede2000(fit.optics.skinLab, skin.lab) <= SkinFit.gamutTolerance)
  }

  /// Specular-excluded is specular-included less the Fresnel reflectance, by hand: Y falls by 1/36.
  @Test("the specular-excluded model colour is darker by the Fresnel reflectance")
  func excludedLuminance() throws {
    let optics = try SkinFit(skin: Lab(l: 60, a: 12, b: 17)).optics
    let included = XYZ(SkinColourGeometry.specularIncluded.lab(of: optics))
    let excluded = XYZ(SkinColourGeometry.specularExcluded.lab(of: optics))
    #expect(abs(included.y - excluded.y - MeasuredSkin.specularReflectance) < 1e-4)
    #expect(included == XYZ(optics.skinLab))
  }

  /// Every measured skin colour is skin: fitted within ΔE00 1.0 with every parameter strictly
  /// inside its physiological range (issue 14, deliverable 2).
  @Test("every measured skin colour fits with no parameter at a bound", arguments: try MeasuredSkin.all())
  func fits(skin: MeasuredSkin) throws {
    let fit = try SkinFit(skin: skin.lab)
    #expect(fit.deltaE00 <= SkinFit.gamutTolerance, "\(skin.name) \(skin.lab): ΔE00 \(fit.deltaE00)")
    #expect(fit.parametersAtBounds.isEmpty, "\(skin.name): at bounds \(fit.parametersAtBounds)")
    #expect(fit.gamut == .skin)
  }
}
