import TestSupport

/// Fuzz inputs turned into well-formed containers, so the fuzzer spends its time where issue 12
/// found blind spots: PNG shapes (any size, colour type, bit depth, interlace) with any ancillary
/// chunks around the image data, and progressive JPEGs with any scan script.
enum StructuredInputs {
  /// Reads the fuzz input front to back; zeros once it runs out.
  struct Reader {
    var bytes: ArraySlice<UInt8>
    mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }
    mutating func take(_ count: Int) -> [UInt8] {
      let part = bytes.prefix(count)
      bytes = bytes.dropFirst(count)
      return Array(part)
    }
    /// A size: small most of the time, sometimes a hostile claim (up to 2^24 along a side).
    mutating func side() -> UInt32 {
      let low = UInt32(byte()) | UInt32(byte()) << 8
      switch byte() % 8 {
      case 0: return low << 8
      case 1: return 1
      default: return low % 300 + 1
      }
    }
  }

  static let colourTypes: [UInt8] = [0, 2, 3, 4, 6]
  /// Bit depths PNG allows per colour type (PNG §11.2.2 Table 11.1).
  static let depths: [UInt8: [UInt8]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
  static let ancillary = ["tEXt", "zTXt", "iTXt", "iCCP", "eXIf", "sPLT", "PLTE", "tRNS", "gAMA", "cHRM", "sRGB", "bKGD", "pHYs", "tIME", "prVt"]

  /// A PNG: header from the first bytes, then chunks (type from a list, zlib-wrapped when the type
  /// carries compressed data, placed before or after the image data), then the image data as a
  /// zlib stream of the remaining bytes (complete or cut).
  static func png(_ data: [UInt8]) -> [UInt8] {
    var reader = Reader(bytes: data[...])
    let type = colourTypes[Int(reader.byte()) % colourTypes.count]
    let allowed = depths[type] ?? [8]
    let depth = allowed[Int(reader.byte()) % allowed.count]
    let interlace = reader.byte() & 1
    let width = reader.side(), height = reader.side()
    var before: [UInt8] = [], after: [UInt8] = []
    for _ in 0..<Int(reader.byte() % 8) {
      let name = ancillary[Int(reader.byte()) % ancillary.count]
      var body = reader.take(Int(reader.byte()))
      if ["zTXt", "iCCP"].contains(name) {
        body = Array("k".utf8) + [0, 0] + HostileInputs.zlibStored(body, complete: reader.byte() & 1 == 0)
      } else if name == "iTXt" {
        body = Array("k".utf8) + [0, 1, 0, 0, 0] + HostileInputs.zlibStored(body)
      }
      if reader.byte() & 1 == 0 {
        before += HostileInputs.chunk(name, body)
      } else {
        after += HostileInputs.chunk(name, body)
      }
    }
    let complete = reader.byte() & 3 != 0
    let ihdr = HostileInputs.bigEndian(width) + HostileInputs.bigEndian(height) + [depth, type, 0, 0, interlace]
    return HostileInputs.signature + HostileInputs.chunk("IHDR", ihdr) + before
      + HostileInputs.chunk("IDAT", HostileInputs.zlibStored(Array(reader.bytes), complete: complete)) + after
      + HostileInputs.chunk("IEND", [])
  }

  /// A progressive grey or colour JPEG whose scan script (component, spectral band, successive
  /// approximation) and entropy-coded bytes come from the input; the frame is 8 × 8 × `blocks`.
  static func progressiveJPEG(_ data: [UInt8]) -> [UInt8] {
    var reader = Reader(bytes: data[...])
    let blocks = Int(reader.byte()) % 64 + 1
    let colour = reader.byte() & 1 == 1
    let scans = Int(reader.byte()) * 4  // 0…1020: across the 500-scan limit.
    var script: [HostileInputs.Scan] = []
    for _ in 0..<scans {
      let ss = reader.byte() % 64, se = reader.byte() % 64, approx = reader.byte()
      let component = colour ? reader.byte() % 3 : 0
      script.append(HostileInputs.Scan(component: component, ss: ss, se: se, ah: approx >> 4, al: approx & 15, data: reader.take(Int(reader.byte() % 8))))
    }
    return HostileInputs.progressiveJPEG(blocks: blocks, components: colour ? 3 : 1, script: script)
  }
}
