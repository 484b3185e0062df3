import ArgumentParser
import PigmentMatch

/// `pigmatch blend --palette FILE --target-lab L,a,b [--skin-lab L,a,b]` → `{"blend":{…}}`.
struct BlendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blend", abstract: "The blend of stock pigments and water whose dot best matches a colour.")

  @OptionGroup var palette: PaletteOptions

  @Option(name: .customLong("target-lab"), help: "The colour to match (hair), L,a,b (CIELAB D65).")
  var targetLab: String

  @Option(name: .customLong("max-pigments"), help: "Most stock pigments in the blend (water not counted).")
  var maxPigments: Int = 3

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

  struct BlendJSON: Encodable {
    let components: [Component]
    let recipe: [Drops]
    let dotLab: LabJSON
    let deltaE00: Rounded
  }

  struct Report: Encodable { let blend: BlendJSON }

  /// DESIGN.md: a match is ΔE00 ≤ 1.8.
  static let matchThreshold = 1.8

  func run() throws {
    let (palette, optics) = try self.palette.load()
    let target: Lab
    do { target = try ColourInput.parseLab(targetLab) } catch { throw CLIFailure.input("--target-lab", error.description) }
    let solver = BlendSolver(palette: palette, optics: optics, options: .init(maxPigments: maxPigments))
    let solution: BlendSolver.Solution
    do { solution = try solver.solve(target: target) } catch { throw CLIFailure.input("--target-lab", error.description) }
    let blend = solution.blend
    let names = Dictionary(uniqueKeysWithValues: blend.components.map { ($0.pigment, $0.name) })
    let components = blend.roundedFractions(places: 6).map {
      Component(pigment: $0.pigment, name: names[$0.pigment] ?? $0.pigment, fraction: Rounded($0.fraction, places: 6))
    }
    let drops = solution.drops.entries.map { Drops(pigment: $0.pigment, drops: $0.drops) }
    if output.json {
      try JSONOutput.print(
        Report(
          blend: BlendJSON(
            components: components, recipe: drops, dotLab: LabJSON(blend.dotLab),
            deltaE00: Rounded(blend.deltaE00, places: 4))))
      return
    }
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
      ]))
    if blend.deltaE00 > Self.matchThreshold {
      CLI.console.print(
        "out of reach: this is the closest blend, ΔE00 \(Table.format(blend.deltaE00, 2)) (a match is ≤ 1.8)")
    }
  }
}
