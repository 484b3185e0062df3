import Foundation
import PigmentMatch
import Testing

/// The skin is fitted once per photo: the colour-cast check of an automatic, uncalibrated
/// measurement fits the skin model to the found skin and hands that fit on
/// (``PhotoMeasurement/skinFit``); `match` uses it instead of fitting the same skin again. The oracle
/// is a fresh fit of the same colour made here, and the match of the same skin and hair typed in.
@Suite("The colour-cast check's skin fit carried to the match")
struct CarriedSkinFitTests {
  static let palette = TestData.packageRoot.appendingPathComponent("Palettes/carbon-greyscale.json").path

  /// Generated photos from very light to dark skin (`Samples/`), measured automatically.
  @Test(
    "an automatic measurement carries the fit of its own skin, and match gives what a fresh fit gives",
    arguments: ["01-very-light-black.jpg", "07-tan-black.jpg", "11-dark-black.jpg"])
  func carried(_ name: String) throws {
    let path = TestData.packageRoot.appendingPathComponent("Samples/" + name).path
    let measurement = try PhotoMeasurement(contentsOf: path)
    let carried = try #require(measurement.skinFit)
    let skin = measurement.analysis.skin.lab
    #expect(carried.target == skin)
    let fresh = try SkinFit(skin: skin)
    #expect(carried.optics.parameters == fresh.optics.parameters)
    #expect(carried.deltaE00 == fresh.deltaE00)
    #expect(carried.gamut == fresh.gamut)

    let pipeline = MatchPipeline(palette: try Palette.load(path: Self.palette))
    let report = try pipeline.run(measurement: measurement)
    let hair = try #require(measurement.analysis.hair)
    let typed = try pipeline.run(skin: skin, hair: hair.lab)
    #expect(report.skinFit.optics.parameters == fresh.optics.parameters)
    #expect(report.matchTarget.lab == typed.matchTarget.lab)
    #expect(report.solution.blend.fractions == typed.solution.blend.fractions)
    #expect(report.solution.blend.dotLab == typed.solution.blend.dotLab)
  }

  /// A calibrated photo is not checked for a cast, so nothing is carried; the match fits the
  /// corrected skin itself.
  @Test("a calibrated measurement carries no fit, and match fits its skin")
  func calibrated() throws {
    let folder = TestData.packageRoot.appendingPathComponent("Tests/PigmentMatchTests/Fixtures/hard-samples-holdout")
    var options = MeasurementOptions()
    // The grey card of c12-warm-card (its truth file), the standard card's CIELAB.
    options.calibration = .greyCard(try RegionOfInterest.parse("336,237,76,50"), reference: GreyCard.standardLab)
    let measurement = try PhotoMeasurement(
      contentsOf: folder.appendingPathComponent("c12-warm-card.jpg").path, options: options)
    #expect(measurement.calibration.isCalibrated)
    #expect(measurement.skinFit == nil)
    let report = try MatchPipeline(palette: try Palette.load(path: Self.palette)).run(measurement: measurement)
    #expect(report.skinFit.target == measurement.analysis.skin.lab)
    #expect(report.skinFit.optics.parameters == (try SkinFit(skin: measurement.analysis.skin.lab)).optics.parameters)
  }
}
