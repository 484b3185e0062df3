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

  /// A deterministic photo-like image: smooth skin-toned gradients plus LCG noise.
  static func syntheticPhoto(width: Int, height: Int) -> [UInt8] {
    var px = [UInt8](repeating: 0, count: width * height * 3)
    var s: UInt64 = 0x9E37_79B9_7F4A_7C15
    for y in 0..<height {
      for x in 0..<width {
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let n = Int(s >> 60) - 8
        let i = 3 * (y * width + x)
        let t = (x * 255) / width
        let u = (y * 255) / height
        px[i] = UInt8(clamping: 120 + t / 2 + n)
        px[i + 1] = UInt8(clamping: 60 + u / 2 + n)
        px[i + 2] = UInt8(clamping: 40 + (t + u) / 4 + n)
      }
    }
    return px
  }

  func run() throws {
    let pixels = Self.syntheticPhoto(width: width, height: height)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var rows: [Row] = []
    var checksum: Float = 0
    for threads in Array(Set([1, cores])).sorted() {
      var times: [Double] = []
      // One warm-up run (page faults, tables), then the timed runs.
      for i in 0...runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let planes = pixels.withUnsafeBufferPointer {
          LabConversion.planes(srgb8: $0, width: width, height: height, channels: 3, threads: threads)
        }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        checksum += planes.l[planes.l.count / 2]
        if i > 0 { times.append(ms) }
      }
      times.sort()
      let median = times[times.count / 2]
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
