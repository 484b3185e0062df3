import Foundation
import Testing

@testable import Colorimetry

/// (ITA° angle, expected class) at and around every Del Bino threshold.
let itaCases: [(Double, ITACategory)] = [
  (80, .veryLight), (55.0001, .veryLight), (55, .light), (41.0001, .light), (41, .intermediate),
  (28.0001, .intermediate), (28, .tan), (10.0001, .tan), (10, .brown), (-29.9999, .brown),
  (-30, .dark), (-80, .dark),
]

@Test("ITA classes per Del Bino 2006", arguments: itaCases)
func itaClasses(_ c: (Double, ITACategory)) {
  #expect(ITACategory(degrees: c.0) == c.1)
  // A Lab colour with that angle: L − 50 = 20 sin θ, b = 20 cos θ.
  let t = c.0 * .pi / 180
  let ita = ITA(Lab(l: 50 + 20 * sin(t), a: 10, b: 20 * cos(t)))
  #expect(abs(ita.degrees - c.0) < 1e-9)
}

@Test func itaFormulaAndFitzpatrick() {
  // ITA = atan2(L − 50, b) in degrees (Chardon 1991): L = 60, b = 10 → 45°.
  #expect(abs(ITA(Lab(l: 60, a: 12, b: 10)).degrees - 45) < 1e-12)
  #expect(ITA(Lab(l: 60, a: 12, b: 10)).fitzpatrick == .ii)
  let mapped = ITACategory.allCases.map { FitzpatrickConvention($0).roman }
  #expect(mapped == ["I", "II", "III", "IV", "V", "VI"])
  #expect(FitzpatrickConvention.note.contains("convention"))
  #expect(ITACategory.veryLight.rawValue == "very light")
}

@Test("Monk swatches: 10 published, each its own nearest", arguments: MonkSkinTone.all)
func monkNearest(_ s: MonkSkinTone) {
  #expect(MonkSkinTone.all.count == 10)
  #expect(MonkSkinTone.nearest(to: s.lab) == s)
  // ITA decreases (darker) along the scale from swatch 5 on.
  if s.index >= 6 {
    let prev = MonkSkinTone.all[s.index - 2]
    #expect(ITA(s.lab).degrees < ITA(prev.lab).degrees)
  }
}

@Test func monkPublishedHex() {
  #expect(MonkSkinTone.all.map(\.srgb.hex) == [
    "#f6ede4", "#f3e7db", "#f7ead0", "#eadaba", "#d7bd96", "#a07e56", "#825c43", "#604134", "#3a312a",
    "#292420",
  ])
}
