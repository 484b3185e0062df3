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
      already have a result line in the output and retries those with an error line. The output is
      rewritten whole and atomically (temporary file in the same folder, fsync, rename), every few
      seconds and at the end, so it is never half-written. Exit status 0 even when photos failed.
      """)

  @Argument(help: "A folder of PNG, JPEG, HEIC/HEIF or AVIF photos.")
  var folder: String

  @Option(help: "A palette JSON file.")
  var palette: String

  @Option(
    name: [.short, .long], help: "The JSONL results file (created, or resumed when it exists).")
  var output: String

  @Flag(help: "Also search sub-folders.")
  var recursive = false

  @Option(help: "Photos matched at the same time (default: all cores).")
  var jobs: Int?

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
    let outputFolder = URL(fileURLWithPath: output).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: outputFolder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw CLIFailure.input(output, "its folder \(outputFolder) does not exist")
    }
    let batch: BatchRun
    do {
      batch = try BatchRun(folder: folder, recursive: recursive, output: output, jobs: jobs)
    } catch {
      throw CLIFailure.input(error.description)
    }
    let years = fade.years ?? 0
    let pipeline = MatchPipeline(
      palette: loaded, options: .init(years: years, conditions: fade.conditions))
    let progress = BatchProgress(console: console, total: batch.pending.count)
    let summary: BatchSummary
    do {
      summary = try batch.run(
        { photo in Self.line(photo, pipeline: pipeline, years: years) },
        progress: { done, _ in progress.update(done) })
    } catch {
      progress.finish()
      throw CLIFailure.input(error.description)
    }
    progress.finish()
    printSummary(summary, jobs: batch.jobs)
  }

  /// The output line of one photo: its match, or its error.
  static func line(_ photo: String, pipeline: MatchPipeline, years: Int) -> BatchLine {
    do {
      let analysis: ToneAnalysis
      do { analysis = try ToneAnalysis(contentsOf: photo) } catch {
        throw CLIFailure.input(error.description)
      }
      let report: MatchReport
      do { report = try pipeline.run(analysis: analysis) } catch {
        throw CLIFailure.input(photo, error.description)
      }
      let text = try JSONOutput.render(
        ResultLine(photo: photo, match: MatchCommand.json(analysis, report, years: years)))
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
