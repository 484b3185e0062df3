import Colorimetry

extension JSONContract {
  /// `match --json` (and, with `"photo"` first, a `batch` result line): the palette and options it
  /// was made with, the analysis, the target, the blend, the contrasts, the reach (null when
  /// matched), the hyperpigmentation risk, the fade against the target and the fitted skin.
  /// `warnings` repeats the analysis' warnings (low confidence first) beside the recipe.
  public struct MatchOutput: Codable, Sendable, Equatable {
    /// One week of healing: the stubble's look while the halo fades.
    public struct Healing: Codable, Sendable, Equatable {
      public let week: Int
      public let stubbleLab: Lab
      /// ΔE00 of this week's look from the settled stubble (4 decimals; new in version 4).
      public let deltaE00ToSettled: Number
    }

    /// The skin type the risk was judged on: "stated" (--fitzpatrick), "measured" (calibrated,
    /// confident photo) or "unconfirmed" (the highest risk of the plausible types).
    public struct SkinType: Codable, Sendable, Equatable {
      public let fitzpatrick: String
      public let source: String
      public let measured: String?
      public let plausible: [String]
      public let summary: String

      enum CodingKeys: String, CodingKey { case fitzpatrick, source, measured, plausible, summary }
      /// Every key, `measured` null when the type was not measured.
      public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fitzpatrick, forKey: .fitzpatrick)
        try container.encode(source, forKey: .source)
        try container.encode(measured, forKey: .measured)
        try container.encode(plausible, forKey: .plausible)
        try container.encode(summary, forKey: .summary)
      }
    }

    /// Post-inflammatory hyperpigmentation: risk, the halo and its healing, advice.
    public struct Hyperpigmentation: Codable, Sendable, Equatable {
      /// "low", "moderate" or "high".
      public let risk: String
      public let skinType: SkinType?
      /// The halo's colour around each dot at its darkest (new in version 4).
      public let haloLab: Lab
      public let haloDeltaE00: Number
      /// How much the halo's melanin is raised (×, 2 decimals; new in version 4).
      public let melaninFactor: Number
      /// The halo ring's width in dot radii (2 decimals; new in version 4).
      public let haloWidthInRadii: Number
      public let weeks: Int
      public let advice: [String]
      public let healing: [Healing]
      public let basis: String
      /// The dot geometry the risk, halo and healing looks were computed for: healed dot diameter
      /// and spacing (mm) and the dot area coverage π(d/2)²/s² (nil only in lines written before
      /// they were recorded).
      public let dotDiameterMM: Number?
      public let spacingMM: Number?
      public let coverage: Number?
    }

    /// One year of the fade against the target.
    public struct FadeEntry: Codable, Sendable, Equatable {
      public let year: Int
      public let dotLab: Lab
      /// The stubble impression that year: dots and skin mixed by area (new in version 4).
      public let stubbleLab: Lab
      public let deltaE00ToTarget: Number
      /// ΔE00 to the healed dot of year 0: the drift (4 decimals; new in version 4).
      public let deltaE00ToStart: Number
    }

    /// The fade: the timeline, the touch-up (null when none) and what it was judged against:
    /// "target" (the follicle), or "start" (the healed dot's own drift) when the follicle is out
    /// of reach from day one.
    public struct Fade: Codable, Sendable, Equatable {
      public let timeline: [FadeEntry]
      public let touchUpYear: Int?
      public let touchUpBasis: String
      public let touchUpYears: Number?
      public let touchUpMonths: Int?

      enum CodingKeys: String, CodingKey { case timeline, touchUpYear, touchUpBasis, touchUpYears, touchUpMonths }
      /// Every key, the touch-up ones null when none falls within the timeline.
      public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeline, forKey: .timeline)
        try container.encode(touchUpYear, forKey: .touchUpYear)
        try container.encode(touchUpBasis, forKey: .touchUpBasis)
        try container.encode(touchUpYears, forKey: .touchUpYears)
        try container.encode(touchUpMonths, forKey: .touchUpMonths)
      }
    }

    public let schemaVersion: Int
    public let palette: PaletteIdentity
    public let options: RunOptions
    public let analysis: Analysis
    public let target: Target
    public let warnings: [String]
    public let blend: Blend
    public let contrast: Contrast
    public let reach: Reach?
    public let hyperpigmentation: Hyperpigmentation
    public let fade: Fade
    public let skinModel: SkinModel

    /// The match of `measurement`: `report` from a ``MatchPipeline`` run with `palette` and
    /// `options`; `stated` is the practitioner's Fitzpatrick type when given.
    public init(
      _ measurement: PhotoMeasurement, _ report: MatchReport, palette: PaletteIdentity, options: RunOptions,
      stated: FitzpatrickConvention?, cup: CupRecipe? = nil
    ) {
      let mean = report.fade.meanDeltaE00ToTarget ?? .nan
      let h = report.hyperpigmentation
      schemaVersion = JSONContract.schemaVersion
      self.palette = palette
      self.options = options
      analysis = Analysis(measurement, stated: stated, topLevel: false)
      target = Target(report.matchTarget)
      warnings = measurement.analysis.warnings.map(\.description)
      blend = Blend(report.solution, meanDeltaE00: options.years > 0 ? mean : nil, cup: cup)
      contrast = Contrast(skin: report.skinLab, target: report.target, dot: report.solution.blend.dotLab)
      reach = report.reach.map(Reach.init)
      hyperpigmentation = Hyperpigmentation(
        risk: h.risk.rawValue,
        skinType: h.skinType.map {
          SkinType(
            fitzpatrick: $0.fitzpatrick.roman, source: $0.source.rawValue, measured: $0.measured?.roman,
            plausible: $0.plausible.map(\.roman), summary: $0.summary)
        }, haloLab: Lab(h.haloLab), haloDeltaE00: Number(h.haloDeltaE00, places: 3),
        melaninFactor: Number(h.melaninFactor, places: 2), haloWidthInRadii: Number(h.haloWidthInRadii, places: 2),
        weeks: h.weeks, advice: h.advice,
        healing: h.healing.map {
          Healing(
            week: $0.week, stubbleLab: Lab($0.stubbleLab), deltaE00ToSettled: Number($0.deltaE00ToSettled, places: 4))
        },
        basis: PigmentMatch.Hyperpigmentation.basis,
        dotDiameterMM: Number(report.conditions.dotDiameter, places: 3),
        spacingMM: Number(report.conditions.spacing, places: 3), coverage: Number(h.coverage, places: 5))
      fade = Fade(
        timeline: report.fade.entries.map {
          FadeEntry(
            year: $0.year, dotLab: Lab($0.dotLab), stubbleLab: Lab($0.stubbleLab),
            deltaE00ToTarget: Number($0.deltaE00ToTarget ?? .nan, places: 4),
            deltaE00ToStart: Number($0.deltaE00ToStart, places: 4))
        }, touchUpYear: report.fade.touchUpYear,
        touchUpBasis: report.fade.touchUpAgainstTarget ? "target" : "start",
        touchUpYears: report.fade.touchUpYears.map { Number($0, places: 1) },
        touchUpMonths: report.fade.touchUpMonths)
      skinModel = SkinModel(report.skinFit)
    }

    enum CodingKeys: String, CodingKey {
      case schemaVersion, palette, options, analysis, target, warnings, blend, contrast, reach, hyperpigmentation, fade,
        skinModel
    }
    /// Every key in this order, `reach` null when the target is within reach.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(schemaVersion, forKey: .schemaVersion)
      try container.encode(palette, forKey: .palette)
      try container.encode(options, forKey: .options)
      try container.encode(analysis, forKey: .analysis)
      try container.encode(target, forKey: .target)
      try container.encode(warnings, forKey: .warnings)
      try container.encode(blend, forKey: .blend)
      try container.encode(contrast, forKey: .contrast)
      try container.encode(reach, forKey: .reach)
      try container.encode(hyperpigmentation, forKey: .hyperpigmentation)
      try container.encode(fade, forKey: .fade)
      try container.encode(skinModel, forKey: .skinModel)
    }
  }
}
