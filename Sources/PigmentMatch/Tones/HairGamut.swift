import Foundation

/// The natural hair colour family: the colours melanins in keratin can give.
///
/// Natural hair colour comes from two melanins in the keratin fibre, black-brown eumelanin and
/// red-yellow pheomelanin, and from the share of unpigmented (grey, white) fibres. The family is
/// the set of colours the hair melanin model ``HairMelaninFit`` reaches (Donner & Jensen 2006
/// melanin absorption, ``MelaninAbsorption``; Kubelka–Munk fibre mass, ``HairFibreOptics``) over
/// its concentration range (``HairMelaninFit/concentrationRange``) and every grey share: hue
/// 60°–87°, C*ab ≤ 23.3, L* 15.9–96.4 (sampled by `HairGamutTests`).
///
/// The bounds used on photo colours widen that reach for the camera: white balance turns the hue
/// of low-chroma colours freely (hence any hue up to C*ab ``achromaticChroma``: black, grey and
/// white hair), warm light and JPEG chroma subsampling push dark hair toward the skin's hue
/// (measured by hand on the real photos: dark hair at h ≈ 43°), and exposure moves lightness and
/// chroma together. So: achromatic (C*ab ≤ 8, any hue), or C*ab ≤ 32 at hue 15°–100°. Dyed colours
/// (blue, green, violet, vivid red) stay outside.
enum HairGamut {
  static let achromaticChroma = 8.0
  static let maximumChroma = 32.0
  static let hue: ClosedRange<Double> = 15...100

  /// Whether `lab` could be natural hair in a photo.
  static func contains(_ lab: Lab) -> Bool {
    let lch = lab.lch
    return lch.c <= achromaticChroma || (lch.c <= maximumChroma && hue.contains(lch.h))
  }

  /// The colour of the family (``HairMelaninFit/fastLab(eumelanin:pheomelanin:pigmentedShare:)``
  /// over the concentration range and the grey shares: grey hair is pigmented and white fibres side
  /// by side, canities, Tobin & Paus 2001, so a mid-grey is in the family and a brown of its
  /// lightness is not its nearest) nearest to `lab`, lightness first: a mixing line's end gives the
  /// lightness, while its chroma may still carry the skin's (JPEG chroma is blurred over the dots),
  /// so ΔL* weighs ``lightnessWeight``× as much as Δa*, Δb*.
  static func nearest(_ lab: Lab) -> Lab {
    var best = lab
    var bestCost = Double.infinity
    let lo = log(HairMelaninFit.concentrationRange.lowerBound)
    let hi = log(HairMelaninFit.concentrationRange.upperBound)
    let white = HairMelaninFit.fastXYZ(eumelanin: 0, pheomelanin: 0, pigmentedShare: 0)
    for i in 0...familySteps {
      for j in 0...familySteps {
        let eu = exp(lo + (hi - lo) * Double(i) / Double(familySteps))
        let pheo = exp(lo + (hi - lo) * Double(j) / Double(familySteps))
        // Linear in the pigmented share (fibres mixed by area): one spectral sum per concentration pair.
        let pigmented = HairMelaninFit.fastXYZ(eumelanin: eu, pheomelanin: pheo, pigmentedShare: 1)
        for g in 0...greySteps {
          let w = 1 - Double(g) / Double(greySteps)
          let model = DotModel.lab(
            x: w * pigmented.x + (1 - w) * white.x, y: w * pigmented.y + (1 - w) * white.y,
            z: w * pigmented.z + (1 - w) * white.z)
          let dl = lightnessWeight * (model.l - lab.l)
          let cost = dl * dl + (model.a - lab.a) * (model.a - lab.a) + (model.b - lab.b) * (model.b - lab.b)
          if cost < bestCost { (best, bestCost) = (model, cost) }
        }
      }
    }
    return best
  }

  static let lightnessWeight = 3.0
  /// Grid steps per concentration axis (ln c, 10⁻⁴…20: ≈ 0.24 per step).
  static let familySteps = 50
  /// Grey-share steps (pigmented share 1, 0.9, …, 0).
  static let greySteps = 10
}
