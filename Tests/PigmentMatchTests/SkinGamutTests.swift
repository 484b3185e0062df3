import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// The photographed-scalp colour box of issue 14 (L* 25–85, a* 5–25, b* 8–35), on a 5-step grid.
private let scalpGrid: [Lab] = {
  var labs: [Lab] = []
  for l in stride(from: 25.0, through: 85, by: 15) {
    for a in stride(from: 5.0, through: 25, by: 5) {
      for b in [8.0, 14.75, 21.5, 28.25, 35] { labs.append(Lab(l: l, a: a, b: b)) }
    }
  }
  return labs
}()

/// Skins drawn from inside every physiological range (positions 0.02…0.98 along each, 20 000 draws,
/// fixed seed): an oracle of what in-range skin can look like that does not use the fit.
enum InRangeSkins {
  static let labs: [Lab] = {
    var rng = SplitMix64(seed: 42)
    return (0..<20_000).map { _ in
      let t = SkinParameterRange.fitted.map { _ in rng.uniform(0.02...0.98) }
      return SkinOptics(parameters: SkinParameterRange.parameters(t)).skinLab
    }
  }()

  static func nearest(_ lab: Lab) -> Double {
    labs.reduce(Double.infinity) { min($0, DeltaE.ciede2000($1, lab)) }
  }
}

@Suite("Skin gamut")
struct SkinGamutTests {
  /// Every colour of the box either fits within ΔE00 1.0 with every parameter strictly inside its
  /// range, or is reported as a likely colour cast with advice; never a silent fit at a bound.
  @Test("scalp colour box: fitted as skin or reported as a colour cast", arguments: scalpGrid)
  func scalpBox(lab: Lab) throws {
    let fit = try SkinFit(skin: lab)
    switch fit.gamut {
    case .skin:
      #expect(fit.deltaE00 <= SkinFit.gamutTolerance)
      #expect(fit.parametersAtBounds.isEmpty)
    case .likelyColourCast:
      #expect(fit.deltaE00 > SkinFit.gamutTolerance || !fit.parametersAtBounds.isEmpty)
      #expect(fit.gamut.advice?.contains("calibrate the photo") == true)
      // Not a failure of the optimiser: no in-range skin comes within the tolerance either.
      let nearest = InRangeSkins.nearest(lab)
      #expect(nearest > SkinFit.gamutTolerance, "\(lab): an in-range skin at ΔE00 \(nearest)")
    }
  }

  /// Corners declared out of gamut are out of reach of the physics, not of the optimiser: no skin
  /// drawn at random from inside every physiological range (``InRangeSkins``) comes within
  /// ΔE00 1.0 of them. Dark and saturated yellow, pale and saturated red, pale and saturated
  /// yellow: melanin darkens only by also muting the colour, and blood reddens only by darkening.
  @Test(
    "out-of-gamut corners are beyond every in-range skin",
    arguments: [Lab(l: 25, a: 5, b: 35), Lab(l: 25, a: 25, b: 35), Lab(l: 85, a: 25, b: 8),
      Lab(l: 85, a: 25, b: 35), Lab(l: 85, a: 5, b: 35)])
  func cornersOutOfReach(lab: Lab) throws {
    let fit = try SkinFit(skin: lab)
    #expect(!fit.inGamut)
    let nearest = InRangeSkins.nearest(lab)
    #expect(nearest > SkinFit.gamutTolerance, "\(lab): an in-range skin at ΔE00 \(nearest)")
    #expect(fit.deltaE00 <= nearest + 1e-6, "the fit (\(fit.deltaE00)) is no worse than sampling")
    // And no measured human skin is near them (NIST forearms, Cooksey et al. 2017; Wee et al. 2009
    // faces; Han et al. 2006): their colour is the light's, not the skin's.
    let measured = try MeasuredSkin.all().map { DeltaE.ciede2000($0.lab, lab) }.min() ?? 0
    #expect(measured > 10, "\(lab): a measured skin at ΔE00 \(measured)")
  }

  @Test("a grey or bluish cast is not skin")
  func cast() throws {
    let fit = try SkinFit(skin: Lab(l: 60, a: 1, b: 2))
    #expect(fit.gamut == .likelyColourCast)
  }
}
