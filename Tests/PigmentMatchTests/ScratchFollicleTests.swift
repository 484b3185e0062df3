import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

@Suite struct ScratchFollicle {
  @Test func explore() throws {
    let base = try ShippedPalettes.load("carbon-greyscale.json")
    let cb = try #require(base.pigment(id: "cb-black"))
    let palette = try #require(Palette(vendor: "t", name: "t", version: "1", source: "t", diluent: base.diluent, pigments: [cb]))
    let hairs: [(String, Lab)] = HairReference.coverageTargets.map { ($0.name, $0.lab) } + [("white", Lab(l: 78, a: 0, b: 8))]
    for (name, hair) in hairs {
      let fit = HairMelaninFit(hair: hair)
      print(String(format: "%@ fit ΔE %.2f eu %.3f pheo %.4f w %.2f model %.1f %.1f %.1f", name, fit.deltaE00, fit.eumelanin, fit.pheomelanin, fit.pigmentedShare, fit.modelLab.l, fit.modelLab.a, fit.modelLab.b))
    }
    for skin in SkinClassReference.all {
      let optics = try SkinFit(skin: skin.lab).optics
      let solver = BlendSolver(palette: palette, optics: optics)
      var line = "\(skin.category.rawValue) skin \(Int(optics.skinLab.l)): "
      for (name, hair) in hairs {
        let target = FollicleTarget(hair: hair, optics: optics)
        let sol = try solver.solve(target: target.lab)
        let d = Dilution(fractions: sol.blend.fractions)?.waterPerPigment ?? -1
        line += String(format: "%@ T%.1f/%.1f N%.1f Δ%.2f | ", String(name.prefix(6)), target.lab.l, target.lab.b, d, sol.blend.deltaE00)
      }
      print(line)
    }
  }
}
