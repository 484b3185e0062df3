import ArgumentParser
import PigmentMatch

/// The shared `--volume` option of `blend`, `match` and `report`: the recipe in ml for a cup of that size.
struct CupOptions: ParsableArguments {
  @Option(help: "A cup volume, e.g. 5ml: also state the recipe in ml for that cup (0.1 ml steps).")
  var volume: String?

  /// The blend measured out for the cup, or nil without `--volume`.
  func cup(_ blend: Blend, model: DotModel) throws -> CupRecipe? {
    guard let volume else { return nil }
    let ml: Double
    do { ml = try CupRecipe.parseVolume(volume) } catch { throw CLIFailure.input("--volume", error.description) }
    guard let cup = CupRecipe(blend, model: model, volume: ml) else {
      throw CLIFailure.input("--volume", RecipeError.badVolume(volume).description)
    }
    return cup
  }
}
