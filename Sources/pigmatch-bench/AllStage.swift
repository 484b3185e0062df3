import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench all [PHOTO…]`: every stage of `match`, in process, medians over repeated runs,
/// on a generated 12 MP JPEG and on the Samples: decode at full size, decode downscaled (as
/// ToneAnalysis does), Lab planes of the downscaled photo, binning them into the colour histogram
/// and k-means on it, the whole tone analysis of the decoded photo, the match solve, and end to end
/// (file → ``ToneAnalysis`` → ``MatchPipeline``). Whole-process figures come from `hyperfine`.
struct AllStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "all",
    abstract: "Time every stage of match on a 12 MP JPEG and on Samples/ (medians).",
    aliases: ["e2e"])

  @Argument(
    help: "Photos to time; default: a generated 4000×3000 JPEG (q90) and Samples/*.{jpg,png}.")
  var photos: [String] = []

  @Option(help: "Palette for the solve.")
  var palette = "Palettes/iron-oxide-tones.json"

  @Option(help: "Timed runs per stage and photo (the median is reported).")
  var runs = 9

  @Flag(help: "Print one JSON object instead of a table.")
  var json = false

  /// The stages, in pipeline order.
  static let stages = [
    "decode-full", "decode-downscaled", "lab", "cluster", "analyze", "solve", "e2e",
  ]

  struct Row: Encodable {
    let photo: String
    let width: Int
    let height: Int
    /// Median milliseconds per stage, keyed as ``AllStage/stages``.
    let medianMs: [String: Double]
  }

  func run() throws {
    let inputs =
      try photos.isEmpty
      ? [SyntheticPhoto.jpegFile(width: 4000, height: 3000)] + Self.samples() : photos
    let pipeline = MatchPipeline(palette: try Palette.load(path: palette))
    let options = ToneAnalysisOptions()
    var rows: [Row] = []
    for path in inputs {
      var t: [String: Double] = [:]
      func time(_ stage: String, _ body: () throws -> Void) rethrows {
        t[stage] = Timing.median(try Timing.measure(runs: runs, body)) * 1000
      }
      var full: Photo?
      try time("decode-full") { full = try PhotoDecoder.decode(contentsOf: path) }
      let downscaledOptions = DecodeOptions(minimumShortSide: options.minimumShortSide)
      var small: Photo?
      try time("decode-downscaled") {
        small = try PhotoDecoder.decode(contentsOf: path, options: downscaledOptions)
      }
      guard let full, let small else { continue }
      var planes: LabPlanes?
      time("lab") { planes = small.labPlanes() }
      time("cluster") {
        let binned = planes.map { ColourHistogram(usablePixelsOf: $0).points() } ?? ColourHistogram.Points()
        _ = KMeans.clusterChoosingK(
          binned.points, weights: binned.weights, scatter: binned.scatter, range: 2...6, seed: options.seed)
      }
      var analysis: ToneAnalysis?
      try time("analyze") {
        analysis = try ToneAnalysis(photo: small, name: path, options: options)
      }
      if let analysis {
        time("solve") { _ = try? pipeline.run(analysis: analysis) }
      }
      try time("e2e") {
        let a = try ToneAnalysis(contentsOf: path, options: options)
        _ = try? pipeline.run(analysis: a)
      }
      rows.append(Row(photo: path, width: full.width, height: full.height, medianMs: t))
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      struct Report: Encodable {
        let runs: Int
        let stages: [String]
        let photos: [Row]
      }
      print(
        String(
          decoding: try encoder.encode(Report(runs: runs, stages: Self.stages, photos: rows)),
          as: UTF8.self))
      return
    }
    print(
      "median ms of \(runs) runs per stage (in process, \(ProcessInfo.processInfo.activeProcessorCount) cores)"
    )
    let header =
      [
        "photo".padding(toLength: 28, withPad: " ", startingAt: 0),
        "size".padding(toLength: 10, withPad: " ", startingAt: 0),
      ]
      + Self.stages.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }
    print(header.joined(separator: " "))
    func line(_ name: String, _ size: String, _ values: [String: Double]) {
      let cells = Self.stages.map {
        (values[$0].map { String(format: "%.1f", $0) } ?? "–").padding(
          toLength: 10, withPad: " ", startingAt: 0)
      }
      print(
        ([
          String(name.suffix(28)).padding(toLength: 28, withPad: " ", startingAt: 0),
          size.padding(toLength: 10, withPad: " ", startingAt: 0),
        ] + cells).joined(separator: " "))
    }
    for row in rows {
      line(
        URL(fileURLWithPath: row.photo).lastPathComponent, "\(row.width)×\(row.height)",
        row.medianMs)
    }
    let samples = rows.filter { $0.photo.contains("Samples/") }
    if samples.count > 1 {
      var medians: [String: Double] = [:]
      for stage in Self.stages {
        medians[stage] = Timing.median(samples.compactMap { $0.medianMs[stage] })
      }
      line("Samples (median of \(samples.count))", "", medians)
    }
  }

  /// `Samples/*.jpg` and `*.png`, sorted.
  static func samples() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "Samples")) ?? []
    return names.filter { BatchPhotos.isPhotoName($0) }.sorted().map { "Samples/" + $0 }
  }
}
