import ArgumentParser
import PigmentMatch

/// `pigmatch inspect PHOTO`: what the file is and its mean colour.
struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect", abstract: "Describe a photo: format, size, colour profile and mean CIELAB.")

  @Argument(help: ArgumentHelp(DecodeLimitsHelp.argument))
  var photo: String

  @Flag(name: .long, help: "Accept corrupt JPEG data (decode what is there and warn).")
  var acceptCorrupt = false

  @OptionGroup var output: OutputOptions

  func run() throws {
    let inspection: PhotoInspection
    do {
      inspection = try PhotoInspection(path: photo, options: DecodeOptions(acceptCorruptData: acceptCorrupt))
    } catch {
      throw error.cliFailure
    }
    let m = inspection.metadata
    for warning in inspection.warnings { CLI.console.printError("pigmatch: \(photo): warning: \(warning)") }
    if output.json {
      try JSONOutput.print(JSONContract.InspectOutput(inspection))
      return
    }
    var kind = m.format.name
    if m.progressive { kind += m.format == .png ? " (interlaced)" : " (progressive)" }
    if m.arithmeticCoded { kind += " (arithmetic-coded)" }
    let mean = inspection.meanLab.map { Table.swatch($0, console: CLI.console) + Table.lab($0) } ?? "– (no opaque pixel)"
    CLI.console.print(inspection.path)
    CLI.console.print(
      Table.rows([
        ("format", kind), ("size", "\(m.width) × \(m.height)"), ("bit depth", "\(m.bitDepth)"),
        ("channels", "\(m.channels)"), ("colour profile", m.colorProfile), ("orientation", "\(m.orientation)"),
        ("mean colour", mean),
      ]))
  }
}
