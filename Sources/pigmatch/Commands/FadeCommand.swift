import ArgumentParser
import PigmentMatch

/// `pigmatch fade --palette FILE --recipe … [--skin-lab L,a,b] [--years N] [--sun …] [--smoker]`
/// → `{"timeline":[{"year","dotLab","deltaE00ToStart"}],"touchUpYear"}`.
struct FadeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fade", abstract: "How a recipe's healed dot fades year by year, and when to touch up.")

  @OptionGroup var palette: PaletteOptions

  @Option(help: ArgumentHelp(MixCommand.recipeHelp))
  var recipe: String

  @OptionGroup var fade: FadeOptions

  @OptionGroup var output: OutputOptions

  /// Default timeline length, years.
  static let defaultYears = 10

  func run() throws {
    let (palette, optics, fit) = try self.palette.loadWithSkin()
    let parsed: Recipe
    do { parsed = try Recipe.parse(recipe, palette: palette) } catch {
      throw CLIFailure.input("--recipe", error.description)
    }
    let model = DotModel(palette: palette, optics: optics)
    let timeline: FadeTimeline
    do {
      timeline = try FadeModel(conditions: fade.conditions).timeline(
        parsed, model: model, years: fade.years ?? Self.defaultYears)
    } catch { throw CLIFailure.input("--recipe", error.description) }
    if output.json {
      try JSONOutput.print(JSONContract.FadeOutput(timeline, skinFit: fit))
      return
    }
    CLI.console.print("year  healed dot                       stubble                          ΔE00 to start")
    for entry in timeline.entries {
      CLI.console.print(
        String(entry.year).padding(toLength: 6, withPad: " ", startingAt: 0)
          + Table.swatch(entry.dotLab, console: CLI.console) + Table.lab(entry.dotLab).padding(toLength: 33, withPad: " ", startingAt: 0)
          + Table.lab(entry.stubbleLab).padding(toLength: 33, withPad: " ", startingAt: 0)
          + Table.format(entry.deltaE00ToStart, 2))
    }
    if let fit { CLI.console.print(Table.rows([PaletteOptions.skinRow(fit)])) }
    if let year = timeline.touchUpYear {
      let when = timeline.touchUpYears.map {
        "after \(Table.format($0, 1)) years (\(timeline.touchUpMonths ?? 0) months), in year \(year)"
      } ?? "year \(year)"
      CLI.console.print("touch-up: \(when) (drift past ΔE00 \(Table.format(FadeModel.matchThreshold, 1)))")
    } else {
      CLI.console.print("touch-up: not within \(timeline.entries.count - 1) years")
    }
  }
}
