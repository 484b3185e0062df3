import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// The typical case of the calibration (FadeModel's documentation).
enum TypicalFadeCase {
  static let skin = Lab(l: 61, a: 11, b: 16)  // Del Bino intermediate class centre
  static let recipe = "cb-black=0.2,water=0.8"

  static func model() throws -> DotModel {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    return DotModel(palette: palette, optics: try SkinFit(skin: skin).optics)
  }

  static func fractions(_ model: DotModel) throws -> [Double] {
    try Recipe.parse(recipe, palette: model.palette).fractions(in: model.palette)
  }
}

@Suite("Fade model")
struct FadeModelTests {
  @Test("calibration: the typical carbon-black case needs a touch-up in year 3…6")
  func calibration() throws {
    let model = try TypicalFadeCase.model()
    let timeline = FadeModel().timeline(try TypicalFadeCase.fractions(model), model: model, years: 10)
    let year = try #require(timeline.touchUpYear)
    #expect((3...6).contains(year), "touch-up in year \(year)")
  }

  @Test("healing loss plateaus by day 7")
  func healingPlateau() {
    let fade = FadeModel()
    #expect(fade.healingRetention(days: 0) == 1)
    // "Plateau": within 1 % of the healed level by day 7.
    #expect(fade.healingRetention(days: 7) - FadeModel.healedRetention < 0.01)
    #expect(fade.healingRetention(days: 2) > fade.healingRetention(days: 7))
  }

  static let conditionsGrid: [FadeConditions] = SunExposure.allCases.flatMap { sun in
    [false, true].map { FadeConditions(sun: sun, smoker: $0) }
  }

  /// The slowest and the fastest conditions bracket the rest.
  static let extremes = [FadeConditions(sun: .low), FadeConditions(sun: .high, smoker: true)]

  @Test("ΔE00 to the start never falls as the years pass", arguments: extremes)
  func monotoneDrift(conditions: FadeConditions) throws {
    for file in ShippedPalettes.files {
      let palette = try ShippedPalettes.load(file)
      for skin in SkinClassReference.all {
        let model = DotModel(palette: palette, optics: try SkinFit(skin: skin.lab).optics)
        for index in palette.pigments.indices {
          var c = [Double](repeating: 0, count: model.componentCount)
          c[index] = 0.3
          c[model.componentCount - 1] = 0.7
          let timeline = FadeModel(conditions: conditions).timeline(c, model: model, years: 12)
          for (a, b) in zip(timeline.entries, timeline.entries.dropFirst()) {
            #expect(b.deltaE00ToStart >= a.deltaE00ToStart - 1e-9, "\(file) \(index) year \(b.year)")
          }
        }
      }
    }
  }

  @Test("as carbon black fades its L* rises toward the skin's", arguments: SkinClassReference.all)
  func lightensTowardSkin(skin: SkinClassReference) throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let optics = try SkinFit(skin: skin.lab).optics
    let model = DotModel(palette: palette, optics: optics)
    let timeline = FadeModel().timeline([0.2, 0, 0, 0, 0.8], model: model, years: 15)
    for (a, b) in zip(timeline.entries, timeline.entries.dropFirst()) {
      #expect(b.dotLab.l > a.dotLab.l)
      #expect(b.dotLab.l < optics.skinLab.l)
    }
  }

  /// Touch-up year and time (years) for the typical case under `conditions`.
  static func touchUp(_ conditions: FadeConditions) throws -> (year: Int, time: Double) {
    let model = try TypicalFadeCase.model()
    let fade = FadeModel(conditions: conditions)
    let timeline = fade.timeline(try TypicalFadeCase.fractions(model), model: model, years: 20)
    return (try #require(timeline.touchUpYear), try #require(timeline.touchUpTime))
  }

  @Test("touch-up comes earlier with high sun than with low sun")
  func sunBringsTouchUpForward() throws {
    let low = try Self.touchUp(FadeConditions(sun: .low))
    let moderate = try Self.touchUp(FadeConditions(sun: .moderate))
    let high = try Self.touchUp(FadeConditions(sun: .high))
    #expect(high.year < low.year, "low \(low) high \(high)")
    #expect(high.time < moderate.time && moderate.time < low.time)
    #expect(Double(low.year) >= low.time && low.time > Double(low.year - 1))
  }

  @Test("touch-up comes earlier for smokers", arguments: SunExposure.allCases)
  func smokingBringsTouchUpForward(sun: SunExposure) throws {
    let non = try Self.touchUp(FadeConditions(sun: sun, smoker: false))
    let smoker = try Self.touchUp(FadeConditions(sun: sun, smoker: true))
    // Whole years can tie under high sun; the crossing time cannot.
    #expect(smoker.year <= non.year && smoker.time < non.time, "\(sun): smoker \(smoker) non-smoker \(non)")
  }

  @Test("organic pigments fade faster the lower their Blue Wool rating; carbon black ignores UV")
  func lightfastness() throws {
    let optics = try #require(PigmentOptics(k: [Double](repeating: 1, count: 31), s: [Double](repeating: 1, count: 31), provenance: .coefficients))
    let fade = FadeModel(conditions: FadeConditions(sun: .high))
    var previous = Double.infinity
    for rating in 1...8 {
      let pigment = Pigment(id: "o\(rating)", name: "organic", pigmentClass: .organic, lightfastness: Lightfastness(blueWool: rating), optics: optics)
      let rate = fade.declineRate(of: pigment)
      #expect(rate < previous)
      previous = rate
    }
    let carbon = Pigment(id: "cb", name: "carbon", pigmentClass: .carbonBlack, lightfastness: Lightfastness(blueWool: 8), optics: optics)
    #expect(fade.declineRate(of: carbon) == FadeModel.clearanceRate * SunExposure.high.clearanceMultiplier)
  }

  @Test("sinking alone makes a carbon-black dot bluer than a shallow dot of the same lightness")
  func sinkingIsBluer() throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let optics = try SkinFit(skin: TypicalFadeCase.skin).optics
    let deep = DotModel(palette: palette, optics: optics.sunk(by: 0.05)).lab([0.2, 0, 0, 0, 0.8])
    // The shallow dot diluted (bisection on the carbon fraction) to the sunk dot's L*.
    let shallow = DotModel(palette: palette, optics: optics)
    var lo = 0.0
    var hi = 0.2
    for _ in 0..<60 {
      let mid = (lo + hi) / 2
      if shallow.lab([mid, 0, 0, 0, 1 - mid]).l > deep.l { lo = mid } else { hi = mid }
    }
    let same = shallow.lab([lo, 0, 0, 0, 1 - lo])
    #expect(abs(same.l - deep.l) < 1e-6)
    #expect(deep.b < same.b, "deep \(deep) vs shallow at equal L* \(same)")
  }

  @Test("report: typical timeline", .disabled(if: ProcessInfo.processInfo.environment["PIGMATCH_REPORT"] == nil))
  func report() throws {
    let model = try TypicalFadeCase.model()
    let timeline = FadeModel().timeline(try TypicalFadeCase.fractions(model), model: model, years: 10)
    for e in timeline.entries { print("year \(e.year) L \(e.dotLab.l) a \(e.dotLab.a) b \(e.dotLab.b) dE \(e.deltaE00ToStart)") }
    print("touch-up \(String(describing: timeline.touchUpYear))")
    for c in Self.conditionsGrid { print(c, try Self.touchUp(c)) }
  }
}

/// Fade on real skins: every intermediate-class skin of the test data (ITA° 28–41: the PMC chart's
/// "Caucasian" and "Oriental" patches, Luo 2024; the Del Bino class centre; the ITA 35 sample),
/// typical recipe (carbon black 1:4), moderate sun, non-smoker.
@Suite("Fade on real skins")
struct FadeOnRealSkinsTests {
  static func skins() throws -> [SkinSample] {
    try SkinSample.all().filter { ITA($0.lab).category == .intermediate }
  }

  static func touchUp(_ skin: Lab, recipe: String, _ conditions: FadeConditions) throws -> FadeTimeline {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let fit = try SkinFit(skin: skin)
    let model = DotModel(palette: palette, optics: fit.optics)
    let fractions = try Recipe.parse(recipe, palette: palette).fractions(in: palette)
    return FadeModel(conditions: conditions).timeline(fractions, model: model, years: 20)
  }

  /// Practice: a touch-up every 3–6 years (FadeModel's calibration), never in year 1 from a fit
  /// pinned at a bound.
  @Test("the typical client needs a touch-up in 3–6 years", arguments: try skins())
  func typical(sample: SkinSample) throws {
    #expect(try SkinFit(skin: sample.lab).parametersAtBounds.isEmpty)
    let timeline = try Self.touchUp(sample.lab, recipe: TypicalFadeCase.recipe, FadeConditions())
    let years = try #require(timeline.touchUpYears)
    #expect((3...6).contains(years), "\(sample.name): touch-up after \(years) years")
    // One decimal, and months from the same time.
    #expect(years == (years * 10).rounded() / 10)
    let months = try #require(timeline.touchUpMonths)
    #expect(abs(Double(months) - 12 * (timeline.touchUpTime ?? 0)) <= 0.5)
  }

  /// Sun and smoking shorten the time strictly, for the typical recipe and for carbon black 1:1.
  @Test("sun and smoking shorten the touch-up time strictly",
    arguments: [TypicalFadeCase.recipe, "cb-black=0.5,water=0.5"])
  func sunAndSmoking(recipe: String) throws {
    let skin = TypicalFadeCase.skin
    let time = { (c: FadeConditions) throws -> Double in
      try #require(try Self.touchUp(skin, recipe: recipe, c).touchUpTime)
    }
    let low = try time(FadeConditions(sun: .low))
    let moderate = try time(FadeConditions(sun: .moderate))
    let high = try time(FadeConditions(sun: .high))
    let smoker = try time(FadeConditions(sun: .moderate, smoker: true))
    #expect(high < moderate && moderate < low, "\(recipe): low \(low) moderate \(moderate) high \(high)")
    #expect(smoker < moderate, "\(recipe): smoker \(smoker) non-smoker \(moderate)")
  }
}
