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
      let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
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

  /// `pigmatch palette validate FILE…` → for one file `{"valid","problems":[…],"coverage":{…}}`, for
  /// several `{"valid","files":[{"file","valid","problems","coverage"}]}`; exit 1 if any has errors.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check palettes for vendors: format, values, shades and hair-tone coverage.")

    @Argument(help: "One or more palette JSON files (each at most 1 MiB, nesting 32, 100 pigments).")
    var files: [String]

    @OptionGroup var output: OutputOptions

    /// One file's result in a several-file report.
    struct FileReport: Encodable {
      let file: String
      let result: PaletteValidation

      enum CodingKeys: String, CodingKey { case file, valid, problems, coverage }
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(result.valid, forKey: .valid)
        try container.encode(result.problems, forKey: .problems)
        try container.encode(result.coverage, forKey: .coverage)
      }
    }

    struct Report: Encodable {
      let valid: Bool
      let files: [FileReport]
    }

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give at least one palette file") }
    }

    func run() throws {
      var reports: [FileReport] = []
      for file in files {
        do { reports.append(FileReport(file: file, result: try PaletteValidator.validate(path: file))) } catch {
          throw CLIFailure.input(error.description)
        }
      }
      let valid = reports.allSatisfy(\.result.valid)
      if output.json {
        if reports.count == 1, let only = reports.first {
          try JSONOutput.print(only.result)
        } else {
          try JSONOutput.print(Report(valid: valid, files: reports))
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
    static func printText(_ report: FileReport) {
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
