import Colorimetry

/// A palette's dot model projected over years 0…N under one ``FadeModel``: per year, the sunk
/// optics and each component's retention and spread dilution, precomputed so that the blend
/// solver can evaluate a recipe's whole timeline cheaply.
package struct FadeProjection: Sendable {
  /// The healed (year 0) model.
  package let model: DotModel
  /// The fade model.
  package let fade: FadeModel
  /// Years 0…N.
  package let years: [Int]
  /// Per year: the dot model with that year's optics.
  let models: [DotModel]
  /// Per year, per component: retention ÷ spread area (water 1).
  let scale: [[Double]]
  /// Healed dot area coverage of the stubble impression (`StubbleImpression.coverage`).
  package let coverage: Double

  /// The projection of `model` under `fade` over years 0…`years` (negative counts as 0), for a
  /// stubble of healed dot area `coverage` (default: the default dot size and spacing).
  package init(
    model: DotModel, fade: FadeModel, years: Int,
    coverage: Double = StubbleImpression.coverage(
      dotDiameter: StubbleImpression.defaultDotDiameter, spacing: StubbleImpression.defaultSpacing)
  ) {
    self.model = model
    self.fade = fade
    self.coverage = coverage
    self.years = Array(0...max(years, 0))
    let ones = [Double](repeating: 1, count: model.componentCount)
    models = self.years.map {
      $0 == 0 ? model : DotModel(palette: model.palette, optics: fade.optics(model.optics, years: Double($0)))
    }
    scale = self.years.map { fade.fadedFractions(ones, palette: model.palette, years: Double($0)) }
  }

  /// Effective fractions of `fractions` in year index `index`.
  func faded(_ fractions: [Double], at index: Int) -> [Double] {
    zip(fractions, scale[index]).map { $0 * $1 }
  }

  /// The dot's CIELAB in each year.
  package func dotLabs(_ fractions: [Double]) -> [Lab] {
    years.indices.map { models[$0].lab(faded(fractions, at: $0)) }
  }

  /// The stubble impression in each year (healed coverage ``coverage``; the dot's area grows with
  /// its spread).
  package func stubbleLabs(_ fractions: [Double]) -> [Lab] {
    years.indices.map { index in
      let g = fade.spread(years: Double(years[index]))
      return models[index].stubbleLab(faded(fractions, at: index), coverage: min(coverage * g * g, 1))
    }
  }
}
