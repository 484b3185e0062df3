import Colorimetry

extension BlendSolver {
  /// The blend whose dot stays closest to `target` on average over years 0…`years` under
  /// `conditions` (`Objective/meanOverYears(_:)`); `years` 0 is the day-one solve.
  public func solve(target: Lab, years: Int, conditions: FadeConditions = FadeConditions())
    throws(BlendError) -> Solution
  {
    guard years > 0 else { return try solve(target: target) }
    let projection = FadeProjection(model: model, fade: FadeModel(conditions: conditions), years: years)
    return try solve(target: target, objective: .meanOverYears(projection))
  }

  /// Mean ΔE00 to its target over years 0…`years` of `blend` (any blend of this palette's pigments,
  /// matched by id); throws ``RecipeError/unknownPigment(_:known:)`` for a pigment the palette lacks.
  public func meanDeltaE00(
    _ blend: Blend, years: Int, conditions: FadeConditions = FadeConditions()
  ) throws(RecipeError) -> Double {
    meanDeltaE00(
      try blend.recipe.fractions(in: model.palette), target: blend.target, years: years, conditions: conditions)
  }

  /// Mean ΔE00 to `target` over years 0…`years` of a blend's fractions (component order).
  package func meanDeltaE00(
    _ fractions: [Double], target: Lab, years: Int, conditions: FadeConditions = FadeConditions()
  ) -> Double {
    let projection = FadeProjection(model: model, fade: FadeModel(conditions: conditions), years: years)
    let labs = projection.dotLabs(fractions)
    return labs.reduce(0) { $0 + DeltaE.ciede2000($1, target) } / Double(labs.count)
  }
}
