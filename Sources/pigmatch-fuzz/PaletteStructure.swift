import Foundation
import PigmentMatch

/// Palette JSON whose structure the fuzzer's bytes choose: pigment counts around the limit, nesting
/// around the depth limit, each field's JSON type, spectrum lengths, and numbers from extreme
/// (1e19, 1e308, −0, subnormal) to ordinary, so the reader's checks of structure and every numeric
/// conversion are reached in every combination — which byte-level mutation of a JSON seed rarely
/// does (issue 12: a lightfastness of 1e19 trapped).
struct PaletteStructure {
  private var bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The palette JSON text for the bytes.
  static func json(_ bytes: [UInt8]) -> String {
    var builder = PaletteStructure(bytes)
    return builder.palette()
  }

  private mutating func byte() -> UInt8 {
    guard !bytes.isEmpty else { return 0 }
    defer { index += 1 }
    return bytes[index % bytes.count] &+ UInt8(truncatingIfNeeded: index / bytes.count)
  }

  private mutating func number() -> String {
    let pick = byte()
    switch pick % 12 {
    case 0: return "1e19"
    case 1: return "1e308"
    case 2: return "-1e19"
    case 3: return "-0"
    case 4: return "4.9e-324"
    case 5: return "9223372036854775807"
    case 6: return "\(Int(byte() % 10))"
    case 7: return "\(Double(byte()) / 255)"
    case 8: return "\(Double(byte()) * 0.7)"
    default:
      var bits: UInt64 = 0
      for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
      let value = Double(bitPattern: bits)
      return value.isFinite ? "\(value)" : "1e999"
    }
  }

  /// A value of a type the bytes choose, `expected` being the right one most of the time.
  private mutating func value(_ expected: String) -> String {
    switch byte() % 16 {
    case 0: return "null"
    case 1: return "\"text\""
    case 2: return "[]"
    case 3: return "{}"
    case 4: return "true"
    case 5: return number()
    default: return expected
    }
  }

  private mutating func spectrum() -> String {
    let length = byte() % 8 == 0 ? Int(byte() % 40) : 31
    var items: [String] = []
    for _ in 0..<length { items.append(byte() % 3 == 0 ? number() : "\(Double(byte()) / 256)") }
    return "[" + items.joined(separator: ",") + "]"
  }

  private mutating func nested() -> String {
    let depth = Int(byte() % 40)
    let open = byte() % 2 == 0 ? "[" : "{\"a\":"
    let close = open == "[" ? "]" : "}"
    return String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
  }

  private mutating func pigment() -> String {
    var fields: [String] = []
    let id = "\"p\(byte() % 8)\""
    fields.append("\"id\":" + value(id))
    fields.append("\"name\":" + value("\"Shade\""))
    if byte() % 4 != 0 { fields.append("\"class\":" + value("\"ironOxide\"")) }
    if byte() % 4 != 0 {
      let rating = number()
      fields.append("\"lightfastness\":" + value(rating))
    }
    switch byte() % 4 {
    case 0:
      let (masstone, tint, white) = (spectrum(), spectrum(), spectrum())
      let (fraction, scattering) = (number(), number())
      let reflectance =
        "{\"masstone\":\(masstone),\"tint\":\(tint),\"white\":\(white),"
        + "\"pigmentFraction\":\(fraction),\"whiteScattering\":\(scattering)}"
      fields.append("\"reflectance\":" + value(reflectance))
    case 1:
      let (l, a, b) = (number(), number(), number())
      fields.append("\"labSwatch\":" + value("{\"lab\":[\(l),\(a),\(b)]}"))
    default:
      let (k, scattering) = (spectrum(), spectrum())
      fields.append("\"k\":" + value(k))
      fields.append("\"s\":" + value(scattering))
    }
    if byte() % 8 == 0 { fields.append("\"extra\":" + nested()) }
    return "{" + fields.joined(separator: ",") + "}"
  }

  private mutating func palette() -> String {
    let count = byte() % 4 == 0 ? Int(byte() % 130) : Int(byte() % 8)
    var pigments: [String] = []
    for _ in 0..<count { pigments.append(pigment()) }
    let diluent = value("{\"id\":\"water\",\"name\":\"Water\"}")
    let list = value("[" + pigments.joined(separator: ",") + "]")
    var fields = [
      "\"vendor\":\"Fuzz\"", "\"name\":\"Line\"", "\"version\":\"1\"", "\"source\":\"fuzz\"",
      "\"diluent\":" + diluent, "\"pigments\":" + list,
    ]
    if byte() % 4 == 0 { fields.append("\"extra\":" + nested()) }
    return "{" + fields.joined(separator: ",") + "}"
  }
}
