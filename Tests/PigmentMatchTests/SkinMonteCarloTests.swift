import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// The fast skin model against the MCML oracle at three wavelengths (450, 550, 650 nm), 3000
/// packets each: small enough for a debug test run. Tolerance per wavelength: 4 standard errors of
/// the Monte Carlo plus 10 % of the reflectance — about ΔE00 2 in L* at these reflectances, the
/// acceptance bound of issue 14 (`pigmatch-bench montecarlo` gives the full ΔE00 table).
struct OracleCase: Sendable, CustomTestStringConvertible {
  let name: String
  let skin: Lab
  let load: Double?  // carbon-black fraction, nil: bare skin
  let depth: Double
  var testDescription: String { name }

  static let all: [OracleCase] = [
    OracleCase(name: "very light, bare", skin: Lab(l: 72, a: 8, b: 12), load: nil, depth: 0),
    OracleCase(name: "very light, undiluted", skin: Lab(l: 72, a: 8, b: 12), load: 1, depth: 0),
    OracleCase(name: "intermediate, 1:4", skin: Lab(l: 61, a: 11, b: 16), load: 0.2, depth: 0),
    OracleCase(name: "brown, 1:20, sunk 0.1 mm", skin: Lab(l: 46, a: 13, b: 20), load: 1.0 / 21, depth: 0.1),
  ]
}

@Suite("Fast skin model vs Monte Carlo")
struct SkinMonteCarloTests {
  static let indices = [5, 15, 25]

  static func compare(_ c: OracleCase, calibration: KubelkaMunkCalibration) throws
    -> [(fast: Double, mc: Double, error: Double)]
  {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    var p = try SkinFit(skin: c.skin).optics.parameters
    p.pigmentDepth = c.depth
    let fast = SkinOptics(parameters: p, calibration: calibration)
    let oracle = SkinMonteCarlo(parameters: p)
    let count = palette.pigments.count + 1
    var fractions = [Double](repeating: 0, count: count)
    let fastReflectance: [Double]
    let mc: [(reflectance: Double, error: Double)]
    if let load = c.load {
      fractions[0] = load
      fractions[count - 1] = 1 - load
      let model = DotModel(palette: palette, optics: fast)
      let mix = KubelkaMunk.mix(
        concentrations: fractions, k: palette.pigments.map(\.optics.k) + [PigmentOptics.water.k],
        s: palette.pigments.map(\.optics.s) + [PigmentOptics.water.s])
      fastReflectance = model.reflectance(fractions)
      mc = oracle.reflectance(pigmentK: mix.k, pigmentS: mix.s, photons: 3000, seed: 9, indices: indices)
    } else {
      fastReflectance = fast.skinReflectance
      mc = oracle.reflectance(pigmentK: nil, pigmentS: nil, photons: 3000, seed: 9, indices: indices)
    }
    return zip(indices, mc).map { (fastReflectance[$0.0], $0.1.reflectance, $0.1.error) }
  }

  /// The comparison grid of issue 14 against a committed MCML run (`Fixtures/monte-carlo-grid.tsv`,
  /// written by `pigmatch-bench montecarlo --save-reference`; see the file's header): six ITA-class
  /// skins × bare, undiluted, 1:4 and 1:20 carbon black × depths 0, 0.1 and 0.25 mm, 60 cases, each
  /// with the skin parameters it was run at, so the check does not move with the skin fit.
  static let grid: [GridCase] = {
    let url = TestData.packageRoot.appendingPathComponent("Tests/PigmentMatchTests/Fixtures/monte-carlo-grid.tsv")
    return ((try? MonteCarloGridCase.parse(String(contentsOf: url, encoding: .utf8))) ?? []).map(GridCase.init)
  }()

  /// A grid case, named in the test report.
  struct GridCase: Sendable, CustomTestStringConvertible {
    let c: MonteCarloGridCase
    var testDescription: String { c.name }
  }

  /// The fast model's colour for a grid case (bare skin or a carbon-black dot).
  static func fastLab(_ c: MonteCarloGridCase, _ calibration: KubelkaMunkCalibration = .monteCarlo) throws -> Lab {
    let optics = SkinOptics(parameters: c.parameters, calibration: calibration)
    guard let f = c.fractions else { return optics.skinLab }
    return DotModel(palette: try ShippedPalettes.load("carbon-greyscale.json"), optics: optics).lab(f)
  }

  @Test("the fixture holds the whole grid")
  func gridIsComplete() {
    #expect(Self.grid.count == 60)
    #expect(Set(Self.grid.map(\.c.skin)).count == 6)
  }

  /// Issue 14, deliverable 3: the fast model within ΔE00 2 of the Monte Carlo on every case.
  @Test("every case of the grid within ΔE00 2 of the Monte Carlo", arguments: grid)
  func gridCase(g: GridCase) throws {
    let c = g.c
    let fast = try Self.fastLab(c)
    let e = DeltaE.ciede2000(fast, c.reference)
    #expect(e <= 2, "\(c.name): fast \(fast), MC \(c.reference), ΔE00 \(e)")
  }

  /// The calibration earns its place: over the grid the calibrated fast model is closer to the
  /// Monte Carlo, on average, than the uncalibrated mapping (κ = σ = 1, K2 = 0.5), both computed here.
  @Test("mean ΔE00 over the grid: calibrated closer than uncalibrated")
  func gridMean() throws {
    func mean(_ calibration: KubelkaMunkCalibration) throws -> Double {
      let errors = try Self.grid.map { DeltaE.ciede2000(try Self.fastLab($0.c, calibration), $0.c.reference) }
      return errors.reduce(0, +) / Double(max(errors.count, 1))
    }
    let (calibrated, identity) = (try mean(.monteCarlo), try mean(.identity))
    #expect(!Self.grid.isEmpty && calibrated < identity, "calibrated \(calibrated), uncalibrated \(identity)")
  }

  @Test("the calibrated fast model agrees with MCML within the stated tolerance", arguments: OracleCase.all)
  func agrees(c: OracleCase) throws {
    for (i, r) in try Self.compare(c, calibration: .monteCarlo).enumerated() {
      #expect(abs(r.fast - r.mc) <= 4 * r.error + 0.1 * r.mc,
        "\(c.name) at \(400 + 10 * Self.indices[i]) nm: fast \(r.fast), MC \(r.mc) ± \(r.error)")
    }
  }

  /// Dark skin over the whole spectrum (31 wavelengths, 1500 packets each): the calibration brings
  /// the fast bare skin and a 1:20 dot closer to MCML than the uncalibrated model (κ = σ = 1,
  /// K2 = 0.5), which leaves the dark skin 3–5 b* too blue. (Issue 14's bound of 2 is checked on
  /// every case of the 5000-packet fixture above; at 1500 packets the Monte Carlo's own scatter in
  /// b* is about ±1.)
  @Test("dark skin: the calibration brings the fast model closer to MCML", arguments: [nil, 1.0 / 21])
  func darkSkinCloserToMonteCarlo(load: Double?) throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let p = try SkinFit(skin: Lab(l: 32, a: 10, b: 16)).optics.parameters
    var fractions = [Double](repeating: 0, count: palette.pigments.count + 1)
    fractions[0] = load ?? 0
    fractions[fractions.count - 1] = 1 - (load ?? 0)
    let mix = KubelkaMunk.mix(
      concentrations: fractions, k: palette.pigments.map(\.optics.k) + [PigmentOptics.water.k],
      s: palette.pigments.map(\.optics.s) + [PigmentOptics.water.s])
    func fastLab(_ c: KubelkaMunkCalibration) -> Lab {
      let optics = SkinOptics(parameters: p, calibration: c)
      return load == nil ? optics.skinLab : DotModel(palette: palette, optics: optics).lab(fractions)
    }
    let mc = SkinMonteCarlo(parameters: p).reflectance(
      pigmentK: load == nil ? nil : mix.k, pigmentS: load == nil ? nil : mix.s, photons: 1500, seed: 5)
    let mcLab = try Spectrum(mc.map(\.reflectance)).lab()
    let now = DeltaE.ciede2000(fastLab(.monteCarlo), mcLab)
    let uncalibrated = DeltaE.ciede2000(fastLab(.identity), mcLab)
    #expect(now < uncalibrated, "calibrated \(now), uncalibrated \(uncalibrated); MC \(mcLab)")
  }

  /// The two published limits of the epidermis's S, by hand: ε = 0 gives S = σ·(3/4)µs′ (Gate
  /// 1974; Thennadil 2008), ε = 1 van Gemert & Star's σ·(3/4)µs′ − µa/4, both clamped at 0, in
  /// mm⁻¹ from cm⁻¹; K = κ·2µa either way. µa = 40, µs′ = 50 cm⁻¹, κ = 0.5, σ = 0.8.
  @Test("epidermis S: ε = 0 and ε = 1 are Gate's and van Gemert & Star's forms")
  func epidermisScatteringLimits() {
    func constants(_ weight: Double, mua: Double = 40) -> KubelkaMunk.Constants {
      KubelkaMunkCalibration(
        epidermisAbsorption: 0.5, epidermisScattering: 0.8, dermisAbsorption: 1, dermisScattering: 1,
        internalReflectance: 0.5, epidermisAbsorptionInScattering: weight
      ).epidermis(absorption: mua, reducedScattering: 50)
    }
    #expect(abs(constants(0).k - 4.0) < 1e-12)  // 0.5·2·40 cm⁻¹ = 40 cm⁻¹ = 4 mm⁻¹
    #expect(abs(constants(0).s - 3.0) < 1e-12)  // 0.8·0.75·50 = 30 cm⁻¹
    #expect(abs(constants(1).s - 2.0) < 1e-12)  // 30 − 10 = 20 cm⁻¹
    #expect(abs(constants(0.5).s - 2.5) < 1e-12)
    #expect(constants(1, mua: 200).s == 0)  // 30 − 50 < 0: clamped
  }

  /// Issue 14 found that Kubelka–Munk loses contrast for a thin turbid layer over a strong
  /// absorber: the two-flux model with van Gemert & Star's mapping made the undiluted dot 5–7 L*
  /// lighter than the Monte Carlo (very light skin: 44.3 against 37.7). With the collimated beam
  /// carried apart and no fitted factor at all (κ = σ = 1, K2 = 0.5), every undiluted dot of the
  /// grid is within 3 L* of the Monte Carlo.
  @Test("the collimated beam alone keeps the dot's contrast", arguments: grid.filter { $0.c.load == "undiluted" })
  func beamKeepsContrast(g: GridCase) throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let optics = SkinOptics(parameters: g.c.parameters, calibration: .identity)
    let dot = DotModel(palette: palette, optics: optics).lab(try #require(g.c.fractions))
    #expect(abs(dot.l - g.c.reference.l) <= 3, "\(g.c.name): fast L* \(dot.l), MC \(g.c.reference.l)")
  }

  /// The healed-tattoo photos (`shared/testdata/photos/healed-tattoo/SOURCE.md`): black on light
  /// skin reads L* ≈ 32, b* ≈ −11 against skin L* ≈ 79, b* ≈ 8, so ΔL* ≈ −47 and Δb* ≈ −19 (the
  /// hue shift is the robust part; the phone's contrast is an upper bound). The model, under the
  /// very light class skin, must show the blue shift at least half as large and a darkening of at
  /// least 25 L* without exceeding the photo's contrast.
  @Test("undiluted carbon black under very light skin: blue shift and contrast like the healed tattoo")
  func healedTattoo() throws {
    let palette = try ShippedPalettes.load("carbon-greyscale.json")
    let fit = try SkinFit(skin: Lab(l: 72, a: 8, b: 12))
    let dot = DotModel(palette: palette, optics: fit.optics).lab([1, 0, 0, 0, 0])
    let skin = fit.optics.skinLab
    #expect(dot.b - skin.b <= -19.0 / 2, "Δb* \(dot.b - skin.b)")
    #expect(dot.l - skin.l <= -25 && dot.l - skin.l >= -47, "ΔL* \(dot.l - skin.l)")
  }
}
