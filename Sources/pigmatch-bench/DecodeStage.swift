import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench decode [PHOTO]`: full and DCT-downscaled decode times (in process), medians.
/// Compare with `djpeg -outfile /dev/null PHOTO` (whole process; `hyperfine` times it).
struct DecodeStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decode", abstract: "Decode a 12 MP JPEG at full size and at 1/2, 1/4, 1/8.")

  @Argument(help: "A JPEG or PNG; default: a generated 4000×3000 JPEG (q90, 4:2:0).")
  var photo: String?

  @Option(help: "Timed runs per configuration.")
  var runs = 15

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let path = try photo ?? SyntheticPhoto.jpegFile(width: 4000, height: 3000)
    let bytes = try PhotoDecoder.readFile(path)
    var rows: [(String, Double, Int, Int)] = []
    for (label, minimum) in [("full", nil), ("1/2", 1500), ("1/4", 750), ("1/8", 375)] as [(String, Int?)] {
      var size = (0, 0)
      let times = try Timing.measure(runs: runs) {
        let decoded = try PhotoDecoder.decode(bytes: bytes, name: path, options: DecodeOptions(minimumShortSide: minimum))
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
    print("decode \(path) (\(bytes.count / 1024) KiB), median of \(runs)")
    for row in rows {
      print(
        "  \(row.0.padding(toLength: 5, withPad: " ", startingAt: 0)) \(row.2)×\(row.3)  \(Timing.milliseconds(row.1))  (×\(String(format: "%.2f", row.1 / full)) of full)"
      )
    }
  }
}
