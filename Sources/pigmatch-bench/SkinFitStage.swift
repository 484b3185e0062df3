import ArgumentParser
import Colorimetry
import Foundation
import PigmentMatch

/// `pigmatch-bench skinfit`: the skin fit over the photographed-scalp box (L* 25–85, a* 5–25,
/// b* 8–35) and given colours: fit ΔE00, parameters at a bound, gamut verdict, and time per fit.
struct SkinFitStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skinfit",
    abstract: "Skin-model fit over the scalp colour box: ΔE00, bounds, gamut, time per fit.")

  @Option(help: "Grid steps per axis of the L*, a*, b* box.")
  var steps: Int = 5

  @Option(help: "Extra colours L,a,b;L,a,b;… to fit.")
  var colours: String = ""

  @Option(
    help: "Forward model only: parameter sets Cm,pheo,B,S,scattering,epidermis mm[,carotene µM];… → skin Lab.")
  var forward: String = ""

  @Flag(help: "Take the colours as measured with the specular reflection excluded (45/0; SkinColourGeometry).")
  var specularExcluded = false

  @Option(help: "For colours out of gamut: draw this many skins from inside every range (seeded) and report the nearest.")
  var sample: Int = 0

  func run() throws {
    if !forward.isEmpty {
      for set in forward.split(separator: ";") {
        let v = set.split(separator: ",").compactMap { Double($0) }
        guard v.count == 6 || v.count == 7 else { continue }
        let p = SkinParameters(
          melanosomeFraction: v[0], bloodFraction: v[2], oxygenSaturation: v[3], dermalScatteringScale: v[4],
          epidermisThickness: v[5], pheomelaninFraction: v[1],
          caroteneMicromolar: v.count == 7 ? v[6] : SkinParameters.defaultCaroteneMicromolar)
        let lab = SkinOptics(parameters: p).skinLab
        print(String(format: "%@ → L* %.1f a* %.1f b* %.1f", String(set), lab.l, lab.a, lab.b))
      }
      return
    }
    var labs: [Lab] = colours.split(separator: ";").compactMap {
      let v = $0.split(separator: ",").compactMap { Double($0) }
      return v.count == 3 ? Lab(l: v[0], a: v[1], b: v[2]) : nil
    }
    let n = max(steps, 2)
    for i in 0..<n {
      for j in 0..<n {
        for k in 0..<n {
          let t = { (x: Int) in Double(x) / Double(n - 1) }
          labs.append(Lab(l: 25 + 60 * t(i), a: 5 + 20 * t(j), b: 8 + 27 * t(k)))
        }
      }
    }
    var skins: [Lab] = []
    if sample > 0 {
      var rng = SplitMix64(seed: 42)
      skins = (0..<sample).map { _ in
        let t = SkinParameterRange.fitted.map { _ in rng.uniform(0.02...0.98) }
        return SkinOptics(parameters: SkinParameterRange.parameters(t)).skinLab
      }
    }
    var beyond = 0
    var times: [Double] = []
    var inGamut = 0
    var worstIn = 0.0
    for lab in labs {
      let start = DispatchTime.now().uptimeNanoseconds
      let fit = try SkinFit(skin: lab, geometry: specularExcluded ? .specularExcluded : .specularIncluded)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      let p = fit.optics.parameters
      if fit.inGamut {
        inGamut += 1
        worstIn = max(worstIn, fit.deltaE00)
      }
      var nearest = ""
      if !fit.inGamut, !skins.isEmpty {
        let d = skins.map { DeltaE.ciede2000($0, lab) }.min() ?? .infinity
        if d > SkinFit.gamutTolerance { beyond += 1 }
        nearest = String(format: " | nearest in-range skin ΔE00 %.2f", d)
      }
      print(
        String(
          format: "%5.1f %5.1f %5.1f | model %.4f %.4f %.4f ΔE00 %.4f | Cm %.3f pheo %.2f B %.4f S %.2f scat %.2f epi %.3f pow %.2f"
            + " caro %.1f | %@ %@",
          lab.l, lab.a, lab.b, fit.modelLab.l, fit.modelLab.a, fit.modelLab.b, fit.deltaE00, p.melanosomeFraction, p.pheomelaninFraction,
          p.bloodFraction, p.oxygenSaturation, p.dermalScatteringScale, p.epidermisThickness, p.scatteringPower,
          p.caroteneMicromolar, fit.inGamut ? "skin" : "CAST", fit.parametersAtBounds.joined(separator: ",")) + nearest)
    }
    times.sort()
    print(
      String(
        format: "skinfit: %d colours, %d in gamut (worst ΔE00 %.2f); median %.2f ms per fit, p95 %.2f ms, max %.2f ms",
        labs.count, inGamut, worstIn, times[times.count / 2], times[min(times.count - 1, times.count * 95 / 100)],
        times.last ?? 0)
        + (sample > 0 ? "; out of gamut with no sampled in-range skin within ΔE00 1.0: \(beyond)" : ""))
  }
}
