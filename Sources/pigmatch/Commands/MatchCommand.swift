import ArgumentParser
import PigmentMatch

/// `pigmatch match PHOTO --palette FILE [--years N] [--sun …] [--smoker] [--dot-size MM] [--spacing MM]`:
/// analyse the photo, then the blend for its hair's follicle under its skin, the hyperpigmentation
/// risk and the fade (``MatchPipeline``), for one dot geometry.
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

  @OptionGroup var geometry: DotGeometryOptions

  @OptionGroup var cup: CupOptions

  @OptionGroup var output: OutputOptions

  func run() throws {
    let (loaded, identity) = try PaletteCommand.loadIdentified(palette)
    let measurement = try region.measure(photo)
    let years = fade.years ?? 0
    let pipeline = MatchPipeline(
      palette: loaded, options: geometry.pipelineOptions(years: years, conditions: fade.conditions))
    let report: MatchReport
    do { report = try pipeline.run(measurement: measurement, fitzpatrick: region.fitzpatrick) } catch {
      throw CLIFailure.input(photo, error.description)
    }
    let cup = try self.cup.cup(
      report.solution.blend, model: DotModel(palette: loaded, optics: report.skinFit.optics))
    if output.json {
      let options = JSONContract.RunOptions(pipeline.options, regionOptions: region.arguments)
      try JSONOutput.print(
        JSONContract.MatchOutput(
          measurement, report, palette: identity, options: options, stated: region.fitzpatrick, cup: cup))
      return
    }
    let mean = report.fade.meanDeltaE00ToTarget ?? .nan
    printTable(measurement, report, years: years, mean: mean, cup: cup)
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
          ("dots", "\(Table.format(report.conditions.dotDiameter, 3)) mm, \(Table.format(report.conditions.spacing, 2)) mm apart: \(Table.format(h.coverage * 100, 1)) % of the skin"),
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
