import Colorimetry
import Testing

@testable import PigmentMatch

/// The skin fit's cached bare-skin colour (``BareSkinCache``) against the full model built from
/// scratch (`SkinOptics(parameters:).skinLab`, whole spectra of every layer): a different code path
/// that must give the same colour bit for bit, whatever was remembered before.
@Suite("Bare-skin cache")
struct BareSkinCacheTests {
  /// Skins drawn inside every range (seeded), each followed by probes that move one parameter at
  /// a time, as the fit's Jacobian does, with the base remembered and the probes not.
  @Test("cached colour equals the full model's, for bases and one-parameter probes")
  func matchesFullModel() {
    var rng = SplitMix64(seed: 7)
    var cache = BareSkinCache()
    for _ in 0..<40 {
      let base = SkinParameterRange.fitted.map { _ in rng.uniform(0.02...0.98) }
      let p = SkinParameterRange.parameters(base)
      #expect(cache.lab(p, remember: true) == SkinOptics(parameters: p).skinLab)
      for j in base.indices {
        var t = base
        t[j] += 1e-5
        let probe = SkinParameterRange.parameters(t)
        #expect(cache.lab(probe, remember: false) == SkinOptics(parameters: probe).skinLab, "parameter \(j)")
      }
      // A probe did not replace the remembered base.
      #expect(cache.lab(p, remember: false) == SkinOptics(parameters: p).skinLab)
    }
  }

  /// The default skin (Jacques' scattering power, whose shape is the cached spectrum) and a sunk
  /// pigment layer (which the bare skin ignores) give the full model's colour too.
  @Test("default parameters and a sunk pigment layer")
  func defaultsAndDepth() {
    var cache = BareSkinCache()
    let p = SkinParameters(melanosomeFraction: 0.05, bloodFraction: 0.02)
    #expect(cache.lab(p, remember: true) == SkinOptics(parameters: p).skinLab)
    var sunk = p
    sunk.pigmentDepth = 0.3
    #expect(cache.lab(sunk, remember: false) == SkinOptics(parameters: p).skinLab)
  }

  /// Specular excluded: the cache's colour is the full model's reflectance less K1, to rounding.
  @Test("specular-excluded colours equal the full model's less the surface reflection")
  func specularExcluded() {
    var rng = SplitMix64(seed: 11)
    var cache = BareSkinCache(geometry: .specularExcluded)
    for _ in 0..<20 {
      let p = SkinParameterRange.parameters(SkinParameterRange.fitted.map { _ in rng.uniform(0.02...0.98) })
      let expected = SkinColourGeometry.specularExcluded.lab(of: SkinOptics(parameters: p))
      #expect(DeltaE.ciede2000(cache.lab(p, remember: true), expected) < 1e-9)
    }
  }
}
