import ArgumentParser
import Colorimetry
import Foundation

/// `pigmatch-bench lab`: full-resolution RGB8 → CIELAB planes (``LabConversion``), single core and
/// all cores, median of N runs. Compare with OpenCV on the same machine and image size:
///
///     import time, numpy as np, cv2
///     img = np.random.default_rng(0).integers(0, 256, (3000, 4000, 3), dtype=np.uint8)
///     f = img.astype(np.float32) / 255
///     for n in (1, 2):
///         cv2.setNumThreads(n); ts = []
///         for _ in range(15):
///             t = time.perf_counter(); cv2.cvtColor(f, cv2.COLOR_RGB2Lab); ts.append(time.perf_counter() - t)
///         print(n, 1000 * np.median(ts), "ms")
///
/// (OpenCV's time excludes the `astype`/`255` step, which would add ≈ 60 ms; ours includes
/// allocating the three output planes, as OpenCV's does.)
struct LabStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lab",
    abstract: "Time 8-bit sRGB → Lab planes on a synthetic photo (default 12 MP, 4000×3000).")

  @Option(help: "Image width in pixels.") var width = 4000
  @Option(help: "Image height in pixels.") var height = 3000
  @Option(help: "Timed runs per configuration (the median is reported).") var runs = 15
  @Flag(help: "Print one JSON object instead of a table.") var json = false

  struct Row: Codable {
    let threads: Int
    let medianMs: Double
    let minMs: Double
    let megapixelsPerSecond: Double
  }

  struct Report: Codable {
    let stage: String
    let width: Int
    let height: Int
    let runs: Int
    let results: [Row]
  }

  func validate() throws {
    guard width > 0, height > 0, runs > 0 else {
      throw ValidationError("width, height and runs must be positive")
    }
  }

  func run() throws {
    let pixels = SyntheticPhoto.pixels(width: width, height: height)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var rows: [Row] = []
    var checksum: Float = 0
    for threads in Array(Set([1, cores])).sorted() {
      // One warm-up run (page faults, tables), then the timed runs.
      let times = Timing.measure(runs: runs) {
        let planes = pixels.withUnsafeBufferPointer {
          LabConversion.planes(srgb8: $0, width: width, height: height, channels: 3, threads: threads)
        }
        checksum += planes.l[planes.l.count / 2]
      }.map { $0 * 1000 }.sorted()
      let median = Timing.median(times)
      rows.append(
        Row(
          threads: threads, medianMs: median, minMs: times[0],
          megapixelsPerSecond: Double(width * height) / 1e6 / (median / 1000)))
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let data = try encoder.encode(Report(stage: "lab", width: width, height: height, runs: runs, results: rows))
      print(String(decoding: data, as: UTF8.self))
    } else {
      print("lab: \(width)×\(height) RGB8 → Lab planes, median of \(runs) runs (checksum \(checksum))")
      print("threads   median ms   min ms   MP/s")
      for r in rows {
        print(
          String(r.threads).padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "%9.1f  %7.1f  %6.0f", r.medianMs, r.minMs, r.megapixelsPerSecond))
      }
    }
  }
}
