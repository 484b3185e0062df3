import Foundation

@testable import PigmentMatch

/// A JSON document as a tree: the library's parsed-JSON tree (numbers as Double: JSON Schema's
/// "integer" is a number with no fractional part, draft 2020-12 Validation §6.1.1).
typealias JSONTree = JSONValue

extension JSONValue {
  /// Parses JSON text (the decoder's strict RFC 8259 reading; no palette limits).
  static func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  /// The value for an error message: a scalar as written, a container by its size.
  var shown: String {
    switch self {
    case .null: "null"
    case .bool(let b): "\(b)"
    case .number(let n): "\(n)"
    case .string(let s): "\"\(s)\""
    case .array(let a): "array of \(a.count)"
    case .object(let o): "object with \(o.count) keys"
    }
  }
}

/// A validator for the subset of JSON Schema draft 2020-12 that `schemas/*.schema.json` use:
/// `type` (a name or a list), `enum`, `const`, `properties`, `required`, `additionalProperties`
/// (a boolean or a schema), `dependentRequired`, `items`, `minItems`, `maxItems`, `minimum`,
/// `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `pattern`, `allOf`, `anyOf`, `oneOf`, and
/// `$ref` to `#/$defs/NAME` of the same document. Any other keyword is reported as unsupported
/// instead of being ignored, so a schema cannot silently ask for more than this checks.
struct JSONSchemaValidator {
  /// Keywords that only annotate.
  static let annotations: Set<String> = ["$schema", "$id", "$defs", "$comment", "title", "description"]

  let document: JSONTree

  init(schema text: String) throws { document = try JSONTree.parse(text) }

  /// Every violation of `instance`, each as "JSON path: what is wrong"; empty when valid.
  func errors(_ instance: JSONTree) -> [String] {
    var errors: [String] = []
    check(instance, against: document, path: "$", errors: &errors)
    return errors
  }

  private func check(_ value: JSONTree, against schema: JSONTree, path: String, errors: inout [String]) {
    switch schema {
    case .bool(true): return
    case .bool(false):
      errors.append("\(path): no value is allowed here")
      return
    case .object: break
    default:
      errors.append("\(path): the schema is not an object or a boolean")
      return
    }
    guard case .object(let keywords) = schema else { return }
    for (keyword, argument) in keywords.sorted(by: { $0.key < $1.key }) {
      check(value, keyword: keyword, argument: argument, schema: keywords, path: path, errors: &errors)
    }
  }

  private func check(
    _ value: JSONTree, keyword: String, argument: JSONTree, schema: [String: JSONTree], path: String,
    errors: inout [String]
  ) {
    switch (keyword, argument) {
    case _ where Self.annotations.contains(keyword): return
    case ("$ref", .string(let reference)):
      let prefix = "#/$defs/"
      guard reference.hasPrefix(prefix), case .object(let root) = document, case .object(let defs)? = root["$defs"],
        let target = defs[String(reference.dropFirst(prefix.count))]
      else {
        errors.append("\(path): unresolvable $ref \(reference)")
        return
      }
      check(value, against: target, path: path, errors: &errors)
    case ("type", .string(let name)):
      if !Self.hasType(value, name) { errors.append("\(path): \(value.shown) is not of type \(name)") }
    case ("type", .array(let names)):
      let list = names.compactMap { if case .string(let s) = $0 { s } else { nil } }
      if !list.contains(where: { Self.hasType(value, $0) }) {
        errors.append("\(path): \(value.shown) is none of the types \(list.joined(separator: ", "))")
      }
    case ("enum", .array(let options)):
      if !options.contains(where: { $0 == value }) { errors.append("\(path): \(value.shown) is not one of the allowed values") }
    case ("const", let constant):
      if constant != value { errors.append("\(path): \(value.shown) is not \(constant.shown)") }
    case ("properties", .object(let properties)):
      guard case .object(let members) = value else { return }
      for (name, subschema) in properties.sorted(by: { $0.key < $1.key }) {
        if let member = members[name] { check(member, against: subschema, path: path + "." + name, errors: &errors) }
      }
    case ("required", .array(let names)):
      guard case .object(let members) = value else { return }
      for case .string(let name) in names where members[name] == nil {
        errors.append("\(path): the required key \"\(name)\" is missing")
      }
    case ("additionalProperties", let extra):
      guard case .object(let members) = value else { return }
      var known: Set<String> = []
      if case .object(let properties)? = schema["properties"] { known = Set(properties.keys) }
      for (name, member) in members.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
        if case .bool(false) = extra {
          errors.append("\(path): the key \"\(name)\" is not allowed")
        } else {
          check(member, against: extra, path: path + "." + name, errors: &errors)
        }
      }
    case ("dependentRequired", .object(let dependencies)):
      guard case .object(let members) = value else { return }
      for (name, needed) in dependencies where members[name] != nil {
        guard case .array(let list) = needed else { continue }
        for case .string(let other) in list where members[other] == nil {
          errors.append("\(path): \"\(name)\" needs \"\(other)\"")
        }
      }
    case ("items", let itemSchema):
      guard case .array(let items) = value else { return }
      for (index, item) in items.enumerated() {
        check(item, against: itemSchema, path: "\(path)[\(index)]", errors: &errors)
      }
    case ("minItems", .number(let bound)):
      if case .array(let items) = value, Double(items.count) < bound {
        errors.append("\(path): \(items.count) items, fewer than \(Int(bound))")
      }
    case ("maxItems", .number(let bound)):
      if case .array(let items) = value, Double(items.count) > bound {
        errors.append("\(path): \(items.count) items, more than \(Int(bound))")
      }
    case ("minimum", .number(let bound)):
      if case .number(let n) = value, n < bound { errors.append("\(path): \(n) is below the minimum \(bound)") }
    case ("maximum", .number(let bound)):
      if case .number(let n) = value, n > bound { errors.append("\(path): \(n) is above the maximum \(bound)") }
    case ("exclusiveMinimum", .number(let bound)):
      if case .number(let n) = value, n <= bound { errors.append("\(path): \(n) is not above \(bound)") }
    case ("exclusiveMaximum", .number(let bound)):
      if case .number(let n) = value, n >= bound { errors.append("\(path): \(n) is not below \(bound)") }
    case ("pattern", .string(let pattern)):
      guard case .string(let text) = value else { return }
      guard let regex = try? NSRegularExpression(pattern: pattern) else {
        errors.append("\(path): the pattern \(pattern) is not a regular expression")
        return
      }
      // ECMA-262 semantics: the pattern may match anywhere unless anchored.
      if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
        errors.append("\(path): \"\(text)\" does not match \(pattern)")
      }
    case ("allOf", .array(let schemas)):
      for subschema in schemas { check(value, against: subschema, path: path, errors: &errors) }
    case ("anyOf", .array(let schemas)):
      let failures = schemas.map { subschema in
        var sub: [String] = []
        check(value, against: subschema, path: path, errors: &sub)
        return sub
      }
      if !failures.contains(where: \.isEmpty) {
        errors.append("\(path): matches none of anyOf (\(failures.map { $0.first ?? "" }.joined(separator: " | ")))")
      }
    case ("oneOf", .array(let schemas)):
      let failures = schemas.map { subschema in
        var sub: [String] = []
        check(value, against: subschema, path: path, errors: &sub)
        return sub
      }
      let passing = failures.filter(\.isEmpty).count
      if passing != 1 {
        errors.append(
          "\(path): matches \(passing) of oneOf, not exactly 1"
            + (passing == 0 ? " (\(failures.map { $0.first ?? "" }.joined(separator: " | ")))" : ""))
      }
    default:
      errors.append("\(path): unsupported schema keyword \(keyword)")
    }
  }

  /// Whether `value` is of the JSON Schema type `name` (Validation §6.1.1).
  static func hasType(_ value: JSONTree, _ name: String) -> Bool {
    switch (name, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
      ("object", .object):
      return true
    case ("integer", .number(let n)): return n.isFinite && n == n.rounded()
    default: return false
    }
  }

}
