import PigmentMatch
import Testing

/// Analyses that succeed but carry a warning.
@Suite struct ToneWarningTests {
  /// A photo whose rows cycle through `rows` colours (each a band of 4 rows).
  static func banded(_ colours: [(UInt8, UInt8, UInt8)], width: Int = 80, height: Int = 80) -> Photo {
    var pixels = [UInt8]()
    for y in 0..<height {
      let c = colours[(y / 4) % colours.count]
      for _ in 0..<width { pixels += [c.0, c.1, c.2] }
    }
    return Photo(
      width: width, height: height, pixels: .srgb8(pixels), opacity: .opaque,
      metadata: PhotoMetadata(format: .png, width: width, height: height, bitDepth: 8, channels: 3, colorProfile: "sRGB"))
  }

  @Test func fewPixelsAndHairNotFound() throws {
    let analysis = try ToneAnalysis(photo: Self.banded([(210, 160, 130)], width: 20, height: 20), name: "small")
    #expect(analysis.warnings.contains(.fewPixels(count: 400)))
    #expect(analysis.warnings.contains(.hairNotFound))
    #expect(analysis.hair == nil)
    #expect(analysis.confidence < 0.5)
  }

  @Test func lowContrastHair() throws {
    // Pale, low-chroma skin and a light grey "hair" band a few ΔE00 away.
    let analysis = try ToneAnalysis(
      photo: Self.banded([(196, 182, 172), (196, 182, 172), (171, 171, 170)]), name: "low")
    let hair = try #require(analysis.hair)
    #expect(hair.contrast < ToneAnalysis.lowContrastThreshold)
    #expect(analysis.warnings.contains { if case .lowContrast = $0 { true } else { false } })
  }

  @Test func overExposedAndColourCast() throws {
    let analysis = try ToneAnalysis(
      photo: Self.banded([(230, 140, 80), (230, 140, 80), (40, 30, 25), (255, 255, 255)]), name: "cast")
    #expect(analysis.warnings.contains { if case .overExposed = $0 { true } else { false } })
    #expect(analysis.warnings.contains { if case .colourCast = $0 { true } else { false } })
  }

  @Test func highContrastScalpHasNoToneWarnings() throws {
    let analysis = try ToneAnalysis(
      photo: Self.banded([(210, 160, 130), (210, 160, 130), (40, 30, 25)], width: 160, height: 160), name: "ok")
    #expect(analysis.warnings.isEmpty, "\(analysis.warnings)")
    #expect(analysis.confidence > 0.8)
  }
}
