import ArgumentParser
import Colorimetry
import Foundation
import PigmentMatch

/// `pigmatch-bench geometry`: what taking a photographed skin as specular-excluded (SCE, as a 45/0
/// instrument; ``SkinColourGeometry``) instead of specular-included (SCI, what `match` does) would
/// change in a match. Per client (skin and hair CIELAB) and geometry: the skin fit (ΔE00, in
/// gamut), the follicle target, the recipe and its ΔE00, with the dot and the follicle seen in the
/// same geometry as the skin (the surface's flat K1 taken off every reflectance). A measurement for
/// the choice of geometry (KubelkaMunkInSkin.md), not a code path of `match`.
struct GeometryStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "geometry",
    abstract: "Skin fit and match with the skin taken specular-included vs excluded (a measurement).")

  @Option(help: "Palette JSON file.")
  var palette = "Palettes/carbon-greyscale.json"

  @Option(help: "Clients name=L,a,b/L,a,b;… (skin/hair CIELAB).")
  var clients = ""

  @Option(help: "A folder of generated photos whose *.truth.json give each client's skin and hair.")
  var samples: String?

  func run() throws {
    var list: [(String, Lab, Lab)] = []
    for item in clients.split(separator: ";") {
      let parts = item.split(separator: "=")
      let labs = parts.last?.split(separator: "/").map { $0.split(separator: ",").compactMap { Double($0) } } ?? []
      guard parts.count == 2, labs.count == 2, labs.allSatisfy({ $0.count == 3 }) else {
        throw ValidationError("client '\(item)': expected name=L,a,b/L,a,b")
      }
      list.append((String(parts[0]), Lab(l: labs[0][0], a: labs[0][1], b: labs[0][2]),
        Lab(l: labs[1][0], a: labs[1][1], b: labs[1][2])))
    }
    if let samples {
      struct Truth: Decodable {
        struct Tone: Decodable { let lab: [Double] }
        let name: String
        let skin: Tone
        let hair: Tone?
      }
      let files = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".truth.json") }
      for file in files.sorted() {
        let truth = try JSONDecoder().decode(
          Truth.self, from: Data(contentsOf: URL(fileURLWithPath: samples).appendingPathComponent(file)))
        guard let hair = truth.hair, truth.skin.lab.count == 3, hair.lab.count == 3 else { continue }
        list.append((truth.name, Lab(l: truth.skin.lab[0], a: truth.skin.lab[1], b: truth.skin.lab[2]),
          Lab(l: hair.lab[0], a: hair.lab[1], b: hair.lab[2])))
      }
    }
    let loaded = try Palette.load(path: palette)
    func lab(_ c: Lab) -> String { String(format: "%.0f/%.0f/%.0f", c.l, c.a, c.b) }
    var outOfReach: [SkinColourGeometry: Int] = [:]
    var inGamut: [SkinColourGeometry: Int] = [:]
    for (name, skin, hair) in list {
      var cells: [String] = []
      for geometry in SkinColourGeometry.allCases {
        guard let fit = try? SkinFit(skin: skin, geometry: geometry) else {
          cells.append("not a skin colour")
          continue
        }
        let optics: any DotOptics =
          geometry == .specularIncluded ? fit.optics : SpecularExcludedDot(base: fit.optics)
        let follicle = FollicleTarget(
          hair: HairMelaninFit(hair: hair), optics: optics, layerThickness: fit.optics.parameters.pigmentLayerThickness)
        let blend = try BlendSolver(palette: loaded, optics: optics).solve(target: follicle.lab).blend
        if blend.deltaE00 > FadeModel.matchThreshold { outOfReach[geometry, default: 0] += 1 }
        if fit.inGamut { inGamut[geometry, default: 0] += 1 }
        cells.append(
          String(format: "fit %.2f%@ target %@ dot %@ ΔE00 %.1f %@", fit.deltaE00, fit.inGamut ? "" : " cast",
            lab(follicle.lab), lab(blend.dotLab), blend.deltaE00, blend.asMixed))
      }
      print("\(name) skin \(lab(skin)) hair \(lab(hair))\n  SCI: \(cells[0])\n  SCE: \(cells[1])")
    }
    print(
      "\(list.count) clients: in gamut SCI \(inGamut[.specularIncluded] ?? 0), SCE \(inGamut[.specularExcluded] ?? 0); "
        + "out of reach SCI \(outOfReach[.specularIncluded] ?? 0), SCE \(outOfReach[.specularExcluded] ?? 0)")
  }
}

/// The dot optics of `base` as a specular-excluded geometry sees them: every reflectance less the
/// surface's flat Saunderson K1 (``SkinColourGeometry``), so dot, follicle and skin are alike.
struct SpecularExcludedDot: DotOptics {
  let base: SkinOptics
  let k1 = SkinColourGeometry.specularIncluded.surfaceReflectance

  func dotReflectance(k: [Double], s: [Double]) -> [Double] { base.dotReflectance(k: k, s: s).map { $0 - k1 } }
  var skinReflectance: [Double] { base.skinReflectance.map { $0 - k1 } }
}
