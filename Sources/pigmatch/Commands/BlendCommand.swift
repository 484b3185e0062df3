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

  struct Component: Encodable {
    let pigment: String
    let name: String
    let fraction: Rounded
  }

  struct Drops: Encodable {
    let pigment: String
    let drops: Int
  }

  /// DESIGN.md's blend object; `dilution` (1 ml pigment in N ml water), `recipeDeltaE00` (the
  /// rounded recipe's ΔE00), `roundingDeltaE00` (what rounding to drops costs) and, for a
  /// fade-aware solve, `meanDeltaE00` are additions; so are `mix` (the blend as mixed: "undiluted",
  /// "1 ml Carbon Black in 4 ml water (1:4)") and, with `--volume`, `cup` (ml for that cup).
  struct BlendJSON: Encodable {
    let components: [Component]
    let recipe: [Drops]
    let dilution: DilutionJSON?
    let dotLab: LabJSON
    let deltaE00: Rounded
    let recipeDeltaE00: Rounded
    let roundingDeltaE00: Rounded
    let meanDeltaE00: Rounded?
    let mix: String
    let cup: CupJSON?
  }

  /// Schema version 2 (``MatchContract``); `reach` is null when the target is matched; `skinModel`
  /// is the fitted skin when `--skin-lab` is given.
  struct Report: Encodable {
    let schemaVersion: Int
    let target: TargetJSON
    let blend: BlendJSON
    let contrast: ContrastJSON
    let reach: ReachJSON?
    let skinModel: SkinModelJSON?

    enum CodingKeys: String, CodingKey { case schemaVersion, target, blend, contrast, reach, skinModel }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(schemaVersion, forKey: .schemaVersion)
      try container.encode(target, forKey: .target)
      try container.encode(blend, forKey: .blend)
      try container.encode(contrast, forKey: .contrast)
      try container.encode(reach, forKey: .reach)  // null when within reach
      try container.encodeIfPresent(skinModel, forKey: .skinModel)
    }
  }

  /// The contract's blend object for `solution`; `meanDeltaE00` only for a fade-aware solve.
  static func json(_ solution: BlendSolver.Solution, meanDeltaE00: Double?, cup: CupRecipe? = nil) -> BlendJSON {
    let blend = solution.blend
    let names = Dictionary(uniqueKeysWithValues: blend.components.map { ($0.pigment, $0.name) })
    let components = blend.roundedFractions(places: 6).map {
      Component(pigment: $0.pigment, name: names[$0.pigment] ?? $0.pigment, fraction: Rounded($0.fraction, places: 6))
    }
    return BlendJSON(
      components: components, recipe: solution.drops.entries.map { Drops(pigment: $0.pigment, drops: $0.drops) },
      dilution: blend.dilution.map(DilutionJSON.init),
      dotLab: LabJSON(blend.dotLab), deltaE00: Rounded(blend.deltaE00, places: 4),
      recipeDeltaE00: Rounded(solution.drops.deltaE00, places: 4),
      roundingDeltaE00: Rounded(solution.drops.roundingDeltaE00, places: 4),
      meanDeltaE00: meanDeltaE00.map { Rounded($0, places: 4) }, mix: blend.asMixed, cup: cup.map(CupJSON.init))
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
        Report(
          schemaVersion: MatchContract.schemaVersion, target: TargetJSON(target),
          blend: Self.json(solution, meanDeltaE00: years > 0 ? mean : nil, cup: cup),
          contrast: ContrastJSON(skin: skin, target: goal, dot: solution.blend.dotLab),
          reach: reach.map(ReachJSON.init), skinModel: fit.map(SkinModelJSON.init)))
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
