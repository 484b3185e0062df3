import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// ΔE00 values recomputed from the same Labs agree to floating-point error.
private let consistency = 1e-9

@Suite("Match pipeline")
struct MatchPipelineTests {
  @Test("skin → blend → hyperpigmentation → fade is consistent", arguments: SkinClassReference.all)
  func consistent(skin: SkinClassReference) throws {
    let palette = try ShippedPalettes.load("iron-oxide-tones.json")
    let hair = Lab(l: max(skin.lab.l - 15, 22), a: 3, b: 6)
    let report = try MatchPipeline(palette: palette).run(skin: skin.lab, hair: hair)
    #expect(report.skinFit.deltaE00 <= 1.0)
    #expect(report.hair == hair && report.matchTarget.kind == "follicle")
    #expect(report.target == FollicleTarget(hair: hair, optics: report.skinFit.optics).lab)
    #expect((report.reach == nil) == (report.solution.blend.deltaE00 <= FadeModel.matchThreshold))
    let first = try #require(report.fade.entries.first)
    #expect(first.year == 0 && report.fade.entries.count == 11)
    #expect(abs((first.deltaE00ToTarget ?? -1) - report.solution.blend.deltaE00) < consistency)
    #expect(DeltaE.ciede2000(first.dotLab, report.solution.blend.dotLab) < consistency)
    #expect(report.hyperpigmentation.risk == Hyperpigmentation.risk(ita: ITA(report.skinFit.modelLab), coverage: report.hyperpigmentation.coverage))
  }

  @Test("--years sets the fade horizon and the fade-aware objective")
  func years() throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let pipeline = MatchPipeline(palette: palette, options: .init(years: 4))
    let report = try pipeline.run(skin: TypicalFadeCase.skin, hair: Lab(l: 48, a: 1, b: 3))
    #expect(report.fade.entries.count == 5)
  }

  @Test("an implausible skin is a typed error")
  func implausible() throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    #expect(throws: MatchError.self) {
      try MatchPipeline(palette: palette).run(skin: Lab(l: 50, a: -30, b: 0), hair: Lab(l: 30, a: 2, b: 3))
    }
  }

  @Test("report: measured numbers", .disabled(if: ProcessInfo.processInfo.environment["PIGMATCH_REPORT"] == nil))
  func report() throws {
    for sample in try SkinSample.all() {
      let fit = try SkinFit(skin: sample.lab)
      let p = fit.optics.parameters
      print(String(format: "fit %@ [%@] ΔE00 %.4f Cm %.3f B %.4f scale %.2f", sample.name, ITA(sample.lab).category.rawValue, fit.deltaE00, p.melanosomeFraction, p.bloodFraction, p.dermalScatteringScale))
    }
    let optics = try SkinFit(skin: TypicalFadeCase.skin).optics
    for file in ShippedPalettes.files {
      let solver = BlendSolver(palette: try ShippedPalettes.load(file), optics: optics)
      for target in [Lab(l: 46, a: 1, b: 3), Lab(l: 50, a: 2, b: 5), Lab(l: 48, a: 0, b: 1), Lab(l: 53, a: 3, b: 7)] {
        let d = try solver.solve(target: target)
        let a = try solver.solve(target: target, years: 5)
        print(String(format: "%@ target %.0f,%.0f,%.0f day-one mean %.3f (day-one ΔE %.3f) fade-aware mean %.3f (day-one ΔE %.3f)", file, target.l, target.a, target.b,
          solver.meanDeltaE00(d.blend.fractions, target: target, years: 5), d.blend.deltaE00,
          solver.meanDeltaE00(a.blend.fractions, target: target, years: 5), a.blend.deltaE00))
      }
    }
  }
}
