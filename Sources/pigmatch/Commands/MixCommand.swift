import ArgumentParser
import PigmentMatch

/// Shared `--palette` and `--skin-lab` options of `mix` and `blend`.
struct PaletteOptions: ParsableArguments {
  @Option(help: "A palette JSON file.")
  var palette: String

  @Option(name: .customLong("skin-lab"), help: "The client's skin as L,a,b (CIELAB D65); default: a neutral dermis.")
  var skinLab: String?

  /// The palette and the dot optics (skin background if `--skin-lab` is given).
  func load() throws -> (Palette, any DotOptics) {
    let palette = try PaletteCommand.load(self.palette)
    guard let skinLab else { return (palette, NeutralDermisDotOptics()) }
    let lab: Lab
    do { lab = try ColourInput.parseLab(skinLab) } catch { throw CLIFailure.input("--skin-lab", error.description) }
    guard let optics = SkinBackgroundDotOptics(skinLab: lab) else {
      throw CLIFailure.input("--skin-lab", "'\(skinLab)' is not a skin colour the model can reproduce")
    }
    return (palette, optics)
  }
}

/// `pigmatch mix --palette FILE --recipe id=fraction,… [--skin-lab L,a,b]` → `{"dotLab","stubbleLab"}`.
struct MixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mix", abstract: "The healed dot and stubble look of a recipe (forward model).")

  @OptionGroup var palette: PaletteOptions

  @Option(help: "Fractions by volume, e.g. cb-black=0.25,water=0.75 (sum 1 within 1e-6).")
  var recipe: String

  @OptionGroup var output: OutputOptions

  struct Report: Encodable {
    let dotLab: LabJSON
    let stubbleLab: LabJSON
  }

  func run() throws {
    let (palette, optics) = try self.palette.load()
    let parsed: Recipe
    do { parsed = try Recipe.parse(recipe, palette: palette) } catch {
      throw CLIFailure.input("--recipe", error.description)
    }
    let model = DotModel(palette: palette, optics: optics)
    let fractions = parsed.fractions(in: palette)
    let dot = model.lab(fractions)
    let stubble = model.stubbleLab(fractions)
    if output.json {
      try JSONOutput.print(Report(dotLab: LabJSON(dot), stubbleLab: LabJSON(stubble)))
      return
    }
    CLI.console.print(
      Table.rows([
        ("healed dot", Table.swatch(dot, console: CLI.console) + Table.lab(dot) + "  " + SRGB8(clamping: dot).hex),
        ("stubble", Table.swatch(stubble, console: CLI.console) + Table.lab(stubble) + "  " + SRGB8(clamping: stubble).hex),
      ]))
  }
}
