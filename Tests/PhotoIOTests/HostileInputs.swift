/// Builders of hostile PNG and JPEG files, generated in the tests (nothing large is committed).
enum HostileInputs {
  /// A PNG chunk: length, type, data, CRC-32 (PNG §5.3).
  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] { HostileFileTests.chunk(type, data) }

  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// Adler-32 (RFC 1950 §8.2).
  static func adler32(_ bytes: [UInt8]) -> UInt32 {
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in bytes {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    return b << 16 | a
  }

  /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4): valid, uncompressed.
  /// With `complete` false the stream stops after the data, without a final block or checksum.
  static func zlibStored(_ data: [UInt8], complete: Bool = true) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var start = 0
    repeat {
      let end = min(data.count, start + 65_535)
      let final: UInt8 = complete && end == data.count ? 1 : 0
      let length = UInt16(end - start)
      out += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
      out += data[start..<end]
      start = end
    } while start < data.count
    if complete { out += HostileFileTests.bigEndian(adler32(data)) }
    return out
  }

  /// A PNG: IHDR (`bitDepth`, `colourType`, `interlace`), `before` (chunks between IHDR and IDAT),
  /// one IDAT holding `idat`, IEND.
  static func png(
    width: UInt32, height: UInt32, bitDepth: UInt8 = 8, colourType: UInt8 = 2, interlace: UInt8 = 0,
    before: [UInt8] = [], idat: [UInt8]
  ) -> [UInt8] {
    let ihdr = HostileFileTests.bigEndian(width) + HostileFileTests.bigEndian(height) + [bitDepth, colourType, 0, 0, interlace]
    return signature + chunk("IHDR", ihdr) + before + chunk("IDAT", idat) + chunk("IEND", [])
  }

  /// A PNG claiming `width` × `height` whose image data stops after its first few bytes: the
  /// decoder must refuse, or set up what it allocates, before it learns the data is missing.
  static func pngClaiming(width: UInt32, height: UInt32, bitDepth: UInt8 = 8, interlace: UInt8 = 0) -> [UInt8] {
    png(
      width: width, height: height, bitDepth: bitDepth, interlace: interlace,
      idat: zlibStored([UInt8](repeating: 0, count: 64), complete: false))
  }

  /// A complete 8-bit RGB PNG of `pixels` (3 bytes each, row-major), rows unfiltered.
  static func rgbPNG(_ pixels: [UInt8], width: Int, height: Int, before: [UInt8] = []) -> [UInt8] {
    var raw: [UInt8] = []
    for y in 0..<height { raw += [0] + pixels[(3 * width * y)..<(3 * width * (y + 1))] }
    return png(width: UInt32(width), height: UInt32(height), before: before, idat: zlibStored(raw))
  }

  /// A TIFF structure (TIFF 6.0 §2, big-endian) whose IFD0 holds only Orientation = `value`, as
  /// EXIF stores it (PNG eXIf chunk, or JPEG APP1 after "Exif\0\0").
  static func exifOrientation(_ value: UInt16) -> [UInt8] {
    Array("MM".utf8) + [0, 42, 0, 0, 0, 8] + [0, 1]
      + [0x01, 0x12, 0, 3, 0, 0, 0, 1, UInt8(value >> 8), UInt8(value & 0xFF), 0, 0] + [0, 0, 0, 0]
  }

  /// A JPEG with `app1` inserted as an APP1 segment right after SOI.
  static func insertingAPP1(_ payload: [UInt8], into jpeg: [UInt8]) -> [UInt8] {
    let length = UInt16(payload.count + 2)
    return Array(jpeg[0..<2]) + [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + Array(jpeg[2...])
  }

  /// A valid progressive grey JPEG of `blocks` 8×8 blocks in a row whose every coefficient is
  /// sent on its own with successive approximation from bit 13 down: 14 DC scans and 14 scans for
  /// each of the 63 AC coefficients, 896 scans (ITU-T T.81 §G.1). The data is all zero (mid grey),
  /// so each scan is a few bits; Huffman tables have one code per symbol used.
  static func manyScanJPEG(blocks: Int = 1) -> (bytes: [UInt8], scans: Int) {
    func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
      let length = UInt16(body.count + 2)
      return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + body
    }
    var out: [UInt8] = [0xFF, 0xD8]
    out += segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))  // DQT: table 0, all ones.
    let width = UInt16(8 * blocks)
    out += segment(0xC2, [8, 0, 8, UInt8(width >> 8), UInt8(width & 0xFF), 1, 1, 0x11, 0])  // SOF2, one component.
    // DHT: DC table 0 with category 0 as code "0"; AC table 0 with EOB (0x00) as code "0".
    out += segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0x00] + [0x10, 1] + [UInt8](repeating: 0, count: 15) + [0x00])
    var scans = 0
    func scan(_ ss: UInt8, _ se: UInt8, _ ah: UInt8, _ al: UInt8) {
      out += segment(0xDA, [1, 1, 0x00, ss, se, ah << 4 | al])
      // One "0" bit per block (DC category 0, a zero refinement bit, or EOB), padded with ones.
      let bits = blocks
      var bytes = [UInt8](repeating: 0, count: (bits + 7) / 8)
      if bits % 8 != 0 { bytes[bytes.count - 1] = UInt8((1 << (8 - bits % 8)) - 1) }
      out += bytes
      scans += 1
    }
    for k in UInt8(0)...63 {
      scan(k, k, 0, 13)
      for al in stride(from: UInt8(12), through: 0, by: -1) { scan(k, k, al + 1, al) }
    }
    out += [0xFF, 0xD9]
    return (out, scans)
  }

  /// A minimal ICC v2 grey display profile (ICC.1:2001-04): header, white point (D50) and a
  /// linear grey tone curve (curv with no entries = identity).
  static func greyProfile() -> [UInt8] {
    func be32(_ v: UInt32) -> [UInt8] { HostileFileTests.bigEndian(v) }
    func s15(_ v: Double) -> [UInt8] { be32(UInt32(bitPattern: Int32((v * 65536).rounded()))) }
    let d50 = s15(0.9642) + s15(1.0) + s15(0.8249)  // ICC PCS illuminant (ICC.1 §6.3.4.3)
    let wtpt = Array("XYZ ".utf8) + [0, 0, 0, 0] + d50
    let ktrc = Array("curv".utf8) + [0, 0, 0, 0] + be32(0)
    let tagCount = 2
    let tableEnd = 128 + 4 + 12 * tagCount
    let size = tableEnd + wtpt.count + ktrc.count
    var header = be32(UInt32(size)) + [0, 0, 0, 0] + [0x02, 0x10, 0, 0] + Array("mntrGRAYXYZ ".utf8)
    header += [UInt8](repeating: 0, count: 12) + Array("acsp".utf8) + [UInt8](repeating: 0, count: 24)
    header += [0, 0, 0, 0] + d50  // rendering intent, illuminant
    header += [UInt8](repeating: 0, count: 128 - header.count)
    let table = be32(UInt32(tagCount)) + Array("wtpt".utf8) + be32(UInt32(tableEnd)) + be32(UInt32(wtpt.count))
      + Array("kTRC".utf8) + be32(UInt32(tableEnd + wtpt.count)) + be32(UInt32(ktrc.count))
    return header + table + wtpt + ktrc
  }
}
