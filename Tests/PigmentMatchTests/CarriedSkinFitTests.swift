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

  /// The fit is started while the analysis finishes, on the scene's skin tone; when the skin is
  /// measured again after that (hair as light as the skin, white or blond hair filling the frame:
  /// `LightHair`), the fit carried must still be that of the final skin. Hard generated cases of
  /// those kinds (`Fixtures/hard-samples-holdout/`) and Samples with grey, blond and white hair.
  @Test(
    "the fit carried is that of the final skin, also when the skin was measured again",
    arguments: [
      "Samples/02-very-light-blond.png", "Samples/08-tan-grey.png", "Samples/13-dark-white.jpg",
      "Tests/PigmentMatchTests/Fixtures/hard-samples-holdout/c04-lightest-blond.jpg",
      "Tests/PigmentMatchTests/Fixtures/hard-samples-holdout/c05-grey-level-with-tan.jpg",
      "Tests/PigmentMatchTests/Fixtures/hard-samples-holdout/c06-white-fills-frame.jpg",
      "Tests/PigmentMatchTests/Fixtures/hard-samples-holdout/c07-blond-fills-frame.jpg",
    ])
  func finalSkin(_ name: String) throws {
    let path = TestData.packageRoot.appendingPathComponent(name).path
    let measurement = try PhotoMeasurement(contentsOf: path)
    let skin = measurement.analysis.skin.lab
    // A skin no skin model fits (not a plausible skin colour) carries no fit.
    guard let fresh = try? SkinFit(skin: skin) else {
      #expect(measurement.skinFit == nil)
      return
    }
    let carried = try #require(measurement.skinFit)
    #expect(carried.target == skin)
    #expect(carried.optics.parameters == fresh.optics.parameters)
    #expect(carried.deltaE00 == fresh.deltaE00)
    #expect(carried.gamut == fresh.gamut)
  }

  /// Hair marked, skin found automatically on an uncalibrated photo: the check applies, and its fit
  /// (started by the automatic analysis) is that of the skin found.
  @Test("with only the hair marked, the fit carried is that of the automatic skin")
  func hairMarked() throws {
    let path = TestData.packageRoot.appendingPathComponent("Samples/07-tan-black.jpg").path
    let options = MeasurementOptions(hairRegions: [try RegionOfInterest(x: 300, y: 200, width: 200, height: 150)])
    let measurement = try PhotoMeasurement(contentsOf: path, options: options)
    #expect(measurement.skinSource == .found)
    #expect(measurement.hairSource == .given)
    let carried = try #require(measurement.skinFit)
    let fresh = try SkinFit(skin: measurement.analysis.skin.lab)
    #expect(carried.target == measurement.analysis.skin.lab)
    #expect(carried.optics.parameters == fresh.optics.parameters)
    #expect(carried.deltaE00 == fresh.deltaE00)
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
