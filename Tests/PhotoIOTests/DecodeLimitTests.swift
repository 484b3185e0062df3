import CPhotoCodecs
import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// Issue 12: small files that claimed gigabytes or minutes. Each input is generated here; the
/// memory a decode would take is read from what the C decoder reports it allocated (or was about
/// to) before it found the data missing, so no test needs more than a few MB.
@Suite("Decode limits")
struct DecodeLimitTests {
  /// The C decode of `bytes` with the CLI's analysis options, returning status and pixel bytes.
  static func cDecodePNG(_ bytes: [UInt8], minimumShortSide: Int32) -> (status: Int32, pixelBytes: UInt64) {
    var options = pmc_options()
    options.max_pixels = UInt64(DecodeOptions.defaultMaxPixels)
    options.max_file_pixels = UInt64(DecodeOptions.defaultMaxFilePixels)
    options.max_downscaled_pixels = UInt64(DecodeOptions.defaultMaxDownscaledPixels)
    options.max_scans = Int32(DecodeOptions.defaultMaxScans)
    options.scale_denom = 1
    options.min_short_side = minimumShortSide
    var image = pmc_image()
    defer { pmc_image_free(&image) }
    let status = bytes.withUnsafeBufferPointer { pmc_decode_png($0.baseAddress, $0.count, &options, &image) }
    return (status, image.pixel_bytes)
  }

  /// 100 000 000 × 1 (8- and 16-bit): analyze measured 2.98 GB / 3.84 GB, inspect 1.49 / 2.95 GB
  /// (libpng's two file rows alone are 6–12 bytes a pixel for a one-row image). Refused from IHDR
  /// by the side limit, whatever the options, with nothing allocated; standing up too.
  @Test(arguments: [UInt8(8), 16])
  func thinStripIsRefusedBeforeAllocating(_ depth: UInt8) {
    for (width, height) in [(UInt32(100_000_000), UInt32(1)), (1, 100_000_000)] {
      let bytes = HostileInputs.pngClaiming(width: width, height: height, bitDepth: depth)
      for options in [DecodeOptions(), DecodeOptions(minimumShortSide: 640)] {
        HostileFileTests.expectError(bytes, name: "strip.png", options: options) {
          if case .limitExceeded(_, .png, let detail) = $0 { return detail.contains("over the limit of 1000000 pixels") }
          return false
        }
      }
      let c = Self.cDecodePNG(bytes, minimumShortSide: 640)
      #expect(c.status == Int32(PMC_ERR_LIMIT) && c.pixelBytes == 0)
    }
  }

  /// 1 000 000 × 20 is within every side and pixel limit of a full decode, but its shorter side
  /// (20) cannot be reduced, so a downscaled decode would hold all 20 MP: refused by the
  /// downscaled-size limit before allocation. A strip that fits still decodes.
  @Test func unreducibleStripIsRefusedAndSmallStripDecodes() throws {
    let bytes = HostileInputs.pngClaiming(width: 1_000_000, height: 20)
    HostileFileTests.expectError(bytes, name: "strip.png", options: DecodeOptions(minimumShortSide: 640)) {
      $0 == .tooLarge(path: "strip.png", width: 1_000_000, height: 20, limit: DecodeOptions.defaultMaxDownscaledPixels)
    }
    let c = Self.cDecodePNG(bytes, minimumShortSide: 640)
    #expect(c.status == Int32(PMC_ERR_TOO_LARGE) && c.pixelBytes == 0)
    let strip = HostileInputs.rgbPNG([UInt8](repeating: 200, count: 3 * 1000), width: 1000, height: 1)
    let photo = try PhotoDecoder.decode(bytes: strip, name: "strip.png", options: DecodeOptions(minimumShortSide: 640))
    #expect(photo.width == 1000 && photo.height == 1)
  }

  /// Interlaced 10 000 × 10 000: decoded whole before being reduced (0.7 GB in analyze). Now the
  /// Adam7 passes stream into the 1250 × 1250 reduced image: what the decoder allocates is that
  /// image and its accumulators (48 bytes a reduced pixel) and one row, not 4 bytes × 10⁸.
  @Test func interlacedGiantStreamsIntoTheReducedImage() {
    let bytes = HostileInputs.pngClaiming(width: 10_000, height: 10_000, interlace: 1)
    let c = Self.cDecodePNG(bytes, minimumShortSide: 640)
    #expect(c.status == Int32(PMC_ERR_CORRUPT) || c.status == Int32(PMC_ERR_TRUNCATED))
    let reduced: UInt64 = 1250 * 1250
    let row: UInt64 = 10_000 * (4 + 12)
    #expect(c.pixelBytes > 0 && c.pixelBytes <= reduced * 48 + row)
    #expect(c.pixelBytes < 4 * 100_000_000 / 5)
  }

  /// Text chunks (tEXt, zTXt, iTXt) are skipped unread: 300 of them, 64 KB each, around a 2 × 2
  /// image, decode to the image's pixels.
  @Test func textChunksAreSkipped() throws {
    let text = [UInt8](repeating: 0x41, count: 65_536)
    var chunks: [UInt8] = []
    for i in 0..<100 {
      chunks += HostileInputs.chunk("zTXt", Array("Comment".utf8) + [0, 0] + HostileInputs.zlibStored(text))
      chunks += HostileInputs.chunk("iTXt", Array("XML:\(i)".utf8) + [0, 1, 0, 0, 0] + HostileInputs.zlibStored(text))
      chunks += HostileInputs.chunk("tEXt", Array("Title".utf8) + [0] + text)
    }
    let pixels: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]
    let photo = try PhotoDecoder.decode(bytes: HostileInputs.rgbPNG(pixels, width: 2, height: 2, before: chunks), name: "text.png")
    #expect(photo.pixels == .srgb8(pixels) && photo.warnings.isEmpty)
  }

  /// An iCCP profile claiming 60 MB: under the 64 MB per chunk this project had set, libpng went
  /// on to allocate it; at 8 MB (libpng's default) it is dropped unallocated, with a warning.
  @Test func iccProfileOverTheChunkLimitIsDropped() throws {
    var header = HostileFileTests.bigEndian(60_000_000) + [UInt8](repeating: 0, count: 128)
    header.replaceSubrange(36..<40, with: Array("acsp".utf8))
    let iccp = HostileInputs.chunk("iCCP", Array("big".utf8) + [0, 0] + HostileInputs.zlibStored(header, complete: false))
    let photo = try PhotoDecoder.decode(bytes: HostileInputs.rgbPNG([1, 2, 3], width: 1, height: 1, before: iccp), name: "big-icc.png")
    #expect(photo.pixels == .srgb8([1, 2, 3]))
    #expect(photo.warnings.count == 1 && photo.warnings[0].contains("limit"), "\(photo.warnings)")
  }

  /// 896 valid scans (each coefficient bit sent alone): over the 500-scan limit, a typed error;
  /// with the limit lifted the same file decodes to its mid grey, so the generator is valid and
  /// the refusal is the limit.
  @Test func progressiveScanLimit() throws {
    let (bytes, scans) = HostileInputs.manyScanJPEG()
    #expect(scans == 896)
    HostileFileTests.expectError(bytes, name: "scans.jpg") {
      if case .limitExceeded(_, .jpeg, let detail) = $0 { return detail.contains("500 scans") }
      return false
    }
    let lifted = try PhotoDecoder.decode(bytes: bytes, name: "scans.jpg", options: DecodeOptions(maxScans: 0))
    #expect(lifted.width == 8 && lifted.height == 8 && lifted.pixels == .srgb8([UInt8](repeating: 128, count: 192)))
    // From a file, streamed, and row by row on the second thread: the same refusal.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-scans.jpg")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect {
      try PhotoDecoder.decode(contentsOf: url.path, options: DecodeOptions(minimumShortSide: 4)) { _ in }
    } throws: { error in
      if case .limitExceeded = error as? PhotoError { return true }
      return false
    }
  }

  /// An ordinary progressive JPEG (libjpeg's 10-scan script) is well inside the limit.
  @Test func ordinaryProgressiveFileDecodes() throws {
    let photo = try PhotoDecoder.decode(contentsOf: TestData.path("jpeg/libjpeg-turbo/legacy_2013/testimgp.jpg"))
    #expect(photo.metadata.progressive && photo.width == 227)
  }

  /// A truncated PNG says "ends early" once (it said it twice), and where the data stops.
  @Test func truncatedPNGMessageSaysItOnce() throws {
    let full = HostileInputs.rgbPNG([UInt8](repeating: 9, count: 3 * 64), width: 8, height: 8)
    let cut = Array(full.prefix(full.count - 30))
    do {
      _ = try PhotoDecoder.decode(bytes: cut, name: "cut.png")
      Issue.record("a truncated PNG decoded")
    } catch {
      let text = error.description
      #expect(text.components(separatedBy: "ends early").count == 2, "\(text)")
      #expect(text.contains("no data after byte \(cut.count)"), "\(text)")
    }
  }
}
