import ArgumentParser
import PigmentMatch

/// `pigmatch analyze PHOTO [region and calibration options]`: skin tone, hair tone and skin type.
struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Measure the skin tone, hair tone and skin type (ITA°) of a consultation photo.")

  @Argument(help: ArgumentHelp(DecodeLimitsHelp.argument))
  var photo: String

  @OptionGroup var region: RegionOptions

  @OptionGroup var output: OutputOptions

  func run() throws {
    let measurement = try region.measure(photo)
    if output.json {
      try JSONOutput.print(JSONContract.Analysis(measurement, stated: region.fitzpatrick))
      return
    }
    printTable(measurement)
  }

  private func printTable(_ measurement: PhotoMeasurement) {
    let analysis = measurement.analysis
    let console = CLI.console
    let p = analysis.photo
    let skin = analysis.skin
    func percent(_ x: Double) -> String { Table.format(x * 100, 1) + " %" }
    var rows: [(String, String)] = [
      ("photo", "\(p.format.name), \(p.width) × \(p.height), \(p.colorProfile)"),
      ("calibration", measurement.calibration.summary),
      (
        "analysed",
        "\(p.analysedPixels) pixels" + (p.downscale > 1.01 ? " (decoded at 1/\(Int(p.downscale.rounded())))" : "")
      ),
      (
        "skin",
        Table.swatch(skin.lab, console: console) + Table.lab(skin.lab) + "  \(SRGB8(clamping: skin.lab).hex)  share "
          + percent(skin.share) + "  spread " + Table.format(skin.spread, 1) + "  (\(measurement.skinSource.rawValue))"
      ),
      ("ITA°", "\(Table.format(skin.ita.degrees, 1))° (\(skin.itaCategory.rawValue))"),
      (
        "Fitzpatrick",
        "\(skin.fitzpatrick.roman) (by convention, see note)"
          + (region.fitzpatrick.map { "; stated by the practitioner: \($0.roman)" } ?? "")
      ),
      ("Monk", Table.swatch(skin.monk.lab, console: console) + "MST \(skin.monk.index) (\(skin.monk.srgb.hex))"),
    ]
    if let hair = analysis.hair {
      rows.append(
        (
          "hair",
          Table.swatch(hair.lab, console: console) + Table.lab(hair.lab) + "  \(SRGB8(clamping: hair.lab).hex)  share "
            + percent(hair.share) + "  spread " + Table.format(hair.spread, 1) + "  (\(measurement.hairSource.rawValue))"
        ))
      rows.append(("contrast", "ΔE00 " + Table.format(hair.contrast, 1)))
    } else {
      rows.append(("hair", "– (not found)"))
    }
    for (i, cluster) in analysis.clusters.enumerated() {
      rows.append(
        (
          i == 0 ? "clusters" : "",
          Table.swatch(cluster.lab, console: console) + Table.lab(cluster.lab) + "  " + percent(cluster.share) + "  "
            + cluster.role.rawValue
        ))
    }
    rows.append(("confidence", Table.format(analysis.confidence, 2)))
    console.print(photo)
    if measurement.isLowConfidence, let first = analysis.warnings.first { console.print("⚠ " + first.description) }
    console.print(Table.rows(rows))
    console.print("  note: " + FitzpatrickConvention.note)
    console.print("  note: " + SkinTone.lightingNote)
    for warning in analysis.warnings { console.print("  warning: \(warning)") }
  }
}
