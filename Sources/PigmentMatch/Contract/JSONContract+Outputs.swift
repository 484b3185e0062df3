import Colorimetry

extension JSONContract {
  /// `inspect --json`: what the file is and its mean colour (`meanLab` null when no pixel is opaque).
  public struct InspectOutput: Codable, Sendable, Equatable {
    public let schemaVersion: Int
    public let path: String
    public let format: String
    public let width: Int
    public let height: Int
    public let bitDepth: Int
    public let channels: Int
    public let colorProfile: String
    /// EXIF orientation 1…8.
    public let orientation: Int
    public let meanLab: Lab?

    /// The contract form of `inspection`.
    package init(_ inspection: PhotoInspection) {
      let m = inspection.metadata
      schemaVersion = JSONContract.schemaVersion
      path = inspection.path
      format = m.format.rawValue
      width = m.width
      height = m.height
      bitDepth = m.bitDepth
      channels = m.channels
      colorProfile = m.colorProfile
      orientation = m.orientation
      meanLab = inspection.meanLab.map(Lab.init)
    }

    enum CodingKeys: String, CodingKey {
      case schemaVersion, path, format, width, height, bitDepth, channels, colorProfile, orientation, meanLab
    }
    /// Every key, `meanLab` null when no pixel is fully opaque.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(schemaVersion, forKey: .schemaVersion)
      try c.encode(path, forKey: .path)
      try c.encode(format, forKey: .format)
      try c.encode(width, forKey: .width)
      try c.encode(height, forKey: .height)
      try c.encode(bitDepth, forKey: .bitDepth)
      try c.encode(channels, forKey: .channels)
      try c.encode(colorProfile, forKey: .colorProfile)
      try c.encode(orientation, forKey: .orientation)
      try c.encode(meanLab, forKey: .meanLab)
    }
  }

  /// `color --json`: each colour as Lab, LCh, hex and ITA°; with two colours also ΔE00 and ΔE76.
  public struct ColorOutput: Codable, Sendable, Equatable {
    /// One colour as typed and converted.
    public struct Entry: Codable, Sendable, Equatable {
      public let input: String
      public let lab: Lab
      /// L, C, h° (3 decimals).
      public let lch: [Number]
      public let hex: String
      public let ita: Number
      public let itaCategory: String
    }
    public let schemaVersion: Int
    public let colors: [Entry]
    /// Only with two colours.
    public let deltaE00: Number?
    public let deltaE76: Number?

    /// The colours `labs`, typed as `inputs`.
    public init(inputs: [String], labs: [Colorimetry.Lab]) {
      schemaVersion = JSONContract.schemaVersion
      colors = zip(inputs, labs).map { input, lab in
        let ita = ITA(lab)
        return Entry(
          input: input, lab: Lab(lab), lch: [lab.lch.l, lab.lch.c, lab.lch.h].map { Number($0) },
          hex: SRGB8(clamping: lab).hex, ita: Number(ita.degrees, places: 2), itaCategory: ita.category.rawValue)
      }
      let pair = labs.count == 2 ? (DeltaE.ciede2000(labs[0], labs[1]), DeltaE.cie76(labs[0], labs[1])) : nil
      deltaE00 = pair.map { Number($0.0, places: 4) }
      deltaE76 = pair.map { Number($0.1, places: 4) }
    }
  }

  /// `palette show --json`: each pigment's masstone (water included as `"water"`).
  public struct PaletteShowOutput: Codable, Sendable, Equatable {
    /// One pigment; `class` null when the palette does not say.
    public struct Entry: Codable, Sendable, Equatable {
      public let id: String
      public let name: String
      public let pigmentClass: String?
      public let lab: Lab
      public let hex: String

      enum CodingKeys: String, CodingKey { case id, name, pigmentClass = "class", lab, hex }
      /// Every key, `class` null when unknown.
      public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(pigmentClass, forKey: .pigmentClass)
        try container.encode(lab, forKey: .lab)
        try container.encode(hex, forKey: .hex)
      }
    }
    public let schemaVersion: Int
    public let pigments: [Entry]

    /// Each stock pigment's masstone under `model`, then the diluent's.
    public init(palette: Palette, model: DotModel) {
      schemaVersion = JSONContract.schemaVersion
      pigments = (0..<model.componentCount).map { index in
        let lab = model.masstoneLab(componentIndex: index)
        let pigment = index < palette.pigments.count ? palette.pigments[index] : nil
        return Entry(
          id: pigment?.id ?? Palette.waterID, name: pigment?.name ?? palette.diluent.name,
          pigmentClass: pigment?.pigmentClass?.rawValue, lab: Lab(lab), hex: SRGB8(clamping: lab).hex)
      }
    }
  }

  /// `palette validate --json` for one file: ``PaletteValidation`` with `schemaVersion` first.
  public struct PaletteValidateOutput: Codable, Sendable, Equatable {
    public let schemaVersion: Int
    public let result: PaletteValidation

    /// The output for `result`.
    public init(_ result: PaletteValidation) {
      schemaVersion = JSONContract.schemaVersion
      self.result = result
    }

    /// Reads `schemaVersion` and the validation's own keys.
    public init(from decoder: any Decoder) throws {
      schemaVersion = try LeadingKey.decode(Int.self, "schemaVersion", from: decoder)
      result = try PaletteValidation(from: decoder)
    }
    /// `schemaVersion`, then `valid`, `problems`, `coverage`.
    public func encode(to encoder: any Encoder) throws {
      try LeadingKey.encode(schemaVersion, as: "schemaVersion", then: result, to: encoder)
    }
  }

  /// `palette validate --json` for several files: all valid or not, and each file's result.
  public struct PaletteValidateManyOutput: Codable, Sendable, Equatable {
    /// One file's result.
    public struct File: Codable, Sendable, Equatable {
      public let file: String
      public let result: PaletteValidation

      /// The result for `file`.
      public init(file: String, result: PaletteValidation) {
        self.file = file
        self.result = result
      }

      /// Reads `file` and the validation's own keys.
      public init(from decoder: any Decoder) throws {
        file = try LeadingKey.decode(String.self, "file", from: decoder)
        result = try PaletteValidation(from: decoder)
      }
      /// `file`, then `valid`, `problems`, `coverage`.
      public func encode(to encoder: any Encoder) throws {
        try LeadingKey.encode(file, as: "file", then: result, to: encoder)
      }
    }
    public let schemaVersion: Int
    public let valid: Bool
    public let files: [File]

    /// The report of `files`; valid when every file is.
    public init(files: [File]) {
      schemaVersion = JSONContract.schemaVersion
      valid = files.allSatisfy(\.result.valid)
      self.files = files
    }
  }

  /// `mix --json`: the healed dot and stubble of a recipe, and the skin model with `--skin-lab`.
  public struct MixOutput: Codable, Sendable, Equatable {
    public let schemaVersion: Int
    public let dotLab: Lab
    public let stubbleLab: Lab
    public let skinModel: SkinModel?

    /// The forward model's dot and stubble colours.
    public init(dot: Colorimetry.Lab, stubble: Colorimetry.Lab, skinFit: SkinFit?) {
      schemaVersion = JSONContract.schemaVersion
      dotLab = Lab(dot)
      stubbleLab = Lab(stubble)
      skinModel = skinFit.map(SkinModel.init)
    }
  }

  /// `fade --json`: the healed dot year by year against the start, and the touch-up time
  /// (`touchUpYear`, `touchUpYears` one decimal, `touchUpMonths`; null when none within the timeline).
  public struct FadeOutput: Codable, Sendable, Equatable {
    /// One year.
    public struct Entry: Codable, Sendable, Equatable {
      public let year: Int
      public let dotLab: Lab
      public let deltaE00ToStart: Number
    }
    public let schemaVersion: Int
    public let timeline: [Entry]
    public let touchUpYear: Int?
    public let touchUpYears: Number?
    public let touchUpMonths: Int?
    public let skinModel: SkinModel?

    /// The contract form of `timeline`.
    public init(_ timeline: FadeTimeline, skinFit: SkinFit?) {
      schemaVersion = JSONContract.schemaVersion
      self.timeline = timeline.entries.map {
        Entry(year: $0.year, dotLab: Lab($0.dotLab), deltaE00ToStart: Number($0.deltaE00ToStart, places: 4))
      }
      touchUpYear = timeline.touchUpYear
      touchUpYears = timeline.touchUpYears.map { Number($0, places: 1) }
      touchUpMonths = timeline.touchUpMonths
      skinModel = skinFit.map(SkinModel.init)
    }

    enum CodingKeys: String, CodingKey {
      case schemaVersion, timeline, touchUpYear, touchUpYears, touchUpMonths, skinModel
    }
    /// Every key, the touch-up ones null when none falls within the timeline.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(schemaVersion, forKey: .schemaVersion)
      try container.encode(timeline, forKey: .timeline)
      try container.encode(touchUpYear, forKey: .touchUpYear)
      try container.encode(touchUpYears, forKey: .touchUpYears)
      try container.encode(touchUpMonths, forKey: .touchUpMonths)
      try container.encodeIfPresent(skinModel, forKey: .skinModel)
    }
  }

  /// `blend --json`: the target, the blend, the contrasts with the skin, the reach (null when
  /// matched), and the skin model with `--skin-lab`.
  public struct BlendOutput: Codable, Sendable, Equatable {
    public let schemaVersion: Int
    public let target: Target
    public let blend: Blend
    public let contrast: Contrast
    public let reach: Reach?
    public let skinModel: SkinModel?

    /// The output of one solve.
    public init(
      target: MatchTarget, blend: Blend, skin: Colorimetry.Lab, dot: Colorimetry.Lab, reach: PaletteReach?,
      skinFit: SkinFit?
    ) {
      schemaVersion = JSONContract.schemaVersion
      self.target = Target(target)
      self.blend = blend
      contrast = Contrast(skin: skin, target: target.lab, dot: dot)
      self.reach = reach.map(Reach.init)
      skinModel = skinFit.map(SkinModel.init)
    }

    enum CodingKeys: String, CodingKey { case schemaVersion, target, blend, contrast, reach, skinModel }
    /// Every key, `reach` null when matched; `skinModel` only with a fitted skin.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(schemaVersion, forKey: .schemaVersion)
      try container.encode(target, forKey: .target)
      try container.encode(blend, forKey: .blend)
      try container.encode(contrast, forKey: .contrast)
      try container.encode(reach, forKey: .reach)
      try container.encodeIfPresent(skinModel, forKey: .skinModel)
    }
  }
}
