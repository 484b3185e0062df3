import ArgumentParser
import PigmentMatch

/// `pigmatch blend --palette FILE (--target-lab L,a,b | --hair-lab L,a,b) [--skin-lab L,a,b]
/// [--years N] [--sun …]` → `{"schemaVersion","target","blend","contrast","reach"}` (with `--years`,
/// also `"meanDeltaE00"` over years 0…N in the blend).
struct BlendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blend", abstract: "The blend of stock pigments and water whose dot best matches a colour.")

  @OptionGroup var palette: PaletteOptions

  @Option(name: .customLong("target-lab"), help: "The healed-dot colour to match directly, L,a,b (CIELAB D65).")
  var targetLab: String?

  @Option(
    name: .customLong("hair-lab"),
    help: "The client's hair colour, L,a,b (CIELAB D65): match its follicle seen through the skin.")
  var hairLab: String?

  @Option(name: .customLong("max-pigments"), help: "Most stock pigments in the blend (water not counted).")
  var maxPigments: Int = 3

  @OptionGroup var fade: FadeOptions

  @OptionGroup var cup: CupOptions

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard maxPigments >= 1 else { throw ValidationError("--max-pigments must be at least 1") }
    guard (targetLab == nil) != (hairLab == nil) else {
      throw ValidationError("give exactly one of --target-lab (a healed-dot colour) or --hair-lab (the client's hair)")
    }
  }

  func run() throws {
    let (palette, optics, fit) = try self.palette.loadWithSkin()
    let target: MatchTarget
    let option = hairLab == nil ? "--target-lab" : "--hair-lab"
    do {
      if let hairLab {
        target = .follicle(FollicleTarget(hair: try ColourInput.parseLab(hairLab), optics: optics))
      } else {
        target = .direct(try ColourInput.parseLab(targetLab ?? ""))
      }
    } catch { throw CLIFailure.input(option, error.description) }
    let goal = target.lab
    let solver = BlendSolver(palette: palette, optics: optics, options: .init(maxPigments: maxPigments))
    let solution: BlendSolver.Solution
    let years = fade.years ?? 0
    do { solution = try solver.solve(target: goal, years: years, conditions: fade.conditions) } catch { throw CLIFailure.input(option, error.description) }
    let mean = solver.meanDeltaE00(solution.blend.fractions, target: goal, years: years, conditions: fade.conditions)
    let reach =
      solution.blend.deltaE00 > FadeModel.matchThreshold
      ? PaletteReach(model: solver.model, target: goal, closest: solution.blend.dotLab) : nil
    let skin = solver.model.skinLab
    let cup = try self.cup.cup(solution.blend, model: solver.model)
    if output.json {
      try JSONOutput.print(
        JSONContract.BlendOutput(
          target: target, blend: JSONContract.Blend(solution, meanDeltaE00: years > 0 ? mean : nil, cup: cup),
          skin: skin, dot: solution.blend.dotLab, reach: reach, skinFit: fit))
      return
    }
    Self.printTable(
      solution, target: target, skin: skin, years: years, meanDeltaE00: mean, skinFit: fit, reach: reach, cup: cup)
  }

  /// The readable blend: fractions, drops and dilution, hair/target vs healed dot and their
  /// contrast with the skin, residual, fit of the skin model, and the reach when out of reach.
  static func printTable(
    _ solution: BlendSolver.Solution, target: MatchTarget, skin: Lab, years: Int, meanDeltaE00 mean: Double,
    skinFit fit: SkinFit?, reach: PaletteReach?, cup: CupRecipe? = nil
  ) {
    let blend = solution.blend
    CLI.console.print(
      Table.rows(
        blend.roundedFractions(places: 6).map { ($0.pigment, Table.format($0.fraction * 100, 1) + " %") }))
    CLI.console.print(
      "recipe: " + solution.drops.text + " (rounding costs ΔE00 \(Table.format(solution.drops.roundingDeltaE00, 2)))")
    CLI.console.print("dilution: " + blend.asMixed)
    if let cup {
      CLI.console.print(
        "for a \(Table.format(cup.volume, 1)) ml cup: \(cup.text) (rounding costs ΔE00 \(Table.format(cup.roundingDeltaE00, 2)))")
    }
    CLI.console.print(
      Table.rows(
        TargetTable.rows(target: target, dot: blend.dotLab, deltaE00: blend.deltaE00, skin: skin)
          + (years > 0 ? [("mean ΔE00, years 0…\(years)", Table.format(mean, 2))] : [])
          + (fit.map { [PaletteOptions.skinRow($0)] } ?? [])))
    if let reach {
      for line in TargetTable.reachLines(reach, deltaE00: blend.deltaE00) { CLI.console.print(line) }
    } else if blend.deltaE00 > FadeModel.matchThreshold {
      CLI.console.print(
        "out of reach: this is the closest blend, ΔE00 \(Table.format(blend.deltaE00, 2)) (a match is ≤ \(Table.format(FadeModel.matchThreshold, 1)))")
    }
  }
}
