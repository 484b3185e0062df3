import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// SMP practice pinned against the follicle target, with a one-pigment carbon palette so that every
/// recipe is one unambiguous dilution (`Fixtures/carbon-only.json`: `cb-black` of the shipped
/// Carbon Greyscale palette, alone with water).
///
/// Sources — SMP clinics' published guidance, as quoted in issue 14:
/// - practitioners match the *shaved follicle*: "if you match the colour of a shaved hair, it will
///   not match the long hair (unless your hair colour is black)"; "we use a shade of grey, not
///   brown"; dots are blended with the client's own shaved follicles;
/// - dilution: little or no water for black hair; 6:1, 18:1, 20:1 and more (ml water per ml
///   pigment) as hair lightens; about 20:1 and up for blond, light-brown and grey hair on light skin.
/// Hair colours: the documented natural hair tones of ``HairReference/coverageTargets`` (inside
/// Lozano et al. 2017's instrumental ranges) and white hair as photographed
/// (`face_recognition/two_people.jpg`, right face, hair read by the analyser: L* 81.8, a* 2.7,
/// b* 0.6). Skins: one per ITA class (``SkinClassReference``, Del Bino 2006).
@Suite("SMP practice (follicle target, carbon only)")
struct SMPPracticeTests {
  static func palette() throws -> Palette {
    try Palette.load(path: PigmentsTestSupport.fixture("carbon-only.json").path)
  }

  static func hair(_ name: String) -> Lab {
    HairReference.coverageTargets.first { $0.name == name }?.lab ?? Lab(l: .nan, a: .nan, b: .nan)
  }
  static let white = Lab(l: 81.8, a: 2.7, b: 0.6)

  /// The solved recipe for `hair` on `skin`: its dilution (ml water per ml carbon) and ΔE00.
  static func recipe(hair: Lab, skin: Lab) throws -> (dilution: Double, deltaE00: Double) {
    let report = try MatchPipeline(palette: try palette()).run(skin: skin, hair: hair)
    let dilution = try #require(report.dilution)
    return (dilution.waterPerPigment, report.solution.blend.deltaE00)
  }

  /// A match is ΔE00 ≤ 1.8 (DESIGN.md); on dark skin observers tolerate ≈ 2.6 (Leow 2006).
  static func threshold(_ skin: SkinClassReference) -> Double {
    skin.category == .dark || skin.category == .brown ? 2.6 : FadeModel.matchThreshold
  }

  /// "Little or no water for black hair": at most 2 ml water per ml pigment.
  static let blackMostWater = 2.0
  /// "About 20:1 and up" for grey hair on light skin; the issue asks for 15:1 or more.
  static let greyLeastWater = 15.0
  /// Dilutions closer than this count as equal when checking that they rise (0.2 ml per ml: below
  /// what a practitioner measures with a pipette in a 1 ml cap).
  static let sameDilution = 0.2

  @Test("black hair takes undiluted or at most 2:1 diluted carbon, within the match threshold",
    arguments: SkinClassReference.all)
  func blackHair(skin: SkinClassReference) throws {
    for name in ["jet black", "natural black"] {
      let r = try Self.recipe(hair: Self.hair(name), skin: skin.lab)
      #expect(r.dilution <= Self.blackMostWater, "\(name) on \(skin.category): 1:\(r.dilution)")
      #expect(r.deltaE00 <= Self.threshold(skin), "\(name) on \(skin.category): ΔE00 \(r.deltaE00)")
    }
  }

  @Test("the dilution rises as the hair lightens", arguments: SkinClassReference.all)
  func risesAsHairLightens(skin: SkinClassReference) throws {
    let ladder = ["natural black", "dark brown", "medium brown", "light brown", "dark blond"]
    let dilutions = try ladder.map { try Self.recipe(hair: Self.hair($0), skin: skin.lab).dilution }
    for i in 1..<dilutions.count {
      #expect(dilutions[i] >= dilutions[i - 1] - Self.sameDilution, "\(ladder[i]) on \(skin.category): \(dilutions)")
    }
    #expect(dilutions.last ?? 0 >= 6, "light hair takes 6:1 and more: \(dilutions)")
  }

  /// Practice adds water as the skin lightens. The like-with-like model does not reproduce this:
  /// the follicle and the dot sit under the same skin, so the matching ink absorbs about as much as
  /// the shaft whatever the skin (measured with the Monte Carlo calibration of issue 14: medium
  /// brown 2.8 → 3.2, light brown 6.8 → 6.3, dark blond 13.3 → 11.4 ml water per ml from dark to
  /// very light skin).
  ///
  /// Checked, not adopted: the shaved follicle's geometry. A razor cuts the shaft at its orifice
  /// and the shaft rises obliquely through the infundibulum, a canal across the epidermis (Vogt,
  /// McElwee & Blume-Peytavi 2008, "Biology of the hair follicle", in Blume-Peytavi et al. (eds.),
  /// *Hair Growth and Disorders*, Springer; orifices and infundibula measured in cyanoacrylate
  /// biopsies of seven body sites by Otberg et al. 2004, J. Invest. Dermatol. 122:14), while the dot
  /// lies under the whole epidermis. Averaging the shaft's look over depth 0…dot depth (a straight oblique shaft covers
  /// equal projected area per depth; 4-point Gauss–Legendre), by the same optics as the dot:
  /// - the shaft layer under a thinner epidermis (tissue around it melanin-free): light brown on dark
  ///   skin went to 1:48 (the canal replaces the melanised epidermis, so the follicle lightens on
  ///   dark skin) and black hair on very light skin out of reach (ΔE00 4.6 > 1.8);
  /// - a keratin slab of the shaft's mean chord inside the tissue (epidermis above and below it):
  ///   every dark follicle out of carbon's reach on light skin (black ΔE00 7.5–8.0 on very light,
  ///   3.0–3.4 on dark), light brown still falling as the skin lightens (16.2 dark → 4.9 very light).
  /// In this optics a shaft nearer the surface than the dot loses the scattering veil that makes the
  /// healed dot lighter and blue-grey; that loss is largest where the epidermis is clearest, so the
  /// follicle darkens most on the lightest skin — the opposite of the practice rule — and black hair
  /// stops being matched by undiluted black, which practice and ``blackHair(skin:)`` require.
  /// Recorded as a known issue, not tuned away.
  @Test("the dilution rises as the skin lightens (known issue: not reproduced)",
    arguments: ["medium brown", "light brown", "dark blond"])
  func risesAsSkinLightens(hair: String) throws {
    let skins = SkinClassReference.all.reversed()  // dark → very light
    let dilutions = try skins.map { try Self.recipe(hair: Self.hair(hair), skin: $0.lab).dilution }
    withKnownIssue("like with like: the dilution follows the hair, not the skin") {
      for i in 1..<dilutions.count {
        #expect(dilutions[i] >= dilutions[i - 1] - Self.sameDilution, "\(hair): \(dilutions)")
      }
      // … and it rises measurably: at least 1 ml more water per ml on very light than on dark skin.
      #expect((dilutions.last ?? 0) >= (dilutions.first ?? 0) + 1, "\(hair): \(dilutions)")
    }
  }

  @Test("white hair on light skin takes 15:1 or more",
    arguments: SkinClassReference.all.filter { [.veryLight, .light].contains($0.category) })
  func whiteHairOnLightSkin(skin: SkinClassReference) throws {
    let r = try Self.recipe(hair: Self.white, skin: skin.lab)
    #expect(r.dilution >= Self.greyLeastWater, "white on \(skin.category): 1:\(r.dilution)")
  }

  /// Silver grey (L* 60, neutral) reads as a mixture of pigmented and white fibres (canities), and
  /// the pigmented fibres' follicles are dark: measured 1:9.5 (very light) and 1:9.0 (light skin).
  /// The hair fit gives 72 % pigmented fibres of eumelanin 1.07 (fit ΔE00 0.94); the follicle is
  /// L* 50.2 on very light skin, where a 1:15 carbon dot heals to L* 55.1 (1:9 to 49.4): practice
  /// needs the grey follicle about 5 L* lighter.
  /// Checked: mixing the fibres of the hair mass by two-constant Kubelka–Munk (as pre-coloured
  /// fibre blends mix; Wei, Wan & Li 2017, Dyes Pigm. 147:544) instead of by area would need fewer
  /// dark fibres for L* 60 and does give ≥ 15:1 here, but with melanin-linear K such a blend is
  /// brown, not grey: silver grey and salt-and-pepper no longer fit (ΔE00 9.7 and 8.3), because a
  /// pigmented fibre is opaque along its chord (σa·πd/4 ≫ 1) and absorbs neutrally. Capping a
  /// fibre's absorption per crossing at what enters it (1 − e^(−2σa·l)) would keep the blend neutral
  /// but also caps a mass of black fibres at L* ≈ 40, far above black hair's measured L* 15–16
  /// (Lozano et al. 2017): the fibre mass's black limit rests on the cuticle's specular reflection
  /// being left out of the measurement, and a fibre-by-fibre model would have to carry that too.
  /// Not adopted. The shaved-follicle geometry checked above darkens the follicles on light skin
  /// (silver grey on very light skin 1:9.5 → 1:9.0 with its first form): no help either.
  @Test("grey hair on light skin takes 15:1 or more (known issue: about 1:9 here)",
    arguments: SkinClassReference.all.filter { [.veryLight, .light].contains($0.category) })
  func greyHairOnLightSkin(skin: SkinClassReference) throws {
    let r = try Self.recipe(hair: Self.hair("silver grey"), skin: skin.lab)
    #expect(r.dilution >= 6, "grey still takes more water than brown: 1:\(r.dilution)")
    withKnownIssue("grey = pigmented + white fibres; the pigmented follicles are dark") {
      #expect(r.dilution >= Self.greyLeastWater, "silver grey on \(skin.category): 1:\(r.dilution)")
    }
  }
}

/// Not a test of behaviour: the dilution table of ``SMPPracticeTests``' palette, hairs and skins,
/// printed for the issue notes (run with PIGMATCH_REPORT=1; skipped otherwise).
@Suite("Report, not a test: SMP practice dilution table")
struct SMPPracticeReport {
  /// The dilution table (hair × skin class → ml water per ml carbon, and ΔE00), for the issue's
  /// before/after note. Prints only and asserts nothing; run with PIGMATCH_REPORT=1.
  @Test("report (prints, asserts nothing): dilution table",
    .disabled(if: ProcessInfo.processInfo.environment["PIGMATCH_REPORT"] == nil))
  func dilutionTable() throws {
    let hairs = HairReference.coverageTargets.map { ($0.name, $0.lab) } + [("white", SMPPracticeTests.white)]
    print("hair | " + SkinClassReference.all.map { "\($0.category)" }.joined(separator: " | "))
    for (name, lab) in hairs {
      let cells = try SkinClassReference.all.map { skin in
        let report = try MatchPipeline(palette: try SMPPracticeTests.palette()).run(skin: skin.lab, hair: lab)
        let dilution = report.dilution.map { String(format: "%.1f", $0.waterPerPigment) } ?? "water only"
        return dilution + String(format: " (%.2f)", report.solution.blend.deltaE00)
      }
      print("\(name) | " + cells.joined(separator: " | "))
    }
  }
}
