import Foundation
import Testing

@testable import PhotoIO

/// libjpeg-turbo's own test images and the jpeg-decoder reference and crash sets.
@Suite("JPEG decoding")
struct JPEGDecodeTests {
  /// Binary PPM of a raw 8-bit RGB decode, as djpeg writes it (the upstream checksums are of this).
  static func ppm(_ raw: RawImage) -> [UInt8] {
    guard case .eight(let samples) = raw.samples else { return [] }
    return Array("P6\n\(raw.width) \(raw.height)\n255\n".utf8) + samples
  }

  @Test func testorigDecodesBitExactly() throws {
    let raw = try PhotoDecoder.decodeRaw(bytes: TestData.bytes("jpeg/libjpeg-turbo/testorig.jpg"), name: "testorig.jpg")
    #expect(raw.width == 227 && raw.height == 149 && raw.channels == 3)
    // Upstream MD5_PPM_EXAMPLE_DECOMPRESS (libjpeg-turbo CMakeLists.txt).
    #expect(MD5.hex(Self.ppm(raw)) == "dea1d7bbc37e39adf628342c86096641")
  }

  @Test(arguments: ["libjpeg-turbo/testimgint.jpg", "libjpeg-turbo/testimgari.jpg", "libjpeg-turbo/legacy_2013/testimgp.jpg"])
  func baselineProgressiveAndArithmeticDecodeIdentically(_ file: String) throws {
    let raw = try PhotoDecoder.decodeRaw(bytes: TestData.bytes("jpeg/\(file)"), name: file)
    // All three are lossless transcodes of one image (libjpeg-turbo/SOURCE.md).
    #expect(MD5.hex(Self.ppm(raw)) == "4aaa551ce59d429ac673f730a56cd73d")
  }

  @Test func progressiveAndArithmeticAreReported() throws {
    let progressive = try PhotoDecoder.decode(contentsOf: TestData.path("jpeg/libjpeg-turbo/legacy_2013/testimgp.jpg"))
    let arithmetic = try PhotoDecoder.decode(contentsOf: TestData.path("jpeg/libjpeg-turbo/testimgari.jpg"))
    #expect(progressive.metadata.progressive && !progressive.metadata.arithmeticCoded)
    #expect(arithmetic.metadata.arithmeticCoded)
  }

  @Test func greyscaleDecodesToTheUpstreamChecksum() throws {
    let raw = try PhotoDecoder.decodeRaw(
      bytes: TestData.bytes("jpeg/libjpeg-turbo/legacy_2013/testimggray.jpg"), name: "testimggray.jpg")
    guard case .eight(let rgb) = raw.samples else { Issue.record("expected 8-bit"); return }
    // Grey is expanded to equal R, G, B; the upstream PGM checksum is over the grey channel.
    let grey = stride(from: 0, to: rgb.count, by: 3).map { rgb[$0] }
    let equalChannels = stride(from: 0, to: rgb.count, by: 3).allSatisfy { (i: Int) -> Bool in
      rgb[i] == rgb[i + 1] && rgb[i] == rgb[i + 2]
    }
    #expect(equalChannels)
    let pgm = Array("P5\n\(raw.width) \(raw.height)\n255\n".utf8) + grey
    #expect(MD5.hex(pgm) == "8d3596c56eace32f205deccc229aa5ed")
  }

  @Test(arguments: ["libjpeg-turbo/testorig12.jpg", "libjpeg-turbo/monkey12.jpg"])
  func twelveBitJPEGIsClearlyUnsupported(_ file: String) throws {
    let bytes = try TestData.bytes("jpeg/\(file)")
    #expect {
      try PhotoDecoder.decode(bytes: bytes, name: file)
    } throws: { error in
      guard case .unsupportedFeature(_, .jpeg, let detail) = error as? PhotoError else { return false }
      return detail.contains("12")
    }
  }

  /// jpeg-decoder's reference pairs: the JPEG and an ImageMagick PNG of it.
  static let referencePairs: [String] = TestData.files(in: "jpeg/jpeg-decoder/reftest/images", ext: "jpg").map {
    "reftest/images/\($0)"
  } + TestData.files(in: "jpeg/jpeg-decoder/reftest/images/mozilla", ext: "jpg").map { "reftest/images/mozilla/\($0)" }

  @Test func referenceSetIsPresent() { #expect(Self.referencePairs.count >= 30) }

  @Test func cmykProfileIsApplied() throws {
    // ycck.jpg: Adobe YCCK with an embedded "U.S. Web Coated (SWOP) v2" profile.
    let photo = try PhotoDecoder.decode(contentsOf: TestData.path("jpeg/jpeg-decoder/reftest/images/ycck.jpg"))
    #expect(photo.metadata.colorProfile.contains("SWOP"), "\(photo.metadata.colorProfile)")
    #expect(photo.warnings.isEmpty, "\(photo.warnings)")
    guard case .linear = photo.pixels else {
      Issue.record("the CMYK profile was not applied")
      return
    }
    // The profile must move the colours away from the plain conversion (SWOP's ink model is not
    // R = C·K/255 …) but not wildly: mean luminance differs by 1 %…30 %.
    let raw = try PhotoDecoder.decodeRaw(
      bytes: TestData.bytes("jpeg/jpeg-decoder/reftest/images/ycck.jpg"), name: "ycck.jpg")
    guard case .eight(let cmyk) = raw.samples else { Issue.record("expected raw CMYK"); return }
    func luminance(_ r: Double, _ g: Double, _ b: Double) -> Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }
    func linear(_ code: Int) -> Double {
      let v = Double(code) / 255
      return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }
    var profiled = 0.0, plain = 0.0
    for i in 0..<photo.pixelCount {
      let (r, g, b) = photo.linearRGB(at: i)
      profiled += luminance(Double(r), Double(g), Double(b))
      let k = Int(cmyk[4 * i + 3])
      let rgb = (0..<3).map { linear((Int(cmyk[4 * i + $0]) * k + 127) / 255) }
      plain += luminance(rgb[0], rgb[1], rgb[2])
    }
    let change = abs(profiled - plain) / plain
    #expect(change > 0.01 && change < 0.3, "relative luminance change \(change)")
  }

  @Test(arguments: referencePairs)
  func matchesReferenceWithinThreeLevels(_ file: String) throws {
    let jpeg = try TestData.bytes("jpeg/jpeg-decoder/\(file)")
    let png = try TestData.bytes("jpeg/jpeg-decoder/\(file.dropLast(4)).png")
    // Some reference files are deliberately damaged (missing scans, extraneous data): decode leniently.
    let lenient = DecodeOptions(acceptCorruptData: true)
    let reference = try PhotoDecoder.decodeRaw(bytes: png, name: file)
    if file.hasSuffix("ycck.jpg") {
      // Its reference PNG was made without the embedded SWOP profile (ImageMagick's plain
      // conversion), so compare the plain conversion here; the profile is checked separately.
      try Self.expectPlainCMYK(jpeg, matches: reference, file: file)
      return
    }
    let photo = try PhotoDecoder.decode(bytes: jpeg, name: file, options: lenient)
    #expect(photo.width == reference.width && photo.height == reference.height)
    let expected: [Int]
    switch reference.samples {
    case .eight(let s): expected = s.map(Int.init)
    case .sixteen(let s): expected = s.map { (Int($0) + 128) / 257 }
    }
    var worst = 0
    for i in 0..<min(photo.pixelCount, reference.width * reference.height) {
      let rgb = Self.srgb8(photo, i)
      for c in 0..<3 { worst = max(worst, abs(rgb[c] - expected[reference.channels * i + c])) }
    }
    // jpeg-decoder's own tolerance for lossy files (reftest README).
    #expect(worst <= 3, "\(file): worst channel difference \(worst)")
  }

  /// Adobe-inverted CMYK converted without a profile (R = C·K/255 …) against the reference, ±3.
  static func expectPlainCMYK(_ jpeg: [UInt8], matches reference: RawImage, file: String) throws {
    let raw = try PhotoDecoder.decodeRaw(bytes: jpeg, name: file)
    guard case .eight(let cmyk) = raw.samples, case .eight(let expected) = reference.samples, raw.channels == 4 else {
      Issue.record("\(file): expected raw 8-bit CMYK")
      return
    }
    var worst = 0
    for i in 0..<(raw.width * raw.height) {
      let k = Int(cmyk[4 * i + 3])
      for c in 0..<3 {
        let plain = (Int(cmyk[4 * i + c]) * k + 127) / 255
        worst = max(worst, abs(plain - Int(expected[reference.channels * i + c])))
      }
    }
    #expect(worst <= 3, "\(file): worst channel difference \(worst)")
  }

  static func srgb8(_ photo: Photo, _ index: Int) -> [Int] {
    if case .srgb8(let s) = photo.pixels { return (0..<3).map { Int(s[3 * index + $0]) } }
    let (r, g, b) = photo.linearRGB(at: index)
    // The sRGB encoding curve (IEC 61966-2-1), written out here as an independent oracle.
    func encode(_ v: Float) -> Double {
      let c = Double(min(max(v, 0), 1))
      return c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
    }
    return [r, g, b].map { Int((encode($0) * 255).rounded()) }
  }

  static let crashFiles: [String] = {
    let base = TestData.root.appendingPathComponent("jpeg/jpeg-decoder/crashtest/images")
    let enumerator = FileManager.default.enumerator(atPath: base.path)
    var files: [String] = []
    while let name = enumerator?.nextObject() as? String {
      if name.lowercased().hasSuffix(".jpg") || name.lowercased().hasSuffix(".jpeg") { files.append(name) }
    }
    return files.sorted()
  }()

  @Test func crashSetIsPresent() { #expect(Self.crashFiles.count >= 100) }

  @Test(arguments: crashFiles)
  func crashFilesReturnAnImageOrAnError(_ file: String) throws {
    let bytes = try TestData.bytes("jpeg/jpeg-decoder/crashtest/images/\(file)")
    for options in [DecodeOptions(), DecodeOptions(minimumShortSide: 8, acceptCorruptData: true)] {
      do {
        let photo = try PhotoDecoder.decode(bytes: bytes, name: file, options: options)
        #expect(photo.width > 0 && photo.height > 0)
      } catch {
        #expect(!error.description.isEmpty && error.path == file)
      }
    }
  }

  @Test func scikitImageTruncatedFileIsAnError() throws {
    let bytes = try TestData.bytes("jpeg/scikit-image/truncated.jpg")
    #expect {
      try PhotoDecoder.decode(bytes: bytes, name: "truncated.jpg")
    } throws: { error in
      if case .truncated = error as? PhotoError { return true }
      return false
    }
    // It is cut inside its Huffman tables, so even a lenient decode has no image to give.
    #expect(throws: PhotoError.self) {
      try PhotoDecoder.decode(bytes: bytes, name: "truncated.jpg", options: DecodeOptions(acceptCorruptData: true))
    }
  }

  @Test(arguments: TestData.files(in: "jpeg/jpeg-decoder/icc", ext: "jpeg"))
  func brokenMultiChunkProfilesDoNotStopDecoding(_ file: String) throws {
    let photo = try PhotoDecoder.decode(contentsOf: TestData.path("jpeg/jpeg-decoder/icc/\(file)"))
    #expect(photo.pixelCount > 0)
    // Each file's profile chunks are faulty except the out-of-order one, which is legal.
    if file != "icc_chunk_order.jpeg" {
      #expect(photo.warnings.contains { $0.contains("ICC") }, "\(file): \(photo.warnings)")
    }
  }

  @Test(arguments: [2, 4, 8])
  func dctScalingHonoursTheMinimumSize(_ denominator: Int) throws {
    let bytes = try TestData.bytes("jpeg/libjpeg-turbo/testorig.jpg")  // 227×149
    let minimum = 149 / denominator
    let photo = try PhotoDecoder.decode(bytes: bytes, name: "testorig.jpg", options: DecodeOptions(minimumShortSide: minimum))
    #expect(min(photo.width, photo.height) >= minimum)
    #expect(photo.metadata.width == 227 && photo.metadata.height == 149)
    #expect(photo.width == (227 + denominator - 1) / denominator)
    #expect(photo.metadata.downscale == denominator)
  }
}
