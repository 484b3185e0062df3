import Colorimetry

extension JSONContract {
  /// `analyze --json` (and `analysis` of `match`): the photo, skin and hair tones, clusters,
  /// confidence, warnings, the calibration applied and where each role came from.
  public struct Analysis: Codable, Sendable, Equatable {
    /// The decoded photo: size, format, colour profile, pixels analysed.
    public struct Photo: Codable, Sendable, Equatable {
      public let width: Int
      public let height: Int
      /// The format's raw value: "png", "jpeg", "heif", "avif".
      public let format: String
      public let colorProfile: String
      public let analysedPixels: Int
    }

    /// The Fitzpatrick type by the ITA° convention, with the note saying it is one.
    public struct Fitzpatrick: Codable, Sendable, Equatable {
      /// "I" … "VI".
      public let type: String
      public let note: String
    }

    /// The nearest Monk Skin Tone swatch.
    public struct Monk: Codable, Sendable, Equatable {
      /// 1 … 10.
      public let index: Int
      public let hex: String
    }

    /// The skin tone.
    public struct Skin: Codable, Sendable, Equatable {
      public let lab: Lab
      public let hex: String
      /// Share of the analysed pixels, 0…1 (4 decimals).
      public let share: Number
      /// ΔE00 spread of the skin pixels (2 decimals).
      public let spread: Number
      /// ITA°, degrees (2 decimals).
      public let ita: Number
      public let itaCategory: String
      public let fitzpatrick: Fitzpatrick
      public let monk: Monk
    }

    /// The hair tone.
    public struct Hair: Codable, Sendable, Equatable {
      public let lab: Lab
      public let hex: String
      public let share: Number
      public let spread: Number
      /// ΔE00 between the hair and the skin (2 decimals; new in version 4).
      public let deltaE00ToSkin: Number
    }

    /// One colour cluster and its role ("skin", "hair", "background", …).
    public struct Cluster: Codable, Sendable, Equatable {
      public let lab: Lab
      public let share: Number
      public let role: String
    }

    /// The grey card a calibration used.
    public struct Card: Codable, Sendable, Equatable {
      /// x, y, width, height; absent for a card painted in a label mask.
      public let region: [Int]?
      public let observedLab: Lab
      public let referenceLab: Lab
      public let exposure: Number
    }

    /// One ColorChecker patch of a chart fit.
    public struct Patch: Codable, Sendable, Equatable {
      public let patch: Int
      public let name: String
      public let deltaE00: Number
      public let fitted: Bool
    }

    /// A ColorChecker fit.
    public struct Chart: Codable, Sendable, Equatable {
      /// x1, y1, …, x4, y4.
      public let corners: [Number]
      public let meanDeltaE00: Number
      public let maxDeltaE00: Number
      public let poorFit: Bool
      public let patches: [Patch]
    }

    /// Calibrated or not, and what correction was applied (the matrix acts on linear sRGB).
    public struct Calibration: Codable, Sendable, Equatable {
      public let calibrated: Bool
      public let method: String
      public let summary: String
      /// 3 × 3, row-major (5 decimals).
      public let matrix: [Number]
      public let card: Card?
      public let colorChecker: Chart?

      enum CodingKeys: String, CodingKey { case calibrated, method, summary, matrix, card, colorChecker }
      /// Every key present in its version-2 form: `card` and `colorChecker` only when used.
      public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(calibrated, forKey: .calibrated)
        try container.encode(method, forKey: .method)
        try container.encode(summary, forKey: .summary)
        try container.encode(matrix, forKey: .matrix)
        try container.encodeIfPresent(card, forKey: .card)
        try container.encodeIfPresent(colorChecker, forKey: .colorChecker)
      }

      /// The contract form of `calibration`.
      public init(_ c: PigmentMatch.Calibration) {
        calibrated = c.isCalibrated
        method = c.method.rawValue
        summary = c.summary
        matrix = c.correction.matrix.map { Number($0, places: 5) }
        card = c.card.map {
          Card(
            region: $0.region.map(Analysis.rectangle), observedLab: Lab($0.observedLab),
            referenceLab: Lab($0.referenceLab), exposure: Number($0.exposure, places: 4))
        }
        colorChecker = c.chart.map { chart in
          Chart(
            corners: c.chartCorners.map { Number($0, places: 1) }, meanDeltaE00: Number(chart.meanDeltaE00, places: 2),
            maxDeltaE00: Number(chart.maximumDeltaE00, places: 2), poorFit: chart.isPoor,
            patches: chart.patches.map {
              Patch(patch: $0.number, name: $0.name, deltaE00: Number($0.deltaE00, places: 2), fitted: $0.fitted)
            })
        }
      }
    }

    /// Where each role came from: "given" (marked regions), "found" (automatic) or "none".
    public struct Roles: Codable, Sendable, Equatable {
      public let skin: String
      public let hair: String
      public let skinRegions: [[Int]]
      public let hairRegions: [[Int]]
      public let labelMask: Bool
      /// The practitioner's Fitzpatrick type when given (`--fitzpatrick`), else null.
      public let statedFitzpatrick: String?

      enum CodingKeys: String, CodingKey { case skin, hair, skinRegions, hairRegions, labelMask, statedFitzpatrick }
      /// Every key, `statedFitzpatrick` null when not given.
      public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(skin, forKey: .skin)
        try container.encode(hair, forKey: .hair)
        try container.encode(skinRegions, forKey: .skinRegions)
        try container.encode(hairRegions, forKey: .hairRegions)
        try container.encode(labelMask, forKey: .labelMask)
        try container.encode(statedFitzpatrick, forKey: .statedFitzpatrick)
      }
    }

    /// `schemaVersion` (new in version 3 for `analyze`; absent inside `match`, whose own object carries it).
    public let schemaVersion: Int?
    public let photo: Photo
    public let skin: Skin
    /// Null when no hair tone was found.
    public let hair: Hair?
    public let clusters: [Cluster]
    /// 0…1 (3 decimals).
    public let confidence: Number
    public let warnings: [String]
    public let calibration: Calibration
    public let roles: Roles

    enum CodingKeys: String, CodingKey {
      case schemaVersion, photo, skin, hair, clusters, confidence, warnings, calibration, roles
    }

    /// Every key, a missing hair tone as `null`; `schemaVersion` only on a top-level object.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(schemaVersion, forKey: .schemaVersion)
      try container.encode(photo, forKey: .photo)
      try container.encode(skin, forKey: .skin)
      try container.encode(hair, forKey: .hair)
      try container.encode(clusters, forKey: .clusters)
      try container.encode(confidence, forKey: .confidence)
      try container.encode(warnings, forKey: .warnings)
      try container.encode(calibration, forKey: .calibration)
      try container.encode(roles, forKey: .roles)
    }

    /// The analysis of `measurement`; `stated` is the practitioner's Fitzpatrick type when given.
    /// `topLevel` adds `schemaVersion` (the `analyze` output; not inside `match`).
    public init(_ measurement: PhotoMeasurement, stated: FitzpatrickConvention?, topLevel: Bool = true) {
      let analysis = measurement.analysis
      let skin = analysis.skin
      schemaVersion = topLevel ? JSONContract.schemaVersion : nil
      photo = Photo(
        width: analysis.photo.width, height: analysis.photo.height, format: analysis.photo.format.rawValue,
        colorProfile: analysis.photo.colorProfile, analysedPixels: analysis.photo.analysedPixels)
      self.skin = Skin(
        lab: Lab(skin.lab), hex: SRGB8(clamping: skin.lab).hex, share: Number(skin.share, places: 4),
        spread: Number(skin.spread, places: 2), ita: Number(skin.ita.degrees, places: 2),
        itaCategory: skin.itaCategory.rawValue,
        fitzpatrick: Fitzpatrick(type: skin.fitzpatrick.roman, note: FitzpatrickConvention.note),
        monk: Monk(index: skin.monk.index, hex: skin.monk.srgb.hex))
      hair = analysis.hair.map {
        Hair(
          lab: Lab($0.lab), hex: SRGB8(clamping: $0.lab).hex, share: Number($0.share, places: 4),
          spread: Number($0.spread, places: 2), deltaE00ToSkin: Number($0.contrast, places: 2))
      }
      clusters = analysis.clusters.map {
        Cluster(lab: Lab($0.lab), share: Number($0.share, places: 4), role: $0.role.rawValue)
      }
      confidence = Number(analysis.confidence, places: 3)
      warnings = analysis.warnings.map(\.description)
      calibration = Calibration(measurement.calibration)
      roles = Roles(
        skin: measurement.skinSource.rawValue, hair: measurement.hairSource.rawValue,
        skinRegions: measurement.skinRegions.map(Self.rectangle),
        hairRegions: measurement.hairRegions.map(Self.rectangle),
        labelMask: measurement.usedLabels, statedFitzpatrick: stated?.roman)
    }

    /// `[x, y, width, height]`.
    static func rectangle(_ r: RegionOfInterest) -> [Int] { [r.x, r.y, r.width, r.height] }
  }
}

extension JSONContract.Analysis {
  /// Whether the measurement's confidence was low: the one rule the report page and the swatch
  /// sheet use. The pipeline decides it on the unrounded confidence (below
  /// ``PhotoMeasurement/lowConfidenceThreshold``) and then lists ``ToneWarning/lowConfidence(_:)``
  /// first, so this reads that warning rather than the rounded `confidence` (0.4996 is written 0.5).
  package var isLowConfidence: Bool {
    warnings.first?.hasPrefix(Self.lowConfidenceMark) ?? false
  }

  /// The start of ``ToneWarning/lowConfidence(_:)``'s text, up to its number.
  static let lowConfidenceMark = String(ToneWarning.lowConfidence(0).description.prefix { $0 != "(" })
}
