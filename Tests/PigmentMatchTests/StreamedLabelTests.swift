import Foundation
import PigmentMatch
import Testing
import TestSupport

/// Issue 12, defect 1: a `--regions` label PNG streams row by row (an interlaced file pass by pass)
/// into one byte a pixel, instead of a whole decoded photo.
@Suite struct StreamedLabelTests {
  /// The old rule: the label image decoded as a whole photo, each pixel's colour taken back to
  /// 8-bit sRGB and labelled.
  static func wholePhotoLabels(_ path: String) throws -> (width: Int, height: Int, labels: [UInt8]) {
    let image = try PhotoDecoder.decode(contentsOf: path)
    let labels = (0..<image.pixelCount).map { i in
      let (r, g, b) = image.linearRGB(at: i)
      let colour = SRGB8(clamping: SRGB(LinearRGB(r: Double(r), g: Double(g), b: Double(b))))
      return RegionLabels.label(of: colour, alpha: image.alpha(at: i)).rawValue
    }
    return (image.width, image.height, labels)
  }

  /// Every valid PngSuite file, streamed, labels every pixel as the whole-photo decode does.
  @Test(arguments: StreamedInspectionTests.pngSuite)
  func pngSuiteLabelsEqualTheWholePhotoRule(_ name: String) throws {
    let path = TestData.path("pngsuite/png/\(name)")
    let streamed = try RegionLabels.load(contentsOf: path)
    let old = try Self.wholePhotoLabels(path)
    #expect(streamed.width == old.width && streamed.height == old.height)
    let differing = streamed.labels.indices.filter { streamed.labels[$0] != old.labels[$0] }
    #expect(differing.isEmpty, "\(name): \(differing.count) pixels differ")
  }

  /// An interlaced 1001 × 703 label mask (odd size: partial passes; laid out from the Adam7 table)
  /// painted in diagonal bands of the four role colours, black and half-transparent red: every
  /// pixel gets the label it was painted with, holding one byte a pixel and a few rows.
  @Test func interlacedPaintedLabelsLandInPlace() throws {
    let (width, height) = (1001, 703)
    let paints: [([UInt8], RegionLabels.Label)] = [
      ([255, 0, 0, 255], .skin), ([0, 255, 0, 255], .hair), ([0, 0, 255, 255], .card),
      ([255, 255, 255, 255], .ignore), ([0, 0, 0, 255], .unlabelled), ([255, 0, 0, 100], .unlabelled),
      ([230, 30, 20, 255], .skin),
    ]
    func paint(_ x: Int, _ y: Int) -> Int { (x / 3 + y / 5) % paints.count }
    let bytes = HostileInputs.interlacedPNG(width: width, height: height, colourType: 6) { x, y in paints[paint(x, y)].0 }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).png")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(bytes).write(to: url)
    let labels = try RegionLabels.load(contentsOf: url.path)
    #expect(labels.width == width && labels.height == height)
    let expected = (0..<height).flatMap { y in (0..<width).map { x in paints[paint(x, y)].1.rawValue } }
    #expect(labels.labels == expected)
    let plane = try PhotoDecoder.decodeLabels(contentsOf: url.path) { _, _, _, _ in 0 }
    #expect(plane.decoderBytes > width * height && plane.decoderBytes <= width * height + 16 * width)
  }
}
