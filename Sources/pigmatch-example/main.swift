import Foundation
import PigmentMatch

// Run from the package root: swift run pigmatch-example
let analysis = try ToneAnalysis(contentsOf: "Samples/14-very-light-grey.jpg")
let palette = try Palette.load(path: "Palettes/iron-oxide-tones.json")
let report = try MatchPipeline(palette: palette).run(analysis: analysis)

func show(_ c: Lab) -> String { String(format: "L* %.1f  a* %.1f  b* %.1f", c.l, c.a, c.b) }
let blend = report.solution.blend
let drops = report.solution.drops
print("skin    \(show(analysis.skin.lab))  (\(analysis.skin.itaCategory.rawValue))")
print("hair    \(show(report.hair ?? report.target))  (its own colour)")
print("target  \(show(report.target))  (its follicle seen through this skin)")
print("blend   " + blend.components.map { "\($0.pigment) \(String(format: "%.3f", $0.fraction.value))" }.joined(separator: ", "))
print("recipe  " + drops.text)
print("mix     " + blend.asMixed)
print("dot     \(show(blend.dotLab))  ΔE00 \(String(format: "%.2f", blend.deltaE00)) to the follicle")
print("rounded ΔE00 \(String(format: "%.2f", drops.deltaE00)) (rounding costs \(String(format: "%.2f", drops.roundingDeltaE00)))")
print("PIH     \(report.hyperpigmentation.risk.rawValue) risk; touch-up year \(report.fade.touchUpYear.map(String.init) ?? "none")")
