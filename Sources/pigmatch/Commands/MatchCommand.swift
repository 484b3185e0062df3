import ArgumentParser
import PigmentMatch

/// `pigmatch match PHOTO --palette FILE [--years N] [--sun …] [--smoker]`: analyse the photo, then
/// the blend for its hair's follicle under its skin, the hyperpigmentation risk and the fade (``MatchPipeline``).
struct MatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "From a consultation photo: the blend, its healed look, hyperpigmentation risk and fade.")

  @Argument(help: ArgumentHelp(DecodeLimitsHelp.argument))
  var photo: String

  @Option(help: "A palette JSON file (at most 1 MiB, nesting 32, 100 pigments).")
  var palette: String

  @OptionGroup var region: RegionOptions

  @OptionGroup var fade: FadeOptions

  @OptionGroup var cup: CupOptions

  @OptionGroup var output: OutputOptions

  struct HealingJSON: Encodable {
    let week: Int
    let stubbleLab: LabJSON
  }

  /// The skin type the risk was judged on: "stated" (--fitzpatrick), "measured" (calibrated,
  /// confident photo) or "unconfirmed" (the highest risk of the plausible types).
  struct SkinTypeJSON: Encodable {
    let fitzpatrick: String
    let source: String
    let measured: String?
    let plausible: [String]
    let summary: String

    enum CodingKeys: String, CodingKey { case fitzpatrick, source, measured, plausible, summary }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(fitzpatrick, forKey: .fitzpatrick)
      try container.encode(source, forKey: .source)
      try container.encode(measured, forKey: .measured)
      try container.encode(plausible, forKey: .plausible)
      try container.encode(summary, forKey: .summary)
    }
  }

  struct HyperpigmentationJSON: Encodable {
    let risk: String
    let skinType: SkinTypeJSON?
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
    /// What the touch-up year was judged against: "target" (the follicle), or "start" (the healed
    /// dot's own drift) when the follicle is out of reach from day one.
    let touchUpBasis: String
    /// The touch-up time in years, one decimal, and in months (null when none).
    let touchUp: TouchUpJSON

    enum CodingKeys: String, CodingKey { case timeline, touchUpYear, touchUpBasis }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(timeline, forKey: .timeline)
      try container.encode(touchUpYear, forKey: .touchUpYear)  // null when none
      try container.encode(touchUpBasis, forKey: .touchUpBasis)
      try touchUp.encode(to: encoder)
    }
  }

  /// `schemaVersion` (``MatchContract``), then DESIGN.md's keys in its order; `warnings` repeats the
  /// analysis' warnings (low confidence first) beside the recipe; `contrast`, `reach` (null when
  /// matched) and `skinModel` (the fitted skin) are additions.
  struct Report: Encodable {
    let schemaVersion: Int
    let analysis: AnalyzeCommand.Report
    let target: TargetJSON
    let warnings: [String]
    let blend: BlendCommand.BlendJSON
    let contrast: ContrastJSON
    let reach: ReachJSON?
    let hyperpigmentation: HyperpigmentationJSON
    let fade: FadeJSON
    let skinModel: SkinModelJSON

    enum CodingKeys: String, CodingKey {
      case schemaVersion, analysis, target, warnings, blend, contrast, reach, hyperpigmentation, fade, skinModel
    }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(schemaVersion, forKey: .schemaVersion)
      try container.encode(analysis, forKey: .analysis)
      try container.encode(target, forKey: .target)
      try container.encode(warnings, forKey: .warnings)
      try container.encode(blend, forKey: .blend)
      try container.encode(contrast, forKey: .contrast)
      try container.encode(reach, forKey: .reach)  // null when within reach
      try container.encode(hyperpigmentation, forKey: .hyperpigmentation)
      try container.encode(fade, forKey: .fade)
      try container.encode(skinModel, forKey: .skinModel)
    }
  }

  func run() throws {
    let loaded = try PaletteCommand.load(palette)
    let measurement = try region.measure(photo)
    let years = fade.years ?? 0
    let pipeline = MatchPipeline(
      palette: loaded, options: .init(years: years, conditions: fade.conditions))
    let report: MatchReport
    do { report = try pipeline.run(measurement: measurement, fitzpatrick: region.fitzpatrick) } catch {
      throw CLIFailure.input(photo, error.description)
    }
    let cup = try self.cup.cup(
      report.solution.blend, model: DotModel(palette: loaded, optics: report.skinFit.optics))
    if output.json {
      try JSONOutput.print(Self.json(measurement, report, years: years, stated: region.fitzpatrick, cup: cup))
      return
    }
    let mean = report.fade.meanDeltaE00ToTarget ?? .nan
    printTable(measurement, report, years: years, mean: mean, cup: cup)
  }

  /// The `--json` object of a match (also one line of `batch`).
  static func json(
    _ measurement: PhotoMeasurement, _ report: MatchReport, years: Int, stated: FitzpatrickConvention?,
    cup: CupRecipe? = nil
  ) -> Report
  {
    let mean = report.fade.meanDeltaE00ToTarget ?? .nan
    let h = report.hyperpigmentation
    return Report(
      schemaVersion: MatchContract.schemaVersion,
      analysis: AnalyzeCommand.report(measurement, stated: stated), target: TargetJSON(report.matchTarget),
      warnings: measurement.analysis.warnings.map(\.description),
      blend: BlendCommand.json(report.solution, meanDeltaE00: years > 0 ? mean : nil, cup: cup),
      contrast: ContrastJSON(skin: report.skinLab, target: report.target, dot: report.solution.blend.dotLab),
      reach: report.reach.map(ReachJSON.init),
      hyperpigmentation: HyperpigmentationJSON(
        risk: h.risk.rawValue,
        skinType: h.skinType.map {
          SkinTypeJSON(
            fitzpatrick: $0.fitzpatrick.roman, source: $0.source.rawValue, measured: $0.measured?.roman,
            plausible: $0.plausible.map(\.roman), summary: $0.summary)
        }, haloDeltaE00: Rounded(h.haloDeltaE00, places: 3), weeks: h.weeks,
        advice: h.advice,
        healing: h.healing.map { HealingJSON(week: $0.week, stubbleLab: LabJSON($0.stubbleLab)) },
        basis: Hyperpigmentation.basis),
      fade: FadeJSON(
        timeline: report.fade.entries.map {
          FadeEntryJSON(
            year: $0.year, dotLab: LabJSON($0.dotLab),
            deltaE00ToTarget: Rounded($0.deltaE00ToTarget ?? .nan, places: 4))
        }, touchUpYear: report.fade.touchUpYear,
        touchUpBasis: report.fade.touchUpAgainstTarget ? "target" : "start",
        touchUp: TouchUpJSON(report.fade)),
      skinModel: SkinModelJSON(report.skinFit))
  }

  private func printTable(
    _ measurement: PhotoMeasurement, _ report: MatchReport, years: Int, mean: Double, cup: CupRecipe?
  ) {
    let console = CLI.console
    let analysis = measurement.analysis
    let skin = analysis.skin
    console.print(photo)
    if measurement.isLowConfidence, let first = analysis.warnings.first { console.print("⚠ " + first.description) }
    console.print("  " + measurement.calibration.summary)
    console.print(
      Table.rows([
        ("skin", Table.swatch(skin.lab, console: console) + Table.lab(skin.lab) + "  ITA° \(Table.format(skin.ita.degrees, 1)) (\(skin.itaCategory.rawValue))"),
        ("hair", Table.swatch(analysis.hair?.lab ?? report.target, console: console) + Table.lab(analysis.hair?.lab ?? report.target)),
      ]))
    for warning in analysis.warnings where !(measurement.isLowConfidence && warning == analysis.warnings.first) {
      console.print("  warning: \(warning)")
    }
    console.print("\nblend (the healed dot against the hair's follicle seen through this skin)")
    BlendCommand.printTable(
      report.solution, target: report.matchTarget, skin: report.skinLab, years: years, meanDeltaE00: mean,
      skinFit: report.skinFit, reach: report.reach, cup: cup)
    let h = report.hyperpigmentation
    console.print("\nhyperpigmentation")
    console.print(
      Table.rows(
        [
          ("risk", h.risk.rawValue),
          ("skin type", h.skinType?.summary ?? "ITA° class of the skin"),
          ("halo", "ΔE00 \(Table.format(h.haloDeltaE00, 2)) for about \(h.weeks) weeks (melanin ×\(Table.format(h.melaninFactor, 1)), \(Table.format(h.haloWidthInRadii, 0)) dot radii)"),
        ] + h.healing.map {
          ("week \($0.week)", Table.swatch($0.stubbleLab, console: console) + Table.lab($0.stubbleLab) + "  (ΔE00 \(Table.format($0.deltaE00ToSettled, 2)) from settled)")
        }))
    for line in h.advice { console.print("  • " + line) }
    console.print("  note: " + Hyperpigmentation.basis)
    console.print("\nfade (ΔE00 to the follicle)")
    console.print(
      Table.rows(
        report.fade.entries.map {
          ("year \($0.year)", Table.swatch($0.dotLab, console: console) + Table.lab($0.dotLab) + "  ΔE00 " + Table.format($0.deltaE00ToTarget ?? .nan, 2))
        }))
    if let year = report.fade.touchUpYear {
      console.print("touch-up: year \(year)" + (report.fade.touchUpAgainstTarget ? "" : " (drift from the healed dot; the follicle itself is out of reach)"))
    } else {
      console.print("touch-up: not within \(report.fade.entries.count - 1) years")
    }
  }
}
