import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch report PHOTO --palette FILE -o OUT.html [--png] [--client …] [--practitioner …]
/// [--date yyyy-mm-dd] [--notes …] [--dot-size MM] [--spacing MM] [--years N] [--sun …] [--smoker]
/// [--volume 5ml]`:
/// the match as one self-contained HTML page (``HTMLReport``, drawn from the `match --json` contract
/// object), or with `--png` a swatch sheet
/// (``SwatchSheet``). Decodes, calls the library, writes the file atomically.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the match as a self-contained HTML page (or a PNG swatch sheet with --png).")

  @Argument(help: ArgumentHelp(DecodeLimitsHelp.argument))
  var photo: String

  @Option(help: "A palette JSON file (at most 1 MiB, nesting 32, 100 pigments).")
  var palette: String

  @Option(name: [.customShort("o"), .long], help: "The file to write (HTML, or PNG with --png).")
  var output: String

  @Flag(help: "Write a PNG swatch sheet instead of the HTML page.")
  var png = false

  @OptionGroup var record: RecordOptions

  @OptionGroup var geometry: DotGeometryOptions

  @OptionGroup var region: RegionOptions

  @OptionGroup var fade: FadeOptions

  @OptionGroup var cup: CupOptions

  func run() throws {
    // Before any work: the output must not be the photo, the palette, a link, a device or a FIFO.
    do { try OutputTarget.check(output, inputs: [("photo", photo), ("palette", palette)]) } catch {
      throw CLIFailure.input(error.description)
    }
    let (loaded, identity) = try PaletteCommand.loadIdentified(palette)
    let options = ToneAnalysisOptions()
    let decoded: Photo
    do {
      decoded = try PhotoDecoder.decode(
        contentsOf: photo, options: DecodeOptions(minimumShortSide: options.minimumShortSide))
    } catch {
      throw error.cliFailure
    }
    let measurement = try region.measure(decoded, name: photo)
    let pipeline = MatchPipeline(
      palette: loaded, options: geometry.pipelineOptions(years: fade.years ?? 0, conditions: fade.conditions))
    let report: MatchReport
    do { report = try pipeline.run(measurement: measurement, fitzpatrick: region.fitzpatrick) } catch {
      throw CLIFailure.input(photo, error.description)
    }

    let clinical: ClinicalRecord
    do { clinical = try record.clinicalRecord() } catch { throw CLIFailure.input("--date", "\(error)") }
    let cup = try self.cup.cup(
      report.solution.blend, model: DotModel(palette: loaded, optics: report.skinFit.optics))
    // The page and the sheet are drawn from the same contract object `match --json` writes.
    let contract = JSONContract.MatchOutput(
      measurement, report, palette: identity,
      options: JSONContract.RunOptions(pipeline.options, regionOptions: region.arguments), stated: region.fitzpatrick,
      cup: cup)
    let bytes: [UInt8]
    do {
      if png {
        bytes = try SwatchSheet(match: contract).png()
      } else {
        let page = HTMLReport(
          photoName: URL(fileURLWithPath: photo).lastPathComponent, match: contract,
          thumbnail: try ReportThumbnail(photo: decoded, regions: measurement.analysis.regions), record: clinical)
        bytes = Array(page.render().utf8)
      }
    } catch {
      throw CLIFailure.input(output, error.description)
    }
    do { try OutputTarget.check(output, inputs: [("photo", photo), ("palette", palette)]) } catch {
      throw CLIFailure.input(error.description)
    }
    try AtomicFile.write(bytes, to: output)
  }
}
