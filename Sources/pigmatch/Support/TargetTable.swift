import PigmentMatch

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
