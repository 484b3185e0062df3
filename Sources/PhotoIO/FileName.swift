/// File names as the file system stores them: any bytes but `/` and NUL, not necessarily UTF-8.
///
/// A `String` cannot hold bytes that are not UTF-8, and Foundation's file APIs replace them, so a
/// photo named in Latin-1 could not be opened. Here every byte of an invalid sequence becomes the
/// private-use scalar U+10FF00 + byte (bytes 0x80–0xFF ↦ U+10FF80–U+10FFFF, Unicode 15 §23.5), and
/// back again when the name is handed to the system, so bytes → `String` → bytes is exact. A valid
/// UTF-8 sequence that itself encodes U+10FF80–U+10FFFF is escaped byte by byte for the same reason.
package enum FileName {
  /// The first scalar of the escapes: byte `b` (≥ 0x80) is U+10FF00 + `b`.
  static let escapeBase: UInt32 = 0x10FF00

  /// The name of `bytes` (no NUL), valid UTF-8 kept as it is and other bytes escaped.
  package static func string(fromBytes bytes: some Collection<UInt8>) -> String {
    let bytes = Array(bytes)
    var scalars = String.UnicodeScalarView()
    var index = 0
    while index < bytes.count {
      if let (scalar, length) = decodeScalar(bytes, at: index),
        !(escapeBase + 0x80...escapeBase + 0xFF).contains(scalar.value)
      {
        scalars.append(scalar)
        index += length
      } else {
        scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[index]))!)
        index += 1
      }
    }
    return String(scalars)
  }

  /// The bytes the file system sees for `name` (escapes turned back into their bytes).
  package static func bytes(of name: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    for scalar in name.unicodeScalars {
      if (escapeBase + 0x80...escapeBase + 0xFF).contains(scalar.value) {
        out.append(UInt8(scalar.value - escapeBase))
      } else {
        out.append(contentsOf: String(scalar).utf8)
      }
    }
    return out
  }

  /// Calls `body` with `name` as a NUL-terminated C path of the exact bytes.
  package static func withCString<R, E: Error>(
    _ name: String, _ body: (UnsafePointer<CChar>) throws(E) -> R
  ) throws(E) -> R {
    var raw = bytes(of: name).map { CChar(bitPattern: $0) }
    raw.append(0)
    let result: Result<R, E> = raw.withUnsafeBufferPointer { buffer in
      do throws(E) { return .success(try body(buffer.baseAddress!)) } catch { return .failure(error) }
    }
    return try result.get()
  }

  /// The name from a C string (e.g. a `readdir` entry or `argv`), bytes kept exactly.
  package static func string(fromCString pointer: UnsafePointer<CChar>) -> String {
    let length = strlenBytes(pointer)
    return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
      string(fromBytes: UnsafeBufferPointer(start: $0, count: length))
    }
  }

  private static func strlenBytes(_ pointer: UnsafePointer<CChar>) -> Int {
    var length = 0
    while pointer[length] != 0 { length += 1 }
    return length
  }

  /// One well-formed UTF-8 scalar at `index` (RFC 3629 §4 byte ranges), or nil.
  private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length: Int
    var second: ClosedRange<UInt8> = 0x80...0xBF
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0: length = 3; second = 0xA0...0xBF; value = UInt32(lead & 0x0F)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xED: length = 3; second = 0x80...0x9F; value = UInt32(lead & 0x0F)
    case 0xF0: length = 4; second = 0x90...0xBF; value = UInt32(lead & 0x07)
    case 0xF1...0xF3: length = 4; value = UInt32(lead & 0x07)
    case 0xF4: length = 4; second = 0x80...0x8F; value = UInt32(lead & 0x07)
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard (offset == 1 ? second : 0x80...0xBF).contains(byte) else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return Unicode.Scalar(value).map { ($0, length) }
  }
}
