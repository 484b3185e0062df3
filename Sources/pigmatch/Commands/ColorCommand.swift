import ArgumentParser
import PigmentMatch

/// `pigmatch color COLOUR [COLOUR]`: a colour's CIELAB, LCh, hex and ITA°, and the difference of two.
struct ColorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "color",
    abstract: "Convert a colour (#rrggbb or L,a,b) and, given two, their ΔE00 and ΔE76.")

  @Argument(help: "One or two colours: #rrggbb (sRGB) or L,a,b (CIELAB D65).")
  var colours: [String] = []

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard (1...2).contains(colours.count) else { throw ValidationError("give one or two colours") }
  }

  func run() throws {
    var labs: [Lab] = []
    for text in colours {
      do { labs.append(try ColourInput.parse(text)) } catch { throw CLIFailure.input(text, error.description) }
    }
    let report = JSONContract.ColorOutput(inputs: colours, labs: labs)
    if output.json {
      try JSONOutput.print(report)
      return
    }
    let pair = labs.count == 2 ? (DeltaE.ciede2000(labs[0], labs[1]), DeltaE.cie76(labs[0], labs[1])) : nil
    for (entry, lab) in zip(report.colors, labs) {
      let ita = ITA(lab)
      CLI.console.print(entry.input)
      CLI.console.print(
        Table.rows([
          ("CIELAB", Table.swatch(lab, console: CLI.console) + Table.lab(lab)),
          ("LCh", "L \(Table.format(lab.lch.l, 1))  C \(Table.format(lab.lch.c, 1))  h \(Table.format(lab.lch.h, 1))°"),
          ("sRGB", entry.hex),
          ("ITA°", "\(Table.format(ita.degrees, 1))° (\(ita.category.rawValue))"),
        ]))
    }
    if let pair {
      CLI.console.print("ΔE00 \(Table.format(pair.0, 2))   ΔE76 \(Table.format(pair.1, 2))")
    }
  }
}
