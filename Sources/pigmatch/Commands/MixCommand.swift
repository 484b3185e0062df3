import ArgumentParser
import PigmentMatch

/// Shared `--palette` and `--skin-lab` options of `mix` and `blend`.
struct PaletteOptions: ParsableArguments {
  @Option(help: "A palette JSON file (at most 1 MiB, nesting 32, 100 pigments).")
  var palette: String

  @Option(name: .customLong("skin-lab"), help: "The client's skin as L,a,b (CIELAB D65); default: a neutral dermis.")
  var skinLab: String?

  /// The palette and the dot optics: the layered skin model fitted to `--skin-lab`, else a neutral
  /// dermis.
  func load() throws -> (Palette, any DotOptics) {
    let (palette, optics, _) = try loadWithSkin()
    return (palette, optics)
  }

  /// The palette, the dot optics and the skin fit (nil without `--skin-lab`).
  func loadWithSkin() throws -> (Palette, any DotOptics, SkinFit?) {
    let palette = try PaletteCommand.load(self.palette)
    guard let fit = try skinFit() else { return (palette, NeutralDermisDotOptics(), nil) }
    return (palette, fit.optics, fit)
  }

  /// A table row describing the fitted skin model.
  static func skinRow(_ fit: SkinFit) -> (String, String) {
    let p = fit.optics.parameters
    return (
      "skin model",
      "fit ΔE00 \(Table.format(fit.deltaE00, 2)) (melanosomes \(Table.format(p.melanosomeFraction * 100, 1)) %, "
        + "pheomelanin share \(Table.format(p.pheomelaninFraction * 100, 0)) %, "
        + "blood \(Table.format(p.bloodFraction * 100, 2)) % at \(Table.format(p.oxygenSaturation * 100, 0)) % O₂, "
        + "dermal scattering ×\(Table.format(p.dermalScatteringScale, 2)) (λ^−\(Table.format(p.scatteringPower, 2))), "
        + "epidermis \(Table.format(p.epidermisThickness * 1000, 0)) µm, "
        + "carotene \(Table.format(p.caroteneMicromolar, 1)) µmol/L)"
        + (fit.parametersAtBounds.isEmpty ? "" : "; at a bound: " + fit.parametersAtBounds.joined(separator: ", "))
        + (fit.gamut.advice.map { "; " + $0 } ?? "")
    )
  }

  /// The skin model fitted to `--skin-lab`, or nil without one.
  func skinFit() throws -> SkinFit? {
    guard let skinLab else { return nil }
    let lab: Lab
    do { lab = try ColourInput.parseLab(skinLab) } catch { throw CLIFailure.input("--skin-lab", error.description) }
    do { return try SkinFit(skin: lab) } catch { throw CLIFailure.input("--skin-lab", error.description) }
  }
}

/// `pigmatch mix --palette FILE --recipe id=fraction,… [--skin-lab L,a,b]` → `{"dotLab","stubbleLab"}`.
struct MixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mix", abstract: "The healed dot and stubble look of a recipe (forward model).")

  @OptionGroup var palette: PaletteOptions

  @Option(help: ArgumentHelp(MixCommand.recipeHelp))
  var recipe: String

  @OptionGroup var output: OutputOptions

  /// The `--recipe` help of `mix` and `fade`: the forms ``Recipe/parse(_:palette:)`` reads.
  static let recipeHelp =
    "The recipe: cb-black=1:4 (1 ml pigment in 4 ml water), cb-black=20%,water=rest, "
    + "cb-black=3drops,water=12drops, '3 drops cb-black + 12 drops water', cb-black=undiluted, "
    + "or fractions cb-black=0.25,water=0.75."

  func run() throws {
    let (palette, optics, fit) = try self.palette.loadWithSkin()
    let parsed: Recipe
    do { parsed = try Recipe.parse(recipe, palette: palette) } catch {
      throw CLIFailure.input("--recipe", error.description)
    }
    let model = DotModel(palette: palette, optics: optics)
    let dot: Lab
    let stubble: Lab
    do {
      dot = try model.lab(parsed)
      stubble = try model.stubbleLab(parsed)
    } catch { throw CLIFailure.input("--recipe", error.description) }
    if output.json {
      try JSONOutput.print(JSONContract.MixOutput(dot: dot, stubble: stubble, skinFit: fit))
      return
    }
    CLI.console.print(
      Table.rows([
        ("healed dot", Table.swatch(dot, console: CLI.console) + Table.lab(dot) + "  " + SRGB8(clamping: dot).hex),
        ("stubble", Table.swatch(stubble, console: CLI.console) + Table.lab(stubble) + "  " + SRGB8(clamping: stubble).hex),
      ] + (fit.map { [PaletteOptions.skinRow($0)] } ?? [])))
  }
}
