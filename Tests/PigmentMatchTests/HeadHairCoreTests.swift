import Testing

@testable import PigmentMatch

/// `HeadHair.core`: at a hairline skin shows between sparse strands, so a band above the skin holds
/// pure hair and skin–hair area mixtures. The tone read from the band's core is the hair's own.
///
/// Oracle: the colours painted into the band (a pure hair colour, and mixtures made by hand as
/// coverage-weighted averages of that hair and the skin), not the code's output.
@Suite struct HeadHairCoreTests {
  static let skin = Lab(l: 70, a: 18, b: 27)

  /// A band of `pure` pixels of `hair` (±0.5 L* of deterministic noise) and `mixed` pixels of
  /// coverage spread evenly over 0.1…0.9.
  static func band(hair: Lab, pure: Int, mixed: Int) -> TonePixels.Buffer {
    var buffer = TonePixels.Buffer(gridWidth: pure + mixed, gridHeight: 1)
    func add(_ lab: Lab) {
      buffer.l.append(Float(lab.l))
      buffer.a.append(Float(lab.a))
      buffer.b.append(Float(lab.b))
      buffer.position.append(Int32(buffer.position.count))
    }
    for n in 0..<pure { add(Lab(l: hair.l + (n % 3 == 0 ? -0.5 : n % 3 == 1 ? 0 : 0.5), a: hair.a, b: hair.b)) }
    for n in 0..<mixed {
      let c = 0.1 + 0.8 * Double(n) / Double(max(mixed - 1, 1))
      add(
        Lab(
          l: c * hair.l + (1 - c) * skin.l, a: c * hair.a + (1 - c) * skin.a, b: c * hair.b + (1 - c) * skin.b))
    }
    return buffer
  }

  /// Dark and white hair, with more mixtures than pure hair at the hairline (the band's median is
  /// then a mixture): the core's median is the painted hair.
  @Test(arguments: [Lab(l: 15, a: 3, b: 3), Lab(l: 80, a: 2, b: 6)])
  func coreIsTheHairNotTheHairline(hair: Lab) {
    let buffer = Self.band(hair: hair, pure: 45, mixed: 55)
    let all = Array(0..<buffer.count)
    let whole = Statistics.medianLab(pixels: buffer, indices: all)
    let core = Statistics.medianLab(pixels: buffer, indices: HeadHair.core(of: all, in: buffer, skin: Self.skin))
    #expect(DeltaE.ciede2000(whole, hair) > 2, "the band's median is a mixture: \(whole)")
    #expect(DeltaE.ciede2000(core, hair) <= 1, "core \(core)")
  }

  /// A band of pure hair only: the core changes nothing beyond noise.
  @Test func pureBandKeepsItsTone() {
    let hair = Lab(l: 40, a: 1, b: 1)
    let buffer = Self.band(hair: hair, pure: 60, mixed: 0)
    let core = Statistics.medianLab(
      pixels: buffer, indices: HeadHair.core(of: Array(0..<buffer.count), in: buffer, skin: Self.skin))
    #expect(DeltaE.ciede2000(core, hair) <= 0.6)
  }

  /// Skin regions from runs: a hand-drawn mask whose regions are known by eye — a U whose arms
  /// join only on its last row (one region), a blob touching it only diagonally (4-neighbours:
  /// another), and a lone pixel.
  @Test func regionsJoinRunsThatTouchAlongAColumn() {
    let rows = [
      "#...#.....",
      "#...#.....",
      "#...#.##..",
      "#####.##..",
      ".....#....",
      ".........#",
    ]
    let w = rows[0].count
    let mask = rows.flatMap { $0.map { $0 == "#" } }
    let (runs, regions) = HeadHair.regions(of: mask, width: w, height: rows.count)
    #expect(regions.map(\.size) == [3 * 2 + 5, 4, 1, 1])
    #expect(regions.map(\.x0) == [0, 6, 5, 9])
    #expect(regions.map(\.x1) == [4, 7, 5, 9])
    #expect(runs.reduce(0) { $0 + Int($1.x1 - $1.x0 + 1) } == mask.filter { $0 }.count)
    // The lone pixel below the U and the blob, touching both only at corners, is a region of its own.
    #expect(runs.first { $0.y == 4 }?.region == 2)
  }

  /// The coarse grid's cells: on a 7 × 8 grid with holes (unusable pixels), every pixel on every
  /// 3rd row and column and no other, at its cell — enumerated here by brute force.
  @Test(arguments: [1, 2, 3])
  func coarseCellsAreEveryStepthRowAndColumn(step: Int) {
    let (w, h) = (7, 8)
    var buffer = TonePixels.Buffer(gridWidth: w, gridHeight: h)
    // Holes: the first row entirely, and every 5th position.
    for p in w..<(w * h) where p % 5 != 0 {
      buffer.l.append(50)
      buffer.a.append(0)
      buffer.b.append(0)
      buffer.position.append(Int32(p))
    }
    let coarseWidth = (w + step - 1) / step
    var expected: [[Int]] = []
    for (i, p) in buffer.position.enumerated() {
      let (y, x) = (Int(p) / w, Int(p) % w)
      if y % step == 0, x % step == 0 { expected.append([i, (y / step) * coarseWidth + x / step]) }
    }
    var seen: [[Int]] = []
    HeadHair.forEachCell(of: buffer, step: step, coarseWidth: coarseWidth) { seen.append([$0, $1]) }
    #expect(seen == expected)
    #expect(!seen.isEmpty)
  }

  /// The step keeps a decoded grid to at most ``HeadHair/coarseCells`` cells, and no coarser than
  /// that needs: 750 000 cells (a 12 MP JPEG decoded at 1/4) → every 2nd (187 500);
  /// 3 000 000 → every 4th (187 500; every 3rd leaves 333 333).
  @Test func coarseStepKeepsTheGridSmall() {
    #expect(HeadHair.coarseStep(cells: 150_000) == 1)
    #expect(HeadHair.coarseStep(cells: 750_000) == 2)
    #expect(HeadHair.coarseStep(cells: 3_000_000) == 4)
  }
}
