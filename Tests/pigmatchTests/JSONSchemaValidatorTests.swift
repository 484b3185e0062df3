import Foundation
import Testing

@testable import PigmentMatch

/// The test target's JSON Schema validator rejects what each supported keyword forbids, accepts
/// what it allows, and refuses keywords it does not implement; and the committed schemas reject
/// real outputs that were broken by hand.
@Suite("JSON Schema validator")
struct JSONSchemaValidatorTests {
  /// A schema, a document, and whether the document is valid (judged by reading the 2020-12 spec).
  struct Case: CustomTestStringConvertible, Sendable {
    let schema: String
    let document: String
    let valid: Bool
    var testDescription: String { "\(schema) ∋ \(document): \(valid)" }
  }

  static let cases: [Case] = [
    Case(schema: #"{"type":"integer"}"#, document: "3", valid: true),
    Case(schema: #"{"type":"integer"}"#, document: "3.0", valid: true),  // §6.1.1: zero fractional part
    Case(schema: #"{"type":"integer"}"#, document: "3.5", valid: false),
    Case(schema: #"{"type":"number"}"#, document: #""3""#, valid: false),
    Case(schema: #"{"type":"boolean"}"#, document: "1", valid: false),
    Case(schema: #"{"type":"number"}"#, document: "true", valid: false),
    Case(schema: #"{"type":["string","null"]}"#, document: "null", valid: true),
    Case(schema: #"{"type":["string","null"]}"#, document: "0", valid: false),
    Case(schema: #"{"enum":["low","high"]}"#, document: #""medium""#, valid: false),
    Case(schema: #"{"enum":["low","high"]}"#, document: #""high""#, valid: true),
    Case(schema: #"{"const":3}"#, document: "2", valid: false),
    Case(schema: #"{"const":3}"#, document: "3", valid: true),
    Case(schema: #"{"required":["a"]}"#, document: #"{"b":1}"#, valid: false),
    Case(schema: #"{"required":["a"]}"#, document: "[]", valid: true),  // applies to objects only
    Case(schema: #"{"properties":{"a":{"type":"string"}}}"#, document: #"{"a":1}"#, valid: false),
    Case(schema: #"{"properties":{"a":{"type":"string"}},"additionalProperties":false}"#, document: #"{"a":"x","b":1}"#, valid: false),
    Case(schema: #"{"properties":{"a":{"type":"string"}},"additionalProperties":false}"#, document: #"{"a":"x"}"#, valid: true),
    Case(schema: #"{"additionalProperties":{"type":"integer"}}"#, document: #"{"a":1,"b":"x"}"#, valid: false),
    Case(schema: #"{"dependentRequired":{"a":["b"]}}"#, document: #"{"a":1}"#, valid: false),
    Case(schema: #"{"dependentRequired":{"a":["b"]}}"#, document: #"{"b":1}"#, valid: true),
    Case(schema: #"{"items":{"type":"number"}}"#, document: #"[1,2,"3"]"#, valid: false),
    Case(schema: #"{"minItems":3,"maxItems":3}"#, document: "[1,2]", valid: false),
    Case(schema: #"{"minItems":3,"maxItems":3}"#, document: "[1,2,3,4]", valid: false),
    Case(schema: #"{"minItems":3,"maxItems":3}"#, document: "[1,2,3]", valid: true),
    Case(schema: #"{"minimum":0,"maximum":1}"#, document: "-0.001", valid: false),
    Case(schema: #"{"minimum":0,"maximum":1}"#, document: "1.0001", valid: false),
    Case(schema: #"{"minimum":0,"maximum":1}"#, document: "1", valid: true),
    Case(schema: #"{"exclusiveMinimum":0}"#, document: "0", valid: false),
    Case(schema: #"{"exclusiveMaximum":1}"#, document: "1", valid: false),
    Case(schema: ##"{"pattern":"^#[0-9a-f]{6}$"}"##, document: ##""#A0b1c2""##, valid: false),
    Case(schema: ##"{"pattern":"^#[0-9a-f]{6}$"}"##, document: ##""#a0b1c2""##, valid: true),
    Case(schema: #"{"pattern":"b"}"#, document: #""abc""#, valid: true),  // unanchored: matches anywhere
    Case(schema: #"{"anyOf":[{"type":"string"},{"type":"null"}]}"#, document: "1", valid: false),
    Case(schema: #"{"anyOf":[{"type":"string"},{"type":"null"}]}"#, document: "null", valid: true),
    Case(schema: #"{"oneOf":[{"type":"number"},{"type":"integer"}]}"#, document: "2", valid: false),  // both match
    Case(schema: #"{"oneOf":[{"type":"number"},{"type":"integer"}]}"#, document: "2.5", valid: true),
    Case(schema: #"{"oneOf":[{"type":"number"},{"type":"integer"}]}"#, document: #""x""#, valid: false),
    Case(schema: #"{"allOf":[{"minimum":1},{"maximum":2}]}"#, document: "3", valid: false),
    Case(schema: ##"{"$defs":{"n":{"type":"number"}},"items":{"$ref":"#/$defs/n"}}"##, document: #"[1,"x"]"#, valid: false),
    Case(schema: ##"{"$defs":{"n":{"type":"number"}},"items":{"$ref":"#/$defs/n"}}"##, document: "[1,2]", valid: true),
    Case(schema: ##"{"items":{"$ref":"#/$defs/missing"}}"##, document: "[1]", valid: false),  // unresolvable
    Case(schema: #"{"minLength":2}"#, document: #""abc""#, valid: false),  // unsupported keyword: refused
    Case(schema: "false", document: "1", valid: false),
    Case(schema: "true", document: #"{"any":[1]}"#, valid: true),
  ]

  @Test(arguments: cases)
  func keyword(_ c: Case) throws {
    let errors = try JSONSchemaValidator(schema: c.schema).errors(try JSONTree.parse(c.document))
    #expect(errors.isEmpty == c.valid, "\(errors)")
  }

  @Test func errorsNameTheJSONPath() throws {
    let validator = try JSONSchemaValidator(
      schema: #"{"properties":{"a":{"items":{"properties":{"b":{"type":"string"}}}}}}"#)
    #expect(validator.errors(try JSONTree.parse(#"{"a":[{"b":"x"},{"b":2}]}"#)) == ["$.a[1].b: 2.0 is not of type string"])
  }

  /// A real `color` output is valid, and each hand-made break of it is rejected by the committed schema.
  @Test func committedSchemaRejectsBrokenRealOutput() throws {
    let run = CLIRun(["color", "61,11,16", "#262322", "--json"])
    #expect(run.status == 0)
    let validator = try JSONSchemaTests.schema("color")
    let real = try JSONTree.parse(run.stdout)
    #expect(validator.errors(real).isEmpty)
    guard case .object(let object) = real, case .array(let colors)? = object["colors"],
      case .object(let first)? = colors.first
    else { throw CancellationError() }
    func broken(_ change: (inout [String: JSONTree]) -> Void) -> JSONTree {
      var copy = object
      change(&copy)
      return .object(copy)
    }
    func brokenColour(_ change: (inout [String: JSONTree]) -> Void) -> JSONTree {
      var colour = first
      change(&colour)
      return broken { $0["colors"] = .array([.object(colour)] + colors.dropFirst()) }
    }
    let breaks: [(String, JSONTree)] = [
      ("no schemaVersion", broken { $0["schemaVersion"] = nil }),
      ("schemaVersion 2", broken { $0["schemaVersion"] = .number(2) }),
      ("a stray key", broken { $0["extra"] = .bool(true) }),
      ("deltaE00 without deltaE76", broken { $0["deltaE76"] = nil }),
      ("negative ΔE00", broken { $0["deltaE00"] = .number(-1) }),
      ("Lab of two numbers", brokenColour { $0["lab"] = .array([.number(1), .number(2)]) }),
      ("Lab as a string", brokenColour { $0["lab"] = .string("61,11,16") }),
      ("upper-case hex", brokenColour { $0["hex"] = .string("#AABBCC") }),
      ("unknown ITA class", brokenColour { $0["itaCategory"] = .string("olive") }),
      ("no input", brokenColour { $0["input"] = nil }),
      ("three colours", broken { $0["colors"] = .array(colors + colors.prefix(1)) }),
    ]
    for (what, document) in breaks {
      #expect(!validator.errors(document).isEmpty, "\(what) was accepted")
    }
  }
}
