import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch batch FOLDER --palette FILE -o results.jsonl [--years N] [--sun …] [--dot-size MM]
/// [--spacing MM] [--jobs N]`:
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
      Lines are sorted by photo path and each is the `match --json` object with "photo" first (it records
      the palette's id, name, version and fingerprint and the options); a photo that fails is the line
      {"photo":…,"schemaVersion":…,"error":…} and the batch goes on. Re-running skips photos whose result
      line was made with the same palette file and options, recomputes those made with another palette or
      other options (--years, --sun, --smoker, --dot-size, --spacing, region options; or an older schema version), and retries those with an error line. With --csv FILE,
      the whole output is also written as CSV: a header row, one row per photo (RFC 4180 quoting).
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

  @Option(help: "Also write the results as CSV to this file (one row per photo, a header row; RFC 4180).")
  var csv: String?

  @Flag(help: "Also search sub-folders.")
  var recursive = false

  @Option(help: "Photos matched at the same time (default: all cores).")
  var jobs: Int?

  @OptionGroup var region: RegionOptions

  @OptionGroup var fade: FadeOptions

  @OptionGroup var geometry: DotGeometryOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
  }

  func run() throws {
    let console = CLI.console
    let (loaded, identity) = try PaletteCommand.loadIdentified(palette)
    let pipeline = MatchPipeline(
      palette: loaded, options: geometry.pipelineOptions(years: fade.years ?? 0, conditions: fade.conditions))
    let settings = JSONContract.BatchSettings(
      palette: identity, options: JSONContract.RunOptions(pipeline.options, regionOptions: region.arguments))
    guard OutputTarget.canonical(output) != nil else {
      throw CLIFailure.input(
        output, "its folder \(BatchOutputFile.folder(of: output)) does not exist")
    }
    let batch: BatchRun
    let lock: BatchOutputLock
    do {
      try OutputTarget.check(output, inputs: [("palette", palette)])
      if let csv { try OutputTarget.check(csv, inputs: [("palette", palette), ("output", output)]) }
      // Held until the last save: a second batch on this output is refused, not interleaved.
      lock = try BatchOutputLock(output: output)
      BatchOutputFile.removeStaleTemporaries(of: output)
      batch = try BatchRun(folder: folder, recursive: recursive, output: output, jobs: jobs, settings: settings)
    } catch let error as OutputTarget.Refusal {
      throw CLIFailure.input(error.description)
    } catch {
      throw CLIFailure.input("\(error)")
    }
    defer { withExtendedLifetime(lock) {} }
    let defaults = Defaults(
      options: region.isEmpty ? MeasurementOptions() : try region.measurementOptions(), fitzpatrick: region.fitzpatrick)
    let progress = BatchProgress(console: console, total: batch.pending.count)
    let summary: BatchSummary
    do {
      summary = try batch.run(
        { photo in Self.line(photo, pipeline: pipeline, settings: settings, defaults: defaults) },
        progress: { done, _ in progress.update(done) })
    } catch {
      progress.finish()
      throw CLIFailure.input(error.description)
    }
    progress.finish()
    if let csv { try writeCSV(csv) }
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
    _ photo: String, pipeline: MatchPipeline, settings: JSONContract.BatchSettings,
    defaults: Defaults = Defaults(options: MeasurementOptions(), fitzpatrick: nil)
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
      return try BatchLine.result(
        photo: photo,
        match: JSONContract.MatchOutput(
          measurement, report, palette: settings.palette, options: settings.options, stated: stated))
    } catch {
      return BatchLine.error(photo: photo, message: (error as? CLIFailure)?.message ?? "\(photo): \(error)")
    }
  }

  /// Writes the CSV of the whole output (this run's lines and the kept ones) atomically.
  private func writeCSV(_ path: String) throws {
    let text: String
    do { text = String(decoding: try RegularFile.read(output), as: UTF8.self) } catch {
      throw CLIFailure.input(output, "cannot read the results back for the CSV (\(error.reason))")
    }
    do { try OutputTarget.check(path, inputs: [("palette", palette), ("output", output)]) } catch {
      throw CLIFailure.input(error.description)
    }
    try AtomicFile.write(Array(BatchCSV.render(jsonl: text).utf8), to: path)
  }

  private func printSummary(_ summary: BatchSummary, jobs: Int) {
    let matched = summary.processed - summary.failed
    let rate = summary.seconds > 0 ? Double(summary.processed) / summary.seconds : 0
    var rows: [(String, String)] = [
      ("photos", "\(summary.photos) in \(folder)"),
      ("processed", "\(summary.processed) (\(matched) matched, \(summary.failed) failed)"),
      ("skipped", "\(summary.skipped) (done in an earlier run with this palette and these options)"),
      (
        "time",
        "\(Table.format(summary.seconds, 2)) s (\(Table.format(rate, 1)) photos/s, \(jobs) job\(jobs == 1 ? "" : "s"))"
      ),
      ("output", output),
    ]
    if summary.recomputed > 0 {
      rows.append(
        ("recomputed", "\(summary.recomputed) (their earlier lines were made with another palette or other options)"))
    }
    if let csv { rows.append(("csv", csv)) }
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
