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

  struct Report: Encodable {
    let path: String
    let format: String
    let width: Int
    let height: Int
    let bitDepth: Int
    let channels: Int
    let colorProfile: String
    let orientation: Int
    let meanLab: LabJSON?

    enum CodingKeys: String, CodingKey {
      case path, format, width, height, bitDepth, channels, colorProfile, orientation, meanLab
    }

    /// Every contract key, `meanLab` null when no pixel is fully opaque.
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(path, forKey: .path)
      try c.encode(format, forKey: .format)
      try c.encode(width, forKey: .width)
      try c.encode(height, forKey: .height)
      try c.encode(bitDepth, forKey: .bitDepth)
      try c.encode(channels, forKey: .channels)
      try c.encode(colorProfile, forKey: .colorProfile)
      try c.encode(orientation, forKey: .orientation)
      if let meanLab { try c.encode(meanLab, forKey: .meanLab) } else { try c.encodeNil(forKey: .meanLab) }
    }
  }

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
      try JSONOutput.print(
        Report(
          path: inspection.path, format: m.format.rawValue, width: m.width, height: m.height, bitDepth: m.bitDepth,
          channels: m.channels, colorProfile: m.colorProfile, orientation: m.orientation,
          meanLab: inspection.meanLab.map(LabJSON.init)))
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
