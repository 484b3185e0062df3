import Colorimetry

/// The forward "dot appearance" model for one palette: component fractions (palette pigments, then
/// water) → mixture K, S (two-constant Kubelka–Munk) → ``DotOptics`` → reflectance → CIELAB (D65).
public struct DotModel: Sendable {
  /// The palette's pigments plus water, in that order.
  public let palette: Palette
  /// The optics of the dot.
  public let optics: any DotOptics
  let k: [[Double]]
  let s: [[Double]]

  /// The model of `palette` under `optics`.
  public init(palette: Palette, optics: any DotOptics = NeutralDermisDotOptics()) {
    self.palette = palette
    self.optics = optics
    k = palette.pigments.map(\.optics.k) + [PigmentOptics.water.k]
    s = palette.pigments.map(\.optics.s) + [PigmentOptics.water.s]
  }

  /// Number of components: pigments + water.
  public var componentCount: Int { k.count }

  /// Measured dot reflectance for fractions in component order (c ≥ 0; need not sum to 1 here).
  public func reflectance(_ fractions: [Double]) -> [Double] {
    let mixture = KubelkaMunk.mix(concentrations: fractions, k: k, s: s)
    return optics.dotReflectance(k: mixture.k, s: mixture.s)
  }

  /// The dot's CIELAB (D65, 2°).
  public func lab(_ fractions: [Double]) -> Lab {
    Self.lab(ofReflectance: reflectance(fractions))
  }

  /// The dot's CIELAB for a validated recipe.
  public func lab(_ recipe: Recipe) -> Lab { lab(recipe.fractions(in: palette)) }

  /// The stubble impression (dots mixed with bare skin by area; ``StubbleImpression``).
  public func stubbleLab(
    _ fractions: [Double],
    coverage: Double = StubbleImpression.coverage(
      dotDiameter: StubbleImpression.defaultDotDiameter, spacing: StubbleImpression.defaultSpacing)
  ) -> Lab {
    Self.lab(
      ofReflectance: StubbleImpression.reflectance(
        dot: reflectance(fractions), skin: optics.skinReflectance, coverage: coverage))
  }

  /// The masstone of one component: the undiluted stock as a dot.
  public func masstoneLab(componentIndex: Int) -> Lab {
    var fractions = [Double](repeating: 0, count: componentCount)
    fractions[componentIndex] = 1
    return lab(fractions)
  }

  /// CIELAB (D65) of a 31-value reflectance; non-finite input gives NaN Lab.
  static func lab(ofReflectance r: [Double]) -> Lab {
    guard let spectrum = try? Spectrum(r) else { return Lab(l: .nan, a: .nan, b: .nan) }
    return spectrum.lab()
  }
}
