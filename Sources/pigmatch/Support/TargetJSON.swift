import PigmentMatch

/// Version of the `blend` and `match` JSON objects: the library's ``ToolVersion/schemaVersion``.
enum MatchContract {
  static let schemaVersion = ToolVersion.schemaVersion
}

/// `target`: what the dot is matched against.
struct TargetJSON: Encodable {
  /// The hair's melanin fit (``HairMelaninFit``).
  struct HairFit: Encodable {
    let eumelanin: Rounded
    let pheomelanin: Rounded
    let pigmentedShare: Rounded
    let modelLab: LabJSON
    let deltaE00: Rounded
  }

  let kind: String
  let lab: LabJSON
  let hairLab: LabJSON?
  let hairFit: HairFit?

  init(_ target: MatchTarget) {
    kind = target.kind
    lab = LabJSON(target.lab)
    if case .follicle(let follicle) = target {
      let fit = follicle.hair
      hairLab = LabJSON(fit.hair)
      hairFit = HairFit(
        eumelanin: Rounded(fit.eumelanin, places: 4), pheomelanin: Rounded(fit.pheomelanin, places: 4),
        pigmentedShare: Rounded(fit.pigmentedShare, places: 3), modelLab: LabJSON(fit.modelLab),
        deltaE00: Rounded(fit.deltaE00, places: 3))
    } else {
      hairLab = nil
      hairFit = nil
    }
  }

  enum CodingKeys: String, CodingKey { case kind, lab, hairLab, hairFit }
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(kind, forKey: .kind)
    try container.encode(lab, forKey: .lab)
    try container.encode(hairLab, forKey: .hairLab)  // null for a direct target
    try container.encode(hairFit, forKey: .hairFit)
  }
}

/// `contrast`: the target and the healed dot against the bare skin (ΔL*, Δb*).
struct ContrastJSON: Encodable {
  struct Entry: Encodable {
    let deltaL: Rounded
    let deltaB: Rounded
    init(_ c: SkinContrast) {
      deltaL = Rounded(c.deltaL, places: 2)
      deltaB = Rounded(c.deltaB, places: 2)
    }
  }
  let skinLab: LabJSON
  let target: Entry
  let dot: Entry

  init(skin: Lab, target: Lab, dot: Lab) {
    skinLab = LabJSON(skin)
    self.target = Entry(SkinContrast(target, against: skin))
    self.dot = Entry(SkinContrast(dot, against: skin))
  }
}

/// A dilution: `{"waterPerPigment": N, "text": "1 ml pigment in N ml water"}`.
struct DilutionJSON: Encodable {
  let waterPerPigment: Rounded
  let text: String
  init(_ d: Dilution) {
    waterPerPigment = Rounded(d.waterPerPigment, places: 2)
    text = d.description
  }
}

/// `reach`: how close the palette gets under this skin, what it lacks, the lightness-first option.
struct ReachJSON: Encodable {
  struct Dot: Encodable {
    let pigment: String
    let dilution: DilutionJSON
    let dotLab: LabJSON
    init(_ d: PaletteReach.Dot) {
      pigment = d.pigment
      dilution = DilutionJSON(d.dilution)
      dotLab = LabJSON(d.lab)
    }
  }
  struct Missing: Encodable {
    let code: String
    let message: String
  }
  struct LightnessFirst: Encodable {
    let pigment: String
    let dilution: DilutionJSON
    let dotLab: LabJSON
    let deltaL: Rounded
    let deltaE00: Rounded
  }
  let darkest: Dot
  let lightest: Dot
  let missing: [Missing]
  let lightnessFirst: LightnessFirst

  init(_ r: PaletteReach) {
    darkest = Dot(r.darkest)
    lightest = Dot(r.lightest)
    missing = r.missing.map { Missing(code: $0.code, message: $0.description) }
    let l = r.lightnessFirst
    lightnessFirst = LightnessFirst(
      pigment: l.dot.pigment, dilution: DilutionJSON(l.dot.dilution), dotLab: LabJSON(l.dot.lab),
      deltaL: Rounded(l.deltaL, places: 2), deltaE00: Rounded(l.deltaE00, places: 3))
  }
}

/// The readable lines shared by `blend` and `match`: target, dot, contrasts, and the reach.
enum TargetTable {
  /// Rows: the hair (own colour, fit), the target, the healed dot, ΔE00.
  static func rows(target: MatchTarget, dot: Lab, deltaE00: Double, skin: Lab) -> [(String, String)] {
    let console = CLI.console
    func contrast(_ lab: Lab) -> String {
      let c = SkinContrast(lab, against: skin)
      return "  ΔL* \(Table.format(c.deltaL, 1))  Δb* \(Table.format(c.deltaB, 1)) vs skin"
    }
    var rows: [(String, String)] = []
    if case .follicle(let follicle) = target {
      rows.append(
        ("hair", Table.swatch(follicle.hair.hair, console: console) + Table.lab(follicle.hair.hair)
          + "  (melanin model fit ΔE00 \(Table.format(follicle.hair.deltaE00, 2)))"))
      rows.append(("follicle (target)", Table.swatch(target.lab, console: console) + Table.lab(target.lab) + contrast(target.lab)))
    } else {
      rows.append(("target", Table.swatch(target.lab, console: console) + Table.lab(target.lab) + contrast(target.lab)))
    }
    rows.append(("healed dot", Table.swatch(dot, console: console) + Table.lab(dot) + contrast(dot)))
    rows.append(("ΔE00", Table.format(deltaE00, 2)))
    return rows
  }

  /// The out-of-reach paragraph.
  static func reachLines(_ reach: PaletteReach, deltaE00: Double) -> [String] {
    var lines = [
      "out of reach: this is the closest blend, ΔE00 \(Table.format(deltaE00, 2)) (a match is ≤ \(Table.format(FadeModel.matchThreshold, 1)))",
      "  reachable under this skin: darkest \(reach.darkest.pigment) \(reach.darkest.dilution) → \(Table.lab(reach.darkest.lab)); "
        + "lightest \(reach.lightest.pigment) \(reach.lightest.dilution) → \(Table.lab(reach.lightest.lab))",
    ]
    if !reach.missing.isEmpty {
      lines.append("  missing: " + reach.missing.map(\.description).joined(separator: "; "))
    }
    let l = reach.lightnessFirst
    lines.append(
      "  lightness first: \(l.dot.pigment) \(l.dot.dilution) → \(Table.lab(l.dot.lab)) "
        + "(ΔL* \(Table.format(l.deltaL, 1)), ΔE00 \(Table.format(l.deltaE00, 2))): stubble is read by its lightness")
    return lines
  }
}
