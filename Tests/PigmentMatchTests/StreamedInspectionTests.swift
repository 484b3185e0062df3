import Foundation
import PigmentMatch
import Testing
import TestSupport

/// Issue 12, defect 1: `inspect` of a PNG streams its rows (an interlaced file pass by pass), each
/// colour-managed and summed as it comes, instead of decoding the whole photo (0.71 GB for a 12 KB
/// interlaced 10 000 × 10 000 file).
@Suite struct StreamedInspectionTests {
  static let pngSuite = ((try? FileManager.default.contentsOfDirectory(atPath: TestData.path("pngsuite/png"))) ?? [])
    .filter { $0.hasSuffix(".png") && !$0.hasPrefix("x") }.sorted()
  static let realPNGs = ["consultation/bald.png", "consultation/shaved.png", "scikit-image/astronaut.png"]

  /// Writes `bytes` to a fresh temporary file and returns its path.
  static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
    try Data(bytes).write(to: url)
    return url.path
  }

  /// The streamed inspection of `path` against the whole-photo computation (libpng deinterlacing,
  /// the whole photo colour-managed, then summed in parallel blocks): the same metadata and
  /// warnings, and the same mean within float noise.
  static func expectStreamedEqualsWhole(_ path: String, label: String) throws {
    let streamed = try PhotoInspection(path: path)
    let photo = try PhotoDecoder.decode(contentsOf: path)
    #expect(streamed.metadata == photo.metadata, "\(label)")
    let whole = photo.meanLab()
    #expect(streamed.warnings == photo.warnings + (whole == nil ? ["no fully opaque pixel: no mean colour"] : []), "\(label)")
    #expect((streamed.meanLab == nil) == (whole == nil), "\(label)")
    if let s = streamed.meanLab, let w = whole {
      #expect(abs(s.l - w.l) < 1e-4 && abs(s.a - w.a) < 1e-4 && abs(s.b - w.b) < 1e-4, "\(label): \(s) vs \(w)")
    }
  }

  @Test func everyFileIsPresent() {
    // 161 valid PngSuite files (pngsuite/SOURCE.md); the three real PNG photos.
    #expect(Self.pngSuite.count == 161)
    for name in Self.realPNGs { #expect(FileManager.default.fileExists(atPath: TestData.path("photos/" + name))) }
  }

  /// Every valid PngSuite file: all bit depths and colour types, tRNS, gAMA/cHRM/sRGB/iCCP, Adam7.
  @Test(arguments: pngSuite)
  func pngSuiteStreamsToTheWholePhotoMean(_ name: String) throws {
    try Self.expectStreamedEqualsWhole(TestData.path("pngsuite/png/\(name)"), label: name)
  }

  /// The real PNG photos (one with an sRGB ICC profile), as stored and re-laid as interlaced files.
  @Test(arguments: realPNGs)
  func realPhotosStreamToTheWholePhotoMean(_ name: String) throws {
    let path = TestData.path("photos/" + name)
    try Self.expectStreamedEqualsWhole(path, label: name)
    let raw = try PhotoDecoder.decodeRaw(bytes: PhotoDecoder.readFile(path), name: name)
    guard case .eight(let samples) = raw.samples else {
      Issue.record("\(name): expected 8-bit samples")
      return
    }
    let c = raw.channels
    let interlaced = HostileInputs.interlacedPNG(width: raw.width, height: raw.height, colourType: 2) { x, y in
      let i = c * (y * raw.width + x)
      return [samples[i], samples[i + 1], samples[i + 2]]
    }
    let copy = try Self.temporaryFile(interlaced, name: "interlaced.png")
    defer { try? FileManager.default.removeItem(atPath: copy) }
    try Self.expectStreamedEqualsWhole(copy, label: name + " interlaced")
  }

  /// An interlaced RGBA file (odd size: partial passes) painted sRGB red on the left and blue on
  /// the right, with a scatter of green pixels that are not fully opaque: the mean is the count-
  /// weighted mean of the published CIELAB of sRGB red and blue (D65; Lindbloom's calculator:
  /// red 53.2408/80.0925/67.2032, blue 32.2970/79.1875/−107.8602), green left out.
  @Test func interlacedMeanIsThePublishedMeanOfItsOpaquePixels() throws {
    let (width, height) = (67, 45)
    var (reds, blues) = (0, 0)
    for y in 0..<height {
      for x in 0..<width where (x + 2 * y) % 7 != 0 {
        if x < 30 { reds += 1 } else { blues += 1 }
      }
    }
    let bytes = HostileInputs.interlacedPNG(width: width, height: height, colourType: 6) { x, y in
      if (x + 2 * y) % 7 == 0 { return [0, 255, 0, (x + y) % 2 == 0 ? 254 : 0] }
      return x < 30 ? [255, 0, 0, 255] : [0, 0, 255, 255]
    }
    let path = try Self.temporaryFile(bytes, name: "red-blue.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let mean = try #require(try PhotoInspection(path: path).meanLab)
    let n = Double(reds + blues)
    let expected = Lab(
      l: (53.2408 * Double(reds) + 32.2970 * Double(blues)) / n, a: (80.0925 * Double(reds) + 79.1875 * Double(blues)) / n,
      b: (67.2032 * Double(reds) - 107.8602 * Double(blues)) / n)
    #expect(abs(mean.l - expected.l) < 0.02 && abs(mean.a - expected.a) < 0.02 && abs(mean.b - expected.b) < 0.02,
      "\(mean) vs \(expected)")
  }

  /// A file with no fully opaque pixel has no mean, and says so.
  @Test func noOpaquePixelGivesNoMean() throws {
    let bytes = HostileInputs.interlacedPNG(width: 9, height: 9, colourType: 6) { _, _ in [10, 20, 30, 128] }
    let path = try Self.temporaryFile(bytes, name: "translucent.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let inspection = try PhotoInspection(path: path)
    #expect(inspection.meanLab == nil)
    #expect(inspection.warnings == ["no fully opaque pixel: no mean colour"])
  }
}
