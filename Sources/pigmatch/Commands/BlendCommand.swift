import ArgumentParser
import PigmentMatch

/// `pigmatch blend --palette FILE --target-lab L,a,b [--skin-lab L,a,b] [--years N] [--sun …]`
/// → `{"blend":{…}}` (with `--years`, also `"meanDeltaE00"` over years 0…N).
struct BlendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blend", abstract: "The blend of stock pigments and water whose dot best matches a colour.")

  @OptionGroup var palette: PaletteOptions

  @Option(name: .customLong("target-lab"), help: "The colour to match (hair), L,a,b (CIELAB D65).")
  var targetLab: String

  @Option(name: .customLong("max-pigments"), help: "Most stock pigments in the blend (water not counted).")
  var maxPigments: Int = 3

  @OptionGroup var fade: FadeOptions

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard maxPigments >= 1 else { throw ValidationError("--max-pigments must be at least 1") }
  }

  struct Component: Encodable {
    let pigment: String
    let name: String
    let fraction: Rounded
  }

  struct Drops: Encodable {
    let pigment: String
    let drops: Int
  }

  /// DESIGN.md's blend object; `recipeDeltaE00` (the rounded recipe's ΔE00), `roundingDeltaE00`
  /// (what rounding to drops costs) and, for a fade-aware solve, `meanDeltaE00` are additions.
  struct BlendJSON: Encodable {
    let components: [Component]
    let recipe: [Drops]
    let dotLab: LabJSON
    let deltaE00: Rounded
    let recipeDeltaE00: Rounded
    let roundingDeltaE00: Rounded
    let meanDeltaE00: Rounded?
  }

  struct Report: Encodable {
    let blend: BlendJSON
    let skinModel: SkinModelJSON?
  }

  /// The contract's blend object for `solution`; `meanDeltaE00` only for a fade-aware solve.
  static func json(_ solution: BlendSolver.Solution, meanDeltaE00: Double?) -> BlendJSON {
    let blend = solution.blend
    let names = Dictionary(uniqueKeysWithValues: blend.components.map { ($0.pigment, $0.name) })
    let components = blend.roundedFractions(places: 6).map {
      Component(pigment: $0.pigment, name: names[$0.pigment] ?? $0.pigment, fraction: Rounded($0.fraction, places: 6))
    }
    return BlendJSON(
      components: components, recipe: solution.drops.entries.map { Drops(pigment: $0.pigment, drops: $0.drops) },
      dotLab: LabJSON(blend.dotLab), deltaE00: Rounded(blend.deltaE00, places: 4),
      recipeDeltaE00: Rounded(solution.drops.deltaE00, places: 4),
      roundingDeltaE00: Rounded(solution.drops.roundingDeltaE00, places: 4),
      meanDeltaE00: meanDeltaE00.map { Rounded($0, places: 4) })
  }

  /// DESIGN.md: a match is ΔE00 ≤ 1.8.
  static let matchThreshold = 1.8

  func run() throws {
    let (palette, optics, fit) = try self.palette.loadWithSkin()
    let target: Lab
    do { target = try ColourInput.parseLab(targetLab) } catch { throw CLIFailure.input("--target-lab", error.description) }
    let solver = BlendSolver(palette: palette, optics: optics, options: .init(maxPigments: maxPigments))
    let solution: BlendSolver.Solution
    let years = fade.years ?? 0
    do { solution = try solver.solve(target: target, years: years, conditions: fade.conditions) } catch { throw CLIFailure.input("--target-lab", error.description) }
    let mean = solver.meanDeltaE00(solution.blend.fractions, target: target, years: years, conditions: fade.conditions)
    if output.json {
      try JSONOutput.print(Report(
          blend: Self.json(solution, meanDeltaE00: years > 0 ? mean : nil),
          skinModel: fit.map(SkinModelJSON.init)))
      return
    }
    Self.printTable(solution, target: target, years: years, meanDeltaE00: mean, skinFit: fit)
  }

  /// The readable blend: fractions, drops, target vs healed dot, residual, fit of the skin model.
  static func printTable(
    _ solution: BlendSolver.Solution, target: Lab, years: Int, meanDeltaE00 mean: Double, skinFit fit: SkinFit?
  ) {
    let blend = solution.blend
    CLI.console.print(
      Table.rows(
        blend.roundedFractions(places: 6).map { ($0.pigment, Table.format($0.fraction * 100, 1) + " %") }))
    CLI.console.print(
      "recipe: " + solution.drops.entries.map { "\($0.drops) drop\($0.drops == 1 ? "" : "s") \($0.pigment)" }
        .joined(separator: " + ") + " (rounding costs ΔE00 \(Table.format(solution.drops.roundingDeltaE00, 2)))")
    CLI.console.print(
      Table.rows([
        ("target", Table.swatch(target, console: CLI.console) + Table.lab(target)),
        ("healed dot", Table.swatch(blend.dotLab, console: CLI.console) + Table.lab(blend.dotLab)),
        ("ΔE00", Table.format(blend.deltaE00, 2)),
      ] + (years > 0 ? [("mean ΔE00, years 0…\(years)", Table.format(mean, 2))] : [])
        + (fit.map { [PaletteOptions.skinRow($0)] } ?? [])))
    if blend.deltaE00 > Self.matchThreshold {
      CLI.console.print(
        "out of reach: this is the closest blend, ΔE00 \(Table.format(blend.deltaE00, 2)) (a match is ≤ 1.8)")
    }
  }
}
