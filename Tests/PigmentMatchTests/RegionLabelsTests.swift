import Foundation
import PigmentMatch
import Testing

/// `--regions`: a label-mask PNG with one colour per role.
@Suite struct RegionLabelsTests {
  @Test(
    "Colours map to roles, with a tolerance for brush edges",
    arguments: [
      (SRGB8(r: 255, g: 0, b: 0), RegionLabels.Label.skin), (SRGB8(r: 230, g: 30, b: 20), .skin),
      (SRGB8(r: 0, g: 255, b: 0), .hair), (SRGB8(r: 0, g: 0, b: 255), .card), (SRGB8(r: 255, g: 255, b: 255), .ignore),
      (SRGB8(r: 0, g: 0, b: 0), .unlabelled), (SRGB8(r: 128, g: 128, b: 0), .unlabelled),
    ])
  func colourToLabel(_ colour: SRGB8, _ label: RegionLabels.Label) {
    #expect(RegionLabels.label(of: colour, alpha: 1) == label)
    #expect(RegionLabels.label(of: colour, alpha: 0) == .unlabelled)
  }

  /// A warm-cast scene (skin top, hair bottom left, grey card bottom right) with a label mask
  /// painting the three: skin and hair come back true through the painted card.
  @Test func paintedRolesAndCardMeasureTheScene() throws {
    let skin = Lab(l: 60, a: 15, b: 19)
    let hair = Lab(l: 20, a: 3, b: 5)
    let cast = { (c: LinearRGB) in LinearRGB(r: c.r * 1.4 * 0.8, g: c.g * 0.8, b: c.b * 0.6 * 0.8) }
    let photo = CalibrationTests.render(width: 120, height: 80) { x, y in
      cast(y < 40 ? LinearRGB(skin) : x < 60 ? LinearRGB(hair) : LinearRGB(GreyCard.standardLab))
    }
    // Labels painted 4 px inside each area (as a brush would leave margins); black elsewhere.
    var pixels = [UInt8](repeating: 0, count: 120 * 80 * 3)
    for y in 0..<80 {
      for x in 0..<120 {
        let colour: SRGB8? =
          (4..<36).contains(y) && (4..<116).contains(x)
          ? RegionLabels.Label.skin.colour
          : (44..<76).contains(y) && (4..<56).contains(x)
            ? RegionLabels.Label.hair.colour
            : (44..<76).contains(y) && (64..<116).contains(x) ? RegionLabels.Label.card.colour : nil
        if let colour {
          (pixels[3 * (y * 120 + x)], pixels[3 * (y * 120 + x) + 1], pixels[3 * (y * 120 + x) + 2]) = (
            colour.r, colour.g, colour.b
          )
        }
      }
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).png")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(PNGEncoder.encode(srgb8: pixels, width: 120, height: 80)).write(to: url)
    let labels = try RegionLabels.load(contentsOf: url.path)
    #expect(labels.contains(.skin) && labels.contains(.hair) && labels.contains(.card) && !labels.contains(.ignore))
    let measurement = try PhotoMeasurement(photo: photo, name: "scene", options: MeasurementOptions(labels: labels))
    #expect(measurement.skinSource == .given && measurement.hairSource == .given)
    #expect(measurement.calibration.method == .greyCard)
    #expect(DeltaE.ciede2000(measurement.analysis.skin.lab, skin) <= CalibrationTests.skinTolerance)
    #expect(DeltaE.ciede2000(try #require(measurement.analysis.hair).lab, hair) <= CalibrationTests.hairTolerance)
  }

  @Test func aLabelMaskOfAnotherSizeIsRefused() throws {
    let labels = try #require(RegionLabels(width: 10, height: 10, labels: [UInt8](repeating: 1, count: 100)))
    let photo = CalibrationTests.render(width: 20, height: 20) { _, _ in LinearRGB(r: 0.3, g: 0.2, b: 0.15) }
    #expect(throws: MeasurementError.self) {
      try PhotoMeasurement(photo: photo, name: "p", options: MeasurementOptions(labels: labels))
    }
  }
}
