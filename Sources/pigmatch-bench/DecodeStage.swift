import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench decode [PHOTO]`: full and DCT-downscaled decode times (in process), medians.
/// Compare with `djpeg -outfile /dev/null PHOTO` (whole process; `hyperfine` times it).
struct DecodeStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decode", abstract: "Decode a 12 MP JPEG at full size and at 1/2, 1/4, 1/8.")

  @Argument(help: "A JPEG, PNG, HEIC/HEIF or AVIF; default: a generated 4000×3000 JPEG (q90, 4:2:0).")
  var photo: String?

  @Option(help: "Timed runs per configuration.")
  var runs = 15

  @Flag(help: "Print JSON.")
  var json = false

  @Option(help: "Only this minimum shorter side (one downscaled configuration), e.g. for a peak-memory run.")
  var minShortSide: Int?

  @Option(help: "Largest file size in pixels (default 1 GP).")
  var maxFilePixels = DecodeOptions.defaultMaxFilePixels

  func run() throws {
    let path = try photo ?? SyntheticPhoto.jpegFile(width: 4000, height: 3000)
    let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var rows: [(String, Double, Int, Int)] = []
    let configurations: [(String, Int?)] =
      minShortSide.map { [("min \($0)", $0)] } ?? [("full", nil), ("1/2", 1500), ("1/4", 750), ("1/8", 375)]
    for (label, minimum) in configurations {
      var size = (0, 0)
      let options = DecodeOptions(maxFilePixels: maxFilePixels, minimumShortSide: minimum)
      let times = try Timing.measure(runs: runs, warmup: minShortSide == nil ? 1 : 0) {
        let decoded = try PhotoDecoder.decode(contentsOf: path, options: options)
        size = (decoded.width, decoded.height)
      }
      rows.append((label, Timing.median(times), size.0, size.1))
    }
    let full = rows[0].1
    if json {
      let items = rows.map {
        "{\"scale\":\"\($0.0)\",\"medianSeconds\":\($0.1),\"width\":\($0.2),\"height\":\($0.3),\"ratioToFull\":\($0.1 / full)}"
      }
      print("{\"photo\":\"\(path)\",\"runs\":\(runs),\"decode\":[\(items.joined(separator: ","))]}")
      return
    }
    print("decode \(path) (\(fileSize / 1024) KiB, streamed from the file), median of \(runs)")
    for row in rows {
      print(
        "  \(row.0.padding(toLength: 8, withPad: " ", startingAt: 0)) \(row.2)×\(row.3)  \(Timing.milliseconds(row.1))  (×\(String(format: "%.2f", row.1 / full)) of full)"
      )
    }
  }
}
