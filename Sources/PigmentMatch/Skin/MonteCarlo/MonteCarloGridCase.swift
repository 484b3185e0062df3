import Colorimetry

/// One case of the comparison grid of the fast skin model against the Monte Carlo oracle
/// (`pigmatch-bench montecarlo`): a skin's parameters, a pigment load and depth, and the CIELAB the
/// MCML oracle (``SkinMonteCarlo``) gave for it. A case is one tab-separated line, so a run can be
/// saved and the fast model compared or refitted without running MCML again.
///
/// Line: name, skin class, load, depth (mm), the ten ``SkinParameters`` (melanosome fraction,
/// pheomelanin, blood, saturation, dermal scattering scale, scattering power, epidermis thickness,
/// pigment layer thickness, pigment depth, carotene µmol/L), the fractions (palette pigments then
/// water, comma-separated; "-" for the bare skin) and the Monte Carlo L*, a*, b*.
package struct MonteCarloGridCase: Sendable {
  /// Readable name, e.g. "very light undiluted depth 0.1 mm".
  package let name: String
  /// Skin class (`SkinClassReference`'s category).
  package let skin: String
  /// Load name: "bare skin", "undiluted", "1:4", …
  package let load: String
  /// Extra depth of the pigment layer below the epidermis, mm.
  package let depth: Double
  /// The skin (with ``SkinParameters/pigmentDepth`` = ``depth``).
  package let parameters: SkinParameters
  /// Palette fractions then water; nil: the bare skin.
  package let fractions: [Double]?
  /// The Monte Carlo colour (D65, 2°).
  package let reference: Lab

  /// A case as given.
  package init(
    name: String, skin: String, load: String, depth: Double, parameters: SkinParameters, fractions: [Double]?,
    reference: Lab
  ) {
    self.name = name
    self.skin = skin
    self.load = load
    self.depth = depth
    self.parameters = parameters
    self.fractions = fractions
    self.reference = reference
  }

  /// A line that does not hold a case: where and why.
  package struct ParseError: Error, CustomStringConvertible, Equatable {
    /// 1-based line number.
    package let line: Int
    /// What is wrong.
    package let reason: String
    package var description: String { "line \(line): \(reason)" }
  }

  /// The case as one tab-separated line (see the type's documentation).
  package var line: String {
    let p = parameters
    let numbers = [
      p.melanosomeFraction, p.pheomelaninFraction, p.bloodFraction, p.oxygenSaturation,
      p.dermalScatteringScale, p.scatteringPower, p.epidermisThickness, p.pigmentLayerThickness,
      p.pigmentDepth, p.caroteneMicromolar,
    ].map { String($0) }
    let f = fractions.map { $0.map { String($0) }.joined(separator: ",") } ?? "-"
    return ([name, skin, load, String(depth)] + numbers + [f, String(reference.l), String(reference.a), String(reference.b)])
      .joined(separator: "\t")
  }

  /// The cases of `text`, one per line; empty lines and lines starting with "#" (notes: where the
  /// numbers come from) are skipped.
  package static func parse(_ text: String) throws(ParseError) -> [MonteCarloGridCase] {
    var cases: [MonteCarloGridCase] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      cases.append(try parse(line: line, number: index + 1))
    }
    return cases
  }

  private static func parse(line: Substring, number: Int) throws(ParseError) -> MonteCarloGridCase {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard f.count == 18 else { throw ParseError(line: number, reason: "expected 18 tab-separated fields, found \(f.count)") }
    let n = f[3...13].compactMap(Double.init)
    let lab = f[15...17].compactMap(Double.init)
    guard n.count == 11, lab.count == 3 else { throw ParseError(line: number, reason: "a number field is not a number") }
    let fractions = f[14] == "-" ? nil : f[14].split(separator: ",").compactMap { Double($0) }
    let p = SkinParameters(
      melanosomeFraction: n[1], bloodFraction: n[3], oxygenSaturation: n[4], dermalScatteringScale: n[5],
      epidermisThickness: n[7], pigmentLayerThickness: n[8], pigmentDepth: n[9], pheomelaninFraction: n[2],
      scatteringPower: n[6], caroteneMicromolar: n[10])
    return MonteCarloGridCase(
      name: f[0], skin: f[1], load: f[2], depth: n[0], parameters: p, fractions: fractions,
      reference: Lab(l: lab[0], a: lab[1], b: lab[2]))
  }
}
