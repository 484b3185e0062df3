import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch report PHOTO --palette FILE -o OUT.html [--png] [--years N] [--sun …] [--smoker]`:
/// the match as one self-contained HTML page (``HTMLReport``), or with `--png` a swatch sheet
/// (``SwatchSheet``). Decodes, calls the library, writes the file atomically.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the match as a self-contained HTML page (or a PNG swatch sheet with --png).")

  @Argument(help: ArgumentHelp(DecodeLimitsHelp.argument))
  var photo: String

  @Option(help: "A palette JSON file.")
  var palette: String

  @Option(name: [.customShort("o"), .long], help: "The file to write (HTML, or PNG with --png).")
  var output: String

  @Flag(help: "Write a PNG swatch sheet instead of the HTML page.")
  var png = false

  @OptionGroup var fade: FadeOptions

  func run() throws {
    let loaded = try PaletteCommand.load(palette)
    let options = ToneAnalysisOptions()
    let decoded: Photo
    do {
      decoded = try PhotoDecoder.decode(
        contentsOf: photo, options: DecodeOptions(minimumShortSide: options.minimumShortSide))
    } catch {
      throw error.cliFailure
    }
    let analysis: ToneAnalysis
    do { analysis = try ToneAnalysis(photo: decoded, name: photo, options: options) } catch {
      throw CLIFailure.input(error.description)
    }
    let pipeline = MatchPipeline(
      palette: loaded, options: .init(years: fade.years ?? 0, conditions: fade.conditions))
    let report: MatchReport
    do { report = try pipeline.run(analysis: analysis) } catch {
      throw CLIFailure.input(photo, error.description)
    }

    let bytes: [UInt8]
    do {
      if png {
        bytes = try SwatchSheet(report: report).png()
      } else {
        let page = HTMLReport(
          photoName: URL(fileURLWithPath: photo).lastPathComponent, analysis: analysis,
          match: report,
          palette: loaded, conditions: fade.conditions,
          thumbnail: try ReportThumbnail(photo: decoded))
        bytes = Array(page.render().utf8)
      }
    } catch {
      throw CLIFailure.input(output, error.description)
    }
    try AtomicFile.write(bytes, to: output)
  }
}
