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

  struct CardJSON: Encodable {
    let region: [Int]?
    let observedLab: LabJSON
    let referenceLab: LabJSON
    let exposure: Rounded
  }

  struct PatchJSON: Encodable {
    let patch: Int
    let name: String
    let deltaE00: Rounded
    let fitted: Bool
  }

  struct ChartJSON: Encodable {
    let corners: [Rounded]
    let meanDeltaE00: Rounded
    let maxDeltaE00: Rounded
    let poorFit: Bool
    let patches: [PatchJSON]
  }

  /// Calibrated or not, and what correction was applied (the matrix acts on linear sRGB).
  struct CalibrationJSON: Encodable {
    let calibrated: Bool
    let method: String
    let summary: String
    let matrix: [Rounded]
    let card: CardJSON?
    let colorChecker: ChartJSON?
  }

  /// Where each role came from: "given" (marked regions), "found" (automatic) or "none".
  struct RolesJSON: Encodable {
    let skin: String
    let hair: String
    let skinRegions: [[Int]]
    let hairRegions: [[Int]]
    let labelMask: Bool
    /// The practitioner's Fitzpatrick type when given (`--fitzpatrick`), else null.
    let statedFitzpatrick: String?

    enum CodingKeys: String, CodingKey { case skin, hair, skinRegions, hairRegions, labelMask, statedFitzpatrick }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(skin, forKey: .skin)
      try container.encode(hair, forKey: .hair)
      try container.encode(skinRegions, forKey: .skinRegions)
      try container.encode(hairRegions, forKey: .hairRegions)
      try container.encode(labelMask, forKey: .labelMask)
      try container.encode(statedFitzpatrick, forKey: .statedFitzpatrick)
    }
  }

  struct Report: Encodable {
    let photo: PhotoJSON
    let skin: SkinJSON
    let hair: HairJSON?
    let clusters: [ClusterJSON]
    let confidence: Rounded
    let warnings: [String]
    let calibration: CalibrationJSON
    let roles: RolesJSON

    enum CodingKeys: String, CodingKey { case photo, skin, hair, clusters, confidence, warnings, calibration, roles }

    /// Written by hand so a missing hair tone is `null`, not an absent key.
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(photo, forKey: .photo)
      try container.encode(skin, forKey: .skin)
      if let hair { try container.encode(hair, forKey: .hair) } else { try container.encodeNil(forKey: .hair) }
      try container.encode(clusters, forKey: .clusters)
      try container.encode(confidence, forKey: .confidence)
      try container.encode(warnings, forKey: .warnings)
      try container.encode(calibration, forKey: .calibration)
      try container.encode(roles, forKey: .roles)
    }
  }

  func run() throws {
    let measurement = try region.measure(photo)
    if output.json {
      try JSONOutput.print(Self.report(measurement, stated: region.fitzpatrick))
      return
    }
    printTable(measurement)
  }

  static func rectangle(_ r: RegionOfInterest) -> [Int] { [r.x, r.y, r.width, r.height] }

  static func calibration(_ c: Calibration) -> CalibrationJSON {
    CalibrationJSON(
      calibrated: c.isCalibrated, method: c.method.rawValue, summary: c.summary,
      matrix: c.correction.matrix.map { Rounded($0, places: 5) },
      card: c.card.map {
        CardJSON(
          region: $0.region.map(rectangle), observedLab: LabJSON($0.observedLab), referenceLab: LabJSON($0.referenceLab),
          exposure: Rounded($0.exposure, places: 4))
      },
      colorChecker: c.chart.map { chart in
        ChartJSON(
          corners: c.chartCorners.map { Rounded($0, places: 1) }, meanDeltaE00: Rounded(chart.meanDeltaE00, places: 2),
          maxDeltaE00: Rounded(chart.maximumDeltaE00, places: 2), poorFit: chart.isPoor,
          patches: chart.patches.map {
            PatchJSON(patch: $0.number, name: $0.name, deltaE00: Rounded($0.deltaE00, places: 2), fitted: $0.fitted)
          })
      })
  }

  static func report(_ measurement: PhotoMeasurement, stated: FitzpatrickConvention?) -> Report {
    let analysis = measurement.analysis
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
      warnings: analysis.warnings.map(\.description),
      calibration: calibration(measurement.calibration),
      roles: RolesJSON(
        skin: measurement.skinSource.rawValue, hair: measurement.hairSource.rawValue,
        skinRegions: measurement.skinRegions.map(rectangle), hairRegions: measurement.hairRegions.map(rectangle),
        labelMask: measurement.usedLabels, statedFitzpatrick: stated?.roman))
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
