import ArgumentParser
import PigmentMatch

/// `pigmatch palette show|validate FILE`: a palette's shades, and checks for vendors.
struct PaletteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "palette", abstract: "Show or validate a pigment palette.",
    subcommands: [Show.self, Validate.self])

  /// Loads a palette or fails with `pigmatch: FILE: what is wrong` (exit 2).
  static func load(_ path: String) throws -> Palette {
    do { return try Palette.load(path: path) } catch { throw CLIFailure.input(error.description) }
  }

  /// `pigmatch palette show FILE` → `{"pigments":[{"id","name","class","lab","hex"}]}`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the pigments with their masstone dot colour (water included).")

    @Argument(help: "A palette JSON file (at most 1 MiB, nesting 32, 100 pigments).")
    var file: String

    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
      let id: String
      let name: String
      let pigmentClass: String?
      let lab: LabJSON
      let hex: String

      enum CodingKeys: String, CodingKey { case id, name, pigmentClass = "class", lab, hex }

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(pigmentClass, forKey: .pigmentClass)
        try container.encode(lab, forKey: .lab)
        try container.encode(hex, forKey: .hex)
      }
    }

    struct Report: Encodable { let pigments: [Entry] }

    func run() throws {
      let palette = try PaletteCommand.load(file)
      let model = DotModel(palette: palette)
      var entries: [(Entry, Lab)] = []
      for index in 0..<model.componentCount {
        let lab = model.masstoneLab(componentIndex: index)
        let isWater = index == palette.pigments.count
        let pigment = isWater ? nil : palette.pigments[index]
        entries.append(
          (
            Entry(
              id: pigment?.id ?? Palette.waterID, name: pigment?.name ?? palette.diluent.name,
              pigmentClass: pigment?.pigmentClass?.rawValue, lab: LabJSON(lab),
              hex: SRGB8(clamping: lab).hex), lab
          ))
      }
      if output.json {
        try JSONOutput.print(Report(pigments: entries.map(\.0)))
        return
      }
      CLI.console.print("\(palette.vendor) — \(palette.name) \(palette.version)")
      CLI.console.print(
        Table.rows(
          entries.map { entry, lab in
            (
              entry.id,
              Table.swatch(lab, console: CLI.console) + Table.lab(lab) + "  \(entry.hex)  "
                + entry.name + (entry.pigmentClass.map { " (\($0))" } ?? "")
            )
          }))
      CLI.console.print("masstone: the undiluted stock as a healed dot (neutral dermis model)")
    }
  }

  /// `pigmatch palette validate FILE` → `{"valid","problems":[…],"coverage":{…}}`; exit 1 on errors.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a palette for vendors: format, values, shades and hair-tone coverage.")

    @Argument(help: "A palette JSON file (at most 1 MiB, nesting 32, 100 pigments).")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() throws {
      let result: PaletteValidation
      do { result = try PaletteValidator.validate(path: file) } catch {
        throw CLIFailure.input(error.description)
      }
      if output.json {
        try JSONOutput.print(result)
      } else {
        CLI.console.print("\(file): \(result.valid ? "valid" : "NOT valid")")
        for problem in result.problems {
          CLI.console.print(
            "  \(problem.severity.rawValue)  \(problem.pigment ?? "-")  \(problem.code.rawValue)  \(problem.message)")
        }
        if let coverage = result.coverage {
          CLI.console.print(
            "coverage: \(coverage.matched) of \(coverage.targets) hair tone × skin class targets within ΔE00 "
              + Table.format(coverage.thresholdDeltaE00, 1))
        }
      }
      if !result.valid { throw ExitCode(1) }
    }
  }
}
