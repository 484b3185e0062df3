import Foundation

/// Geometry and interfaces of a hair fibre: what turns the fibre's absorption σa into the
/// Kubelka–Munk constants of a mass of hair (its own colour) and of a shaft in a follicle.
///
/// A fibre is a keratin cylinder of diameter d. Light crossing it at random meets two keratin
/// interfaces and travels a mean chord of πd/4 (the mean chord of a circle, Cauchy's formula 4A/P).
/// Each interface reflects diffuse light by the hemispherical Fresnel reflectance r_d (Fresnel;
/// integrated over a Lambertian distribution), a pair of interfaces by ρ = 2r_d/(1 + r_d) (Stokes'
/// pile of plates without absorption), so a stack of fibres is a Kubelka–Munk medium with
/// S·(πd/4) = ρ/(1 − ρ) (a non-absorbing KM layer reflects SX/(1 + SX)), and with absorption
/// K = 2σa (diffuse light, as for tissue: van Gemert & Star 1987).
package enum HairFibreOptics {
  /// Refractive index of hair keratin, 1.55 (Marschner et al. 2003, "Light scattering from human
  /// hair fibers", SIGGRAPH; d'Eon et al. 2011).
  package static let keratinIndex = 1.55
  /// Refractive index of the dermis around the shaft in its follicle (1.4, as the skin surface of
  /// ``NeutralDermisDotOptics/skinRefractiveIndex``).
  package static let tissueIndex = NeutralDermisDotOptics.skinRefractiveIndex
  /// Scalp hair diameter, mm: 0.07 (Robbins 2012, *Chemical and Physical Behavior of Human Hair*,
  /// 5th ed., ch. 9: scalp hair ≈ 0.04–0.12 mm, typically ≈ 0.07 mm).
  package static let diameter = 0.07
  /// Neutral share of the cuticle's surface reflection in a measured hair colour: 0.02.
  ///
  /// The cuticle reflects ≈4.6 % at normal incidence (n = 1.55), mostly into a specular cone
  /// (Marschner's R lobe) that specular-excluded instruments and the photo's robust hair estimate
  /// largely leave out; 2 % keeps the darkest natural hair of Lozano et al. (2017, L* ≈ 15–16)
  /// reachable (this term alone is L* 15.5) and leaves black hair near-neutral, as measured.
  /// It does not enter the follicle: there the shaft sits in tissue, not in air.
  package static let surfaceReflectance = 0.02

  /// Mean chord through the fibre, mm: πd/4.
  package static var meanChord: Double { Double.pi * diameter / 4 }

  /// Fresnel reflectance of unpolarised light entering a medium of relative index n ≥ 1 at
  /// incidence cos θ (Fresnel equations; Born & Wolf §1.5).
  static func fresnel(cosine c: Double, relativeIndex n: Double) -> Double {
    let sinT = (max(0, 1 - c * c)).squareRoot() / n
    let cosT = (max(0, 1 - sinT * sinT)).squareRoot()
    let rs = (c - n * cosT) / (c + n * cosT)
    let rp = (n * c - cosT) / (n * c + cosT)
    return (rs * rs + rp * rp) / 2
  }

  /// Hemispherical reflectance of diffuse light at an interface of relative index n:
  /// r_d = ∫₀^{π/2} R(θ) sin 2θ dθ (midpoint rule, 2000 steps; r_d(1.5) = 0.0918 as tabulated
  /// for glass, e.g. Judd 1942).
  static func diffuseFresnel(relativeIndex n: Double) -> Double {
    let steps = 2000
    let h = Double.pi / 2 / Double(steps)
    var sum = 0.0
    for i in 0..<steps {
      let theta = (Double(i) + 0.5) * h
      sum += fresnel(cosine: cos(theta), relativeIndex: n) * sin(2 * theta)
    }
    return sum * h
  }

  /// Kubelka–Munk scattering of a mass of fibres whose interfaces have relative index n, mm⁻¹:
  /// S = ρ/((1 − ρ)·πd/4), ρ = 2r_d/(1 + r_d) (see the type's documentation).
  static func scattering(relativeIndex n: Double) -> Double {
    let rd = diffuseFresnel(relativeIndex: n)
    let rho = 2 * rd / (1 + rd)
    return rho / ((1 - rho) * meanChord)
  }

  /// S of hair in air (keratin/air interfaces), mm⁻¹ (≈ 4.0).
  package static let scatteringInAir = scattering(relativeIndex: keratinIndex)
  /// S added by a shaft in tissue (keratin/dermis interfaces, n = 1.55/1.4), mm⁻¹ (≈ 0.08).
  package static let scatteringInTissue = scattering(relativeIndex: keratinIndex / tissueIndex)
}
