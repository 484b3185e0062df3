import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// HEIF/HEIC/AVIF decoding through libheif, against the pixels the fixtures were encoded from
/// (`Fixtures/heif/SOURCE.md`) and what a person sees in two real iPhone photos.
@Suite("HEIF decoding")
struct HEIFDecodeTests {
  static func path(_ name: String) -> String { TestPaths.inPackage("Tests/PhotoIOTests/Fixtures/heif/" + name) }

  /// The source patch colours (8-bit sRGB codes, row-major 4 × 3 patches of 16 × 16), typed in
  /// from `make_sources.py`'s COLOURS: the oracle of every fixture.
  static let colours: [[Int]] = [
    [200, 40, 40], [40, 180, 60], [50, 60, 200], [230, 200, 50],
    [20, 20, 20], [240, 240, 240], [128, 128, 128], [190, 120, 90],
    [90, 60, 40], [0, 160, 170], [170, 0, 160], [255, 128, 0],
  ]
  /// Alpha of the RGBA source by patch column.
  static let alphas = [255, 170, 85, 0]

  /// The source colour of pixel (x, y) of the 64 × 48 source.
  static func source(_ x: Int, _ y: Int) -> [Int] { colours[(y / 16) * 4 + x / 16] }

  /// Whether (x, y) lies at least `margin` pixels inside its 16 × 16 patch.
  static func interior(_ x: Int, _ y: Int, margin: Int) -> Bool {
    (margin..<(16 - margin)).contains(x % 16) && (margin..<(16 - margin)).contains(y % 16)
  }

  static func eightBit(_ raw: RawImage) -> [UInt8] {
    guard case .eight(let samples) = raw.samples else {
      Issue.record("expected 8-bit samples")
      return []
    }
    return samples
  }

  /// Largest |decoded − source| over the pixels `where`, in 8-bit codes.
  static func maxError(_ name: String, margin: Int = 0) throws -> Int {
    let raw = try PhotoDecoder.decodeRaw(bytes: PhotoDecoder.readFile(path(name)), name: name)
    #expect(raw.width == 64 && raw.height == 48)
    let samples = eightBit(raw)
    var worst = 0
    for y in 0..<48 {
      for x in 0..<64 where interior(x, y, margin: margin) {
        for c in 0..<3 { worst = max(worst, abs(Int(samples[(y * 64 + x) * raw.channels + c]) - source(x, y)[c])) }
      }
    }
    return worst
  }

  @Test func sourceTableMatchesTheSourcePNG() throws {
    // The typed-in table against the source PNG read by the (independent) PNG decoder.
    let raw = try PhotoDecoder.decodeRaw(bytes: PhotoDecoder.readFile(Self.path("src-rgb8.png")), name: "src-rgb8.png")
    let samples = Self.eightBit(raw)
    for y in 0..<48 {
      for x in 0..<64 {
        #expect((0..<3).map { Int(samples[(y * 64 + x) * 4 + $0]) } == Self.source(x, y))
      }
    }
  }

  /// Lossless coding of the RGB samples themselves (identity matrix): no loss at all.
  @Test(arguments: ["rgb8-gbr-lossless.heic", "rgb8-gbr-lossless.avif"])
  func losslessRGBDecodesExactly(_ name: String) throws {
    #expect(try Self.maxError(name) == 0)
    let photo = try PhotoDecoder.decode(contentsOf: Self.path(name))
    #expect(photo.metadata.format == (name.hasSuffix(".avif") ? .avif : .heif))
    #expect(photo.metadata.bitDepth == 8 && photo.metadata.orientation == 1)
    #expect(photo.metadata.colorProfile == "BT.709 primaries, sRGB transfer (nclx)")
    #expect(photo.warnings.isEmpty)
  }

  /// heif-enc's lossless mode codes Y′CbCr 4:4:4 (BT.601, full range) losslessly, but the RGB →
  /// Y′CbCr conversion rounds each of Y′, Cb, Cr to 8 bits (±½ code). Through the inverse matrix
  /// that is at most ½ + 1.772·½ ≈ 1.4 codes (blue, the largest coefficient), plus ½ for the
  /// final rounding: under 2 codes.
  @Test func ycbcr444LosslessIsWithinTwoCodes() throws {
    #expect(try Self.maxError("rgb8-lossless444.heic") <= 2)
  }

  /// Lossy HEVC/AV1 at quality 90, 4:2:0: chroma is shared by 2 × 2 pixels, so only patch
  /// interiors (4 px from an edge) are compared, within 6 codes — what q90 costs on flat patches
  /// here. A wrong Y′CbCr matrix (BT.709 for BT.601) moves the saturated patches by 10–30 codes.
  @Test(arguments: ["rgb8-q90.heic", "rgb8-q90.avif"])
  func lossy420InteriorsAreWithinSixCodes(_ name: String) throws {
    #expect(try Self.maxError(name, margin: 4) <= 6)
  }

  /// The 16-bit source sample (x, y, channel): code × 257 + 100, 65535 for code 255 (SOURCE.md).
  static func deepSource(_ x: Int, _ y: Int, _ c: Int) -> Int {
    let code = source(x, y)[c]
    return code == 255 ? 65535 : code * 257 + 100
  }

  /// Largest |decoded − expected(x, y, channel)| over a 16-bit decode of `name`.
  static func maxDeepError(_ name: String, expected: (Int, Int, Int) -> Int) throws -> Int {
    let raw = try PhotoDecoder.decodeRaw(bytes: PhotoDecoder.readFile(path(name)), name: name)
    guard case .sixteen(let samples) = raw.samples else {
      Issue.record("expected 16-bit samples")
      return .max
    }
    var worst = 0
    for y in 0..<48 {
      for x in 0..<64 {
        for c in 0..<3 { worst = max(worst, abs(Int(samples[(y * 64 + x) * 3 + c]) - expected(x, y, c))) }
      }
    }
    return worst
  }

  /// 10 bits kept to the end: each sample is the encoder's v16 >> 6 (SOURCE.md), rescaled from
  /// 0…1023 to 0…65535 exactly as the decoder promises, with no 8-bit step on the way.
  @Test func tenBitSamplesKeepTheirPrecision() throws {
    let name = "rgb10-gbr-lossless.heic"
    #expect(try Self.maxDeepError(name) { ((Self.deepSource($0, $1, $2) >> 6) * 65535 + 511) / 1023 } == 0)
    let photo = try PhotoDecoder.decode(contentsOf: Self.path(name))
    #expect(photo.metadata.bitDepth == 10)
  }

  /// Downscaled, the 10-bit file keeps each flat patch's linear colour: the sRGB curve of the
  /// 10-bit code (IEC 61966-2-1), within 2e-5 — the rescale to 16 bits rounds to ½ of a 16-bit code
  /// (7.6e-6 of full scale), which the curve's steepest slope (≈ 2.3, near white) makes ≤ 1.8e-5.
  @Test func tenBitDownscaledKeepsPatchColours() throws {
    let photo = try PhotoDecoder.decode(
      contentsOf: Self.path("rgb10-gbr-lossless.heic"), options: DecodeOptions(minimumShortSide: 12))
    #expect(photo.width == 16 && photo.height == 12)
    for y in 0..<12 {
      for x in 0..<16 {
        let (r, g, b) = photo.linearRGB(at: y * 16 + x)
        for (c, got) in [r, g, b].enumerated() {
          let v = Double(Self.deepSource(x * 4, y * 4, c) >> 6) / 1023
          let expected = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
          #expect(abs(Double(got) - expected) < 2e-5)
        }
      }
    }
  }

  /// The heif-enc 10-bit file (Y′CbCr 4:4:4, BT.601): within 3 ten-bit codes of the source (2 for
  /// the Y′CbCr rounding as in 8 bits, 1 for the encoder's 16 → 10-bit step), 192 in 16-bit units.
  @Test func tenBitYCbCrIsWithinThreeCodes() throws {
    #expect(try Self.maxDeepError("rgb10-lossless444.heic", expected: Self.deepSource) <= 192)
  }

  @Test(arguments: ["rgba8-gbr-lossless.heic", "rgba8-lossless444.heic"])
  func alphaIsKept(_ name: String) throws {
    let photo = try PhotoDecoder.decode(contentsOf: Self.path(name))
    guard case .alpha8(let alpha) = photo.opacity else {
      Issue.record("expected an 8-bit opacity mask")
      return
    }
    #expect(photo.metadata.channels == 4)
    for y in 0..<48 {
      for x in 0..<64 { #expect(Int(alpha[y * 64 + x]) == Self.alphas[x / 16]) }
    }
    // Colour where the source is not fully transparent: exact (identity matrix) or within 2 codes.
    let raw = try PhotoDecoder.decodeRaw(bytes: PhotoDecoder.readFile(Self.path(name)), name: name)
    #expect(raw.channels == 4)
    let samples = Self.eightBit(raw)
    let tolerance = name.contains("gbr") ? 0 : 2
    for y in 0..<48 {
      for x in 0..<48 {
        for c in 0..<3 { #expect(abs(Int(samples[(y * 64 + x) * 4 + c]) - Self.source(x, y)[c]) <= tolerance) }
      }
    }
  }

  /// A file flagged premultiplied (`prem` reference) stores colour × alpha; decoded, the colour is
  /// divided by alpha again. Tolerance per patch column: the Y′CbCr rounding (2 codes, as above)
  /// and the ½ code of premultiplying, both multiplied by 255 / alpha when divided back out.
  @Test func premultipliedAlphaIsUndone() throws {
    let name = "rgba8-premultiplied-lossless444.heic"
    let raw = try PhotoDecoder.decodeRaw(bytes: PhotoDecoder.readFile(Self.path(name)), name: name)
    let samples = Self.eightBit(raw)
    for y in 0..<48 {
      for x in 0..<48 {
        let alpha = Self.alphas[x / 16]
        let tolerance = Int((2.5 * 255 / Double(alpha)).rounded(.up))
        #expect(Int(samples[(y * 64 + x) * 4 + 3]) == alpha)
        for c in 0..<3 {
          let error = abs(Int(samples[(y * 64 + x) * 4 + c]) - Self.source(x, y)[c])
          #expect(error <= tolerance, "(\(x), \(y)) channel \(c): off by \(error)")
        }
      }
    }
  }

  /// The downscaled decode box-filters 4 × 4 blocks in linear light weighted by opacity: each block
  /// lies inside one flat patch, so it keeps the patch's linear colour (sRGB curve, IEC 61966-2-1)
  /// and its alpha; a fully transparent block has no colour to average.
  @Test func downscaledDecodeKeepsPatchColoursAndAlpha() throws {
    let photo = try PhotoDecoder.decode(
      contentsOf: Self.path("rgba8-gbr-lossless.heic"), options: DecodeOptions(minimumShortSide: 12))
    #expect(photo.width == 16 && photo.height == 12 && photo.metadata.downscale == 4)
    for y in 0..<12 {
      for x in 0..<16 {
        let alpha = Self.alphas[x / 4]
        #expect(abs(photo.alpha(at: y * 16 + x) - Float(alpha) / 255) < 1e-6)
        guard alpha > 0 else { continue }
        let (r, g, b) = photo.linearRGB(at: y * 16 + x)
        for (got, code) in zip([r, g, b], Self.source(x * 4, y * 4)) {
          #expect(abs(Double(got) - Self.srgbLinear(code)) < 1e-5)
        }
      }
    }
  }

  /// libheif applies the container's irot/imir; EXIF orientation (TIFF/EXIF 2.32 §4.6.4 tag 274)
  /// defines the expected mapping: 6 = the stored image turned 90° clockwise, so displayed
  /// (x′, y′) = stored (y′, H − 1 − x′); 5 = transposed, displayed (x′, y′) = stored (y′, x′).
  @Test(arguments: [("rot90-gbr-lossless.heic", 6), ("mirror-rot90-gbr-lossless.heic", 5)])
  func containerTransformsAreApplied(_ name: String, _ orientation: Int) throws {
    let photo = try PhotoDecoder.decode(contentsOf: Self.path(name))
    #expect(photo.width == 48 && photo.height == 64)
    #expect(photo.metadata.width == 48 && photo.metadata.height == 64)
    #expect(photo.metadata.orientation == 1, "already upright: nothing left to apply")
    let raw = try PhotoDecoder.decodeRaw(bytes: PhotoDecoder.readFile(Self.path(name)), name: name)
    let samples = Self.eightBit(raw)
    for yd in 0..<64 {
      for xd in 0..<48 {
        let (xs, ys) = orientation == 6 ? (yd, 47 - xd) : (yd, xd)
        #expect((0..<3).map { Int(samples[(yd * 48 + xd) * 3 + $0]) } == Self.source(xs, ys))
      }
    }
  }

  /// The "RGB-to-GBR" profile (codelogic/wide-gamut-tests) sends red to green, green to blue and
  /// blue to red; honoured, the strongest channel of each saturated patch moves along.
  @Test func embeddedICCProfileIsApplied() throws {
    let photo = try PhotoDecoder.decode(contentsOf: Self.path("gbr-icc-lossless444.heic"))
    #expect(photo.metadata.colorProfile.contains("GBR"))
    func strongest(_ x: Int, _ y: Int) -> Int {
      let (r, g, b) = photo.linearRGB(at: y * 64 + x)
      return [r, g, b].firstIndex(of: max(r, g, b)) ?? -1
    }
    #expect(strongest(8, 8) == 1)  // red patch → green
    #expect(strongest(24, 8) == 2)  // green patch → blue
    #expect(strongest(40, 8) == 0)  // blue patch → red
  }

  /// Linear light of an 8-bit sRGB code (IEC 61966-2-1 §4.2), written out as the oracle.
  static func srgbLinear(_ code: Int) -> Double {
    let v = Double(code) / 255
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
  }

  /// Inverse of the BT.709 OETF (ITU-R BT.709-6 §1.2), written out as the oracle.
  static func bt709Linear(_ code: Int) -> Double {
    let v = Double(code) / 255
    return v < 0.081 ? v / 4.5 : pow((v + 0.099) / 1.099, 1 / 0.45)
  }

  /// Display P3 (linear) → linear sRGB, the matrix of CSS Color 4 §10 (lin_P3 → XYZ → lin_sRGB).
  static let p3ToSRGB: [[Double]] = [
    [1.2249401762805598, -0.22494017628055996, 0],
    [-0.042056954709688163, 1.0420569547096881, 0],
    [-0.019637554590334432, -0.07863604555063188, 1.0982736001409663],
  ]
  /// BT.2020 (linear) → BT.709 (linear), ITU-R BT.2087-0 §2 (4 decimals).
  static let bt2020ToBT709: [[Double]] = [
    [1.6605, -0.5876, -0.0728],
    [-0.1246, 1.1329, -0.0083],
    [-0.0182, -0.1006, 1.1187],
  ]

  /// nclx primaries and transfer converted to linear sRGB. Tolerance 2e-3: the published
  /// BT.2087 matrix has 4 decimals (≤ 1.5e-4 over a row) and lcms2 works in float from the
  /// chromaticities.
  @Test(arguments: [
    ("p3-srgb-nclx-lossless.heic", "Display P3 primaries, sRGB transfer (nclx)"),
    ("p3-srgb-nclx-lossless.avif", "Display P3 primaries, sRGB transfer (nclx)"),
    ("bt2020-bt709-nclx-lossless.heic", "BT.2020 primaries, BT.709 transfer (nclx)"),
  ])
  func nclxIsConvertedToSRGB(_ name: String, _ description: String) throws {
    let photo = try PhotoDecoder.decode(contentsOf: Self.path(name))
    #expect(photo.metadata.colorProfile == description)
    #expect(photo.warnings.isEmpty)
    let p3 = name.hasPrefix("p3")
    let matrix = p3 ? Self.p3ToSRGB : Self.bt2020ToBT709
    for (index, colour) in Self.colours.enumerated() {
      let x = (index % 4) * 16 + 8, y = (index / 4) * 16 + 8
      let linear = colour.map { p3 ? Self.srgbLinear($0) : Self.bt709Linear($0) }
      let expected = matrix.map { row in zip(row, linear).map(*).reduce(0, +) }
      let (r, g, b) = photo.linearRGB(at: y * 64 + x)
      for (got, want) in zip([r, g, b], expected) {
        #expect(abs(Double(got) - want) < 2e-3, "patch \(index): \([r, g, b]) vs \(expected)")
      }
    }
  }

  @Test func unsupportedNCLXIsReportedAndReadAsSRGB() throws {
    let photo = try PhotoDecoder.decode(contentsOf: Self.path("bt2020-pq-nclx-lossless.heic"))
    #expect(photo.metadata.colorProfile == "BT.2020 primaries, unsupported PQ (HDR) transfer (nclx)")
    #expect(photo.warnings.contains { $0.contains("PQ (HDR)") && $0.contains("read as sRGB") })
    let (r, _, _) = photo.linearRGB(at: 8 * 64 + 8)
    #expect(abs(Double(r) - Self.srgbLinear(200)) < 1e-6)
  }

  @Test func memoryAndFileDecodesAgree() throws {
    for name in ["rgb8-q90.heic", "rgba8-gbr-lossless.heic", "rgb10-gbr-lossless.heic", "rgb8-q90.avif"] {
      let fromFile = try PhotoDecoder.decode(contentsOf: Self.path(name))
      let fromBytes = try PhotoDecoder.decode(bytes: PhotoDecoder.readFile(Self.path(name)), name: name)
      #expect(fromFile.pixels == fromBytes.pixels && fromFile.opacity == fromBytes.opacity)
      #expect(fromFile.metadata == fromBytes.metadata)
    }
  }

  // MARK: Real phone photos

  /// iPhone 13 Pro: a grid of 512 × 512 HEVC tiles with a Display P3 profile; decoded whole, then
  /// downscaled for analysis. A box filter by 4 keeps the mean of linear light (4032 and 3024 are
  /// multiples of 4), which checks the downscale against the full decode.
  @Test func iPhoneGridPhotoDecodesFullAndDownscaled() throws {
    let name = Self.path("phone/iphone13pro-pug.heic")
    let full = try PhotoDecoder.decode(contentsOf: name)
    #expect(full.width == 4032 && full.height == 3024)
    #expect(full.metadata.format == .heif && full.metadata.bitDepth == 8)
    #expect(full.metadata.colorProfile.contains("P3"))
    let small = try PhotoDecoder.decode(contentsOf: name, options: DecodeOptions(minimumShortSide: 640))
    #expect(small.width == 1008 && small.height == 756 && small.metadata.downscale == 4)
    func mean(_ photo: Photo) -> [Double] {
      var sum = [0.0, 0.0, 0.0]
      for i in 0..<photo.pixelCount {
        let (r, g, b) = photo.linearRGB(at: i)
        sum[0] += Double(r)
        sum[1] += Double(g)
        sum[2] += Double(b)
      }
      return sum.map { $0 / Double(photo.pixelCount) }
    }
    for (a, b) in zip(mean(full), mean(small)) { #expect(abs(a - b) < 1e-4) }
  }

  /// An iPhone photo stored 4032 × 3024 with irot 270° (anticlockwise) and EXIF orientation 6
  /// saying the same turn again: upright it is portrait and the hand-drawn arrow points up — its
  /// tip, the topmost ink, is about 8 % from the top and centred (what a person sees in the
  /// upright image; SOURCE.md). Turned twice (180°) or not at all, the topmost ink would be the
  /// stem's foot or a side.
  @Test func iPhoneRotationIsAppliedOnce() throws {
    let photo = try PhotoDecoder.decode(
      contentsOf: Self.path("phone/iphone-arrow-rotated.heic"), options: DecodeOptions(minimumShortSide: 300))
    #expect(photo.metadata.width == 3024 && photo.metadata.height == 4032)
    #expect(photo.metadata.orientation == 1)
    #expect(photo.width == 378 && photo.height == 504)
    // Ink: linear luminance under 0.05 (the paper is about 0.6).
    var top: (y: Int, xs: [Int])?
    for y in 0..<photo.height where top == nil {
      let xs = (0..<photo.width).filter {
        let (r, g, b) = photo.linearRGB(at: y * photo.width + $0)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.05
      }
      if !xs.isEmpty { top = (y, xs) }
    }
    let tip = try #require(top)
    let fraction = Double(tip.y) / Double(photo.height)
    #expect(fraction > 0.05 && fraction < 0.12, "tip at \(fraction) of the height")
    let centre = Double(tip.xs.reduce(0, +)) / Double(tip.xs.count) / Double(photo.width)
    #expect(abs(centre - 0.5) < 0.05, "tip at \(centre) of the width")
  }

  // MARK: Hostile and unsupported files

  @Test func sizeIsCheckedFromTheHeaderBeforeDecoding() throws {
    let name = Self.path("phone/iphone13pro-pug.heic")
    #expect(throws: PhotoError.tooLarge(path: name, width: 4032, height: 3024, limit: 1_000_000)) {
      try PhotoDecoder.decode(contentsOf: name, options: DecodeOptions(maxPixels: 1_000_000))
    }
    // A downscaled decode still decodes the whole image first, so the in-memory limit applies to it.
    #expect(throws: PhotoError.tooLarge(path: name, width: 4032, height: 3024, limit: 1_000_000)) {
      try PhotoDecoder.decode(contentsOf: name, options: DecodeOptions(maxPixels: 1_000_000, minimumShortSide: 300))
    }
    let small = Self.path("rgb8-q90.heic")
    #expect(throws: PhotoError.tooLarge(path: small, width: 64, height: 48, limit: 100)) {
      try PhotoDecoder.decode(contentsOf: small, options: DecodeOptions(maxFilePixels: 100))
    }
  }

  @Test func truncatedAndDamagedFilesAreTypedErrorsNamingTheFile() throws {
    let bytes = try PhotoDecoder.readFile(Self.path("rgb8-q90.heic"))
    for cut in [12, 40, bytes.count / 2, bytes.count - 10] {
      do {
        _ = try PhotoDecoder.decode(bytes: Array(bytes.prefix(cut)), name: "cut.heic")
        Issue.record("a file cut at \(cut) of \(bytes.count) bytes decoded")
      } catch {
        #expect(error.path == "cut.heic")
        #expect(error.description.hasPrefix("cut.heic: "))
        switch error {
        case .truncated(_, .heif, _), .corrupt(_, .heif, _), .unsupportedFeature(_, .heif, _): break
        default: Issue.record("unexpected error \(error)")
        }
      }
    }
    var damaged = bytes
    for i in stride(from: bytes.count / 2, to: bytes.count, by: 7) { damaged[i] ^= 0x5A }
    // Damaged HEVC data may decode to wrong pixels or fail, never crash.
    _ = try? PhotoDecoder.decode(bytes: damaged, name: "damaged.heic")
  }

  /// A valid container around broken AV1 data: a typed error from the decoder (libaom, which
  /// returns its errors where dav1d would print them).
  @Test func damagedAV1IsATypedError() throws {
    let name = Self.path("damaged-av1-payload.avif")
    do {
      _ = try PhotoDecoder.decode(contentsOf: name)
      Issue.record("damaged AV1 data decoded")
    } catch {
      guard case .corrupt(name, .avif, let detail) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(detail.contains("cannot decode the image"))
    }
  }

  /// Found by fuzzing: a 64 × 48 header over a grid item claiming 27806 × 26176, which libheif
  /// 1.15 allocated (2.2 GB) before the decoder capped its size limit at the header's size.
  @Test func gridCanvasLargerThanTheHeaderIsRefused() throws {
    let name = TestPaths.inPackage("Tests/FuzzRegressionTests/Inputs/heif/oom-40fef9da4945c796b48003bd5f31f86489245f53")
    do {
      _ = try PhotoDecoder.decode(contentsOf: name)
      Issue.record("the oversized grid decoded")
    } catch {
      guard case .corrupt(name, .heif, let detail) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(detail.contains("27806x26176"))
    }
  }

  @Test func ftypBrandsNameTheFormat() {
    func ftyp(_ brands: [String]) -> [UInt8] {
      let major: [UInt8] = Array(brands[0].utf8)
      let compatible: [UInt8] = brands.dropFirst().reduce(into: []) { $0 += Array($1.utf8) }
      let body: [UInt8] = major + [0, 0, 0, 0] + compatible
      let header: [UInt8] = [0, 0, 0, UInt8(8 + body.count)] + Array("ftyp".utf8)
      return header + body
    }
    #expect(PhotoFormat.sniff(ftyp(["heic", "mif1", "heic"])) == .decodable(.heif))
    #expect(PhotoFormat.sniff(ftyp(["heix", "mif1"])) == .decodable(.heif))
    #expect(PhotoFormat.sniff(ftyp(["mif1", "heic"])) == .decodable(.heif))
    #expect(PhotoFormat.sniff(ftyp(["msf1", "hevc"])) == .decodable(.heif))
    #expect(PhotoFormat.sniff(ftyp(["avif", "mif1", "miaf"])) == .decodable(.avif))
    #expect(PhotoFormat.sniff(ftyp(["mif1", "avif"])) == .decodable(.avif))
    #expect(PhotoFormat.sniff(ftyp(["isom", "mp41"])) == .other("ISO media (isom)"))
    #expect(PhotoFormat.sniff(ftyp(["qt  "])) == .other("ISO media (qt  )"))
    #expect(PhotoFormat.sniff(ftyp(["!\u{1}v)"])) == .other("ISO media"))
  }
}
