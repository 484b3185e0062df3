import Foundation

/// A JSON tree whose objects keep their keys in the order they were encoded.
indirect enum OrderedJSON: Equatable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([OrderedJSON])
  case object([(String, OrderedJSON)])

  static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.text == rhs.text }

  /// Compact JSON text.
  var text: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return n
    case .string(let s): return Self.quote(s)
    case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
    case .object(let pairs): return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
    }
  }

  /// A JSON string literal (RFC 8259 §7).
  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      // Control characters, and the line breaks U+0085, U+2028 and U+2029 so that a JSON line is
      // one line for any reader (ECMA-262 §12.3 counts U+2028/U+2029 as line terminators).
      case _ where scalar.value < 0x20 || scalar.value == 0x85 || scalar.value == 0x2028
        || scalar.value == 0x2029:
        out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// Encodes any `Encodable` to compact JSON text on one line with object keys in encoding
/// (declaration) order, which Foundation's encoder on Linux does not keep: the byte format of the
/// JSON contract (``JSONContract``). Optional properties encoded with `encodeIfPresent` are omitted
/// when nil; use `encodeNil` (or `encode` of the optional) to emit `null`. Non-finite numbers
/// become `null`; integral doubles are written without a fraction (`3`, not `3.0`).
public struct OrderedJSONEncoder: Sendable {
  /// An encoder.
  public init() {}

  /// The JSON text of `value`.
  public func encode(_ value: some Encodable) throws -> String {
    let root = Node()
    try store(value, in: root, path: [])
    return root.resolved().text
  }

  /// A JSON string literal for `text` (RFC 8259 §7), escaping every line break.
  public static func quote(_ text: String) -> String { OrderedJSON.quote(text) }
}

/// A mutable slot in the tree under construction.
private final class Node {
  var value: OrderedJSON = .null
  var children: [(String, Node)] = []
  var elements: [Node] = []
  var kind: Kind = .single

  enum Kind { case single, object, array }

  func resolved() -> OrderedJSON {
    switch kind {
    case .single: return value
    case .object: return .object(children.map { ($0.0, $0.1.resolved()) })
    case .array: return .array(elements.map { $0.resolved() })
    }
  }
}

private struct NodeEncoder: Encoder {
  let node: Node
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    node.kind = .object
    return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    node.kind = .array
    return UnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleContainer(node: node, codingPath: codingPath)
  }
}

/// Encodes one value into `node`, short-cutting the primitive types.
private func store(_ value: some Encodable, in node: Node, path: [any CodingKey]) throws {
  switch value {
  case let v as String: node.value = .string(v)
  case let v as Bool: node.value = .bool(v)
  case let v as Double: node.value = v.isFinite ? .number(jsonNumberText(v)) : .null
  case let v as Float: node.value = v.isFinite ? .number(jsonNumberText(Double(v))) : .null
  case let v as Int: node.value = .number(String(v))
  case let v as Int32: node.value = .number(String(v))
  case let v as Int64: node.value = .number(String(v))
  case let v as UInt8: node.value = .number(String(v))
  case let v as UInt32: node.value = .number(String(v))
  case let v as UInt64: node.value = .number(String(v))
  default:
    node.kind = .single
    try value.encode(to: NodeEncoder(node: node, codingPath: path))
  }
}

/// Shortest round-tripping decimal for a finite Double ("12.5", "3", "-0.001").
func jsonNumberText(_ v: Double) -> String {
  if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
  return "\(v)"
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: Node
  let codingPath: [any CodingKey]

  private func child(_ key: Key) -> Node {
    let child = Node()
    node.children.append((key.stringValue, child))
    return child
  }

  mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try store(value, in: child(key), path: codingPath + [key])
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = child(key)
    child.kind = .object
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
  }
  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = child(key)
    child.kind = .array
    return UnkeyedContainer(node: child, codingPath: codingPath + [key])
  }
  mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
  mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key), codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
  let intValue: Int?
  var stringValue: String { String(intValue ?? 0) }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let node: Node
  let codingPath: [any CodingKey]
  var count: Int { node.elements.count }

  private func next() -> Node {
    let element = Node()
    node.elements.append(element)
    return element
  }

  mutating func encodeNil() throws { next().value = .null }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try store(value, in: next(), path: codingPath + [IndexKey(count)])
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let element = next()
    element.kind = .object
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: element, codingPath: codingPath))
  }
  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let element = next()
    element.kind = .array
    return UnkeyedContainer(node: element, codingPath: codingPath)
  }
  mutating func superEncoder() -> any Encoder { NodeEncoder(node: next(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
  let node: Node
  let codingPath: [any CodingKey]
  mutating func encodeNil() throws { node.value = .null }
  mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: node, path: codingPath) }
}
