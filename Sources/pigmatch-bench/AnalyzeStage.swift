import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench analyze [PHOTO…]`: the target of issue 13 — the whole `analyze` of a JPEG as
/// `pigmatch analyze` does it (file → ``PhotoMeasurement`` with no region or calibration given:
/// DCT-scaled decode with steps 1–2 on the rows as they come, the analysis, then the colour-cast
/// check's skin fit) against a full `djpeg -outfile /dev/null` decode of the same file (whole
/// process), run interleaved so that load from other jobs falls on both alike. Also times the
/// parts: the downscaled decode alone, the measurement of the decoded photo, the tone analysis
/// alone (file → ``ToneAnalysis``, without the check: what this stage timed before), and what
/// `pigmatch match` adds to the measurement (``MatchPipeline/run(measurement:fitzpatrick:)`` with
/// `--palette`; issue 14: ≤ 50 ms). Medians over `--runs`; the ratios are taken per round (e2e and
/// djpeg of the same round) and given with their quartiles; CPU time (all threads, from
/// `getrusage`) per e2e and per djpeg, which load from other jobs does not inflate as wall time;
/// and the load average before and after.
struct AnalyzeStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Time file → analysis against a full djpeg decode, interleaved (medians).")

  @Argument(help: "JPEGs to time; default: a generated 4000×3000 JPEG (q90, 4:2:0).")
  var photos: [String] = []

  @Option(help: "Timed rounds (each round runs every configuration once; the median is reported).")
  var runs = 21

  @Option(help: "The djpeg to compare with; none found: only our stages are timed.")
  var djpeg = "/usr/bin/djpeg"

  @Option(help: "Only time this stage, `runs` times (for a profiler): e2e, decode, analysis, tones, match.")
  var only: String?

  @Option(help: "The analysis's minimumShortSide (default: ToneAnalysisOptions'), e.g. 375 to let a 12 MP JPEG decode at 1/8.")
  var minimumShortSide: Int?

  @Option(help: "The palette `match` is timed with.")
  var palette = "Palettes/iron-oxide-tones.json"

  @Flag(help: "Print one JSON object instead of a table.")
  var json = false

  @Flag(help: "Print each photo's analysis in full precision instead of timing (to compare builds).")
  var dump = false

  struct Row: Encodable {
    let photo: String
    /// Median milliseconds: djpeg (whole process), decode (downscaled, in process), analysis (the
    /// measurement of the decoded photo), e2e (file → measurement, as `pigmatch analyze`), tones
    /// (file → tone analysis, without the colour-cast check), match (what `match` adds to the
    /// measurement; absent when the photo has no hair).
    let medianMs: [String: Double]
    /// Median over rounds of e2e / djpeg of the same round (nil without djpeg).
    let ratio: Double?
    /// Quartiles of that per-round ratio.
    let ratioQuartiles: [Double]?
    /// The same for tones / djpeg (the ratio this stage gave before it timed the check).
    let tonesRatio: Double?
    let tonesRatioQuartiles: [Double]?
    /// Median CPU milliseconds (every thread) of one e2e, and of one djpeg process.
    let cpuMs: [String: Double]
    /// The fastest round's milliseconds per stage: the least disturbed by other jobs.
    let minMs: [String: Double]
  }

  func run() throws {
    let inputs = try photos.isEmpty ? [SyntheticPhoto.jpegFile(width: 4000, height: 3000)] : photos
    let options = minimumShortSide.map { ToneAnalysisOptions(minimumShortSide: $0) } ?? ToneAnalysisOptions()
    let measurementOptions = MeasurementOptions(analysis: options)
    let decodeOptions = DecodeOptions(minimumShortSide: options.minimumShortSide)
    let pipeline = MatchPipeline(palette: try Palette.load(path: palette))
    let hasDjpeg = FileManager.default.isExecutableFile(atPath: djpeg)
    if dump {
      for path in inputs { print(Self.dump(try ToneAnalysis(contentsOf: path, options: options), path)) }
      return
    }
    let loadBefore = CPUTime.loadAverage()
    var rows: [Row] = []
    for path in inputs {
      let decoded = try PhotoDecoder.decode(contentsOf: path, options: decodeOptions)
      let measured = try PhotoMeasurement(contentsOf: path, options: measurementOptions)
      let stages: [(String, () throws -> Void)] = [
        ("djpeg", { try Self.runDjpeg(djpeg, path) }),
        ("decode", { _ = try PhotoDecoder.decode(contentsOf: path, options: decodeOptions) }),
        ("analysis", { _ = try PhotoMeasurement(photo: decoded, name: path, options: measurementOptions) }),
        ("tones", { _ = try ToneAnalysis(contentsOf: path, options: options) }),
        ("e2e", { _ = try PhotoMeasurement(contentsOf: path, options: measurementOptions) }),
        ("match", { _ = try pipeline.run(measurement: measured) }),
      ].filter { hasDjpeg || $0.0 != "djpeg" }.filter { measured.analysis.hair != nil || $0.0 != "match" }
        .filter { only == nil || $0.0 == only }
      var times: [String: [Double]] = [:]
      var cpu: [String: [Double]] = [:]
      var ratios: [Double] = []
      var tonesRatios: [Double] = []
      for round in -1..<runs {  // round −1 warms up
        var wall: [String: Double] = [:]
        for (name, body) in stages {
          let cpuBefore = CPUTime.milliseconds(children: name == "djpeg")
          let start = DispatchTime.now().uptimeNanoseconds
          try body()
          let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
          let cpuMs = CPUTime.milliseconds(children: name == "djpeg") - cpuBefore
          guard round >= 0 else { continue }
          times[name, default: []].append(ms)
          wall[name] = ms
          if name == "e2e" || name == "djpeg" { cpu[name, default: []].append(cpuMs) }
        }
        if let e2e = wall["e2e"], let djpeg = wall["djpeg"], djpeg > 0 { ratios.append(e2e / djpeg) }
        if let tones = wall["tones"], let djpeg = wall["djpeg"], djpeg > 0 { tonesRatios.append(tones / djpeg) }
      }
      let medians = times.mapValues { Timing.median($0) }
      func median(_ values: [Double]) -> Double? { values.isEmpty ? nil : Timing.median(values) }
      func quartiles(_ values: [Double]) -> [Double]? {
        values.isEmpty ? nil : [Timing.quantile(values, 0.25), Timing.quantile(values, 0.75)]
      }
      rows.append(
        Row(
          photo: path, medianMs: medians, ratio: median(ratios), ratioQuartiles: quartiles(ratios),
          tonesRatio: median(tonesRatios), tonesRatioQuartiles: quartiles(tonesRatios),
          cpuMs: cpu.mapValues { Timing.median($0) }, minMs: times.mapValues { $0.min() ?? .nan }))
    }
    let loadAfter = CPUTime.loadAverage()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode(rows), as: UTF8.self))
      return
    }
    print(
      "median ms of \(runs) interleaved rounds (\(ProcessInfo.processInfo.activeProcessorCount) cores; "
        + "load average \(loadBefore) before, \(loadAfter) after)")
    print(
      "photo                          djpeg     decode    analysis  tones     e2e       match     "
        + "e2e/djpeg [quartiles]  tones/djpeg [quart.]   cpu e2e   cpu djpeg cpu ratio")
    func cell(_ value: Double?, _ format: String = "%.1f", _ width: Int = 9) -> String {
      (value.map { String(format: format, $0) } ?? "–").padding(toLength: width, withPad: " ", startingAt: 0)
    }
    for row in rows {
      let stageNames = ["djpeg", "decode", "analysis", "tones", "e2e", "match"]
      let cells = stageNames.map { cell(row.medianMs[$0]) }
      let name = String(URL(fileURLWithPath: row.photo).lastPathComponent.suffix(30))
      let spread = row.ratioQuartiles.map { String(format: "%.2f [%.2f–%.2f]", row.ratio ?? .nan, $0[0], $0[1]) }
      let tonesSpread = row.tonesRatioQuartiles.map {
        String(format: "%.2f [%.2f–%.2f]", row.tonesRatio ?? .nan, $0[0], $0[1])
      }
      let cpuRatio = row.cpuMs["djpeg"].flatMap { d in row.cpuMs["e2e"].map { $0 / d } }
      print(
        ([name.padding(toLength: 30, withPad: " ", startingAt: 0)] + cells + [
          (spread ?? "–").padding(toLength: 22, withPad: " ", startingAt: 0),
          (tonesSpread ?? "–").padding(toLength: 22, withPad: " ", startingAt: 0), cell(row.cpuMs["e2e"]),
          cell(row.cpuMs["djpeg"]), cell(cpuRatio, "%.2f"),
        ]).joined(separator: " "))
      let fastest = stageNames.map { cell(row.minMs[$0]) }
      print(([String(repeating: " ", count: 24) + "fastest"] + fastest).joined(separator: " "))
    }
  }

  /// Everything an analysis says, numbers with 9 significant digits.
  static func dump(_ a: ToneAnalysis, _ path: String) -> String {
    func lab(_ c: Lab) -> String { String(format: "%.9g %.9g %.9g", c.l, c.a, c.b) }
    var lines = [
      "\(path): pixels \(a.photo.analysedPixels) downscale \(a.photo.downscale)",
      "  skin \(lab(a.skin.lab)) share \(a.skin.share) spread \(a.skin.spread)",
      "  hair " + (a.hair.map { "\(lab($0.lab)) share \($0.share) spread \($0.spread) contrast \($0.contrast)" } ?? "none"),
      "  confidence \(a.confidence)",
    ]
    lines += a.warnings.map { "  warning \($0)" }
    lines += a.clusters.map { "  cluster \(lab($0.lab)) share \($0.share) \($0.role)" }
    lines.append("  regions \(a.regions.skinShares.reduce(0, +)) \(a.regions.hairShares.reduce(0, +))")
    return lines.joined(separator: "\n")
  }

  /// `djpeg -outfile /dev/null path`, whole process; throws when it fails. Spawned and reaped with
  /// `posix_spawn` and a blocking `waitpid`: Foundation's `Process.waitUntilExit` polls its run loop
  /// every 50 ms on Linux, which rounded every `djpeg` up to 50.8 or 101 ms here (a 69 ms decode
  /// timed as 101 ms) and made `analyze` look as fast as `djpeg` when it was not.
  static func runDjpeg(_ djpeg: String, _ path: String) throws {
    #if os(Linux)
      var actions = posix_spawn_file_actions_t()
    #else
      var actions: posix_spawn_file_actions_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let words = [djpeg, "-outfile", "/dev/null", path]
    var arguments: [UnsafeMutablePointer<CChar>?] = words.map { word in strdup(word) } + [nil]
    defer { for argument in arguments { free(argument) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, djpeg, &actions, nil, &arguments, environ)
    guard spawned == 0 else { throw ValidationError("\(djpeg) could not be started (error \(spawned))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { throw ValidationError("waiting for \(djpeg) failed (errno \(errno))") }
    }
    guard status == 0 else { throw ValidationError("\(djpeg) failed on \(path) (wait status \(status))") }
  }
}
