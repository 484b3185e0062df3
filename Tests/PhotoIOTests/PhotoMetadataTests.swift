import Foundation
import Testing

@testable import PhotoIO

/// Metadata, opacity and sample storage of decoded photos.
@Suite("Photo metadata and storage")
struct PhotoMetadataTests {
  /// A JPEG with an APP1 Exif segment whose IFD0 holds Orientation = `value` (TIFF 6.0, big-endian).
  static func jpeg(orientation value: UInt16) throws -> [UInt8] {
    let base = try JPEGEncoder.encode(rgb8: [UInt8](repeating: 90, count: 8 * 8 * 3), width: 8, height: 8)
    let tiff: [UInt8] = Array("MM".utf8) + [0, 42, 0, 0, 0, 8] + [0, 1]  // header, IFD at 8, one entry
      + [0x01, 0x12, 0, 3, 0, 0, 0, 1, UInt8(value >> 8), UInt8(value & 0xFF), 0, 0] + [0, 0, 0, 0]
    let payload = Array("Exif".utf8) + [0, 0] + tiff
    let length = UInt16(payload.count + 2)
    let app1: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    return Array(base[0..<2]) + app1 + Array(base[2...])
  }

  @Test(arguments: [1, 3, 6, 8])
  func exifOrientationIsReported(_ value: Int) throws {
    let photo = try PhotoDecoder.decode(bytes: Self.jpeg(orientation: UInt16(value)), name: "exif.jpg")
    #expect(photo.metadata.orientation == value)
  }

  @Test func missingOrOutOfRangeOrientationIsOne() throws {
    #expect(try PhotoDecoder.decode(bytes: Self.jpeg(orientation: 9), name: "bad.jpg").metadata.orientation == 1)
    let plain = try PhotoDecoder.decode(contentsOf: TestData.path("jpeg/libjpeg-turbo/testorig.jpg"))
    #expect(plain.metadata.orientation == 1)
  }

  @Test func pngEXIfChunkIsRead() throws {
    // exif2c08.png carries an eXIf chunk whose Orientation tag is 1.
    let photo = try PhotoDecoder.decode(contentsOf: TestData.path("pngsuite/png/exif2c08.png"))
    #expect(photo.metadata.orientation == 1)
  }

  @Test func transparencyBecomesAnOpacityMask() throws {
    // tbbn0g04: 4-bit grey with a tRNS grey value; tp0n2c08 has no tRNS.
    let transparent = try PhotoDecoder.decode(contentsOf: TestData.path("pngsuite/png/tbbn0g04.png"))
    guard case .alpha8(let alpha) = transparent.opacity else {
      Issue.record("expected an 8-bit opacity mask")
      return
    }
    #expect(alpha.contains(0) && alpha.contains(255))
    #expect(try PhotoDecoder.decode(contentsOf: TestData.path("pngsuite/png/tp0n2c08.png")).opacity == .opaque)
    let sixteen = try PhotoDecoder.decode(contentsOf: TestData.path("pngsuite/png/basn6a16.png"))
    if case .alpha16 = sixteen.opacity {} else { Issue.record("expected a 16-bit opacity mask") }
  }

  /// `bytes` without its gAMA chunk (PNG chunks: length, type, data, CRC).
  static func removingGAMA(_ bytes: [UInt8]) -> [UInt8] {
    var out = Array(bytes[0..<8])
    var i = 8
    while i + 12 <= bytes.count {
      let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
      let end = min(bytes.count, i + 12 + length)
      if Array(bytes[(i + 4)..<(i + 8)]) != Array("gAMA".utf8) { out += bytes[i..<end] }
      i = end
    }
    return out
  }

  @Test func sixteenBitSamplesStaySixteenBit() throws {
    // basn2c16 carries gAMA 1.0; without it the file is untagged and read as sRGB.
    let bytes = Self.removingGAMA(try TestData.bytes("pngsuite/png/basn2c16.png"))
    let photo = try PhotoDecoder.decode(bytes: bytes, name: "basn2c16-untagged.png")
    guard case .srgb16(let samples) = photo.pixels else {
      Issue.record("expected 16-bit sRGB storage, got \(photo.metadata.colorProfile)")
      return
    }
    #expect(photo.metadata.bitDepth == 16 && photo.metadata.channels == 3)
    #expect(photo.metadata.colorProfile == "sRGB (assumed, untagged)")
    // Linear light from the sRGB curve (IEC 61966-2-1).
    for i in 0..<photo.pixelCount {
      let (r, _, _) = photo.linearRGB(at: i)
      let encoded = Double(samples[3 * i]) / 65535
      let expected = encoded <= 0.04045 ? encoded / 12.92 : pow((encoded + 0.055) / 1.055, 2.4)
      #expect(abs(Double(r) - expected) < 1e-5)
    }
  }

  @Test func gammaOneSixteenBitIsLinear() throws {
    // With gAMA 1.0 the stored 16-bit values are linear light already.
    let photo = try PhotoDecoder.decode(contentsOf: TestData.path("pngsuite/png/basn2c16.png"))
    let raw = try PhotoDecoder.decodeRaw(bytes: TestData.bytes("pngsuite/png/basn2c16.png"), name: "basn2c16.png")
    guard case .sixteen(let samples) = raw.samples else { Issue.record("expected 16-bit"); return }
    for i in 0..<photo.pixelCount {
      #expect(abs(Double(photo.linearRGB(at: i).g) - Double(samples[4 * i + 1]) / 65535) < 1e-4)
    }
  }

  @Test(arguments: [
    ("pngsuite/png/basn0g01.png", 1, 1), ("pngsuite/png/basn3p02.png", 2, 3), ("pngsuite/png/basn4a08.png", 8, 2),
    ("pngsuite/png/basn6a16.png", 16, 4), ("jpeg/libjpeg-turbo/legacy_2013/testimggray.jpg", 8, 1),
    ("jpeg/jpeg-decoder/reftest/images/mozilla/jpg-cmyk-1.jpg", 8, 4),
  ])
  func fileBitDepthAndChannels(_ file: String, _ bitDepth: Int, _ channels: Int) throws {
    let photo = try PhotoDecoder.decode(contentsOf: TestData.path(file))
    #expect(photo.metadata.bitDepth == bitDepth && photo.metadata.channels == channels)
  }
}
