import Colorimetry
import Foundation

/// The JSON contract of `pigmatch --json`, `batch` lines and any other front end: one Codable
/// model, one type per output object, encoded with ``OrderedJSONEncoder`` (keys in declaration
/// order, numbers rounded as each field says, Lab as `[L, a, b]` D65).
///
/// Every top-level object carries `"schemaVersion"` (``schemaVersion``); a JSON Schema (draft
/// 2020-12) per output sits in the package's `schemas/` folder and is checked against real outputs
/// by the tests. Decoding an output with `JSONDecoder` gives back the same model.
public enum JSONContract {
  /// The `schemaVersion` of every top-level object: ``ToolVersion/schemaVersion``.
  public static let schemaVersion = ToolVersion.schemaVersion

  /// The JSON text of `value` in the contract's format (one line).
  public static func encode(_ value: some Encodable) throws -> String {
    try OrderedJSONEncoder().encode(value)
  }
}

extension JSONContract {
  /// A CIELAB D65 colour as `[L, a, b]`, each rounded to 3 decimals for stable output.
  public struct Lab: Codable, Sendable, Equatable {
    /// L*, a*, b* as written.
    public let values: [Number]

    /// `lab` rounded to 3 decimals.
    public init(_ lab: Colorimetry.Lab) {
      values = [lab.l, lab.a, lab.b].map { Number($0, places: 3) }
    }

    /// Reads `[L, a, b]`; anything but three numbers is a decoding error.
    public init(from decoder: any Decoder) throws {
      let values = try decoder.singleValueContainer().decode([Number].self)
      guard values.count == 3 else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "a Lab colour is [L, a, b], got \(values.count) numbers"))
      }
      self.values = values
    }

    /// Writes `[L, a, b]`.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(values)
    }
  }

  /// A number rounded to a fixed count of decimals for output; a non-finite value is `null`.
  public struct Number: Codable, Sendable, Hashable {
    /// The rounded value (NaN when it was not finite).
    public let value: Double

    /// `value` rounded half away from zero to `places` decimals.
    public init(_ value: Double, places: Int = 3) {
      let scale = pow(10, Double(places))
      self.value = (value * scale).rounded() / scale
    }

    /// Reads a number, or `null` as NaN.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      value = container.decodeNil() ? .nan : try container.decode(Double.self)
    }

    /// Writes the number (`-0` as `0`), or `null` when not finite.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      if value.isFinite { try container.encode(value == 0 ? 0 : value) } else { try container.encodeNil() }
    }

    /// Equal values, or both not finite.
    public static func == (lhs: Number, rhs: Number) -> Bool {
      lhs.value == rhs.value || (!lhs.value.isFinite && !rhs.value.isFinite)
    }

    /// Hashes the value (every non-finite value alike, since equality treats them as equal).
    public func hash(into hasher: inout Hasher) {
      hasher.combine(value.isFinite ? value : .infinity)
    }
  }
}

extension JSONContract.Lab {
  /// The colour as written (the rounded values), for drawing it.
  package var colour: Colorimetry.Lab { Colorimetry.Lab(l: values[0].value, a: values[1].value, b: values[2].value) }
}
