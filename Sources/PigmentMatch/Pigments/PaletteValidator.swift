import Colorimetry
import Foundation

/// Validates vendor palettes: structure (with JSON paths), values, optics derivation, shade
/// sanity and coverage of natural hair tones over the six ITA° skin classes.
public enum PaletteValidator {
  /// Coverage threshold, ΔE00 (issue 5: 2.0; between DESIGN's match 1.8 and dark-skin 2.6).
  package static let coverageThreshold = 2.0
  /// Masstone dots closer than this are near-duplicate shades (ΔE00 1 ≈ just noticeable).
  package static let nearDuplicateThreshold = 1.0
  /// Water fractions at which a stock must get lighter, in order.
  package static let dilutionSteps = [0.0, 0.5, 0.8, 0.95]
  /// Minimum L* gain from full strength to 95 % water for a dot to count as lightening.
  package static let minimumDilutionGain = 1.0

  /// Validates the palette file at `path`; throws only when the file cannot be read at all.
  public static func validate(path: String) throws(PaletteError) -> PaletteValidation {
    validate(jsonData: try PaletteFile.read(path: path))
  }

  /// Validates palette JSON, with coverage over `HairReference/coverageTargets` ×
  /// `SkinClassReference/all` unless `includeCoverage` is false (coverage solves 48 blends).
  public static func validate(jsonData data: Data, coverage includeCoverage: Bool = true) -> PaletteValidation {
    let (palette, parsedProblems) = PaletteReader.read(JSONValue.parse(data))
    let readProblems = PaletteProblem.locatingSyntaxError(parsedProblems, in: data)
    guard let palette else { return PaletteValidation(problems: readProblems, coverage: nil) }
    let problems = readProblems + shadeProblems(palette)
    let hasError = problems.contains { $0.severity == .error }
    let covered = hasError || !includeCoverage ? nil : coverage(palette)
    return PaletteValidation(problems: problems, coverage: covered)
  }

  /// Near-duplicate masstones and stocks that do not lighten with water (neutral-dermis dot model).
  static func shadeProblems(_ palette: Palette) -> [PaletteProblem] {
    let model = DotModel(palette: palette, optics: NeutralDermisDotOptics())
    let water = palette.pigments.count
    var problems: [PaletteProblem] = []
    let masstones = (0..<water).map { model.masstoneLab(componentIndex: $0) }
    for i in 0..<water {
      for j in (i + 1)..<max(water, i + 1) {
        let difference = DeltaE.ciede2000(masstones[i], masstones[j])
        if difference < nearDuplicateThreshold {
          problems.append(
            PaletteProblem(
              severity: .warning, pigment: palette.pigments[j].id, code: .nearDuplicate,
              path: "$.pigments[\(j)]",
              detail: "masstone is within ΔE00 \(String(format: "%.2f", difference)) of "
                + "\"\(palette.pigments[i].id)\" ($.pigments[\(i)]): near-duplicate shade"))
        }
      }
    }
    for i in 0..<water {
      let lightness = dilutionSteps.map { w -> Double in
        var c = [Double](repeating: 0, count: model.componentCount)
        c[i] = 1 - w
        c[water] = w
        return model.lab(c).l
      }
      let monotone = zip(lightness, lightness.dropFirst()).allSatisfy { $1 >= $0 - 0.01 }
      let gain = (lightness.last ?? 0) - (lightness.first ?? 0)
      if !monotone || gain < minimumDilutionGain {
        problems.append(
          PaletteProblem(
            severity: .error, pigment: palette.pigments[i].id, code: .tintDoesNotLighten,
            path: "$.pigments[\(i)]",
            detail: "the dot does not lighten with water (L* "
              + lightness.map { String(format: "%.1f", $0) }.joined(separator: " → ") + " at "
              + dilutionSteps.map { String(format: "%.0f", $0 * 100) }.joined(separator: "/")
              + " % water)"))
      }
    }
    return problems
  }

  /// Share of hair tone × skin class targets the palette matches within ``coverageThreshold``, and
  /// the ones it does not with their closest ΔE00. Each target is the hair's follicle seen through
  /// that skin class (``FollicleTarget``), the colour a healed dot is matched to.
  package static func coverage(_ palette: Palette) -> PaletteValidation.Coverage {
    var targets = 0
    var matched = 0
    var unreached: [PaletteValidation.Unreached] = []
    for skin in SkinClassReference.all {
      // The layered skin model fitted to the class's skin colour (DESIGN.md "Seen through skin").
      guard let optics = try? SkinFit(skin: skin.lab).optics else { continue }
      let solver = BlendSolver(palette: palette, optics: optics)
      for hair in HairReference.coverageTargets {
        targets += 1
        // Like with like: the dot is matched to the hair's follicle seen through this skin.
        let follicle = FollicleTarget(hair: hair.lab, optics: optics).lab
        let deltaE00 = (try? solver.solve(target: follicle))?.blend.deltaE00
        if let deltaE00, deltaE00 <= coverageThreshold {
          matched += 1
        } else {
          unreached.append(.init(hair: hair.name, skin: skin.category.rawValue, deltaE00: deltaE00))
        }
      }
    }
    return PaletteValidation.Coverage(
      targets: targets, matched: matched, thresholdDeltaE00: coverageThreshold, unreached: unreached)
  }
}
