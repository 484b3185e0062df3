import ArgumentParser
import PigmentMatch

/// `pigmatch match PHOTO --palette FILE [--years N] [--sun …] [--smoker]`: analyse the photo, then
/// the blend for its hair under its skin, the hyperpigmentation risk and the fade (``MatchPipeline``).
struct MatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "From a consultation photo: the blend, its healed look, hyperpigmentation risk and fade.")

  @Argument(help: ArgumentHelp(DecodeLimitsHelp.argument))
  var photo: String

  @Option(help: "A palette JSON file.")
  var palette: String

  @OptionGroup var region: RegionOptions

  @OptionGroup var fade: FadeOptions

  @OptionGroup var output: OutputOptions

  struct TargetJSON: Encodable { let lab: LabJSON }

  struct SkinModelJSON: Encodable {
    let fitDeltaE00: Rounded
    let melanosomeFraction: Rounded
    let bloodFraction: Rounded
    let dermalScatteringScale: Rounded
  }

  struct HealingJSON: Encodable {
    let week: Int
    let stubbleLab: LabJSON
  }

  struct HyperpigmentationJSON: Encodable {
    let risk: String
    let haloDeltaE00: Rounded
    let weeks: Int
    let advice: [String]
    let healing: [HealingJSON]
    let basis: String
  }

  struct FadeEntryJSON: Encodable {
    let year: Int
    let dotLab: LabJSON
    let deltaE00ToTarget: Rounded
  }

  struct FadeJSON: Encodable {
    let timeline: [FadeEntryJSON]
    let touchUpYear: Int?
    /// What the touch-up year was judged against: "target" (the hair), or "start" (the healed dot's
    /// own drift) when the hair is out of reach from day one.
    let touchUpBasis: String

    enum CodingKeys: String, CodingKey { case timeline, touchUpYear, touchUpBasis }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(timeline, forKey: .timeline)
      try container.encode(touchUpYear, forKey: .touchUpYear)  // null when none
      try container.encode(touchUpBasis, forKey: .touchUpBasis)
    }
  }

  /// DESIGN.md's keys in its order; `skinModel` (the fitted skin) is an addition, last.
  struct Report: Encodable {
    let analysis: AnalyzeCommand.Report
    let target: TargetJSON
    let blend: BlendCommand.BlendJSON
    let hyperpigmentation: HyperpigmentationJSON
    let fade: FadeJSON
    let skinModel: SkinModelJSON
  }

  func run() throws {
    let loaded = try PaletteCommand.load(palette)
    let analysis = try region.analyse(photo)
    let years = fade.years ?? 0
    let pipeline = MatchPipeline(
      palette: loaded, options: .init(years: years, conditions: fade.conditions))
    let report: MatchReport
    do { report = try pipeline.run(analysis: analysis) } catch { throw CLIFailure.input(photo, error.description) }
    if output.json {
      try JSONOutput.print(Self.json(analysis, report, years: years))
      return
    }
    let mean = report.fade.meanDeltaE00ToTarget ?? .nan
    printTable(analysis, report, years: years, mean: mean)
  }

  /// The `--json` object of a match (also one line of `batch`).
  static func json(_ analysis: ToneAnalysis, _ report: MatchReport, years: Int) -> Report {
    let mean = report.fade.meanDeltaE00ToTarget ?? .nan
    let p = report.skinFit.optics.parameters
    let h = report.hyperpigmentation
    return Report(
      analysis: AnalyzeCommand.report(analysis), target: TargetJSON(lab: LabJSON(report.target)),
      blend: BlendCommand.json(report.solution, meanDeltaE00: years > 0 ? mean : nil),
      hyperpigmentation: HyperpigmentationJSON(
        risk: h.risk.rawValue, haloDeltaE00: Rounded(h.haloDeltaE00, places: 3), weeks: h.weeks,
        advice: h.advice,
        healing: h.healing.map { HealingJSON(week: $0.week, stubbleLab: LabJSON($0.stubbleLab)) },
        basis: Hyperpigmentation.basis),
      fade: FadeJSON(
        timeline: report.fade.entries.map {
          FadeEntryJSON(
            year: $0.year, dotLab: LabJSON($0.dotLab),
            deltaE00ToTarget: Rounded($0.deltaE00ToTarget ?? .nan, places: 4))
        }, touchUpYear: report.fade.touchUpYear,
        touchUpBasis: report.fade.touchUpAgainstTarget ? "target" : "start"),
      skinModel: SkinModelJSON(
        fitDeltaE00: Rounded(report.skinFit.deltaE00, places: 4),
        melanosomeFraction: Rounded(p.melanosomeFraction, places: 4),
        bloodFraction: Rounded(p.bloodFraction, places: 5),
        dermalScatteringScale: Rounded(p.dermalScatteringScale, places: 3)))
  }

  private func printTable(_ analysis: ToneAnalysis, _ report: MatchReport, years: Int, mean: Double) {
    let console = CLI.console
    let skin = analysis.skin
    console.print(photo)
    console.print(
      Table.rows([
        ("skin", Table.swatch(skin.lab, console: console) + Table.lab(skin.lab) + "  ITA° \(Table.format(skin.ita.degrees, 1)) (\(skin.itaCategory.rawValue))"),
        ("hair (target)", Table.swatch(report.target, console: console) + Table.lab(report.target)),
      ]))
    console.print("\nblend")
    BlendCommand.printTable(report.solution, target: report.target, years: years, meanDeltaE00: mean, skinFit: report.skinFit)
    let h = report.hyperpigmentation
    console.print("\nhyperpigmentation")
    console.print(
      Table.rows(
        [
          ("risk", h.risk.rawValue),
          ("halo", "ΔE00 \(Table.format(h.haloDeltaE00, 2)) for about \(h.weeks) weeks (melanin ×\(Table.format(h.melaninFactor, 1)), \(Table.format(h.haloWidthInRadii, 0)) dot radii)"),
        ] + h.healing.map {
          ("week \($0.week)", Table.swatch($0.stubbleLab, console: console) + Table.lab($0.stubbleLab) + "  (ΔE00 \(Table.format($0.deltaE00ToSettled, 2)) from settled)")
        }))
    for line in h.advice { console.print("  • " + line) }
    console.print("  note: " + Hyperpigmentation.basis)
    console.print("\nfade (ΔE00 to the hair)")
    console.print(
      Table.rows(
        report.fade.entries.map {
          ("year \($0.year)", Table.swatch($0.dotLab, console: console) + Table.lab($0.dotLab) + "  ΔE00 " + Table.format($0.deltaE00ToTarget ?? .nan, 2))
        }))
    if let year = report.fade.touchUpYear {
      console.print("touch-up: year \(year)" + (report.fade.touchUpAgainstTarget ? "" : " (drift from the healed dot; the hair itself is out of reach)"))
    } else {
      console.print("touch-up: not within \(report.fade.entries.count - 1) years")
    }
  }
}
