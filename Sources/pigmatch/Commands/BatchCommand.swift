import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch batch FOLDER --palette FILE -o results.jsonl [--years N] [--sun …] [--jobs N]`:
/// `match` every photo of a folder on all cores, one JSON line per photo (``BatchRun``).
///
/// Exit status: 2 when the folder, the palette or the output's folder is missing or unreadable;
/// 0 otherwise, also when some photos failed (they are error lines in the output and counted in
/// the summary, and the next run retries them).
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Match every photo (*.jpg, *.jpeg, *.png, *.heic, *.heif, *.avif) of a folder; one JSON line per photo.",
    discussion: """
      Lines are sorted by photo path and each is the `match --json` object with "photo" first; a photo
      that fails is the line {"photo":…,"error":…} and the batch goes on. Re-running skips photos that
      already have a result line in the output and retries those with an error line.
      Regions per photo: a sidecar file beside the photo, PHOTO.regions.json (e.g. scalp.jpg.regions.json), with any of
      {"skin": [[x,y,w,h],…], "hair": [[x,y,w,h],…], "roi": [x,y,w,h], "greyCard": [x,y,w,h], "cardLab": [L,a,b],
      "colorChecker": [x1,y1,…,x4,y4], "fitzpatrick": "IV"}; unknown keys or wrong types make that photo an error line.
      A photo without a sidecar uses the region options given here, or the automatic analysis when none are. The output is
      rewritten whole and atomically (temporary file in the same folder, fsync, rename), every few
      seconds and at the end, so it is never half-written. Exit status 0 even when photos failed.
      Photo paths are the folder's canonical absolute path plus the name (byte for byte); a FIFO,
      device or broken link with a photo name gets an error line. The output is locked while the
      batch runs: a second batch on it is refused (exit 2). A failed save stops the batch (exit 2).
      """)

  @Argument(help: "A folder of PNG, JPEG, HEIC/HEIF or AVIF photos.")
  var folder: String

  @Option(help: "A palette JSON file (at most 1 MiB, nesting 32, 100 pigments).")
  var palette: String

  @Option(
    name: [.short, .long], help: "The JSONL results file (created, or resumed when it exists).")
  var output: String

  @Flag(help: "Also search sub-folders.")
  var recursive = false

  @Option(help: "Photos matched at the same time (default: all cores).")
  var jobs: Int?

  @OptionGroup var region: RegionOptions

  @OptionGroup var fade: FadeOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
  }

  /// One error line: `{"photo":…,"error":…}`.
  struct ErrorLine: Encodable {
    let photo: String
    let error: String
  }

  /// One result line: `"photo"` first, then the `match --json` keys.
  struct ResultLine: Encodable {
    let photo: String
    let match: MatchCommand.Report

    enum CodingKeys: String, CodingKey { case photo }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(photo, forKey: .photo)
      try match.encode(to: encoder)
    }
  }

  func run() throws {
    let console = CLI.console
    let loaded = try PaletteCommand.load(palette)
    guard OutputTarget.canonical(output) != nil else {
      throw CLIFailure.input(
        output, "its folder \(BatchOutputFile.folder(of: output)) does not exist")
    }
    let batch: BatchRun
    let lock: BatchOutputLock
    do {
      try OutputTarget.check(output, inputs: [("palette", palette)])
      // Held until the last save: a second batch on this output is refused, not interleaved.
      lock = try BatchOutputLock(output: output)
      BatchOutputFile.removeStaleTemporaries(of: output)
      batch = try BatchRun(folder: folder, recursive: recursive, output: output, jobs: jobs)
    } catch let error as OutputTarget.Refusal {
      throw CLIFailure.input(error.description)
    } catch {
      throw CLIFailure.input("\(error)")
    }
    defer { withExtendedLifetime(lock) {} }
    let years = fade.years ?? 0
    let defaults = Defaults(
      options: region.isEmpty ? MeasurementOptions() : try region.measurementOptions(), fitzpatrick: region.fitzpatrick)
    let pipeline = MatchPipeline(
      palette: loaded, options: .init(years: years, conditions: fade.conditions))
    let progress = BatchProgress(console: console, total: batch.pending.count)
    let summary: BatchSummary
    do {
      summary = try batch.run(
        { photo in Self.line(photo, pipeline: pipeline, years: years, defaults: defaults) },
        progress: { done, _ in progress.update(done) })
    } catch {
      progress.finish()
      throw CLIFailure.input(error.description)
    }
    progress.finish()
    printSummary(summary, jobs: batch.jobs)
  }

  /// What photos without a sidecar are measured with (the command line's region options).
  struct Defaults: Sendable {
    let options: MeasurementOptions
    let fitzpatrick: FitzpatrickConvention?
  }

  /// The output line of one photo: its match, or its error. The photo's sidecar
  /// (``RegionSidecar``) replaces `defaults` when present.
  static func line(
    _ photo: String, pipeline: MatchPipeline, years: Int, defaults: Defaults = Defaults(options: MeasurementOptions(), fitzpatrick: nil)
  ) -> BatchLine {
    do {
      var options = defaults.options
      var stated = defaults.fitzpatrick
      do {
        if let sidecar = try RegionSidecar.load(forPhoto: photo) {
          options = sidecar.options(base: ToneAnalysisOptions(minimumShortSide: defaults.options.analysis.minimumShortSide))
          stated = sidecar.fitzpatrick
        }
      } catch {
        throw CLIFailure.input(error.description)
      }
      let measurement: PhotoMeasurement
      do { measurement = try PhotoMeasurement(contentsOf: photo, options: options) } catch {
        throw CLIFailure.input(error.description)
      }
      let report: MatchReport
      do { report = try pipeline.run(measurement: measurement, fitzpatrick: stated) } catch {
        throw CLIFailure.input(photo, error.description)
      }
      let text = try JSONOutput.render(
        ResultLine(photo: photo, match: MatchCommand.json(measurement, report, years: years, stated: stated)))
      return BatchLine(photo: photo, text: text, isError: false)
    } catch {
      let message = (error as? CLIFailure)?.message ?? "\(photo): \(error)"
      let text =
        (try? JSONOutput.render(ErrorLine(photo: photo, error: message)))
        ?? "{\"photo\":\(JSONValue.quote(photo)),\"error\":\"unrenderable error\"}"
      return BatchLine(photo: photo, text: text, isError: true)
    }
  }

  private func printSummary(_ summary: BatchSummary, jobs: Int) {
    let matched = summary.processed - summary.failed
    let rate = summary.seconds > 0 ? Double(summary.processed) / summary.seconds : 0
    var rows: [(String, String)] = [
      ("photos", "\(summary.photos) in \(folder)"),
      ("processed", "\(summary.processed) (\(matched) matched, \(summary.failed) failed)"),
      ("skipped", "\(summary.skipped) (done in an earlier run)"),
      (
        "time",
        "\(Table.format(summary.seconds, 2)) s (\(Table.format(rate, 1)) photos/s, \(jobs) job\(jobs == 1 ? "" : "s"))"
      ),
      ("output", output),
    ]
    if summary.failed > 0 {
      rows.append(
        (
          "note",
          "\(summary.failed) photo(s) failed: see their \"error\" lines; a re-run retries them"
        ))
    }
    CLI.console.print("batch")
    CLI.console.print(Table.rows(rows))
  }
}
