import Testing

@testable import Colorimetry

/// One row of Sharma, Wu & Dalal (2005) Table 1.
struct SharmaPair: CustomTestStringConvertible, Sendable {
  let id: Int
  let x, y: Lab
  let expected: Double
  var testDescription: String { "pair \(id)" }

  static let all: [SharmaPair] = TestData.csv("ciede2000/sharma2005_ciede2000_pairs.csv").rows.compactMap {
    r in
    let v = r.compactMap(Double.init)
    guard v.count == 8 else { return nil }
    return SharmaPair(
      id: Int(v[0]), x: Lab(l: v[1], a: v[2], b: v[3]), y: Lab(l: v[4], a: v[5], b: v[6]), expected: v[7])
  }
}

/// The published ΔE00 values have 4 decimals: agreement to 1e-4 is what they allow.
let sharmaTolerance = 1e-4

@Test func sharmaDataIsComplete() {
  #expect(SharmaPair.all.count == 34)
}

@Test("CIEDE2000 reproduces Sharma 2005 Table 1, both argument orders", arguments: SharmaPair.all)
func ciede2000Sharma(_ p: SharmaPair) {
  #expect(abs(DeltaE.ciede2000(p.x, p.y) - p.expected) <= sharmaTolerance)
  #expect(abs(DeltaE.ciede2000(p.y, p.x) - p.expected) <= sharmaTolerance)
}

@Test("CIEDE2000 parametric factors divide their terms", arguments: SharmaPair.all.prefix(6))
func ciede2000Parametric(_ p: SharmaPair) {
  // Pure lightness difference: doubling kL halves ΔE00 exactly.
  let a = Lab(l: 40, a: p.x.a, b: p.x.b)
  let b = Lab(l: 60, a: p.x.a, b: p.x.b)
  let base = DeltaE.ciede2000(a, b)
  #expect(abs(DeltaE.ciede2000(a, b, kL: 2) - base / 2) < 1e-12)
  // kC and kH only reduce the difference between the pair.
  #expect(DeltaE.ciede2000(p.x, p.y, kC: 2, kH: 2) <= DeltaE.ciede2000(p.x, p.y) + 1e-12)
}

@Test func deltaE76And94() {
  let x = Lab(l: 50, a: 10, b: 0)
  let y = Lab(l: 53, a: 14, b: 0)
  #expect(DeltaE.cie76(x, y) == 5)
  // Pure chroma difference: ΔE94 = ΔC / (1 + 0.045 C1) (graphic arts weights).
  #expect(abs(DeltaE.cie94(Lab(l: 50, a: 10, b: 0), Lab(l: 50, a: 14, b: 0)) - 4 / 1.45) < 1e-12)
  // Pure hue difference at constant chroma 10: ΔH / (1 + 0.015·10).
  let h1 = Lab(l: 50, a: 10, b: 0)
  let h2 = Lab(l: 50, a: 0, b: 10)
  #expect(abs(DeltaE.cie94(h1, h2) - 200.squareRoot() / 1.15) < 1e-12)
  #expect(DeltaE.cie94(x, x) == 0 && DeltaE.ciede2000(x, x) == 0)
}
