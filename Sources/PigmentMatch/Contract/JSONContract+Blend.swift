import Colorimetry

extension JSONContract {
  /// One ingredient of a blend: pigment id (water as `"water"`), name, fraction (6 decimals).
  public struct Component: Codable, Sendable, Equatable {
    public let pigment: String
    public let name: String
    public let fraction: Number
  }

  /// One ingredient of the drop recipe.
  public struct Drops: Codable, Sendable, Equatable {
    public let pigment: String
    public let drops: Int
  }

  /// A dilution: `{"waterPerPigment": N, "text": "1 ml pigment in N ml water"}`.
  public struct Dilution: Codable, Sendable, Equatable {
    /// ml water per ml of all stock pigments (2 decimals).
    public let waterPerPigment: Number
    public let text: String

    /// The contract form of `d`.
    public init(_ d: PigmentMatch.Dilution) {
      waterPerPigment = Number(d.waterPerPigment, places: 2)
      text = d.description
    }
  }

  /// `cup`: the recipe in ml for a cup of `volumeML` (with `--volume`).
  public struct Cup: Codable, Sendable, Equatable {
    /// One ingredient in ml (0.1 ml steps).
    public struct Entry: Codable, Sendable, Equatable {
      public let pigment: String
      public let ml: Number
    }
    public let volumeML: Number
    public let components: [Entry]
    public let deltaE00: Number
    public let roundingDeltaE00: Number

    /// The contract form of `cup`.
    public init(_ cup: CupRecipe) {
      volumeML = Number(cup.volume, places: 1)
      components = cup.entries.map { Entry(pigment: $0.pigment, ml: Number($0.millilitres, places: 1)) }
      deltaE00 = Number(cup.deltaE00, places: 4)
      roundingDeltaE00 = Number(cup.roundingDeltaE00, places: 4)
    }
  }

  /// The blend object of `blend` and `match`: fractions, drops, dilution, the healed dot and its
  /// ΔE00; `recipeDeltaE00` and `roundingDeltaE00` (what rounding to drops costs); `meanDeltaE00`
  /// only for a fade-aware solve; `mix` (as mixed: "undiluted", "1 ml Carbon Black in 4 ml water
  /// (1:4)"); `cup` only with `--volume`.
  public struct Blend: Codable, Sendable, Equatable {
    public let components: [Component]
    public let recipe: [Drops]
    /// Absent when the blend has no stock pigment.
    public let dilution: Dilution?
    public let dotLab: Lab
    public let deltaE00: Number
    public let recipeDeltaE00: Number
    public let roundingDeltaE00: Number
    public let meanDeltaE00: Number?
    public let mix: String
    public let cup: Cup?

    /// The contract's blend object for `solution`; `meanDeltaE00` only for a fade-aware solve.
    public init(_ solution: BlendSolver.Solution, meanDeltaE00: Double?, cup: CupRecipe? = nil) {
      let blend = solution.blend
      let names = Dictionary(uniqueKeysWithValues: blend.components.map { ($0.pigment, $0.name) })
      components = blend.roundedFractions(places: 6).map {
        Component(pigment: $0.pigment, name: names[$0.pigment] ?? $0.pigment, fraction: Number($0.fraction, places: 6))
      }
      recipe = solution.drops.entries.map { Drops(pigment: $0.pigment, drops: $0.drops) }
      dilution = PigmentMatch.Dilution(fractions: blend.fractions).map(Dilution.init)
      dotLab = Lab(blend.dotLab)
      deltaE00 = Number(blend.deltaE00, places: 4)
      recipeDeltaE00 = Number(solution.drops.deltaE00, places: 4)
      roundingDeltaE00 = Number(solution.drops.roundingDeltaE00, places: 4)
      self.meanDeltaE00 = meanDeltaE00.map { Number($0, places: 4) }
      mix = blend.asMixed
      self.cup = cup.map(Cup.init)
    }
  }

  /// `target`: what the dot is matched against — `"follicle"` (the hair seen through the skin, with
  /// the hair's own colour and melanin fit) or `"direct"` (a dot colour; `hairLab`, `hairFit` null).
  public struct Target: Codable, Sendable, Equatable {
    /// The hair's melanin fit (``HairMelaninFit``).
    public struct HairFit: Codable, Sendable, Equatable {
      public let eumelanin: Number
      public let pheomelanin: Number
      public let pigmentedShare: Number
      public let modelLab: Lab
      public let deltaE00: Number
    }

    public let kind: String
    public let lab: Lab
    public let hairLab: Lab?
    public let hairFit: HairFit?

    /// The contract form of `target`.
    public init(_ target: MatchTarget) {
      kind = target.kind
      lab = Lab(target.lab)
      if case .follicle(let follicle) = target {
        let fit = follicle.hair
        hairLab = Lab(fit.hair)
        hairFit = HairFit(
          eumelanin: Number(fit.eumelanin, places: 4), pheomelanin: Number(fit.pheomelanin, places: 4),
          pigmentedShare: Number(fit.pigmentedShare, places: 3), modelLab: Lab(fit.modelLab),
          deltaE00: Number(fit.deltaE00, places: 3))
      } else {
        hairLab = nil
        hairFit = nil
      }
    }

    enum CodingKeys: String, CodingKey { case kind, lab, hairLab, hairFit }
    /// Every key, `hairLab` and `hairFit` null for a direct target.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(lab, forKey: .lab)
      try container.encode(hairLab, forKey: .hairLab)
      try container.encode(hairFit, forKey: .hairFit)
    }
  }

  /// `contrast`: the target and the healed dot against the bare skin (ΔL*, Δb*, 2 decimals).
  public struct Contrast: Codable, Sendable, Equatable {
    /// One colour against the skin.
    public struct Entry: Codable, Sendable, Equatable {
      public let deltaL: Number
      public let deltaB: Number
      init(_ c: SkinContrast) {
        deltaL = Number(c.deltaL, places: 2)
        deltaB = Number(c.deltaB, places: 2)
      }
    }
    public let skinLab: Lab
    public let target: Entry
    public let dot: Entry

    /// The contrasts of `target` and `dot` with `skin`.
    public init(skin: Colorimetry.Lab, target: Colorimetry.Lab, dot: Colorimetry.Lab) {
      skinLab = Lab(skin)
      self.target = Entry(SkinContrast(target, against: skin))
      self.dot = Entry(SkinContrast(dot, against: skin))
    }
  }

  /// `reach`: how close the palette gets under this skin, what it lacks, the lightness-first option.
  public struct Reach: Codable, Sendable, Equatable {
    /// One pigment at a dilution and its healed dot.
    public struct Dot: Codable, Sendable, Equatable {
      public let pigment: String
      public let dilution: Dilution
      public let dotLab: Lab
      init(_ d: PaletteReach.Dot) {
        pigment = d.pigment
        dilution = Dilution(d.dilution)
        dotLab = Lab(d.lab)
      }
    }
    /// What the palette lacks (`code` e.g. "darker").
    public struct Missing: Codable, Sendable, Equatable {
      public let code: String
      public let message: String
    }
    /// One pigment diluted to the target's L*.
    public struct LightnessFirst: Codable, Sendable, Equatable {
      public let pigment: String
      public let dilution: Dilution
      public let dotLab: Lab
      public let deltaL: Number
      public let deltaE00: Number
    }
    public let darkest: Dot
    public let lightest: Dot
    public let missing: [Missing]
    public let lightnessFirst: LightnessFirst

    /// The contract form of `r`.
    public init(_ r: PaletteReach) {
      darkest = Dot(r.darkest)
      lightest = Dot(r.lightest)
      missing = r.missing.map { Missing(code: $0.code, message: $0.description) }
      let l = r.lightnessFirst
      lightnessFirst = LightnessFirst(
        pigment: l.dot.pigment, dilution: Dilution(l.dot.dilution), dotLab: Lab(l.dot.lab),
        deltaL: Number(l.deltaL, places: 2), deltaE00: Number(l.deltaE00, places: 3))
    }
  }

  /// `skinModel` of `mix`, `blend`, `fade` and `match`: the fit's ΔE00, every fitted parameter,
  /// those at an end of their range, and whether the colour is skin under neutral light at all
  /// (else `advice` says it is likely a colour cast). The three flat parameter keys are kept from
  /// the first `match` contract.
  public struct SkinModel: Codable, Sendable, Equatable {
    /// The fitted parameters of ``SkinParameters``.
    public struct Parameters: Codable, Sendable, Equatable {
      public let melanosomeFraction: Number
      public let pheomelaninFraction: Number
      public let bloodFraction: Number
      public let oxygenSaturation: Number
      public let dermalScatteringScale: Number
      public let epidermisThicknessMM: Number
      public let scatteringPower: Number
      public let caroteneMicromolar: Number
    }

    public let fitDeltaE00: Number
    public let inGamut: Bool
    /// Absent when the colour is a plausible skin.
    public let advice: String?
    public let parametersAtBounds: [String]
    public let parameters: Parameters
    public let melanosomeFraction: Number
    public let bloodFraction: Number
    public let dermalScatteringScale: Number

    /// The contract form of `fit`.
    public init(_ fit: SkinFit) {
      let p = fit.optics.parameters
      fitDeltaE00 = Number(fit.deltaE00, places: 4)
      inGamut = fit.inGamut
      advice = fit.gamut.advice
      parametersAtBounds = fit.parametersAtBounds
      parameters = Parameters(
        melanosomeFraction: Number(p.melanosomeFraction, places: 4),
        pheomelaninFraction: Number(p.pheomelaninFraction, places: 3),
        bloodFraction: Number(p.bloodFraction, places: 5),
        oxygenSaturation: Number(p.oxygenSaturation, places: 3),
        dermalScatteringScale: Number(p.dermalScatteringScale, places: 3),
        epidermisThicknessMM: Number(p.epidermisThickness, places: 4),
        scatteringPower: Number(p.scatteringPower, places: 3),
        caroteneMicromolar: Number(p.caroteneMicromolar, places: 2))
      melanosomeFraction = parameters.melanosomeFraction
      bloodFraction = parameters.bloodFraction
      dermalScatteringScale = parameters.dermalScatteringScale
    }
  }
}

extension JSONContract.Blend {
  /// The name of `pigment` as the blend's components give it (the first, should two share an id),
  /// or the id itself for an ingredient the components do not list. The page and the sheet name
  /// ingredients by this.
  package func name(of pigment: String) -> String {
    components.first { $0.pigment == pigment }?.name ?? pigment
  }

  /// Drops in the whole recipe.
  package var totalDrops: Int { recipe.reduce(0) { $0 + $1.drops } }
}
