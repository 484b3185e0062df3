import Foundation
import PigmentMatch
import Testing

/// Grey-card and ColorChecker calibration on scenes rendered from known colours under a cast.
@Suite struct CalibrationTests {
  /// A rendered photo: `paint(x, y)` gives each pixel's linear RGB; quantised to 8-bit sRGB as a
  /// camera JPEG/PNG would be.
  static func render(width: Int, height: Int, _ paint: (Int, Int) -> LinearRGB) -> Photo {
    var samples = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
      for x in 0..<width {
        let p = SRGB8(clamping: SRGB(paint(x, y)))
        let o = 3 * (y * width + x)
        (samples[o], samples[o + 1], samples[o + 2]) = (p.r, p.g, p.b)
      }
    }
    return Photo(
      width: width, height: height, pixels: .srgb8(samples), opacity: .opaque,
      metadata: PhotoMetadata(
        format: .png, width: width, height: height, bitDepth: 8, channels: 3, colorProfile: "test"))
  }

  /// A light cast as a camera makes it: per-channel gains in linear RGB and an exposure factor.
  struct Cast: Sendable, CustomTestStringConvertible {
    let name: String
    let gains: (Double, Double, Double)
    let exposure: Double
    func apply(_ c: LinearRGB) -> LinearRGB {
      LinearRGB(r: c.r * gains.0 * exposure, g: c.g * gains.1 * exposure, b: c.b * gains.2 * exposure)
    }
    var testDescription: String { name }
  }

  /// Strong casts: tungsten-like warm (blue at 55 % of red) and shade-like cool, under- and over-exposed.
  static let casts = [
    Cast(name: "warm, under-exposed", gains: (1.35, 1.0, 0.55), exposure: 0.7),
    Cast(name: "cool, over-exposed", gains: (0.7, 0.95, 1.45), exposure: 1.3),
  ]

  /// Clients: (skin, hair) CIELAB D65 — light skin with dark-brown hair, dark skin with black
  /// hair, light skin with dark-blond hair.
  static let clients: [(Lab, Lab)] = [
    (Lab(l: 66, a: 14, b: 17), Lab(l: 24, a: 4, b: 7)),
    (Lab(l: 38, a: 12, b: 16), Lab(l: 16, a: 1.5, b: 2.5)),
    (Lab(l: 70, a: 11, b: 16), Lab(l: 52, a: 6, b: 24)),
  ]

  /// Issue 13's accuracy under a cast with a card: skin within ΔE00 1.5, hair within 3.
  static let skinTolerance = 1.5
  static let hairTolerance = 3.0

  /// Skin on top, hair bottom left, the standard grey card bottom right (120 × 80 pixels).
  static func scene(skin: Lab, hair: Lab, cast: Cast) -> Photo {
    let card = LinearRGB(GreyCard.standardLab)
    return render(width: 120, height: 80) { x, y in
      cast.apply(y < 40 ? LinearRGB(skin) : x < 60 ? LinearRGB(hair) : card)
    }
  }

  /// As ``scene(skin:hair:cast:)``, but the hair is shaved stubble: single-pixel shafts on a 3-pixel
  /// grid through the skin of the bottom left, as the automatic roles expect hair on a scalp (a
  /// flat block of one colour is a wall or a garment to them, not hair).
  static func stubbleScene(skin: Lab, hair: Lab, cast: Cast) -> Photo {
    let card = LinearRGB(GreyCard.standardLab)
    return render(width: 120, height: 80) { x, y in
      let shaft = x % 3 == 1 && y % 3 == 1
      return cast.apply(y < 40 || (x < 60 && !shaft) ? LinearRGB(skin) : x < 60 ? LinearRGB(hair) : card)
    }
  }

  @Test func standardCardIsEighteenPercentGrey() {
    // 116 · 0.18^(1/3) − 16 = 116 · 0.564622 − 16 = 49.496 (hand computation).
    #expect(abs(GreyCard.standardLab.l - 49.496) < 0.001)
    #expect(GreyCard.standardLab.a == 0 && GreyCard.standardLab.b == 0)
  }

  @Test("A grey card undoes a strong cast", arguments: casts, [0, 1, 2])
  func greyCardUndoesCast(_ cast: Cast, _ client: Int) throws {
    let (skin, hair) = Self.clients[client]
    let photo = Self.scene(skin: skin, hair: hair, cast: cast)
    var options = MeasurementOptions(
      skinRegions: [try RegionOfInterest(x: 0, y: 0, width: 120, height: 40)],
      hairRegions: [try RegionOfInterest(x: 0, y: 40, width: 60, height: 40)])
    let uncalibrated = try PhotoMeasurement(photo: photo, name: "cast", options: options)
    // The cast is strong: uncorrected, the skin is far off (so the test can fail).
    #expect(DeltaE.ciede2000(uncalibrated.analysis.skin.lab, skin) > 5)
    #expect(!uncalibrated.calibration.isCalibrated)
    #expect(uncalibrated.calibration.summary.hasPrefix("uncalibrated"))

    options.calibration = .greyCard(
      try RegionOfInterest(x: 60, y: 40, width: 60, height: 40), reference: GreyCard.standardLab)
    let calibrated = try PhotoMeasurement(photo: photo, name: "cast", options: options)
    #expect(calibrated.calibration.method == .greyCard)
    #expect(calibrated.calibration.summary.hasPrefix("calibrated"))
    #expect(
      DeltaE.ciede2000(calibrated.analysis.skin.lab, skin) <= Self.skinTolerance, "skin \(calibrated.analysis.skin.lab)"
    )
    let measuredHair = try #require(calibrated.analysis.hair).lab
    #expect(DeltaE.ciede2000(measuredHair, hair) <= Self.hairTolerance, "hair \(measuredHair)")
    // The exposure factor undoes the cast's exposure on the green channel, which the casts leave at ×1.
    let exposure = try #require(calibrated.calibration.card).exposure
    #expect(exposure > 0.5 / cast.exposure && exposure < 2 / cast.exposure)
  }

  @Test("A grey card before automatic roles: the card is hidden from them", arguments: casts)
  func greyCardWithAutomaticRoles(_ cast: Cast) throws {
    let (skin, hair) = Self.clients[0]
    let photo = Self.stubbleScene(skin: skin, hair: hair, cast: cast)
    let options = MeasurementOptions(
      calibration: .greyCard(try RegionOfInterest(x: 60, y: 40, width: 60, height: 40), reference: GreyCard.standardLab)
    )
    let measurement = try PhotoMeasurement(photo: photo, name: "cast", options: options)
    #expect(measurement.skinSource == .found)
    #expect(DeltaE.ciede2000(measurement.analysis.skin.lab, skin) <= Self.skinTolerance)
    let found = try #require(measurement.analysis.hair).lab
    #expect(DeltaE.ciede2000(found, hair) <= Self.hairTolerance)
  }

  @Test func clippedCardIsRefused() throws {
    let photo = Self.render(width: 20, height: 20) { _, _ in LinearRGB(r: 1, g: 1, b: 1) }
    let options = MeasurementOptions(
      skinRegions: [try RegionOfInterest(x: 0, y: 0, width: 10, height: 10)],
      calibration: .greyCard(try RegionOfInterest(x: 10, y: 10, width: 10, height: 10), reference: GreyCard.standardLab)
    )
    #expect(throws: MeasurementError.self) { try PhotoMeasurement(photo: photo, name: "white", options: options) }
  }

  // MARK: - ColorChecker

  /// A camera that mixes channels and casts warm: observed = M · true (linear RGB; all entries
  /// positive and rows summing to ≤ 1.04, so no patch clips).
  static let camera: [Double] = [0.9, 0.12, 0.02, 0.04, 0.85, 0.05, 0.01, 0.08, 0.55]

  /// A 360 × 240 photo with the chart's outer corners at (30, 20) and (330, 220): 6 × 4 patches
  /// of 50 px pitch, each a 40 px square centred in its cell on the chart's black.
  static func chartPhoto() -> Photo {
    render(width: 360, height: 240) { x, y in
      let cx = x - 30
      let cy = y - 20
      var colour = LinearRGB(r: 0.2, g: 0.2, b: 0.2)  // background
      if cx >= 0, cy >= 0, cx < 300, cy < 200 {
        colour = LinearRGB(r: 0.01, g: 0.01, b: 0.01)  // the chart's black frame
        let (col, row) = (cx / 50, cy / 50)
        if (5..<45).contains(cx % 50), (5..<45).contains(cy % 50) {
          let reference = LinearRGB(ColorCheckerClassic.patches[row * 6 + col].labD65)
          colour = LinearRGB(
            r: min(max(reference.r, 0), 1), g: min(max(reference.g, 0), 1), b: min(max(reference.b, 0), 1))
        }
      }
      let m = camera
      return LinearRGB(
        r: m[0] * colour.r + m[1] * colour.g + m[2] * colour.b, g: m[3] * colour.r + m[4] * colour.g + m[5] * colour.b,
        b: m[6] * colour.r + m[7] * colour.g + m[8] * colour.b)
    }
  }

  @Test func colorCheckerDataMatchesThePublishedFile() throws {
    // The committed table against the shared copy of X-Rite's published values.
    let text = try String(
      contentsOfFile: TestData.path("colorchecker/colorchecker24_xrite2016_after_nov2014.csv"), encoding: .utf8)
    let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",") }
    #expect(rows.count == 24)
    for (row, patch) in zip(rows, ColorCheckerClassic.patches) {
      #expect(Int(row[0]) == patch.number && String(row[1]) == patch.name)
      #expect(Double(row[2]) == patch.lab.l && Double(row[3]) == patch.lab.a && Double(row[4]) == patch.lab.b)
    }
  }

  @Test func colorCheckerFitRecoversThePatches() throws {
    let photo = Self.chartPhoto()
    let corners = [30.0, 20, 330, 20, 330, 220, 30, 220]
    let options = MeasurementOptions(
      skinRegions: [try RegionOfInterest(x: 40, y: 30, width: 30, height: 30)],  // patch 1, "dark skin"
      calibration: .colorChecker(corners: corners))
    let measurement = try PhotoMeasurement(photo: photo, name: "chart", options: options)
    let chart = try #require(measurement.calibration.chart)
    #expect(chart.patches.count == 24)
    // Quantisation and the out-of-gamut cyan (patch 18, clipped when rendered) are the only errors.
    #expect(chart.meanDeltaE00 < 1.5)
    #expect(!chart.isPoor)
    for patch in chart.patches where patch.number != 18 { #expect(patch.deltaE00 < 2, "patch \(patch.number)") }
    let darkSkin = ColorCheckerClassic.patches[0].labD65
    #expect(DeltaE.ciede2000(measurement.analysis.skin.lab, darkSkin) < 1.5)
    #expect(measurement.calibration.summary.contains("ColorChecker"))
  }

  @Test func misplacedCornersGiveAPoorFitWarning() throws {
    // Corners shifted by half a patch: every sample straddles two patches and the black gaps.
    let corners = [(x: 55.0, y: 45.0), (355, 45), (355, 239), (55, 239)]
    let chart = try ColorCheckerFit(photo: Self.chartPhoto(), corners: corners)
    #expect(chart.isPoor)
    #expect(chart.meanDeltaE00 > ColorCheckerFit.poorMeanDeltaE00)
  }

  @Test func foldedCornersAreRefused() throws {
    let corners = [30.0, 20, 330, 220, 330, 20, 30, 220]  // top-right and bottom-right swapped
    let options = MeasurementOptions(
      skinRegions: [try RegionOfInterest(x: 40, y: 30, width: 30, height: 30)],
      calibration: .colorChecker(corners: corners))
    #expect(throws: MeasurementError.self) {
      try PhotoMeasurement(photo: Self.chartPhoto(), name: "chart", options: options)
    }
  }

  @Test func cornersFarOutsideThePhotoAreRefusedWithoutTrapping() throws {
    let corners = [0.0, 0, 1e300, 0, 1e300, 1e300, 0, 1e300]
    let options = MeasurementOptions(
      skinRegions: [try RegionOfInterest(x: 40, y: 30, width: 30, height: 30)],
      calibration: .colorChecker(corners: corners))
    #expect(throws: MeasurementError.self) {
      try PhotoMeasurement(photo: Self.chartPhoto(), name: "chart", options: options)
    }
  }
}
