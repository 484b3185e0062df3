import Foundation
import PigmentMatch

/// JSON output per DESIGN.md's contract: one object, keys in declaration order, Lab as `[L, a, b]`.
enum JSONOutput {
  static func render(_ value: some Encodable) throws -> String {
    try OrderedJSONEncoder().encode(value)
  }

  static func print(_ value: some Encodable) throws {
    CLI.console.print(try render(value))
  }
}

/// A CIELAB value encoded as `[L, a, b]`, rounded to 3 decimals for stable output.
struct LabJSON: Encodable, Equatable {
  let lab: Lab
  init(_ lab: Lab) { self.lab = lab }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    for value in [lab.l, lab.a, lab.b] { try container.encode(Rounded(value, places: 3)) }
  }
}

/// A Double rounded to a number of decimal places for output; non-finite values become null.
struct Rounded: Encodable {
  let value: Double
  init(_ value: Double, places: Int = 3) {
    let scale = pow(10, Double(places))
    self.value = (value * scale).rounded() / scale
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if value.isFinite { try container.encode(value == 0 ? 0 : value) } else { try container.encodeNil() }
  }
}
