import ArgumentParser
import PigmentMatch

/// `pigmatch analyze PHOTO [--roi x,y,w,h] [--mask MASK.png]`: skin tone, hair tone and skin type.
struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Measure the skin tone, hair tone and skin type (ITA°) of a consultation photo.")

  @Argument(help: ArgumentHelp(DecodeLimitsHelp.argument))
  var photo: String

  @OptionGroup var region: RegionOptions

  @OptionGroup var output: OutputOptions

  struct PhotoJSON: Encodable {
    let width: Int
    let height: Int
    let format: String
    let colorProfile: String
    let analysedPixels: Int
  }

  struct FitzpatrickJSON: Encodable {
    let type: String
    let note: String
  }

  struct MonkJSON: Encodable {
    let index: Int
    let hex: String
  }

  struct SkinJSON: Encodable {
    let lab: LabJSON
    let hex: String
    let share: Rounded
    let spread: Rounded
    let ita: Rounded
    let itaCategory: String
    let fitzpatrick: FitzpatrickJSON
    let monk: MonkJSON
  }

  struct HairJSON: Encodable {
    let lab: LabJSON
    let hex: String
    let share: Rounded
    let spread: Rounded
  }

  struct ClusterJSON: Encodable {
    let lab: LabJSON
    let share: Rounded
    let role: String
  }

  struct Report: Encodable {
    let photo: PhotoJSON
    let skin: SkinJSON
    let hair: HairJSON?
    let clusters: [ClusterJSON]
    let confidence: Rounded
    let warnings: [String]

    enum CodingKeys: String, CodingKey { case photo, skin, hair, clusters, confidence, warnings }

    /// Written by hand so a missing hair tone is `null`, not an absent key.
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(photo, forKey: .photo)
      try container.encode(skin, forKey: .skin)
      if let hair { try container.encode(hair, forKey: .hair) } else { try container.encodeNil(forKey: .hair) }
      try container.encode(clusters, forKey: .clusters)
      try container.encode(confidence, forKey: .confidence)
      try container.encode(warnings, forKey: .warnings)
    }
  }

  func run() throws {
    let analysis = try region.analyse(photo)
    let report = Self.report(analysis)
    if output.json {
      try JSONOutput.print(report)
      return
    }
    printTable(analysis)
  }

  static func report(_ analysis: ToneAnalysis) -> Report {
    let skin = analysis.skin
    return Report(
      photo: PhotoJSON(
        width: analysis.photo.width, height: analysis.photo.height, format: analysis.photo.format.rawValue,
        colorProfile: analysis.photo.colorProfile, analysedPixels: analysis.photo.analysedPixels),
      skin: SkinJSON(
        lab: LabJSON(skin.lab), hex: SRGB8(clamping: skin.lab).hex, share: Rounded(skin.share, places: 4),
        spread: Rounded(skin.spread, places: 2), ita: Rounded(skin.ita.degrees, places: 2),
        itaCategory: skin.itaCategory.rawValue,
        fitzpatrick: FitzpatrickJSON(type: skin.fitzpatrick.roman, note: FitzpatrickConvention.note),
        monk: MonkJSON(index: skin.monk.index, hex: skin.monk.srgb.hex)),
      hair: analysis.hair.map {
        HairJSON(
          lab: LabJSON($0.lab), hex: SRGB8(clamping: $0.lab).hex, share: Rounded($0.share, places: 4),
          spread: Rounded($0.spread, places: 2))
      },
      clusters: analysis.clusters.map {
        ClusterJSON(lab: LabJSON($0.lab), share: Rounded($0.share, places: 4), role: $0.role.rawValue)
      },
      confidence: Rounded(analysis.confidence, places: 3),
      warnings: analysis.warnings.map(\.description))
  }

  private func printTable(_ analysis: ToneAnalysis) {
    let console = CLI.console
    let p = analysis.photo
    let skin = analysis.skin
    func percent(_ x: Double) -> String { Table.format(x * 100, 1) + " %" }
    var rows: [(String, String)] = [
      ("photo", "\(p.format.name), \(p.width) × \(p.height), \(p.colorProfile)"),
      (
        "analysed",
        "\(p.analysedPixels) pixels" + (p.downscale > 1.01 ? " (decoded at 1/\(Int(p.downscale.rounded())))" : "")
      ),
      (
        "skin",
        Table.swatch(skin.lab, console: console) + Table.lab(skin.lab) + "  \(SRGB8(clamping: skin.lab).hex)  share "
          + percent(skin.share) + "  spread " + Table.format(skin.spread, 1)
      ),
      ("ITA°", "\(Table.format(skin.ita.degrees, 1))° (\(skin.itaCategory.rawValue))"),
      ("Fitzpatrick", "\(skin.fitzpatrick.roman) (by convention, see note)"),
      ("Monk", Table.swatch(skin.monk.lab, console: console) + "MST \(skin.monk.index) (\(skin.monk.srgb.hex))"),
    ]
    if let hair = analysis.hair {
      rows.append(
        (
          "hair",
          Table.swatch(hair.lab, console: console) + Table.lab(hair.lab) + "  \(SRGB8(clamping: hair.lab).hex)  share "
            + percent(hair.share) + "  spread " + Table.format(hair.spread, 1)
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
    console.print(Table.rows(rows))
    console.print("  note: " + FitzpatrickConvention.note)
    console.print("  note: " + SkinTone.lightingNote)
    for warning in analysis.warnings { console.print("  warning: \(warning)") }
  }
}
