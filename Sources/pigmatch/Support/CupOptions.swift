import ArgumentParser
import PigmentMatch

/// The shared `--volume` option of `blend` and `match`: the recipe in ml for a cup of that size.
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

/// `cup`: `{"volumeML", "components": [{"pigment", "ml"}], "deltaE00", "roundingDeltaE00"}`.
struct CupJSON: Encodable {
  struct Entry: Encodable {
    let pigment: String
    let ml: Rounded
  }
  let volumeML: Rounded
  let components: [Entry]
  let deltaE00: Rounded
  let roundingDeltaE00: Rounded

  init(_ cup: CupRecipe) {
    volumeML = Rounded(cup.volume, places: 1)
    components = cup.entries.map { Entry(pigment: $0.pigment, ml: Rounded($0.millilitres, places: 1)) }
    deltaE00 = Rounded(cup.deltaE00, places: 4)
    roundingDeltaE00 = Rounded(cup.roundingDeltaE00, places: 4)
  }
}
