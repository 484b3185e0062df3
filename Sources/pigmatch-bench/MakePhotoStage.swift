import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench make-photo OUT --width W --height H`: writes the synthetic benchmark photo as a
/// PNG or JPEG (by extension), e.g. a 20000×15000 PNG for the memory-bound check.
struct MakePhotoStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "make-photo", abstract: "Write the synthetic benchmark photo (.png or .jpg).")

  @Argument var output: String
  @Option var width = 4000
  @Option var height = 3000

  func run() throws {
    let pixels = SyntheticPhoto.pixels(width: width, height: height)
    let bytes =
      output.lowercased().hasSuffix(".png")
      ? try PNGEncoder.encode(srgb8: pixels, width: width, height: height)
      : try JPEGEncoder.encode(rgb8: pixels, width: width, height: height, quality: 90)
    try Data(bytes).write(to: URL(fileURLWithPath: output))
    print("\(output): \(width)×\(height), \(bytes.count / 1024) KiB")
  }
}
