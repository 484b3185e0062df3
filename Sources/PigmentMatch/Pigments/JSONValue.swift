import Foundation

/// A parsed JSON document, kept as a tree so palette problems can name their JSON path.
indirect enum JSONValue: Sendable, Equatable, Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// How a document parsed.
  enum Parsed {
    /// Strict JSON (RFC 8259).
    case strict(JSONValue)
    /// Not strict JSON, but JSON5 (NaN, Infinity, comments, trailing commas); still readable so
    /// validation can point at the offending values.
    case json5(JSONValue)
    /// Not JSON at all.
    case malformed
    /// Over a ``PaletteLimits`` bound before parsing (size or nesting); the message says which.
    case overLimit(String)
  }

  /// Parses `data` as strict JSON, falling back to JSON5 so that `NaN`/`Infinity` can be reported.
  /// Refuses, before parsing, data over ``PaletteLimits/maxFileBytes`` or nested deeper than
  /// ``PaletteLimits/maxDepth`` (Foundation's decoder takes minutes on deep nesting).
  static func parse(_ data: Data) -> Parsed {
    if data.count > PaletteLimits.maxFileBytes {
      return .overLimit(
        "the palette is \(data.count) bytes, over the limit of \(PaletteLimits.maxFileBytes) bytes")
    }
    let depth = nestingDepth(data)
    if depth > PaletteLimits.maxDepth {
      return .overLimit(
        "JSON nested more than \(PaletteLimits.maxDepth) deep (the limit; a palette needs 5)")
    }
    // Foundation's JSON5 scanner traps on invalid UTF-8 (found by fuzzing): check it first.
    guard String(validating: data, as: UTF8.self) != nil else { return .malformed }
    if let value = try? JSONDecoder().decode(JSONValue.self, from: data) { return .strict(value) }
    let lenient = JSONDecoder()
    lenient.allowsJSON5 = true
    if let value = try? lenient.decode(JSONValue.self, from: data) { return .json5(value) }
    return .malformed
  }

  /// The deepest nesting of `[` and `{` outside strings (RFC 8259 §7 string escapes), in one
  /// pass; stops counting once over the limit.
  static func nestingDepth(_ data: Data) -> Int {
    var depth = 0
    var deepest = 0
    var inString = false
    var escaped = false
    for byte in data {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        deepest = max(deepest, depth)
        if deepest > PaletteLimits.maxDepth { return deepest }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return deepest
  }

  /// A short name of the value's JSON type, for messages.
  var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
