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

  /// Loads a palette with its identity (id, vendor, name, version, fingerprint) for the JSON
  /// contract, or fails like ``load(_:)``.
  static func loadIdentified(_ path: String) throws -> (palette: Palette, identity: JSONContract.PaletteIdentity) {
    do { return try Palette.loadIdentified(path: path) } catch { throw CLIFailure.input(error.description) }
  }

  /// `pigmatch palette show FILE` → `{"schemaVersion","pigments":[{"id","name","class","lab","hex"}]}`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the pigments with their masstone dot colour (water included).")

    @Argument(help: "A palette JSON file (at most 1 MiB, nesting 32, 100 pigments).")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() throws {
      let palette = try PaletteCommand.load(file)
      let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
      let report = JSONContract.PaletteShowOutput(palette: palette, model: model)
      if output.json {
        try JSONOutput.print(report)
        return
      }
      CLI.console.print("\(palette.vendor) — \(palette.name) \(palette.version)")
      CLI.console.print(
        Table.rows(
          report.pigments.enumerated().map { index, entry in
            let lab = model.masstoneLab(componentIndex: index)
            return (
              entry.id,
              Table.swatch(lab, console: CLI.console) + Table.lab(lab) + "  \(entry.hex)  "
                + entry.name + (entry.pigmentClass.map { " (\($0))" } ?? "")
            )
          }))
      CLI.console.print("masstone: the undiluted stock as a healed dot (neutral dermis model)")
    }
  }

  /// `pigmatch palette validate FILE…` → for one file `{"schemaVersion","valid","problems":[…],"coverage":{…}}`,
  /// for several `{"schemaVersion","valid","files":[{"file","valid","problems","coverage"}]}`
  /// (``JSONContract``); exit 1 if any has errors.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check palettes for vendors: format, values, shades and hair-tone coverage.")

    @Argument(help: "One or more palette JSON files (each at most 1 MiB, nesting 32, 100 pigments).")
    var files: [String]

    @OptionGroup var output: OutputOptions

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give at least one palette file") }
    }

    func run() throws {
      var reports: [JSONContract.PaletteValidateManyOutput.File] = []
      for file in files {
        do { reports.append(.init(file: file, result: try PaletteValidator.validate(path: file))) } catch {
          throw CLIFailure.input(error.description)
        }
      }
      let many = JSONContract.PaletteValidateManyOutput(files: reports)
      let valid = many.valid
      if output.json {
        if reports.count == 1, let only = reports.first {
          try JSONOutput.print(JSONContract.PaletteValidateOutput(only.result))
        } else {
          try JSONOutput.print(many)
        }
      } else {
        for report in reports { Self.printText(report) }
        if reports.count > 1 {
          let failed = reports.filter { !$0.result.valid }.map(\.file)
          CLI.console.print(
            failed.isEmpty
              ? "all \(reports.count) palettes valid"
              : "\(failed.count) of \(reports.count) palettes NOT valid: \(failed.joined(separator: ", "))")
        }
      }
      if !valid { throw ExitCode(1) }
    }

    /// One file: valid or not, its problems, its coverage and the targets out of reach.
    static func printText(_ report: JSONContract.PaletteValidateManyOutput.File) {
      let result = report.result
      CLI.console.print("\(report.file): \(result.valid ? "valid" : "NOT valid")")
      for problem in result.problems {
        CLI.console.print(
          "  \(problem.severity.rawValue)  \(problem.pigment ?? "-")  \(problem.code.rawValue)  \(problem.message)")
      }
      guard let coverage = result.coverage else { return }
      CLI.console.print(
        "coverage: \(coverage.matched) of \(coverage.targets) hair tone × skin class targets within ΔE00 "
          + Table.format(coverage.thresholdDeltaE00, 1))
      if !coverage.unreached.isEmpty {
        CLI.console.print("out of reach (hair on skin class: closest ΔE00)")
        for miss in coverage.unreached {
          CLI.console.print(
            "  \(miss.hair) on \(miss.skin): " + (miss.deltaE00.map { Table.format($0, 2) } ?? "no blend"))
        }
      }
    }
  }
}
