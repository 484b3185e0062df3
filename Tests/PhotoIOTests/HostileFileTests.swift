import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// Files built to be bad: every one is a typed error naming the file, never a crash.
@Suite("Hostile files")
struct HostileFileTests {
  static func bigEndian(_ v: UInt32) -> [UInt8] { HostileInputs.bigEndian(v) }

  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] { HostileInputs.chunk(type, data) }

  /// A PNG whose IHDR claims `width` × `height` (8-bit RGB) with no image data behind it.
  static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
    let ihdr = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IEND", [])
  }

  static func expectError(_ bytes: [UInt8], name: String, options: DecodeOptions = .full, _ matches: (PhotoError) -> Bool)
  {
    do {
      let photo = try PhotoDecoder.decode(bytes: bytes, name: name, options: options)
      Issue.record("\(name) decoded to \(photo.width)×\(photo.height); expected an error")
    } catch {
      #expect(matches(error), "\(name): got \(error)")
      #expect(error.description.hasPrefix("\(name): "))
    }
  }

  @Test func emptyFile() {
    Self.expectError([], name: "empty.jpg") { $0 == .empty(path: "empty.jpg") }
  }

  @Test func textRenamedToJPEG() {
    Self.expectError(Array("Client notes: shaved scalp, type IV\n".utf8), name: "notes.jpg") {
      $0 == .notAnImage(path: "notes.jpg")
    }
  }

  @Test func gifIsNamedAsUnsupported() {
    let gif = Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0] + Array(repeating: 0, count: 20)
    Self.expectError(gif, name: "a.gif") { $0 == .unsupportedFormat(path: "a.gif", format: "GIF") }
  }

  @Test(arguments: [0.2, 0.5, 0.9])
  func truncatedJPEG(_ keep: Double) throws {
    let full = try TestData.bytes("jpeg/libjpeg-turbo/testorig.jpg")
    let cut = Array(full.prefix(Int(Double(full.count) * keep)))
    Self.expectError(cut, name: "cut.jpg") {
      if case .truncated(_, .jpeg, _) = $0 { return true }
      return false
    }
    // Accepting corrupt data returns the partial image and says so.
    let partial = try PhotoDecoder.decode(bytes: cut, name: "cut.jpg", options: DecodeOptions(acceptCorruptData: true))
    #expect(partial.width == 227 && !partial.warnings.isEmpty)
  }

  @Test(arguments: [0.3, 0.6, 0.95])
  func truncatedPNG(_ keep: Double) throws {
    let full = try TestData.bytes("pngsuite/png/basn2c08.png")
    let cut = Array(full.prefix(Int(Double(full.count) * keep)))
    Self.expectError(cut, name: "cut.png") {
      if case .truncated(_, .png, _) = $0 { return true }
      return false
    }
  }

  @Test func garbledJPEGEntropyData() throws {
    var bytes = try TestData.bytes("jpeg/libjpeg-turbo/testorig.jpg")
    // Overwrite a run inside the entropy-coded segment (after SOS) with stuffed 0xFF bytes: long runs
    // of 1-bits, which no Huffman table of this file codes. (Random bits alone can decode "validly":
    // libjpeg only notices damage that breaks the code or the marker structure.)
    let sos = try #require((0..<bytes.count - 1).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA })
    for i in stride(from: sos + 400, to: sos + 1400, by: 2) {
      bytes[i] = 0xFF
      bytes[i + 1] = 0x00
    }
    Self.expectError(bytes, name: "garbled.jpg") {
      if case .corrupt(_, .jpeg, _) = $0 { return true }
      if case .truncated(_, .jpeg, _) = $0 { return true }
      return false
    }
    let lenient = try PhotoDecoder.decode(bytes: bytes, name: "garbled.jpg", options: DecodeOptions(acceptCorruptData: true))
    #expect(!lenient.warnings.isEmpty)
  }

  @Test func badPNGCRC() throws {
    var bytes = try TestData.bytes("pngsuite/png/basn2c08.png")
    bytes[29] ^= 0xFF  // The IHDR chunk's CRC (8 signature + 4 length + 4 type + 13 data = byte 29).
    Self.expectError(bytes, name: "crc.png") {
      if case .corrupt(_, .png, let detail) = $0 { return detail.contains("CRC") }
      return false
    }
  }

  @Test func pngClaiming200000Squared() {
    Self.expectError(Self.pngHeader(width: 200_000, height: 200_000), name: "huge.png") {
      $0 == .tooLarge(path: "huge.png", width: 200_000, height: 200_000, limit: DecodeOptions.defaultMaxFilePixels)
    }
  }

  @Test func hugeButValidSizeIsAllowedOnlyWhenStreamedDownscaled() {
    // 20000 × 15000 = 300 MP: over the 100 MP memory limit at full size, but a downscaled decode
    // streams rows and holds only the reduced image, so the size check passes (and this header-only
    // file then fails for its missing image data instead).
    let header = Self.pngHeader(width: 20_000, height: 15_000)
    Self.expectError(header, name: "big.png") {
      $0 == .tooLarge(path: "big.png", width: 20_000, height: 15_000, limit: DecodeOptions.defaultMaxPixels)
    }
    Self.expectError(header, name: "big.png", options: DecodeOptions(minimumShortSide: 600)) {
      if case .tooLarge = $0 { return false }
      return true
    }
  }

  @Test func jpegClaiming65000Squared() throws {
    var bytes = try TestData.bytes("jpeg/libjpeg-turbo/testorig.jpg")
    let sof = try #require((0..<bytes.count - 1).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
    // SOF0: marker, length (2), precision (1), height (2), width (2).
    bytes.replaceSubrange((sof + 5)...(sof + 8), with: [0xFD, 0xE8, 0xFD, 0xE8])
    Self.expectError(bytes, name: "huge.jpg") {
      $0 == .tooLarge(path: "huge.jpg", width: 65000, height: 65000, limit: DecodeOptions.defaultMaxFilePixels)
    }
  }

  @Test func configurablePixelLimit() throws {
    let bytes = try TestData.bytes("jpeg/libjpeg-turbo/testorig.jpg")
    Self.expectError(bytes, name: "small-limit.jpg", options: DecodeOptions(maxPixels: 10_000)) {
      if case .tooLarge(_, 227, 149, 10_000) = $0 { return true }
      return false
    }
  }

  @Test func missingFileAndDirectory() throws {
    #expect(throws: PhotoError.fileNotFound(path: "/no/such/photo.jpg")) {
      try PhotoDecoder.decode(contentsOf: "/no/such/photo.jpg")
    }
    let folder = FileManager.default.temporaryDirectory.path
    #expect {
      try PhotoDecoder.decode(contentsOf: folder)
    } throws: { error in
      if case .unreadable = error as? PhotoError { return true }
      return false
    }
  }
}

/// PNG encoding for reports, and PNG's linear-light downscaled decode.
@Suite("PNG encoding and downscaling")
struct PNGEncodingTests {
  @Test(arguments: [3, 4])
  func encodeDecodeRoundTrip(_ channels: Int) throws {
    let width = 37, height = 21
    var state: UInt32 = 7
    let pixels = (0..<(width * height * channels)).map { _ -> UInt8 in
      state = state &* 1_664_525 &+ 1_013_904_223
      return UInt8(truncatingIfNeeded: state >> 24)
    }
    let png = try PNGEncoder.encode(srgb8: pixels, width: width, height: height, channels: channels)
    let raw = try PhotoDecoder.decodeRaw(bytes: png, name: "round.png")
    guard case .eight(let rgba) = raw.samples else { Issue.record("expected 8-bit"); return }
    for i in 0..<(width * height) {
      for c in 0..<channels { #expect(rgba[4 * i + c] == pixels[channels * i + c]) }
    }
    let photo = try PhotoDecoder.decode(bytes: png, name: "round.png")
    #expect(photo.metadata.colorProfile == "sRGB (PNG sRGB chunk)")
  }

  @Test func encoderRejectsWrongSampleCount() {
    #expect(throws: PhotoError.self) { try PNGEncoder.encode(srgb8: [1, 2, 3], width: 2, height: 2) }
  }

  @Test func boxFilterAveragesLinearLight() throws {
    // A 32×32 image: left half black, right half white, alternating per column pair.
    var pixels = [UInt8](repeating: 0, count: 32 * 32 * 3)
    for y in 0..<32 { for x in 0..<32 where x % 2 == 1 { for c in 0..<3 { pixels[(y * 32 + x) * 3 + c] = 255 } } }
    let png = try PNGEncoder.encode(srgb8: pixels, width: 32, height: 32)
    let photo = try PhotoDecoder.decode(bytes: png, name: "stripes.png", options: DecodeOptions(minimumShortSide: 8))
    #expect(photo.width == 8 && photo.height == 8 && photo.metadata.downscale == 4)
    // Half black, half white averages to 0.5 in linear light (not sRGB 0.5, which is linear 0.214).
    for i in 0..<photo.pixelCount { #expect(abs(photo.linearRGB(at: i).r - 0.5) < 1e-6) }
  }
}

/// The streaming PNG reduction (C, row by row) equals a full decode box-filtered afterwards.
@Suite("Streaming PNG reduction")
struct StreamingReductionTests {
  /// Non-interlaced PngSuite files of 32×32: every colour type, bit depth, tRNS and gAMA case.
  static let files = PngSuiteTests.valid.filter { name in
    name.dropFirst(3).first == "n" && !name.hasPrefix("s") && !name.hasPrefix("x")
  }

  @Test(arguments: files)
  func matchesFullDecodeThenBoxFilter(_ name: String) throws {
    let bytes = try TestData.bytes("pngsuite/png/\(name)")
    let full = try PhotoDecoder.decode(bytes: bytes, name: name)
    let streamed = try PhotoDecoder.decode(bytes: bytes, name: name, options: DecodeOptions(minimumShortSide: 8))
    // The largest power of two keeping the shorter side ≥ 8: 4 for 32×32, 1 for the 8×32 files.
    let shorter = min(full.width, full.height)
    let factor = shorter >= 32 ? 4 : shorter >= 16 ? 2 : 1
    let expected = BoxDownscale.reduce(full, by: factor)
    #expect(streamed.metadata.downscale == factor)
    #expect(streamed.width == full.width / factor && streamed.height == full.height / factor)
    #expect(streamed.metadata.colorProfile == full.metadata.colorProfile)
    for i in 0..<expected.pixelCount {
      let a = streamed.linearRGB(at: i), b = expected.linearRGB(at: i)
      // Float accumulation order differs (C sums in double, Swift in float): 1e-4 of full scale.
      #expect(abs(a.r - b.r) < 1e-4 && abs(a.g - b.g) < 1e-4 && abs(a.b - b.b) < 1e-4, "\(name) pixel \(i)")
      #expect(abs(streamed.alpha(at: i) - expected.alpha(at: i)) <= 1.0 / 255)
    }
  }

  @Test func filesToCompareArePresent() { #expect(Self.files.count > 80) }
}

/// Decoding from a file (streamed by the C decoders) equals decoding the same bytes from memory.
@Suite("File streaming")
struct FileStreamingTests {
  @Test(arguments: [
    "jpeg/libjpeg-turbo/testorig.jpg", "jpeg/libjpeg-turbo/legacy_2013/testimgp.jpg", "pngsuite/png/basi6a16.png",
    "pngsuite/png/tbbn3p08.png", "jpeg/icc-wide-gamut/rgb-to-gbr-test.jpg",
  ])
  func fileAndMemoryDecodesAgree(_ file: String) throws {
    for options in [DecodeOptions(), DecodeOptions(minimumShortSide: 8)] {
      let fromFile = try PhotoDecoder.decode(contentsOf: TestData.path(file), options: options)
      let fromMemory = try PhotoDecoder.decode(bytes: TestData.bytes(file), name: file, options: options)
      #expect(fromFile.pixels == fromMemory.pixels && fromFile.opacity == fromMemory.opacity)
      #expect(fromFile.metadata == fromMemory.metadata)
    }
  }

  @Test func truncatedFilesAreTruncatedFromDiskToo() throws {
    let full = try TestData.bytes("pngsuite/png/basn2c08.png")
    for (name, bytes) in [("cut.png", Array(full.prefix(full.count / 2))),
                          ("cut.jpg", Array(try TestData.bytes("jpeg/libjpeg-turbo/testorig.jpg").prefix(3000)))] {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-\(name)")
      try Data(bytes).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      #expect {
        try PhotoDecoder.decode(contentsOf: url.path)
      } throws: { error in
        if case .truncated(let path, _, _) = error as? PhotoError { return path == url.path }
        return false
      }
    }
  }
}

/// Interlaced PNGs stream their seven Adam7 passes into the box filter (C): the same result as
/// the full decode reduced afterwards by the Swift oracle, with the factor reported in the metadata.
@Suite("Interlaced PNG reduction")
struct InterlacedReductionTests {
  @Test(arguments: ["basi0g08.png", "basi2c16.png", "basi3p04.png", "basi6a08.png", "basi4a16.png", "basi0g01.png"])
  func interlacedFilesAreReducedWhileStreaming(_ name: String) throws {
    let bytes = try TestData.bytes("pngsuite/png/\(name)")
    let full = try PhotoDecoder.decode(bytes: bytes, name: name)
    let reduced = try PhotoDecoder.decode(bytes: bytes, name: name, options: DecodeOptions(minimumShortSide: 8))
    let expected = BoxDownscale.reduce(full, by: 4)
    #expect(reduced.width == 8 && reduced.height == 8 && reduced.metadata.downscale == 4)
    // The C side sums in double as the passes arrive, the oracle in float pixel by pixel (the
    // exact equality this test asked while the reduction ran on a whole decode no longer holds).
    for i in 0..<expected.pixelCount {
      let a = reduced.linearRGB(at: i), b = expected.linearRGB(at: i)
      #expect(abs(a.r - b.r) < 1e-4 && abs(a.g - b.g) < 1e-4 && abs(a.b - b.b) < 1e-4, "\(name) pixel \(i)")
      #expect(abs(reduced.alpha(at: i) - expected.alpha(at: i)) <= 1.0 / 255)
    }
  }
}
