import Colorimetry
import Foundation

/// The forward "dot appearance" model for one palette: component fractions (palette pigments, then
/// water) → mixture K, S (two-constant Kubelka–Munk) → ``DotOptics`` → reflectance → CIELAB (D65).
///
/// The optics are a required part of the model: a dot is seen through the client's skin
/// (``SkinFit/optics``), and the neutral dermis (``NeutralDermisDotOptics``) is an explicit choice,
/// never a default. Recipes go in typed (``Recipe``), not as positional arrays.
public struct DotModel: Sendable {
  /// The palette's pigments plus water, in that order.
  public let palette: Palette
  /// The optics of the dot.
  public let optics: any DotOptics
  let k: [[Double]]
  let s: [[Double]]

  /// The model of `palette` under `optics` (the client's skin: ``SkinFit/optics``).
  public init(palette: Palette, optics: any DotOptics) {
    self.palette = palette
    self.optics = optics
    k = palette.pigments.map(\.optics.k) + [PigmentOptics.water.k]
    s = palette.pigments.map(\.optics.s) + [PigmentOptics.water.s]
  }

  /// Number of components: pigments + water.
  package var componentCount: Int { k.count }

  /// Measured dot reflectance for fractions in component order (c ≥ 0; need not sum to 1 here).
  package func reflectance(_ fractions: [Double]) -> [Double] {
    let mixture = KubelkaMunk.mix(concentrations: fractions, k: k, s: s)
    return optics.dotReflectance(k: mixture.k, s: mixture.s)
  }

  /// The dot's CIELAB (D65, 2°) for fractions in component order.
  package func lab(_ fractions: [Double]) -> Lab {
    Self.lab(ofReflectance: reflectance(fractions))
  }

  /// The dot's CIELAB (D65, 2°) for a validated recipe; throws
  /// ``RecipeError/unknownPigment(_:known:)`` when it names a pigment this palette lacks.
  public func lab(_ recipe: Recipe) throws(RecipeError) -> Lab { lab(try recipe.fractions(in: palette)) }

  /// The stubble impression of a validated recipe at the default dot size and spacing (dots mixed
  /// with bare skin by area; `StubbleImpression`); throws like ``lab(_:)``.
  public func stubbleLab(_ recipe: Recipe) throws(RecipeError) -> Lab {
    stubbleLab(try recipe.fractions(in: palette))
  }

  /// The stubble impression for fractions in component order (dots mixed with bare skin by area).
  package func stubbleLab(
    _ fractions: [Double],
    coverage: Double = StubbleImpression.coverage(
      dotDiameter: StubbleImpression.defaultDotDiameter, spacing: StubbleImpression.defaultSpacing)
  ) -> Lab {
    Self.lab(
      ofReflectance: StubbleImpression.reflectance(
        dot: reflectance(fractions), skin: optics.skinReflectance, coverage: coverage))
  }

  /// The bare skin between the dots under these optics (CIELAB D65, 2°).
  public var skinLab: Lab { Self.lab(ofReflectance: optics.skinReflectance) }

  /// The masstone of one component: the undiluted stock as a dot.
  package func masstoneLab(componentIndex: Int) -> Lab {
    var fractions = [Double](repeating: 0, count: componentCount)
    fractions[componentIndex] = 1
    return lab(fractions)
  }

  /// CIELAB (D65, 2°) of a 31-value reflectance: the same sums as `Spectrum.lab()` (CIE 015:2018
  /// eqs. 7.1–7.3 and 8.1–8.3) without building a validated `Spectrum`, for the solver's hot loop.
  /// Non-finite input gives a non-finite Lab.
  static func lab(ofReflectance r: [Double]) -> Lab {
    let w = d65Weights
    var x = 0.0
    var y = 0.0
    var z = 0.0
    for i in 0..<min(r.count, Spectrum.count) {
      x += r[i] * w.x[i]
      y += r[i] * w.y[i]
      z += r[i] * w.z[i]
    }
    return lab(x: x, y: y, z: z)
  }

  /// CIELAB (D65, 2°) of tristimulus values summed with ``d65Weights`` (CIE 015:2018 eqs. 8.1–8.3).
  static func lab(x: Double, y: Double, z: Double) -> Lab {
    let w = d65Weights
    let fx = labF(x / w.white.x)
    let fy = labF(y / w.white.y)
    let fz = labF(z / w.white.z)
    return Lab(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
  }

  static let d65Weights = Illuminant.d65.weights

  /// CIELAB f(t) with the exact constants ε = 216/24389, κ = 24389/27 (CIE 015:2018 eq. 8.2).
  private static func labF(_ t: Double) -> Double {
    t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116
  }
}
