/// Escaping of untrusted text (file names, palette names) for HTML and SVG.
///
/// Follows the HTML Living Standard's serialisation rules: in text and in double-quoted attribute
/// values, `&`, `<`, `>`, `"` and `'` become character references, so no input can open a tag,
/// close an attribute or start an entity. Control characters other than tab, newline and carriage
/// return are dropped (they are not allowed in HTML text).
package enum HTMLEscaping {
  /// `text` safe to place in HTML text or a double- or single-quoted attribute value.
  package static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
