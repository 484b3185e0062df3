import PigmentMatch

/// What one generated consultation photo shows: the colours painted (the ground truth) and the
/// photo features switched on. Every colour is CIELAB D65, converted exactly to linear sRGB for painting.
struct SampleSpec: Sendable {
  /// File container and colour encoding.
  enum Encoding: String, Sendable {
    /// Baseline JPEG q90, sRGB, untagged.
    case jpeg
    /// 8-bit PNG, sRGB.
    case png
    /// JPEG q90 whose pixel values are Display P3 codes, with an embedded Display P3 ICC profile.
    case jpegDisplayP3 = "jpeg-display-p3"

    var fileExtension: String { self == .png ? "png" : "jpg" }
    var colorProfile: String { self == .jpegDisplayP3 ? "Display P3 (embedded ICC)" : "sRGB (untagged)" }
  }

  /// Where the non-skin background (cape, wall, clothes) sits.
  enum BackgroundSide: String, Sendable { case top, left, right, topLeft = "top-left", bottom }

  let name: String
  let skin: Lab
  let hair: Lab
  /// A words-only hair description ("black", "grey") for the README and truth file.
  let hairDescription: String
  /// Background colour, sRGB 8-bit (in the committed set never skin-like: blue, green, teal,
  /// purple, navy; the hard set has skin-coloured walls, near-black backdrops and dark clothes).
  let background: SRGB8
  let backgroundSide: BackgroundSide
  let encoding: Encoding
  /// Stubble dot radius range in pixels (anti-aliased discs and short strokes).
  let dotRadius: ClosedRange<Double>
  /// Target fraction of the scalp covered by stubble.
  let stubbleCoverage: Double
  /// Whether a band of longer hair (a fringe) is drawn along the edge opposite the background.
  let fringe: Bool
  /// Whether shiny-scalp specular highlights are added.
  let highlights: Bool
  /// Sensor noise, standard deviation in 8-bit code values per channel (plus 0.8× that shared).
  let noise: Double
  /// Peak-to-peak strength of the side light and vignette (0.2 ≈ ±10 %).
  let lighting: Double
  /// Long thin strands laid across the whole scalp (a thinning crown), each of `strandRadius`.
  var crownStrands = 0
  /// Radius range of the crown strands in pixels (below 0.5 no pixel is pure hair).
  var strandRadius: ClosedRange<Double> = 0.35...0.6
  /// A words-only description of the case (hard set), for the truth file.
  var hardCase: String?
  /// A colour cast over the whole scene (nil: the light is the reference D65 white).
  var cast: LightCast?
  /// Whether a standard 18 % grey card is held in the frame (see ``SampleRenderer/cardRectangle(_:)``).
  var greyCard = false

  /// Whether any hair is drawn (a bald or clean-shaven scalp has none: its truth hair is null).
  var hasHair: Bool { stubbleCoverage > 0 || fringe || crownStrands > 0 }
}

/// A camera's colour cast: per-channel gains in linear sRGB (von Kries: a white-balance error acts
/// channel by channel) and an exposure factor, applied to everything in the scene.
struct LightCast: Sendable {
  let name: String
  let gains: (r: Double, g: Double, b: Double)
  let exposure: Double

  /// Tungsten-like warm light left uncorrected (blue at 55 % of red), under-exposed.
  static let warm = LightCast(name: "warm (tungsten-like), under-exposed", gains: (1.35, 1.0, 0.55), exposure: 0.7)
  /// Shade-like cool light (red at 48 % of blue), over-exposed.
  static let cool = LightCast(name: "cool (shade-like), over-exposed", gains: (0.7, 0.95, 1.45), exposure: 1.3)
}

extension SampleSpec {
  private static func lab(_ l: Double, _ a: Double, _ b: Double) -> Lab { Lab(l: l, a: a, b: b) }
  private static func rgb(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> SRGB8 { SRGB8(r: r, g: g, b: b) }

  /// The committed set: all six ITA classes, hair from black to grey, JPEG, PNG and Display P3.
  /// Skin ITA° values are kept at least 3° from a class edge so the class is unambiguous.
  static let all: [SampleSpec] = [
    SampleSpec(
      name: "01-very-light-black", skin: lab(72, 9, 13), hair: lab(14, 1, 1), hairDescription: "black",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: true, highlights: true, noise: 2.0, lighting: 0.22),
    SampleSpec(
      name: "02-very-light-blond", skin: lab(75, 7, 11), hair: lab(48, 5, 18), hairDescription: "dark blond",
      background: rgb(60, 110, 80), backgroundSide: .left, encoding: .png, dotRadius: 1.0...2.2,
      stubbleCoverage: 0.16, fringe: true, highlights: false, noise: 1.8, lighting: 0.18),
    SampleSpec(
      name: "03-light-dark-brown", skin: lab(66, 11, 15), hair: lab(24, 4, 6), hairDescription: "dark brown",
      background: rgb(78, 86, 100), backgroundSide: .top, encoding: .jpegDisplayP3, dotRadius: 0.8...1.8,
      stubbleCoverage: 0.12, fringe: true, highlights: true, noise: 2.5, lighting: 0.25),
    SampleSpec(
      name: "04-light-salt-pepper", skin: lab(68, 10, 18), hair: lab(42, 0.5, 2),
      hairDescription: "salt-and-pepper grey",
      background: rgb(90, 70, 120), backgroundSide: .right, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.15, fringe: false, highlights: false, noise: 2.2, lighting: 0.2),
    SampleSpec(
      name: "05-intermediate-black", skin: lab(62, 12, 19), hair: lab(13, 1, 1.5), hairDescription: "black",
      background: rgb(40, 100, 110), backgroundSide: .topLeft, encoding: .png, dotRadius: 0.8...1.9,
      stubbleCoverage: 0.13, fringe: true, highlights: true, noise: 2.0, lighting: 0.24),
    SampleSpec(
      name: "06-intermediate-brown", skin: lab(60, 10, 14), hair: lab(32, 6, 11), hairDescription: "medium brown",
      background: rgb(30, 35, 60), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.0...2.1,
      stubbleCoverage: 0.15, fringe: true, highlights: false, noise: 2.6, lighting: 0.2),
    SampleSpec(
      name: "07-tan-black", skin: lab(55, 13, 20), hair: lab(12, 0.5, 1), hairDescription: "black",
      background: rgb(170, 190, 215), backgroundSide: .left, encoding: .jpegDisplayP3, dotRadius: 0.8...1.8,
      stubbleCoverage: 0.12, fringe: true, highlights: true, noise: 2.0, lighting: 0.22),
    SampleSpec(
      name: "08-tan-grey", skin: lab(58, 12, 24), hair: lab(62, 0, 1.5), hairDescription: "light grey",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .png, dotRadius: 1.0...2.2,
      stubbleCoverage: 0.16, fringe: true, highlights: false, noise: 1.8, lighting: 0.18),
    SampleSpec(
      name: "09-brown-black", skin: lab(45, 13, 20), hair: lab(12, 0.5, 0.5), hairDescription: "black",
      background: rgb(60, 110, 80), backgroundSide: .right, encoding: .jpeg, dotRadius: 0.8...1.9,
      stubbleCoverage: 0.13, fringe: true, highlights: true, noise: 2.4, lighting: 0.24),
    SampleSpec(
      name: "10-brown-dark-brown", skin: lab(48, 12, 18), hair: lab(20, 3, 4), hairDescription: "dark brown",
      background: rgb(78, 86, 100), backgroundSide: .topLeft, encoding: .png, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: false, highlights: false, noise: 2.0, lighting: 0.2),
    SampleSpec(
      name: "11-dark-black", skin: lab(33, 10, 14), hair: lab(12, 0.5, 0.5), hairDescription: "black",
      background: rgb(40, 100, 110), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: true, highlights: true, noise: 2.0, lighting: 0.2),
    SampleSpec(
      name: "12-dark-grey", skin: lab(28, 8, 10), hair: lab(55, 0, 1), hairDescription: "grey",
      background: rgb(90, 70, 120), backgroundSide: .left, encoding: .png, dotRadius: 1.0...2.2,
      stubbleCoverage: 0.15, fringe: true, highlights: false, noise: 1.8, lighting: 0.18),
    SampleSpec(
      name: "13-dark-white", skin: lab(37, 11, 16), hair: lab(72, 0, 2), hairDescription: "white-grey",
      background: rgb(30, 35, 60), backgroundSide: .right, encoding: .jpegDisplayP3, dotRadius: 1.0...2.1,
      stubbleCoverage: 0.15, fringe: true, highlights: false, noise: 2.2, lighting: 0.2),
    SampleSpec(
      name: "14-very-light-grey", skin: lab(78, 5, 14), hair: lab(58, 0.5, 2), hairDescription: "mid grey",
      background: rgb(40, 70, 140), backgroundSide: .topLeft, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.15, fringe: true, highlights: true, noise: 2.0, lighting: 0.2),
  ]
}

extension SampleSpec {
  /// The hard cases of issue 13 (automatic roles on real-looking failure modes), each with its
  /// truth: bald with shine, hair lighter than the skin (blond, white), hair filling the frame, a
  /// skin-coloured wall, dark clothes, dense sub-pixel stubble, thin strands over a bald crown.
  /// Written by `pigmatch-samples FOLDER SEED --hard` at 480 × 360.
  static let hard: [SampleSpec] = [
    SampleSpec(
      name: "h1-bald-shine", skin: lab(70, 14, 20), hair: lab(20, 2, 3), hairDescription: "none (bald)",
      background: rgb(28, 26, 30), backgroundSide: .topLeft, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.3,
      hardCase: "bald scalp with specular shine before a near-black backdrop"),
    SampleSpec(
      name: "h2-blond-on-brown", skin: lab(50, 13, 19), hair: lab(66, 5, 24), hairDescription: "golden blond",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.18, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "hair lighter than the skin (blond on brown skin)"),
    SampleSpec(
      name: "h3-white-on-dark", skin: lab(35, 11, 15), hair: lab(80, 0, 2), hairDescription: "white",
      background: rgb(60, 110, 80), backgroundSide: .right, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.2, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "hair lighter than the skin (white on dark skin)"),
    SampleSpec(
      name: "h4-hair-fills-frame", skin: lab(68, 11, 16), hair: lab(22, 4, 6), hairDescription: "dark brown",
      background: rgb(78, 86, 100), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.2...2.4,
      stubbleCoverage: 0.6, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "hair covering most of the scalp"),
    SampleSpec(
      name: "h5-skin-coloured-wall", skin: lab(64, 12, 18), hair: lab(14, 1, 1), hairDescription: "black",
      background: rgb(214, 186, 150), backgroundSide: .left, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: false, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "a beige (skin-coloured) wall along one side"),
    SampleSpec(
      name: "h6-dark-clothes", skin: lab(58, 12, 18), hair: lab(16, 1, 2), hairDescription: "black",
      background: rgb(46, 46, 50), backgroundSide: .bottom, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: false, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "dark charcoal clothes along the bottom, near the hair's colour"),
    SampleSpec(
      name: "h7-subpixel-stubble", skin: lab(64, 11, 17), hair: lab(15, 1, 1.5), hairDescription: "black",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.35...0.6,
      stubbleCoverage: 0.35, fringe: false, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "dense sub-pixel stubble: no pixel is pure hair"),
    SampleSpec(
      name: "h8-strands-over-crown", skin: lab(70, 10, 16), hair: lab(25, 3, 5), hairDescription: "dark brown",
      background: rgb(90, 70, 120), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.2, crownStrands: 160,
      hardCase: "thin strands (0.35–0.6 px radius) over a shiny bald crown"),
  ]
}

extension SampleSpec {
  /// Corners of the hard cases (issue 13 sweep): the darkest and lightest skin, blond, grey and
  /// white hair (lighter than, level with and filling the scalp), denser and finer sub-pixel
  /// stubble, finer crown strands, strong warm and cool casts with a grey card in the frame, a wall
  /// of the skin's own colour and dark clothes beside a bald scalp. Skin from CIELAB L* 27 (ITA
  /// −66°) to 78 (ITA 67°), the span of skin colour surveys (Del Bino et al. 2006, Fig. 2: ITA
  /// −60°…70°). Written by `pigmatch-samples FOLDER SEED --corners` at 480 × 360.
  static let corners: [SampleSpec] = [
    SampleSpec(
      name: "c01-darkest-black", skin: lab(27, 9, 10), hair: lab(12, 0.5, 0.5), hairDescription: "black",
      background: rgb(60, 110, 80), backgroundSide: .right, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: true, highlights: true, noise: 2.0, lighting: 0.2,
      hardCase: "darkest skin, black stubble and fringe"),
    SampleSpec(
      name: "c02-darkest-bald", skin: lab(27, 9, 10), hair: lab(12, 0.5, 0.5), hairDescription: "none (bald)",
      background: rgb(20, 20, 24), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.3,
      hardCase: "darkest skin, bald and shiny, before a near-black backdrop"),
    SampleSpec(
      name: "c03-lightest-black", skin: lab(78, 5, 12), hair: lab(14, 1, 1), hairDescription: "black",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: false, highlights: true, noise: 2.0, lighting: 0.2,
      hardCase: "lightest skin, black stubble, shine"),
    SampleSpec(
      name: "c04-lightest-blond", skin: lab(78, 5, 12), hair: lab(60, 6, 22), hairDescription: "blond",
      background: rgb(60, 110, 80), backgroundSide: .left, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.18, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "lightest skin, blond stubble and fringe"),
    SampleSpec(
      name: "c05-grey-level-with-tan", skin: lab(55, 13, 20), hair: lab(55, 0, 1), hairDescription: "grey",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.16, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "grey hair as light as the tan skin (only the chroma differs)"),
    SampleSpec(
      name: "c06-white-fills-frame", skin: lab(62, 12, 18), hair: lab(80, 0, 2), hairDescription: "white",
      background: rgb(78, 86, 100), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.2...2.4,
      stubbleCoverage: 0.6, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "white hair covering most of the scalp"),
    SampleSpec(
      name: "c07-blond-fills-frame", skin: lab(66, 11, 16), hair: lab(60, 6, 22), hairDescription: "blond",
      background: rgb(78, 86, 100), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.2...2.4,
      stubbleCoverage: 0.6, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "blond hair covering most of the scalp"),
    SampleSpec(
      name: "c08-densest-subpixel", skin: lab(60, 12, 18), hair: lab(14, 1, 1), hairDescription: "black",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.3...0.5,
      stubbleCoverage: 0.5, fringe: false, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "denser, finer sub-pixel stubble (radius 0.3–0.5 px)"),
    SampleSpec(
      name: "c09-subpixel-on-dark", skin: lab(40, 12, 16), hair: lab(12, 0.5, 0.5), hairDescription: "black",
      background: rgb(60, 110, 80), backgroundSide: .left, encoding: .jpeg, dotRadius: 0.35...0.6,
      stubbleCoverage: 0.35, fringe: false, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "sub-pixel black stubble on dark skin"),
    SampleSpec(
      name: "c10-finest-strands", skin: lab(72, 9, 14), hair: lab(20, 2, 3), hairDescription: "dark brown",
      background: rgb(90, 70, 120), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.2, crownStrands: 260,
      strandRadius: 0.25...0.4, hardCase: "finer strands (0.25–0.4 px radius) over a shiny bald crown"),
    SampleSpec(
      name: "c11-grey-strands", skin: lab(66, 11, 16), hair: lab(50, 0, 1), hairDescription: "grey",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.2, crownStrands: 200,
      hardCase: "grey strands (0.35–0.6 px radius) over a shiny bald crown"),
    SampleSpec(
      name: "c12-warm-card", skin: lab(62, 12, 18), hair: lab(18, 2, 3), hairDescription: "black-brown",
      background: rgb(40, 70, 140), backgroundSide: .top, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "strong warm cast, grey card in the frame", cast: .warm, greyCard: true),
    SampleSpec(
      name: "c13-cool-card-dark", skin: lab(40, 12, 16), hair: lab(12, 0.5, 0.5), hairDescription: "black",
      background: rgb(60, 110, 80), backgroundSide: .left, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.14, fringe: true, highlights: true, noise: 2.0, lighting: 0.2,
      hardCase: "strong cool cast, grey card in the frame, dark skin", cast: .cool, greyCard: true),
    SampleSpec(
      name: "c14-warm-card-bald", skin: lab(68, 12, 18), hair: lab(20, 2, 3), hairDescription: "none (bald)",
      background: rgb(28, 26, 30), backgroundSide: .topLeft, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.3,
      hardCase: "strong warm cast, grey card in the frame, bald with shine", cast: .warm, greyCard: true),
    SampleSpec(
      name: "c15-cool-card-blond", skin: lab(50, 13, 19), hair: lab(66, 5, 24), hairDescription: "golden blond",
      background: rgb(78, 86, 100), backgroundSide: .right, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.18, fringe: true, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "strong cool cast, grey card in the frame, blond on brown skin", cast: .cool, greyCard: true),
    SampleSpec(
      name: "c16-skin-wall-bald", skin: lab(64, 12, 18), hair: lab(20, 2, 3), hairDescription: "none (bald)",
      background: rgb(205, 170, 137), backgroundSide: .left, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.2,
      hardCase: "bald scalp beside a wall of a skin colour (CIELAB 72, 8, 22)"),
    SampleSpec(
      name: "c17-dark-clothes-bald", skin: lab(58, 12, 18), hair: lab(20, 2, 3), hairDescription: "none (bald)",
      background: rgb(46, 46, 50), backgroundSide: .bottom, encoding: .jpeg, dotRadius: 1.0...2.0,
      stubbleCoverage: 0, fringe: false, highlights: true, noise: 2.0, lighting: 0.2,
      hardCase: "bald scalp above dark charcoal clothes"),
    SampleSpec(
      name: "c18-grey-above-dark-clothes", skin: lab(50, 13, 19), hair: lab(52, 0, 1), hairDescription: "grey",
      background: rgb(46, 46, 50), backgroundSide: .bottom, encoding: .jpeg, dotRadius: 0.9...2.0,
      stubbleCoverage: 0.15, fringe: false, highlights: false, noise: 2.0, lighting: 0.2,
      hardCase: "grey stubble on brown skin above dark charcoal clothes"),
  ]
}
