import Testing

@testable import PigmentMatch

/// Whether a hair candidate lies *between* skin pixels (stubble, strands) or *beside* the skin (a
/// face's shaded rim, a collar, a backdrop), on label grids drawn by hand, and the rule that keeps a
/// bald head's shaded rim from being taken for stubble.
@Suite struct HairEvidenceTests {
  /// Labels of the hand-drawn grids.
  static let (skin, candidate, backdrop): (UInt8, UInt8, UInt8) = (0, 1, 2)
  static let isSkin = (0..<256).map { $0 == 0 }

  /// A padded label grid (one `outside` cell all round, as `TonePixels.Buffer.assign(to:)` writes
  /// it) from rows of characters: "s" skin, "h" candidate, "b" backdrop; returns the grid, its row
  /// length and the padded cells of the candidate.
  static func grid(_ rows: [String]) -> (grid: [UInt8], rowLength: Int, cells: [Int]) {
    let w = rows[0].count
    let pw = w + 2
    var grid = [UInt8](repeating: TonePixels.LabelGrid.outside, count: pw * (rows.count + 2))
    var cells: [Int] = []
    for (y, row) in rows.enumerated() {
      for (x, c) in row.enumerated() {
        let q = (y + 1) * pw + x + 1
        grid[q] = c == "s" ? skin : c == "h" ? candidate : backdrop
        if c == "h" { cells.append(q) }
      }
    }
    return (grid, pw, cells)
  }

  @Test func stubbleDotsInsideTheSkinAreEnclosed() {
    // A 1-pixel dot and a 3 × 3 dot in the skin: every pixel of both has skin within two pixels
    // on both sides along a row, a column or a diagonal (the 3 × 3 dot's corners along the other diagonal).
    let g = Self.grid([
      "sssssssssss",
      "sssssssssss",
      "sshssssssss",
      "sssssshhhss",
      "sssssshhhss",
      "sssssshhhss",
      "sssssssssss",
      "sssssssssss",
    ])
    #expect(g.cells.count == 10)
    #expect(HairEvidence.enclosedFraction(of: g.cells, grid: g.grid, rowLength: g.rowLength, isSkin: Self.isSkin) == 1)
  }

  @Test func aShadedRimBesideTheSkinIsNotEnclosed() {
    // A 2-pixel band between the skin (left) and a backdrop (right): each of its pixels touches the
    // skin or lies next to a pixel that does, but none has skin on its far side.
    let g = Self.grid([
      "sssssshhbbb",
      "sssssshhbbb",
      "ssssssshhbb",
      "ssssssshhbb",
      "sssssssshhb",
    ])
    #expect(g.cells.count == 10)
    #expect(HairEvidence.enclosedFraction(of: g.cells, grid: g.grid, rowLength: g.rowLength, isSkin: Self.isSkin) == 0)
  }

  @Test func aStrandAcrossTheScalpIsEnclosed() {
    // A diagonal strand one pixel wide running across the skin: skin on both sides of every pixel.
    let g = Self.grid([
      "hssssss",
      "shsssss",
      "sshssss",
      "ssshsss",
      "sssshss",
    ])
    // The first pixel sits in the grid's corner (nothing beyond it): 4 of 5 are between skin.
    #expect(HairEvidence.enclosedFraction(of: g.cells, grid: g.grid, rowLength: g.rowLength, isSkin: Self.isSkin) == 0.8)
  }

  /// The measures of the cluster taken for stubble on a real 290 × 300 portrait of a bald
  /// tan-skinned man before a grey backdrop (dlib examples/faces/bald_guys.jpg, a crop; not
  /// committed: its provenance is not stated): what a person sees there is a bald head whose
  /// shaded side and jaw run into a black shirt, no hair. Skin and candidate as measured (CIELAB D65).
  static let baldSkin = Lab(l: 57.7, a: 16.4, b: 33.3)
  static let shadedRim = Lab(l: 26.7, a: 13.8, b: 23.1)
  static let rimMeasures = HairEvidence.Measures(
    touching: 0.53, above: 0.09, border: 0.53, texture: 1.49, innerTexture: 1.29, enclosed: 0.27)

  @Test func theShadedRimOfABaldHeadIsNotHair() {
    // The candidate has the skin's hue (59° vs 64°) and chroma, at (26.7 + 16)/(57.7 + 16) = 0.58 of
    // its L* + 16: the same skin under about a fifth of the light. Half its pixels touch the skin,
    // but few lie between skin pixels, and it is not textured like hair.
    #expect(!HairEvidence.isHair(Self.shadedRim, share: 0.10, measures: Self.rimMeasures, skin: Self.baldSkin))
  }

  @Test func skinHuedStubbleScatteredThroughTheSkinIsHair() {
    // The same colours, scattered through the skin (most pixels between skin pixels): stubble.
    var stubble = Self.rimMeasures
    stubble.enclosed = 0.45
    #expect(HairEvidence.isHair(Self.shadedRim, share: 0.10, measures: stubble, skin: Self.baldSkin))
  }

  @Test func skinHuedHairTexturedLikeHairIsHair() {
    // Unscattered, but with the strands' texture (twice the skin's): a head of brown hair.
    var textured = Self.rimMeasures
    textured.texture = 2.2
    #expect(HairEvidence.isHair(Self.shadedRim, share: 0.10, measures: textured, skin: Self.baldSkin))
  }
}
