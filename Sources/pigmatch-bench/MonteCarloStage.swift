import ArgumentParser
import Colorimetry
import Foundation
import PigmentMatch

/// `pigmatch-bench montecarlo`: the fast skin model (``SkinOptics``) against the MCML oracle
/// (``SkinMonteCarlo``) on a grid of skin classes × carbon-black loads × depths, with ΔE00 per
/// case, before (identity mapping) and after the calibration; `--fit` refits the calibration.
struct MonteCarloStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "montecarlo",
    abstract: "Fast skin/dot model vs MCML Monte Carlo: ΔE00 per skin × load × depth.")

  @Option(help: "Photon packets per wavelength.")
  var photons: Int = 5000

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  @Option(help: "Palette JSON file; its first pigment is the load.")
  var palette: String = "Palettes/carbon-greyscale.json"

  @Option(help: "Extra depths of the pigment layer below the epidermis, mm (comma-separated).")
  var depths: String = "0,0.1,0.25"

  @Option(help: "Skin colour L,a,b to run instead of the six ITA-class references (repeatable; e.g. 79,3,8, the healed-tattoo photo's skin).")
  var skinLab: [String] = []

  @Flag(help: "Fit the Kubelka–Munk calibration to the Monte Carlo and print it.")
  var fit = false

  @Option(help: "Exponent p of the fit's cost Σ ΔE00^p (2: least squares; larger weighs the worst cases more).")
  var fitPower: Double = 2

  @Option(help: "Cases left out of the fit and reported apart: depth:<mm>, load:<name> or skin:<class> (e.g. depth:0.1, load:1:4, skin:dark).")
  var holdout: [String] = []

  @Option(help: "Write the Monte Carlo cases (parameters and Lab) to this file, to refit without rerunning.")
  var saveReference: String?

  @Option(help: "Read the Monte Carlo cases from a file written by --save-reference instead of running MCML.")
  var reference: String?

  @Flag(help: "Only run the MCML reference case (van de Hulst's slab, Wang et al. 1995 table 2).")
  var validate = false

  typealias Case = MonteCarloGridCase

  func run() throws {
    if validate {
      // µa = 10, µs = 90 cm⁻¹, g = 0.75, n = 1, d = 0.02 cm: Rd 0.09739, Tt 0.66096 (van de Hulst).
      let slab = LayeredMedium(layers: [
        TurbidLayer(thickness: 0.02, absorption: 10, scattering: 90, anisotropy: 0.75, refractiveIndex: 1)
      ])
      let start = DispatchTime.now().uptimeNanoseconds
      let r = MonteCarloTransport.run(slab, photons: photons, seed: seed)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      print(
        String(
          format: "MCML slab: Rd %.5f ± %.5f (van de Hulst 0.09739), Tt %.5f ± %.5f (0.66096); %d photons, %.2f s",
          r.diffuseReflectance, r.diffuseReflectanceError, r.transmittance, r.transmittanceError, photons, seconds))
      return
    }
    let loaded = try Palette.load(path: palette)
    let count = loaded.pigments.count + 1
    let k = loaded.pigments.map(\.optics.k) + [PigmentOptics.water.k]
    let s = loaded.pigments.map(\.optics.s) + [PigmentOptics.water.s]
    let loads: [(String, Double)] = [("undiluted", 1), ("1:4", 0.2), ("1:20", 1.0 / 21)]
    let depthList = depths.split(separator: ",").compactMap { Double($0) }
    let start = DispatchTime.now().uptimeNanoseconds
    var cases: [Case] = []
    if let reference {
      cases = try Self.readCases(path: reference)
    } else {
    let skins: [(name: String, lab: Lab)] =
      try skinLab.isEmpty
      ? SkinClassReference.all.map { ($0.category.rawValue, $0.lab) }
      : skinLab.map { text in
        do { return ("skin \(text)", try ColourInput.parseLab(text)) } catch {
          throw ValidationError("--skin-lab \(text): \(error)")
        }
      }
    for skin in skins {
      let fitted = try SkinFit(skin: skin.lab)
      for depth in depthList {
        var p = fitted.optics.parameters
        p.pigmentDepth = depth
        let oracle = SkinMonteCarlo(parameters: p)
        var rows: [(String, [Double]?)] = depth == depthList.first ? [("bare skin", nil)] : []
        for (name, strength) in loads {
          var f = [Double](repeating: 0, count: count)
          f[0] = strength
          f[count - 1] = 1 - strength
          rows.append((name, f))
        }
        for (name, fractions) in rows {
          let mix = fractions.map { KubelkaMunk.mix(concentrations: $0, k: k, s: s) }
          let spectrum = oracle.reflectance(
            pigmentK: mix?.k, pigmentS: mix?.s, photons: photons, seed: seed)
          cases.append(
            Case(
              name: "\(skin.name) \(name) depth \(depth) mm", skin: skin.name,
              load: name, depth: depth, parameters: p,
              fractions: fractions, reference: try Spectrum(spectrum.map(\.reflectance)).lab()))
        }
      }
    }
    }
    if let saveReference { try Self.writeCases(cases, path: saveReference) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let fast = { (c: Case, calibration: KubelkaMunkCalibration) -> Lab in
      let optics = SkinOptics(parameters: c.parameters, calibration: calibration)
      guard let f = c.fractions else { return optics.skinLab }
      return DotModel(palette: loaded, optics: optics).lab(f)
    }
    var calibrations: [(String, KubelkaMunkCalibration)] = [
      ("identity", .identity), ("calibrated", .monteCarlo),
    ]
    let isHeldOut = { (c: Case) -> Bool in
      holdout.contains { rule in
        if rule.hasPrefix("depth:"), let d = Double(rule.dropFirst(6)) { return abs(c.depth - d) < 1e-9 }
        if rule.hasPrefix("load:") { return c.load == String(rule.dropFirst(5)) }
        if rule.hasPrefix("skin:") { return c.skin == String(rule.dropFirst(5)) }
        return false
      }
    }
    if fit {
      let training = cases.filter { !isHeldOut($0) }
      for (name, weight) in [
        ("fitted, epidermis S = (3/4)µs′", 0.0), ("fitted, epidermis S = (3/4)µs′ − ε·µa/4", Double.nan),
      ] {
        let fitted = Self.fitCalibration(
          cases: training, fast: fast, absorptionInScattering: weight, power: fitPower)
        print(
          String(
            format: "%@ (%d training cases): epidermisAbsorption %.4f, epidermisScattering %.4f, "
              + "dermisAbsorption %.4f, dermisScattering %.4f, internalReflectance %.4f, "
              + "epidermisAbsorptionInScattering %.4f", name,
            training.count, fitted.epidermisAbsorption, fitted.epidermisScattering,
            fitted.dermisAbsorption, fitted.dermisScattering, fitted.internalReflectance,
            fitted.epidermisAbsorptionInScattering))
        calibrations.append((name, fitted))
      }
    }
    print("case | MC L* a* b* | " + calibrations.map { "\($0.0) L* a* b* ΔE00" }.joined(separator: " | "))
    var worst = [Double](repeating: 0, count: calibrations.count)
    var sum = [Double](repeating: 0, count: calibrations.count)
    for c in cases {
      var line = c.name + " | " + Self.lab(c.reference)
      for (index, calibration) in calibrations.enumerated() {
        let lab = fast(c, calibration.1)
        let e = DeltaE.ciede2000(lab, c.reference)
        worst[index] = max(worst[index], e)
        sum[index] += e
        line += " | " + Self.lab(lab) + String(format: " %.2f", e)
      }
      print(line)
    }
    for (index, calibration) in calibrations.enumerated() {
      print(
        String(
          format: "montecarlo %@: %d cases, %d photons/wavelength: mean ΔE00 %.2f, worst %.2f",
          calibration.0, cases.count, photons, sum[index] / Double(max(cases.count, 1)), worst[index]))
      let errors = cases.map { DeltaE.ciede2000(fast($0, calibration.1), $0.reference) }
      var groups: [(String, [Int])] = [("all", Array(cases.indices))]
      if !holdout.isEmpty {
        groups.append(("training", cases.indices.filter { !isHeldOut(cases[$0]) }))
        groups.append(("held out", cases.indices.filter { isHeldOut(cases[$0]) }))
      }
      for skin in Set(cases.map(\.skin)).sorted() {
        groups.append((skin, cases.indices.filter { cases[$0].skin == skin }))
      }
      for (group, members) in groups where !members.isEmpty {
        let e = members.map { errors[$0] }
        print(
          String(
            format: "  %@ %@: %d cases, mean %.2f, worst %.2f, above 2: %d", calibration.0, group, e.count,
            e.reduce(0, +) / Double(e.count), e.max() ?? 0, e.filter { $0 > 2 }.count))
      }
    }
    print(String(format: "montecarlo: Monte Carlo time %.1f s", seconds))
  }

  /// Nelder–Mead (Nelder & Mead 1965) on the log factors and K2 (and ε, as a logistic, when
  /// `absorptionInScattering` is NaN; else ε is held at that value), minimising Σ ΔE00^`power`.
  static func fitCalibration(
    cases: [Case], fast: (Case, KubelkaMunkCalibration) -> Lab, absorptionInScattering: Double, power: Double
  ) -> KubelkaMunkCalibration {
    let fitsWeight = absorptionInScattering.isNaN
    func make(_ v: [Double]) -> KubelkaMunkCalibration {
      KubelkaMunkCalibration(
        epidermisAbsorption: exp(v[0]), epidermisScattering: exp(v[1]), dermisAbsorption: exp(v[2]),
        dermisScattering: exp(v[3]), internalReflectance: min(max(v[4], 0.2), 0.8),
        epidermisAbsorptionInScattering: fitsWeight ? 1 / (1 + exp(-v[5])) : absorptionInScattering)
    }
    func cost(_ x: [Double]) -> Double {
      let c = make(x)
      return cases.reduce(0) {
        $0 + pow(DeltaE.ciede2000(fast($1, c), $1.reference), power)
      }
    }
    // Start from the shipped calibration (a refit moves it only where the cases ask).
    let shipped = KubelkaMunkCalibration.monteCarlo
    let start = [
      log(shipped.epidermisAbsorption), log(shipped.epidermisScattering), log(shipped.dermisAbsorption),
      log(shipped.dermisScattering), shipped.internalReflectance,
    ]
    let weight = min(max(shipped.epidermisAbsorptionInScattering, 0.01), 0.99)
    var simplex: [[Double]] = [fitsWeight ? start + [log(weight / (1 - weight))] : start]
    for i in simplex[0].indices {
      var v = simplex[0]
      v[i] += i == 4 ? 0.1 : i == 5 ? 1 : 0.3
      simplex.append(v)
    }
    var values = simplex.map(cost)
    for _ in 0..<1000 {
      let order = values.indices.sorted { values[$0] < values[$1] }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let n = simplex.count - 1
      var centroid = [Double](repeating: 0, count: n)
      for v in simplex.dropLast() { for i in 0..<n { centroid[i] += v[i] / Double(n) } }
      let worst = simplex[n]
      let point = { (t: Double) in (0..<n).map { centroid[$0] + t * (worst[$0] - centroid[$0]) } }
      let reflected = point(-1)
      let fr = cost(reflected)
      if fr < values[0] {
        let expanded = point(-2)
        let fe = cost(expanded)
        (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
      } else if fr < values[n - 1] {
        (simplex[n], values[n]) = (reflected, fr)
      } else {
        let contracted = point(0.5)
        let fc = cost(contracted)
        if fc < values[n] {
          (simplex[n], values[n]) = (contracted, fc)
        } else {
          for j in 1...n {
            simplex[j] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[j][$0] - simplex[0][$0]) }
            values[j] = cost(simplex[j])
          }
        }
      }
    }
    let best = values.indices.min { values[$0] < values[$1] } ?? 0
    return make(simplex[best])
  }

  /// Writes the cases, one line each (``MonteCarloGridCase/line``).
  static func writeCases(_ cases: [Case], path: String) throws {
    try (cases.map(\.line).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Reads cases written by ``writeCases(_:path:)``.
  static func readCases(path: String) throws -> [Case] {
    do {
      return try MonteCarloGridCase.parse(try String(contentsOfFile: path, encoding: .utf8))
    } catch let error as MonteCarloGridCase.ParseError {
      throw ValidationError("\(path): \(error)")
    }
  }

  static func lab(_ lab: Lab) -> String { String(format: "%.1f %.1f %.1f", lab.l, lab.a, lab.b) }
}
