import Foundation

@testable import PigmentMatch

/// The shipped palettes, loaded once for the blend tests.
enum ShippedPalettes {
  static let files = ["carbon-greyscale.json", "iron-oxide-tones.json"]

  static func load(_ file: String) throws -> Palette {
    try Palette.load(path: PigmentsTestSupport.palette(file).path)
  }
}
