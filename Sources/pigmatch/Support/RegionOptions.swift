import ArgumentParser
import Foundation
import PigmentMatch

extension FitzpatrickConvention: ExpressibleByArgument {
  /// "I" … "VI" (any case) or 1 … 6.
  public init?(argument: String) { self.init(roman: argument) }
  public static var allValueStrings: [String] { allCases.map(\.roman) }
}

/// The region, calibration and skin-type options every photo command shares (`analyze`, `match`,
/// `report`, `batch`). Coordinates are full-resolution pixels of the photo as a viewer shows it.
struct RegionOptions: ParsableArguments {
  @Option(help: "Analyse only this rectangle (automatic roles inside), full-resolution pixels: x,y,width,height.")
  var roi: String?

  @Option(
    help: "Analyse only the non-zero pixels of this PNG or JPEG mask (same size as the photo; automatic roles inside).")
  var mask: String?

  @Option(
    name: .customLong("skin-roi"),
    help: "Measure the skin directly in this rectangle x,y,width,height (repeatable; no role guessing).")
  var skinROI: [String] = []

  @Option(
    name: .customLong("hair-roi"),
    help: "Measure the hair directly in this rectangle x,y,width,height (repeatable; no role guessing).")
  var hairROI: [String] = []

  @Option(
    help: ArgumentHelp(
      "A label-mask PNG the size of the photo: red #ff0000 skin, green #00ff00 hair, blue #0000ff grey card, white #ffffff ignore; black or transparent unlabelled.",
      valueName: "FILE.png"))
  var regions: String?

  @Option(
    name: .customLong("grey-card"),
    help: "A neutral grey card at x,y,width,height: white balance and exposure from it before measuring.")
  var greyCard: String?

  @Option(
    name: .customLong("card-lab"),
    help: "The grey card's own CIELAB L,a,b (default: a standard 18 % grey card, 49.5,0,0).")
  var cardLab: String?

  @Option(
    help: ArgumentHelp(
      "A ColorChecker Classic's outer corners x1,y1,…,x4,y4 (top-left by 'dark skin', top-right, bottom-right, bottom-left): a fitted colour correction.",
      valueName: "corners"))
  var colorchecker: String?

  @Option(help: "The client's Fitzpatrick type from the consultation (I…VI): overrides the photo's for the hyperpigmentation risk.")
  var fitzpatrick: FitzpatrickConvention?

  func validate() throws {
    if greyCard != nil, colorchecker != nil {
      throw ValidationError("give either --grey-card or --colorchecker, not both")
    }
    if cardLab != nil, greyCard == nil, regions == nil {
      throw ValidationError("--card-lab needs --grey-card (or a card painted in --regions)")
    }
  }

  /// The measurement options these arguments describe; any bad value is one CLI line (exit 2).
  func measurementOptions() throws(CLIFailure) -> MeasurementOptions {
    var options = MeasurementOptions()
    do throws(ToneAnalysisError) {
      if let roi { options.analysis.region = try RegionOfInterest.parse(roi) }
      if let mask { options.analysis.mask = try AnalysisMask.load(contentsOf: mask) }
      options.skinRegions = try skinROI.map { (text) throws(ToneAnalysisError) in try RegionOfInterest.parse(text) }
      options.hairRegions = try hairROI.map { (text) throws(ToneAnalysisError) in try RegionOfInterest.parse(text) }
      if let regions { options.labels = try RegionLabels.load(contentsOf: regions) }
    } catch {
      throw CLIFailure.input(error.description)
    }
    var card: RegionOfInterest?
    if let greyCard {
      do { card = try RegionOfInterest.parse(greyCard) } catch { throw CLIFailure.input("--grey-card " + error.description) }
    }
    do throws(CalibrationError) {
      let reference = try cardLab.map { (text) throws(CalibrationError) in try CalibrationRequest.parseCardLab(text) }
      if let reference { options.cardReference = reference }
      if let card {
        options.calibration = .greyCard(card, reference: reference ?? GreyCard.standardLab)
      }
      if let colorchecker { options.calibration = .colorChecker(corners: try CalibrationRequest.parseCorners(colorchecker)) }
    } catch {
      throw CLIFailure.input(error.description)
    }
    return options
  }

  /// Whether any region or calibration option was given (batch: they then apply to photos
  /// without a sidecar).
  var isEmpty: Bool {
    roi == nil && mask == nil && skinROI.isEmpty && hairROI.isEmpty && regions == nil && greyCard == nil
      && colorchecker == nil
  }

  /// These options as given, in a fixed order (`["--skin-roi", "10,10,40,40"]`): what the JSON
  /// contract records in `options.regionOptions`.
  var arguments: [String] {
    var arguments: [String] = []
    func add(_ name: String, _ value: String?) { if let value { arguments += [name, value] } }
    add("--roi", roi)
    add("--mask", mask)
    for text in skinROI { add("--skin-roi", text) }
    for text in hairROI { add("--hair-roi", text) }
    add("--regions", regions)
    add("--grey-card", greyCard)
    add("--card-lab", cardLab)
    add("--colorchecker", colorchecker)
    add("--fitzpatrick", fitzpatrick?.roman)
    return arguments
  }

  /// Measures `photo` (decoding it); any failure is one CLI line (exit 2).
  func measure(_ photo: String) throws(CLIFailure) -> PhotoMeasurement {
    let options = try measurementOptions()
    do { return try PhotoMeasurement(contentsOf: photo, options: options) } catch {
      throw CLIFailure.input(error.description)
    }
  }

  /// Measures an already decoded photo named `name`.
  func measure(_ decoded: Photo, name: String) throws(CLIFailure) -> PhotoMeasurement {
    let options = try measurementOptions()
    do { return try PhotoMeasurement(photo: decoded, name: name, options: options) } catch {
      throw CLIFailure.input(error.description)
    }
  }
}
