import Foundation

/// A batch's results as CSV for spreadsheets: a header row, then one row per photo of the JSONL
/// output (its result or its error), in the output's order.
///
/// The format is RFC 4180: records end in CRLF; a field holding a comma, a double quote, CR or LF
/// is enclosed in double quotes with each double quote doubled. Lab values are three columns;
/// numbers are written as in the JSON (a dot as decimal separator); a missing value is empty.
public enum BatchCSV {
  /// The column names, in order.
  public static let header = [
    "photo", "status", "error", "paletteId", "paletteName", "paletteVersion", "years", "sun", "smoker",
    "dotDiameterMM", "spacingMM", "skinL", "skinA", "skinB", "ita", "fitzpatrick", "hairL", "hairA", "hairB", "targetKind", "targetL",
    "targetA", "targetB", "mix", "drops", "dotL", "dotA", "dotB", "deltaE00", "recipeDeltaE00", "inReach",
    "hyperpigmentationRisk", "touchUpYears", "confidence", "warnings",
  ]

  /// The CSV of the JSONL `text` (a batch output). A line that is neither a result nor an error
  /// line of this schema version (a hand edit, an older version) is a row with status `unreadable`.
  public static func render(jsonl text: String) -> String {
    var rows = [header]
    let decoder = JSONDecoder()
    for raw in text.utf8.split(separator: UInt8(ascii: "\n")) {
      let data = Data(raw)
      guard !raw.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) else { continue }
      if let line = try? decoder.decode(JSONContract.BatchResultLine.self, from: data) {
        rows.append(row(line))
      } else if let line = try? decoder.decode(JSONContract.BatchErrorLine.self, from: data) {
        rows.append(errorRow(photo: line.photo, status: "error", message: line.error))
      } else {
        let photo = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["photo"] as? String
        rows.append(
          errorRow(
            photo: photo ?? "", status: "unreadable",
            message: "not a result or error line of JSON schema version \(JSONContract.schemaVersion)"))
      }
    }
    return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// One field quoted as RFC 4180 §2 requires (rules 5–7).
  public static func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
    else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func row(_ line: JSONContract.BatchResultLine) -> [String] {
    let m = line.match
    let drops = DropRecipe.text(m.blend.recipe.map { ($0.pigment, $0.drops) })
    return [
      line.photo, "ok", "", m.palette.id, m.palette.name, m.palette.version, String(m.options.years),
      m.options.sun, String(m.options.smoker), number(m.options.dotDiameterMM), number(m.options.spacingMM),
    ] + lab(m.analysis.skin.lab) + [number(m.analysis.skin.ita), m.analysis.skin.fitzpatrick.type]
      + lab(m.analysis.hair?.lab) + [m.target.kind] + lab(m.target.lab)
      + [m.blend.mix, drops] + lab(m.blend.dotLab)
      + [
        number(m.blend.deltaE00), number(m.blend.recipeDeltaE00), String(m.reach == nil),
        m.hyperpigmentation.risk, m.fade.touchUpYears.map(number) ?? "", number(m.analysis.confidence),
        m.warnings.joined(separator: "; "),
      ]
  }

  private static func errorRow(photo: String, status: String, message: String) -> [String] {
    [photo, status, message] + Array(repeating: "", count: header.count - 3)
  }

  private static func lab(_ lab: JSONContract.Lab?) -> [String] {
    guard let lab else { return ["", "", ""] }
    return lab.values.map(number)
  }

  /// A number as the JSON contract writes it (integral values without a fraction); empty when not finite.
  private static func number(_ n: JSONContract.Number) -> String {
    n.value.isFinite ? jsonNumberText(n.value) : ""
  }
}
