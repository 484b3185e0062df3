import CPhotoCodecs
import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// Issue 12: a mask (`--mask`) needs one bit a pixel, but was decoded as a whole photo (RGBA, then
/// linear floats: 0.7 GB for a 12 KB interlaced 10 000 × 10 000 PNG). PNG masks now stream row by
/// row, pass by pass when interlaced, into one byte a pixel.
@Suite("Opacity planes")
struct OpacityPlaneTests {
  /// Writes `bytes` to a fresh temporary file and returns its path.
  static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
    try Data(bytes).write(to: url)
    return url.path
  }

  /// An interlaced 8-bit grey PNG of `value(x, y)` (``HostileInputs/interlacedPNG(width:height:colourType:before:pixel:)``).
  static func interlacedGrey(width: Int, height: Int, value: (Int, Int) -> UInt8) -> [UInt8] {
    HostileInputs.interlacedPNG(width: width, height: height, colourType: 0) { [value($0, $1)] }
  }

  /// Every valid PngSuite file (all bit depths, colour types, tRNS, interlaced or not): the plane
  /// marks exactly the pixels of lunapaint's reference RGBA that have alpha > 0 and a non-zero
  /// colour sample.
  @Test(arguments: PngSuiteTests.valid)
  func pngSuiteMatchesTheReferencePixels(_ name: String) throws {
    let plane = try PhotoDecoder.decodeOpacity(contentsOf: TestData.path("pngsuite/png/\(name)"))
    let reference = try JSONDecoder().decode(
      [Int].self, from: Data(TestData.bytes("pngsuite/json/\(name.dropLast(4)).json")))
    #expect(reference.count == plane.width * plane.height * 4)
    let expected = stride(from: 0, to: reference.count, by: 4).map {
      reference[$0 + 3] > 0 && (reference[$0] > 0 || reference[$0 + 1] > 0 || reference[$0 + 2] > 0)
    }
    let first = plane.marked.indices.first { plane.marked[$0] != expected[$0] } ?? -1
    #expect(plane.marked == expected, "\(name): first difference at \(first)")
    #expect(plane.decoderBytes <= plane.width * plane.height + 8 * plane.width)
  }

  /// The PngSuite masks the old way (decoded as a photo with colour management, marked where
  /// opacity > 0 and linear light > 10⁻⁶) and the new way agree pixel for pixel.
  @Test(arguments: PngSuiteTests.valid)
  func pngSuiteMatchesTheOldPhotoMask(_ name: String) throws {
    let path = TestData.path("pngsuite/png/\(name)")
    let plane = try PhotoDecoder.decodeOpacity(contentsOf: path)
    let old = OpacityPlane(photo: try PhotoDecoder.decode(contentsOf: path))
    #expect(plane.width == old.width && plane.height == old.height)
    let differing = plane.marked.indices.filter { plane.marked[$0] != old.marked[$0] }
    #expect(differing.isEmpty, "\(name): \(differing.count) pixels differ")
  }

  /// An interlaced 1001 × 703 pattern (odd sizes: partial passes) built from the Adam7 table:
  /// every pixel lands where the standard puts it, holding one byte a pixel and a row.
  @Test func interlacedPatternLandsInPlace() throws {
    let (width, height) = (1001, 703)
    func value(_ x: Int, _ y: Int) -> UInt8 { (x * 7 + y * 3) % 5 == 0 ? 0 : UInt8((x + y) % 255 + 1) }
    let path = try Self.temporaryFile(Self.interlacedGrey(width: width, height: height, value: value), name: "mask.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let plane = try PhotoDecoder.decodeOpacity(contentsOf: path)
    #expect(plane.width == width && plane.height == height)
    let expected: [Bool] = (0..<height).flatMap { y in (0..<width).map { x in value(x, y) != 0 } }
    #expect(plane.marked == expected)
    #expect(plane.decoderBytes > 0 && plane.decoderBytes <= width * height + 4 * width)
  }

  /// A mask with EXIF orientation 6 comes out upright, as the photo decode turns it.
  @Test func orientationIsApplied() throws {
    let (width, height) = (5, 3)
    var pixels: [UInt8] = []
    for y in 0..<height { for x in 0..<width { pixels += (x == 0 || y == 2) ? [0, 0, 0] : [255, 255, 255] } }
    let exif = HostileInputs.chunk("eXIf", HostileInputs.exifOrientation(6))
    let bytes = HostileInputs.rgbPNG(pixels, width: width, height: height, before: exif)
    let path = try Self.temporaryFile(bytes, name: "turned.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let plane = try PhotoDecoder.decodeOpacity(contentsOf: path)
    let photo = try PhotoDecoder.decode(contentsOf: path)
    #expect(photo.width == 3 && photo.height == 5)
    #expect(plane.width == 3 && plane.height == 5)
    #expect(plane.marked == OpacityPlane(photo: photo).marked)
  }

  /// The 12 KB-class interlaced 10 000 × 10 000 claim: the row stream under the plane holds one
  /// row (4 bytes a pixel of its width) and its linear copy (12 more), never the image — a photo
  /// decode held 16 bytes a pixel of the whole image, then 12 more as floats — before it finds the
  /// data missing, and says the file ends early.
  @Test func interlacedGiantStreamHoldsARow() throws {
    let bytes = HostileInputs.pngClaiming(width: 10_000, height: 10_000, interlace: 1)
    let path = try Self.temporaryFile(bytes, name: "giant.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: PhotoError.self) { try PhotoDecoder.decodeOpacity(contentsOf: path) }
    guard let file = fopen(path, "rb") else { throw PhotoError.unreadable(path: path, reason: "fopen") }
    defer { fclose(file) }
    var options = pmc_options()
    options.max_pixels = UInt64(DecodeOptions.defaultMaxPixels)
    options.max_file_pixels = UInt64(DecodeOptions.defaultMaxFilePixels)
    var image = pmc_image()
    defer { pmc_image_free(&image) }
    var target = pmc_rows(sink: { _, _ in }, context: nil, linearize: 1)
    let status = pmc_decode_png_rows_file(file, &options, &target, &image)
    #expect(status == Int32(PMC_ERR_TRUNCATED) || status == Int32(PMC_ERR_CORRUPT))
    #expect(image.pixel_bytes > 0 && image.pixel_bytes <= 16 * 10_000)
  }

  /// A mask over the pixel limit (20 000 × 10 000 = 200 MP) is refused from its header, before the
  /// plane is allocated.
  @Test func oversizedMaskIsRefusedFromTheHeader() throws {
    let path = try Self.temporaryFile(
      HostileInputs.pngClaiming(width: 20_000, height: 10_000, interlace: 1), name: "huge.png")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let refusal = PhotoError.tooLarge(path: path, width: 20_000, height: 10_000, limit: DecodeOptions.defaultMaxPixels)
    #expect(throws: refusal) {
      try PhotoDecoder.decodeOpacity(contentsOf: path)
    }
  }
}
