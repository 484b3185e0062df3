import Foundation

/// Where a document stops being strict JSON (RFC 8259), for vendors fixing a palette by hand:
/// the first offending byte's line and column (both from 1; columns count Unicode scalars) and
/// what was expected there.
public struct JSONSyntaxError: Sendable, Equatable, CustomStringConvertible {
  /// Line, from 1.
  public let line: Int
  /// Column in Unicode scalars, from 1.
  public let column: Int
  /// Byte offset from the start of the file, from 0.
  public let offset: Int
  /// What is wrong there ("expected ',' or '}'").
  public let reason: String

  /// "line 3, column 14: expected ',' or '}'".
  public var description: String { "line \(line), column \(column): \(reason)" }

  /// Deepest nesting the locator follows (deeper documents are reported, not recursed into).
  public static let maxDepth = 512

  /// The first syntax error of `data` as strict JSON, or nil when it is strict JSON.
  public static func locate(in data: Data) -> JSONSyntaxError? {
    let bytes = [UInt8](data)
    if let bad = firstInvalidUTF8(bytes) { return at(bad, in: bytes, "invalid UTF-8") }
    var scanner = JSONSyntaxScanner(bytes: bytes)
    guard let failure = scanner.document() else { return nil }
    return at(failure.offset, in: bytes, failure.reason)
  }

  /// The error at byte `offset`, with its line and column.
  static func at(_ offset: Int, in bytes: [UInt8], _ reason: String) -> JSONSyntaxError {
    var line = 1
    var column = 1
    for byte in bytes.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte: a new scalar
        column += 1
      }
    }
    return JSONSyntaxError(line: line, column: column, offset: offset, reason: reason)
  }

  /// Byte offset of the first invalid UTF-8 sequence, if any.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}

/// A recursive-descent recogniser of RFC 8259 JSON that stops at the first error.
struct JSONSyntaxScanner {
  /// Where and why recognition stopped.
  struct Failure {
    let offset: Int
    let reason: String
  }

  let bytes: [UInt8]
  var index = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  /// nil when the whole input is one JSON value with optional surrounding whitespace.
  mutating func document() -> Failure? {
    skipWhitespace()
    if let failure = value(depth: 0) { return failure }
    skipWhitespace()
    return index < bytes.count ? fail("unexpected \(describe(index)) after the end of the document") : nil
  }

  private func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

  private func describe(_ i: Int) -> String {
    guard i < bytes.count else { return "end of file" }
    let byte = bytes[i]
    return byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "byte 0x%02X", byte)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private func peek(_ ascii: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: ascii) }

  private mutating func value(depth: Int) -> Failure? {
    guard index < bytes.count else { return fail("expected a value, found the end of file") }
    guard depth < JSONSyntaxError.maxDepth else { return fail("nested more than \(JSONSyntaxError.maxDepth) deep") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return object(depth: depth + 1)
    case UInt8(ascii: "["): return array(depth: depth + 1)
    case UInt8(ascii: "\""): return string()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    default: return fail("expected a value, found \(describe(index))")
    }
  }

  private mutating func object(depth: Int) -> Failure? {
    index += 1
    skipWhitespace()
    if peek("}") {
      index += 1
      return nil
    }
    while true {
      guard peek("\"") else { return fail("expected a string key, found \(describe(index))") }
      if let failure = string() { return failure }
      skipWhitespace()
      guard peek(":") else { return fail("expected ':' after the key, found \(describe(index))") }
      index += 1
      skipWhitespace()
      if let failure = value(depth: depth) { return failure }
      skipWhitespace()
      if peek("}") {
        index += 1
        return nil
      }
      guard peek(",") else { return fail("expected ',' or '}', found \(describe(index))") }
      index += 1
      skipWhitespace()
    }
  }

  private mutating func array(depth: Int) -> Failure? {
    index += 1
    skipWhitespace()
    if peek("]") {
      index += 1
      return nil
    }
    while true {
      if let failure = value(depth: depth) { return failure }
      skipWhitespace()
      if peek("]") {
        index += 1
        return nil
      }
      guard peek(",") else { return fail("expected ',' or ']', found \(describe(index))") }
      index += 1
      skipWhitespace()
    }
  }

  private mutating func string() -> Failure? {
    let start = index
    index += 1
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return nil
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { break }
        if bytes[index] == UInt8(ascii: "u") {
          for _ in 0..<4 {
            index += 1
            guard index < bytes.count, Character(Unicode.Scalar(bytes[index])).isHexDigit else {
              return fail("expected four hex digits after \\u")
            }
          }
        } else if !"\"\\/bfnrt".utf8.contains(bytes[index]) {
          return fail("invalid escape \\\(Character(Unicode.Scalar(bytes[index])))")
        }
        index += 1
      case 0..<0x20:
        return fail("a control character (\(String(format: "0x%02X", byte))) inside a string; write it escaped")
      default:
        index += 1
      }
    }
    return Failure(offset: start, reason: "the string starting here is never closed")
  }

  private mutating func number() -> Failure? {
    if peek("-") { index += 1 }
    guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
      return fail("expected a digit, found \(describe(index))")
    }
    if peek("0") { index += 1 } else { digits() }
    if peek(".") {
      index += 1
      guard digits() > 0 else { return fail("expected a digit after '.', found \(describe(index))") }
    }
    if peek("e") || peek("E") {
      index += 1
      if peek("+") || peek("-") { index += 1 }
      guard digits() > 0 else { return fail("expected an exponent digit, found \(describe(index))") }
    }
    return nil
  }

  @discardableResult
  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    return index - start
  }

  private mutating func literal(_ word: String) -> Failure? {
    let expected = Array(word.utf8)
    guard bytes.count - index >= expected.count, Array(bytes[index..<(index + expected.count)]) == expected else {
      return fail("expected a value, found \(describe(index))")
    }
    index += expected.count
    return nil
  }
}
