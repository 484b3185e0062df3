import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// β-carotene in the skin model: its typed-in spectrum against the published landmarks, what it
/// does to skin colour, and real photographed skins fitted or honestly reported as a colour cast.
@Suite("Skin carotenoids")
struct SkinCaroteneTests {
  /// Published landmarks of β-carotene in hexane (Zechmeister & Polgar 1943; PhotochemCAD): the
  /// maximum, 139 500 cm⁻¹/M at 451 nm, falls in the 450 nm row (within 1 %, the table being a
  /// ±1 nm mean); the vibronic shoulder near 480 nm stays above 70 % of the peak; the band is
  /// gone by 530 nm and the molecule is colourless to red light.
  @Test("β-carotene table: 31 values, peak at 450 nm ≈ 139 500 /M/cm, shoulder at 480, nothing past 530")
  func table() {
    let e = CaroteneExtinction.betaCarotene
    #expect(e.count == Spectrum.count)
    #expect(e.firstIndex(of: e.max() ?? 0) == 5)
    #expect(abs(e[5] / 139_500 - 1) < 0.01)
    #expect(e[8] > 0.7 * 139_500)
    #expect(e[13...].allSatisfy { $0 == 0 })
    #expect(e.allSatisfy { $0 >= 0 })
  }

  /// µa = ln(10)·ε·C by hand at the peak: 2.302585 × 139 500 /M/cm × 1 µM = 0.3212 cm⁻¹ (1 %).
  @Test("absorption at 1 µmol/L is ln(10)·ε·C")
  func absorption() {
    let mua = CaroteneExtinction.absorption(micromolar: 1)
    #expect(mua.count == Spectrum.count)
    #expect(abs(mua[5] / 0.3212 - 1) < 0.01)
    #expect(CaroteneExtinction.absorption(micromolar: -3).allSatisfy { $0 == 0 })
    #expect(CaroteneExtinction.absorption(micromolar: .nan).allSatisfy { $0 == 0 })
  }

  /// Carotenoids absorb only the blue: across their physiological range they raise b* steadily
  /// while L* (dominated by green and red) barely moves. Dietary studies see carotenoids add a
  /// few b* units to skin (Whitehead et al. 2012, PLoS ONE 7:e32988: a visible yellowing from
  /// more fruit and vegetables), so on light and intermediate skin typical → carotenaemic must
  /// add at least one just-noticeable b* step (1) and not turn the skin orange (less than 10);
  /// under more melanin the same carotene shows less (the epidermis screens the dermis).
  @Test("carotene yellows the skin by a few b* units and barely darkens it")
  func yellows() {
    let range = SkinParameterRange.caroteneMicromolar
    var rises: [Double] = []
    for melanosomeFraction in [0.012, 0.05, 0.2] {
      let labs = [range.lower, range.typical, 1, 3, range.upper].map {
        SkinOptics(
          parameters: SkinParameters(
            melanosomeFraction: melanosomeFraction, bloodFraction: 0.02, caroteneMicromolar: $0)
        ).skinLab
      }
      for (a, b) in zip(labs, labs.dropFirst()) {
        #expect(b.b > a.b, "Cm \(melanosomeFraction): b* \(a.b) → \(b.b)")
        #expect(abs(b.l - a.l) < 2, "Cm \(melanosomeFraction): L* \(a.l) → \(b.l)")
      }
      rises.append(labs[4].b - labs[1].b)
    }
    for rise in rises.prefix(2) { #expect(rise > 1 && rise < 10, "typical → ceiling adds b* \(rise)") }
    #expect(rises[2] < rises[1] && rises[1] < rises[0], "\(rises)")
  }

  /// Every skin region of the consultation photos (hand-drawn regions, `consultation-regions.csv`)
  /// is either fitted within ΔE00 1.0 with every parameter strictly inside its range, or reported
  /// as a likely colour cast, and then no skin drawn from inside every range (``InRangeSkins``)
  /// comes within ΔE00 1.0 either: never fitted silently at a bound.
  @Test(
    "photographed skins: fitted as skin, or no in-range skin reaches them",
    arguments: ExplicitRegionTests.rows.filter { $0.role == "skin" })
  func photographedSkins(row: ExplicitRegionTests.Row) throws {
    let fit = try SkinFit(skin: row.manual)
    if fit.inGamut {
      #expect(fit.deltaE00 <= SkinFit.gamutTolerance && fit.parametersAtBounds.isEmpty)
    } else {
      #expect(fit.gamut.advice?.contains("calibrate the photo") == true)
      let nearest = InRangeSkins.nearest(row.manual)
      #expect(nearest > SkinFit.gamutTolerance, "\(row.photo): an in-range skin at ΔE00 \(nearest)")
    }
  }

  /// The photographed skins whose colour lies inside the published survey ranges (Del Bino et al.
  /// 2006 across ITA classes: L* ≈ 25–75, a* ≈ 2–20, b* ≈ 5–25) must fit as skin: blond-hair.jpg's
  /// scalp (73.4, 14.6, 18.2) and afro-dark-skin.jpg's (63.2, 13.9, 20.8), measured by hand.
  @Test(
    "photographed skins inside the surveys fit as skin",
    arguments: ExplicitRegionTests.rows.filter {
      $0.role == "skin" && $0.manual.l <= 75 && $0.manual.a <= 20 && $0.manual.b <= 25
    })
  func surveySkinsFit(row: ExplicitRegionTests.Row) throws {
    let fit = try SkinFit(skin: row.manual)
    #expect(fit.inGamut, "\(row.photo): ΔE00 \(fit.deltaE00), at bounds \(fit.parametersAtBounds)")
    #expect(fit.deltaE00 <= SkinFit.gamutTolerance)
  }

  /// The parameterised tests above run over the fixture's skin rows: there must be some (five
  /// photos, six skin regions), and the survey filter must keep at least the two named above.
  @Test("the consultation fixture's skin regions are read")
  func fixtureRead() {
    let skins = ExplicitRegionTests.rows.filter { $0.role == "skin" }
    #expect(skins.count == 6)
    #expect(skins.filter { $0.manual.l <= 75 && $0.manual.a <= 20 && $0.manual.b <= 25 }.count >= 2)
  }
}
