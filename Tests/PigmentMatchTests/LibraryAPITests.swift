import Foundation
import Testing

import PigmentMatch

/// The library API without traps (issue 15, deliverable 4). That a blend cannot be solved without
/// optics, and that no public API takes positional fraction arrays, is checked by the compiler; these
/// tests check the behaviour behind it and the typed errors that remain.
@Suite struct LibraryAPITests {
  static func lab(_ v: [Double]) -> Lab { Lab(l: v[0], a: v[1], b: v[2]) }

  /// Skin and hair truth of every generated sample (`Samples/*.truth.json`) that has hair.
  struct Client: Decodable, Sendable, CustomStringConvertible {
    struct Tone: Decodable, Sendable { let lab: [Double] }
    let name: String
    let skin: Tone
    let hair: Tone?
    var description: String { name }
  }

  static let clients: [Client] = {
    let folder = TestData.samples
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".truth.json") }.sorted().compactMap { name in
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
      return try? JSONDecoder().decode(Client.self, from: data)
    }.filter { $0.hair != nil }
  }()

  @Test func everySampleIsRead() {
    #expect(Self.clients.count >= 10)
  }

  /// The trap the required optics close: a blend solved in a neutral dermis, then tattooed into the
  /// client's skin, looks different from what its solve reported. Seen through the client's skin it
  /// can be no closer to the follicle than the blend solved for that skin (which minimises exactly
  /// that distance), and what the neutral solve claims understates the miss by more than a match
  /// (04-light-salt-pepper: the neutral solve claims ΔE00 1.66, a match; in the client's skin it is
  /// 10.7, where the skin-aware blend reaches 1.45).
  @Test func theClientsSkinChangesTheBlend() throws {
    let palette = try Palette.load(path: PigmentsTestSupport.palette("carbon-greyscale.json").path)
    var worstMiss = 0.0
    for client in Self.clients {
      guard let hair = client.hair else { continue }
      let fit = try SkinFit(skin: Self.lab(client.skin.lab))
      let target = FollicleTarget(hair: Self.lab(hair.lab), optics: fit.optics).lab
      let skinAware = try BlendSolver(palette: palette, optics: fit.optics).solve(target: target).blend
      let neutral = try BlendSolver(palette: palette, optics: NeutralDermisDotOptics()).solve(target: target).blend
      let seenThroughSkin = try Blend(recipe: neutral.recipe, model: DotModel(palette: palette, optics: fit.optics), target: target)
      #expect(
        skinAware.deltaE00 <= seenThroughSkin.deltaE00 + 0.05,
        "\(client): skin-aware ΔE00 \(skinAware.deltaE00), neutral blend in this skin \(seenThroughSkin.deltaE00)")
      worstMiss = max(worstMiss, seenThroughSkin.deltaE00 - neutral.deltaE00)
    }
    // What the neutral solve claims understates the miss in someone's skin by more than a match.
    #expect(worstMiss > FadeModel.matchThreshold, "largest understatement ΔE00 \(worstMiss)")
  }

  /// A recipe names its ingredients by id: the order it was written in does not matter, and a
  /// pigment the model's palette lacks is a typed error, never a silently dropped ingredient.
  @Test func recipesAreMatchedByIDNotPosition() throws {
    let greys = try Palette.load(path: PigmentsTestSupport.palette("carbon-greyscale.json").path)
    let oxides = try Palette.load(path: PigmentsTestSupport.palette("iron-oxide-tones.json").path)
    let model = DotModel(palette: greys, optics: NeutralDermisDotOptics())
    let forwards = try Recipe.parse("cb-black=0.2,water=0.8", palette: greys)
    let backwards = try Recipe.parse("water=0.8,cb-black=0.2", palette: greys)
    #expect(try model.lab(forwards) == model.lab(backwards))

    let foreign = try Recipe.parse("io-black=0.2,water=0.8", palette: oxides)
    let known = greys.pigments.map(\.id) + ["water"]
    let expected = RecipeError.unknownPigment("io-black", known: known)
    #expect(throws: expected) { try model.lab(foreign) }
    #expect(throws: expected) { try model.stubbleLab(foreign) }
    #expect(throws: expected) { try Blend(recipe: foreign, model: model, target: Lab(l: 40, a: 0, b: 0)) }
    #expect(throws: expected) { try FadeModel().timeline(foreign, model: model, years: 3) }

    // A blend solved with one palette, evaluated with another that lacks its pigment.
    let solver = BlendSolver(palette: oxides, optics: NeutralDermisDotOptics())
    let blend = try solver.solve(target: model.lab(forwards)).blend
    let other = BlendSolver(palette: greys, optics: NeutralDermisDotOptics())
    #expect(blend.pigmentCount > 0)
    #expect(throws: RecipeError.self) { try other.meanDeltaE00(blend, years: 3) }
    #expect(CupRecipe(blend, model: other.model, volume: 5) == nil)
    #expect(CupRecipe(blend, model: solver.model, volume: 5) != nil)
  }

  /// A solved blend's recipe gives back the same dot: the typed form loses nothing.
  @Test func aBlendsRecipeReproducesIt() throws {
    let palette = try Palette.load(path: PigmentsTestSupport.palette("iron-oxide-tones.json").path)
    let fit = try SkinFit(skin: Lab(l: 62, a: 10, b: 17))
    let solver = BlendSolver(palette: palette, optics: fit.optics)
    let blend = try solver.solve(target: Lab(l: 38, a: 2, b: 4)).blend
    let again = try Blend(recipe: blend.recipe, model: solver.model, target: blend.target)
    #expect(DeltaE.ciede2000(again.dotLab, blend.dotLab) < 1e-9)
    #expect(abs(again.deltaE00 - blend.deltaE00) < 1e-9)
    #expect(blend.recipe.components.map(\.pigment) == blend.components.map(\.pigment))
    // Its mean ΔE00 over zero years is its day-one ΔE00.
    #expect(abs(try solver.meanDeltaE00(blend, years: 0) - blend.deltaE00) < 1e-9)
  }

  /// A match report carries what it was computed under, and the HTML page states that (high sun,
  /// smoker), not a default.
  @Test func aMatchReportCarriesItsConditions() throws {
    let f = try ReportFixture.get()
    let conditions = FadeConditions(sun: .high, smoker: true)
    let pipeline = MatchPipeline(palette: f.palette, options: .init(years: 0, timelineYears: 4, conditions: conditions))
    let report = try pipeline.run(analysis: f.analysis)
    #expect(report.conditions.fade == conditions)
    #expect(report.conditions.options.timelineYears == 4)
    #expect(report.conditions.calibration?.isCalibrated == false)
    #expect(report.palette.name == f.palette.name)
    let html = try ReportFixture.html(report)
    #expect(html.contains("sun high · smoker"))
    #expect(html.contains("Sun high, smoker."))
    #expect(!html.contains("sun moderate"))
  }

  /// The skin type a risk was judged on travels with the report; colours typed in carry no calibration.
  @Test func typedInColoursCarryTheStatedTypeAndNoCalibration() throws {
    let palette = try Palette.load(path: PigmentsTestSupport.palette("carbon-greyscale.json").path)
    let report = try MatchPipeline(palette: palette).run(
      skin: Lab(l: 45, a: 12, b: 20), hair: Lab(l: 15, a: 1, b: 2), skinType: .stated(.v))
    #expect(report.conditions.skinType == .stated(.v))
    #expect(report.conditions.calibration == nil)
    #expect(report.conditions.fade == FadeConditions())
  }

  @Test func skinTypeDescriptions() {
    #expect(SkinTypeAssessment.stated(.iv).description == "Fitzpatrick IV (stated)")
    // L* 60, b* 10: ITA° 45, "light" → type II by convention.
    let measured = SkinTypeAssessment(skin: Lab(l: 60, a: 5, b: 10), calibrated: true, confidence: 0.9)
    #expect(measured.description == "Fitzpatrick II (measured)")
    // A low-confidence measurement keeps every type plausible and judges on the darkest.
    let unsure = SkinTypeAssessment(skin: Lab(l: 60, a: 5, b: 10), calibrated: false, confidence: 0.1)
    #expect(unsure.description == "Fitzpatrick VI (unconfirmed; plausible I, II, III, IV, V, VI)")
    #expect(HyperpigmentationRisk.moderate.description == "moderate")
  }
}
