import CPhotoCodecs
import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// Issue 12: JPEG masks (`--mask`) and label masks (`--regions`) were decoded as a whole photo (3 bytes
/// a pixel, then 12 more as linear floats for labels). They now stream through libjpeg's
/// jpeg_read_scanlines row by row into one byte a pixel, each row written where the upright picture
/// shows it. The oracle is the old rule on the whole decoded photo, and for the turns the EXIF table.
@Suite("JPEG opacity and label planes")
struct JPEGPlaneTests {
  /// Generated JPEG variants: grey or colour, baseline or progressive.
  struct Variant: Sendable, CustomTestStringConvertible {
    let grey, progressive: Bool
    var testDescription: String { "\(grey ? "grey" : "colour") \(progressive ? "progressive" : "baseline")" }
    static let all = [false, true].flatMap { g in [false, true].map { Variant(grey: g, progressive: $0) } }
  }

  /// Encodes `pixels` (1 or 3 samples a pixel) as a JPEG with libjpeg, with EXIF `orientation` (none when nil).
  static func jpeg(_ pixels: [UInt8], width: Int, height: Int, grey: Bool, progressive: Bool, orientation: Int?)
    throws -> [UInt8]
  {
    var out: UnsafeMutablePointer<UInt8>?
    var length = 0
    var message = [CChar](repeating: 0, count: 200)
    let status = pmc_encode_jpeg_pixels(
      pixels, Int32(width), Int32(height), grey ? 1 : 3, 95, progressive ? 1 : 0, nil, 0, &out, &length, &message,
      message.count)
    guard status == Int32(PMC_OK), let out else { throw PhotoError.corrupt(path: "test", format: .jpeg, detail: "encode") }
    defer { pmc_free(out) }
    let plain = Array(UnsafeBufferPointer(start: out, count: length))
    guard let orientation else { return plain }
    return HostileInputs.insertingAPP1(
      Array("Exif".utf8) + [0, 0] + HostileInputs.exifOrientation(UInt16(orientation)), into: plain)
  }

  /// A 53 × 37 pattern (odd sizes: partial MCUs) with black patches, dark codes near zero and colour.
  static func pattern(width: Int, height: Int, grey: Bool) -> [UInt8] {
    var pixels: [UInt8] = []
    for y in 0..<height {
      for x in 0..<width {
        let black = (x / 9 + y / 7) % 3 == 0
        let r = black ? 0 : UInt8((x * 5 + y * 3) % 256), g = black ? 0 : UInt8((x * 2 + 40) % 256)
        let b = black ? 0 : UInt8((y * 7) % 256)
        pixels += grey ? [r] : [r, g, b]
      }
    }
    return pixels
  }

  static func file(_ bytes: [UInt8]) throws -> String {
    try OpacityPlaneTests.temporaryFile(bytes, name: "mask.jpg")
  }

  /// A label from linear light (clamped to 0…1: a wide-gamut colour can fall outside sRGB) that
  /// separates dark, each dominant channel and light, fine enough that a colour conversion that
  /// differs shows.
  static func label(_ r: Float, _ g: Float, _ b: Float, _ alpha: Float) -> UInt8 {
    func level(_ v: Float, _ steps: Float) -> Int { Int((min(max(v, 0), 1) * steps).rounded(.down)) }
    return UInt8(level(r, 6) * 36 + level(g, 5) * 6 + level(b, 5))
  }

  /// All 8 EXIF orientations, grey and colour, baseline and progressive: the streamed plane equals
  /// the old whole-decode rule (opacity > 0 and linear light > 10⁻⁶ on the decoded photo) pixel for
  /// pixel, and the labels equal the labels of the decoded photo's linear light.
  @Test(arguments: Variant.all, 1...8)
  func streamedPlanesEqualTheWholeDecode(_ variant: Variant, _ orientation: Int) throws {
    let (width, height) = (53, 37)
    let pixels = Self.pattern(width: width, height: height, grey: variant.grey)
    let path = try Self.file(
      Self.jpeg(pixels, width: width, height: height, grey: variant.grey, progressive: variant.progressive,
                orientation: orientation))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let photo = try PhotoDecoder.decode(contentsOf: path)
    let plane = try PhotoDecoder.decodeOpacity(contentsOf: path)
    let old = OpacityPlane(photo: photo)
    #expect(plane.width == old.width && plane.height == old.height)
    #expect(plane.marked == old.marked)
    #expect(plane.marked.contains(false) && plane.marked.contains(true))
    #expect(plane.decoderBytes > 0)
    if !variant.progressive { #expect(plane.decoderBytes <= width * height + 8 * width) }

    let labels = try PhotoDecoder.decodeLabels(contentsOf: path, label: Self.label)
    let expected = (0..<photo.pixelCount).map { i in
      let (r, g, b) = photo.linearRGB(at: i)
      return Self.label(r, g, b, photo.alpha(at: i))
    }
    #expect(labels.width == photo.width && labels.height == photo.height)
    #expect(labels.labels == expected)
    #expect(Set(labels.labels).count > 5)
  }

  /// The EXIF table (EXIF 2.32 §4.6.4 A): a black 16 × 16 patch at the stored top-left corner of a
  /// white 48 × 32 picture shows at the corner the table puts stored row 0 / column 0 — and nowhere
  /// else — in the streamed plane.
  @Test(arguments: [
    (1, "top", "left"), (2, "top", "right"), (3, "bottom", "right"), (4, "bottom", "left"),
    (5, "top", "left"), (6, "top", "right"), (7, "bottom", "right"), (8, "bottom", "left"),
  ])
  func storedCornerLandsWhereTheTableSays(_ orientation: Int, _ vertical: String, _ horizontal: String) throws {
    let (width, height) = (48, 32)
    let pixels = (0..<height).flatMap { y in (0..<width).map { x in x < 16 && y < 16 ? UInt8(0) : 255 } }
    let path = try Self.file(
      Self.jpeg(pixels, width: width, height: height, grey: true, progressive: false, orientation: orientation))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let plane = try PhotoDecoder.decodeOpacity(contentsOf: path)
    let turned = orientation >= 5
    #expect(plane.width == (turned ? height : width) && plane.height == (turned ? width : height))
    for y in 0..<plane.height {
      for x in 0..<plane.width {
        let inRows = vertical == "top" ? y < 16 : y >= plane.height - 16
        let inColumns = horizontal == "left" ? x < 16 : x >= plane.width - 16
        #expect(plane.marked[y * plane.width + x] == !(inRows && inColumns), "(\(x), \(y))")
      }
    }
  }

  /// An ICC-tagged JPEG (a gamma-2.2 matrix profile with Display P3 primaries, made by lcms2): the
  /// streamed labels follow the profile exactly as the whole decode does.
  @Test func taggedLabelsFollowTheProfile() throws {
    let xy: [Double] = [0.3127, 0.3290, 0.680, 0.320, 0.265, 0.690, 0.150, 0.060]  // SMPTE EG 432-1 (P3-D65)
    var profile: UnsafeMutablePointer<UInt8>?
    var profileLength: UInt32 = 0
    #expect(pmc_make_rgb_profile(xy, 2.2, 0, "test P3 gamma 2.2", &profile, &profileLength) == Int32(PMC_OK))
    let icc = try #require(profile)
    defer { pmc_free(icc) }
    let (width, height) = (40, 24)
    let pixels = Self.pattern(width: width, height: height, grey: false)
    var out: UnsafeMutablePointer<UInt8>?
    var length = 0
    var message = [CChar](repeating: 0, count: 200)
    #expect(
      pmc_encode_jpeg_pixels(pixels, Int32(width), Int32(height), 3, 95, 0, icc, profileLength, &out, &length,
                             &message, message.count) == Int32(PMC_OK))
    let encoded = try #require(out)
    let bytes = Array(UnsafeBufferPointer(start: encoded, count: length))
    pmc_free(encoded)
    let path = try Self.file(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let photo = try PhotoDecoder.decode(contentsOf: path)
    #expect(photo.metadata.colorProfile.contains("P3"))
    let labels = try PhotoDecoder.decodeLabels(contentsOf: path, label: Self.label)
    let expected = (0..<photo.pixelCount).map { i in
      let (r, g, b) = photo.linearRGB(at: i)
      return Self.label(r, g, b, 1)
    }
    #expect(labels.labels == expected)
  }

  /// A progressive JPEG with more scans than the limit stops at the limit, as the photo decode does.
  @Test func scanLimitHolds() throws {
    let (bytes, scans) = HostileInputs.manyScanJPEG()
    let path = try Self.file(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var options = DecodeOptions.full
    options.maxScans = scans - 1
    #expect(throws: PhotoError.self) { try PhotoDecoder.decodeOpacity(contentsOf: path, options: options) }
    #expect(throws: PhotoError.self) { try PhotoDecoder.decode(contentsOf: path, options: options) }
  }

  /// uprightPixel undoes storedPixel for every orientation (odd sizes, so no symmetry hides a swap).
  @Test(arguments: 1...8)
  func uprightInvertsStored(_ orientation: Int) {
    let (width, height) = (5, 3)
    let (w, h) = ExifOrientation.swapsSides(orientation) ? (height, width) : (width, height)
    for y in 0..<h {
      for x in 0..<w {
        let s = ExifOrientation.storedPixel(x: x, y: y, width: width, height: height, orientation: orientation)
        let u = ExifOrientation.uprightPixel(x: s.x, y: s.y, width: width, height: height, orientation: orientation)
        #expect(u.x == x && u.y == y)
      }
    }
  }
}
