/// One key written before another value's own keys in the same JSON object: a batch line's
/// `"photo"` before the match's keys, `"schemaVersion"` or `"file"` before a palette validation's.
struct LeadingKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }

  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }

  /// The value under `name` in the object `decoder` reads.
  static func decode<Value: Decodable>(_ type: Value.Type, _ name: String, from decoder: any Decoder) throws -> Value {
    try decoder.container(keyedBy: LeadingKey.self).decode(type, forKey: LeadingKey(name))
  }

  /// `value` under `name`, then `rest`'s own keys, in one object.
  static func encode(_ value: some Encodable, as name: String, then rest: some Encodable, to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: LeadingKey.self)
    try container.encode(value, forKey: LeadingKey(name))
    try rest.encode(to: encoder)
  }
}
