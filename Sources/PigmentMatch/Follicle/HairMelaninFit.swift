import Colorimetry
import Foundation

/// The client's hair as melanin in keratin fibres, fitted to its measured colour.
///
/// Model of the hair's own colour (a mass of fibres in air, as measured in the photo):
/// R(λ) = r_s + (1 − r_s)·[w·R∞(2σa,pig/S) + (1 − w)·R∞(2σa,ker/S)], with
/// - σa,pig = c_eu·σa,eu + c_pheo·σa,pheo + σa,ker of a pigmented fibre (`MelaninAbsorption`),
///   σa,ker of an unpigmented (white) one;
/// - w the share of pigmented fibres: greying is a mixture of pigmented and unpigmented hairs
///   (canities; Tobin & Paus 2001, Exp. Gerontol. 36:29), mixed by area as they lie side by side;
/// - S the fibre mass's scattering and r_s the neutral cuticle reflection (`HairFibreOptics`);
/// - R∞ = 1/(1 + q + √(q² + 2q)), q = K/S (Kubelka & Munk 1931; `KubelkaMunk`).
/// Concentrations are multiples of the pure-melanin absorption of Donner & Jensen (2006).
///
/// Fit: minimise ΔE00(model, measured)² + (0.3·(1 − w))² — the weak pull prefers fully pigmented
/// hair unless greying is needed to reach the colour — over ln c_eu, ln c_pheo and w, by a coarse
/// grid then a compass (pattern) search with halving steps (Hooke & Jeeves 1961), inside
/// c ∈ 10⁻⁴…20, w ∈ 0…1.
public struct HairMelaninFit: Sendable {
  /// The measured hair colour (CIELAB D65).
  public let hair: Lab
  /// Eumelanin concentration (multiple of pure-melanin absorption), 10⁻⁴…20.
  public let eumelanin: Double
  /// Pheomelanin concentration, 10⁻⁴…20.
  public let pheomelanin: Double
  /// Share of pigmented fibres, 0…1 (1: no grey hairs).
  public let pigmentedShare: Double
  /// The model's hair colour.
  public let modelLab: Lab
  /// ΔE00(model, measured): the fit's residual.
  public let deltaE00: Double

  /// Bounds of the fitted concentrations.
  package static let concentrationRange: ClosedRange<Double> = 1e-4...20
  /// Pull toward fully pigmented hair, ΔE00 per unit of grey share.
  static let greyPull = 0.3
  /// Grid points the compass search starts from.
  static let starts = 8
  /// The compass search stops when its ln c step is below this (0.1 % in concentration).
  static let finestStep = 1e-3

  /// Fits the melanin model to `hair` (CIELAB D65, finite).
  public init(hair: Lab) {
    self.hair = hair
    let lower = [log(Self.concentrationRange.lowerBound), log(Self.concentrationRange.lowerBound), 0]
    let upper = [log(Self.concentrationRange.upperBound), log(Self.concentrationRange.upperBound), 1]
    func clamp(_ p: [Double]) -> [Double] { (0..<3).map { min(max(p[$0], lower[$0]), upper[$0]) } }
    func cost(_ p: [Double]) -> Double {
      let lab = Self.fastLab(eumelanin: exp(p[0]), pheomelanin: exp(p[1]), pigmentedShare: p[2])
      let e = DeltaE.ciede2000(hair, lab)
      let pull = Self.greyPull * (1 - p[2])
      return e.isFinite ? e * e + pull * pull : .infinity
    }
    var grid: [(cost: Double, p: [Double])] = []
    for eu in stride(from: -9.0, through: 3.0, by: 1) {
      for pheo in stride(from: -9.0, through: 3.0, by: 1) {
        for w in stride(from: 0.0, through: 1.0, by: 0.25) {
          let p = clamp([eu, pheo, w])
          grid.append((cost(p), p))
        }
      }
    }
    grid.sort { $0.cost < $1.cost }
    var best = grid[0].p
    var bestCost = grid[0].cost
    // Compass search from the best few grid points (the two melanins trade off, so one start can
    // end in a side valley).
    for start in grid.prefix(Self.starts) {
      var p = start.p
      var c = start.cost
      var step = [0.5, 0.75, 0.125]
      var rounds = 0
      while step[0] > Self.finestStep && rounds < 200 {
        rounds += 1
        var moved = false
        for axis in 0..<3 {
          for sign in [-1.0, 1.0] {
            var probe = p
            probe[axis] += sign * step[axis]
            probe = clamp(probe)
            let pc = cost(probe)
            if pc < c {
              (p, c) = (probe, pc)
              moved = true
            }
          }
        }
        if !moved { step = step.map { $0 / 2 } }
      }
      if c < bestCost { (best, bestCost) = (p, c) }
    }
    eumelanin = exp(best[0])
    pheomelanin = exp(best[1])
    pigmentedShare = best[2]
    modelLab = Self.lab(eumelanin: eumelanin, pheomelanin: pheomelanin, pigmentedShare: pigmentedShare)
    deltaE00 = DeltaE.ciede2000(hair, modelLab)
  }

  /// Absorption σa of a pigmented fibre, mm⁻¹ (31 values).
  package var pigmentedAbsorption: [Double] {
    MelaninAbsorption.fibre(eumelanin: eumelanin, pheomelanin: pheomelanin)
  }

  /// The model's reflectance of a mass of this hair in air (31 values).
  package static func reflectance(eumelanin: Double, pheomelanin: Double, pigmentedShare w: Double)
    -> [Double]
  {
    let pigmented = MelaninAbsorption.fibre(eumelanin: eumelanin, pheomelanin: pheomelanin)
    let s = HairFibreOptics.scatteringInAir
    let rs = HairFibreOptics.surfaceReflectance
    return (0..<pigmented.count).map { l in
      let dark = KubelkaMunk.reflectanceInfinite(.init(k: 2 * pigmented[l], s: s))
      let white = KubelkaMunk.reflectanceInfinite(.init(k: 2 * MelaninAbsorption.keratin[l], s: s))
      return rs + (1 - rs) * (w * dark + (1 - w) * white)
    }
  }

  /// Per wavelength: σa,eu, σa,pheo, σa,ker, and the white fibres' R∞, for ``fastLab``.
  private static let table: [(eu: Double, pheo: Double, keratin: Double, white: Double)] =
    (0..<MelaninAbsorption.keratin.count).map { l in
      (
        MelaninAbsorption.eumelanin[l], MelaninAbsorption.pheomelanin[l], MelaninAbsorption.keratin[l],
        KubelkaMunk.reflectanceInfinite(.init(k: 2 * MelaninAbsorption.keratin[l], s: HairFibreOptics.scatteringInAir))
      )
    }

  /// ``lab(eumelanin:pheomelanin:pigmentedShare:)`` without intermediate arrays (the fit's inner
  /// loop): the same sums, R∞ written out as in ``KubelkaMunk/reflectanceInfinite(_:)``.
  static func fastLab(eumelanin ceu: Double, pheomelanin cpheo: Double, pigmentedShare w: Double) -> Lab {
    let t = fastXYZ(eumelanin: ceu, pheomelanin: cpheo, pigmentedShare: w)
    return DotModel.lab(x: t.x, y: t.y, z: t.z)
  }

  /// The tristimulus sums of ``fastLab(eumelanin:pheomelanin:pigmentedShare:)`` (linear in the
  /// pigmented share: the fibres are mixed by area).
  static func fastXYZ(eumelanin ceu: Double, pheomelanin cpheo: Double, pigmentedShare w: Double) -> (
    x: Double, y: Double, z: Double
  ) {
    let s = HairFibreOptics.scatteringInAir
    let rs = HairFibreOptics.surfaceReflectance
    let weights = DotModel.d65Weights
    var x = 0.0
    var y = 0.0
    var z = 0.0
    for (l, t) in table.enumerated() {
      let q = 2 * (ceu * t.eu + cpheo * t.pheo + t.keratin) / s
      let dark = 1 / (1 + q + (q * q + 2 * q).squareRoot())
      let r = rs + (1 - rs) * (w * dark + (1 - w) * t.white)
      x += r * weights.x[l]
      y += r * weights.y[l]
      z += r * weights.z[l]
    }
    return (x, y, z)
  }

  static func lab(eumelanin: Double, pheomelanin: Double, pigmentedShare: Double) -> Lab {
    DotModel.lab(
      ofReflectance: reflectance(eumelanin: eumelanin, pheomelanin: pheomelanin, pigmentedShare: pigmentedShare))
  }
}
