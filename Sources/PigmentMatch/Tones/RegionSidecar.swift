import Foundation

/// Per-photo regions for `batch`: a JSON file beside the photo named after it plus
/// `.regions.json` (`scalp.jpg` → `scalp.jpg.regions.json`). Every key is optional; coordinates
/// are full-resolution pixels of the photo as a viewer shows it:
///
/// ```json
/// {
///   "skin": [[x, y, width, height], …],
///   "hair": [[x, y, width, height], …],
///   "roi": [x, y, width, height],
///   "greyCard": [x, y, width, height],
///   "cardLab": [L, a, b],
///   "colorChecker": [x1, y1, x2, y2, x3, y3, x4, y4],
///   "fitzpatrick": "IV"
/// }
/// ```
///
/// Parsing is strict: an unknown key, a wrong type, a non-integer coordinate or both `greyCard`
/// and `colorChecker` is an error that names the key (the photo is then an error line of the batch).
package struct RegionSidecar: Sendable, Equatable {
  /// `--skin-roi` / `--hair-roi` rectangles.
  package var skin: [RegionOfInterest] = []
  package var hair: [RegionOfInterest] = []
  /// `--roi`.
  package var roi: RegionOfInterest?
  /// `--grey-card` / `--card-lab` or `--colorchecker`.
  package var calibration: CalibrationRequest?
  /// `--fitzpatrick`.
  package var fitzpatrick: FitzpatrickConvention?

  /// The keys a sidecar may hold.
  package static let keys: Set<String> = ["skin", "hair", "roi", "greyCard", "cardLab", "colorChecker", "fitzpatrick"]

  /// The sidecar path of a photo.
  package static func path(for photo: String) -> String { photo + ".regions.json" }

  /// Why a sidecar was rejected: `path: what is wrong`.
  package struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    package let path: String
    package let reason: String
    package var description: String { "\(path): \(reason)" }
  }

  /// Parses a sidecar's bytes; `path` names it in errors.
  package init(data: Data, path: String) throws(ParseError) {
    func fail(_ reason: String) -> ParseError { ParseError(path: path, reason: reason) }
    guard case .strict(let root) = JSONValue.parse(data) else { throw fail("not valid JSON") }
    guard case .object(let object) = root else { throw fail("expected a JSON object {…}") }
    for key in object.keys.sorted() where !Self.keys.contains(key) {
      throw fail("unknown key \"\(key)\" (known: \(Self.keys.sorted().joined(separator: ", ")))")
    }
    func numbers(_ value: JSONValue, _ name: String, count: Int, integers: Bool) throws(ParseError) -> [Double] {
      guard case .array(let array) = value, array.count == count else {
        throw fail("\(name) must be an array of \(count) numbers")
      }
      var out: [Double] = []
      for item in array {
        guard case .number(let v) = item else { throw fail("\(name) must be an array of \(count) numbers") }
        guard v.isFinite, !integers || (v == v.rounded() && abs(v) < 1e12) else {
          throw fail("\(name) must hold \(integers ? "integers" : "finite numbers")")
        }
        out.append(v)
      }
      return out
    }
    func rectangle(_ value: JSONValue, _ name: String) throws(ParseError) -> RegionOfInterest {
      let v = try numbers(value, name, count: 4, integers: true)
      do { return try RegionOfInterest(x: Int(v[0]), y: Int(v[1]), width: Int(v[2]), height: Int(v[3])) } catch {
        throw fail("\(name): \(error.description)")
      }
    }
    func rectangles(_ key: String) throws(ParseError) -> [RegionOfInterest] {
      guard let value = object[key] else { return [] }
      guard case .array(let list) = value, !list.isEmpty else {
        throw fail("\"\(key)\" must be a non-empty array of [x, y, width, height] rectangles")
      }
      var out: [RegionOfInterest] = []
      for (i, item) in list.enumerated() { out.append(try rectangle(item, "\"\(key)\"[\(i)]")) }
      return out
    }
    skin = try rectangles("skin")
    hair = try rectangles("hair")
    if let value = object["roi"] { roi = try rectangle(value, "\"roi\"") }
    if object["greyCard"] != nil, object["colorChecker"] != nil {
      throw fail("give either \"greyCard\" or \"colorChecker\", not both")
    }
    if object["cardLab"] != nil, object["greyCard"] == nil {
      throw fail("\"cardLab\" needs \"greyCard\"")
    }
    if let value = object["greyCard"] {
      let card = try rectangle(value, "\"greyCard\"")
      var reference = GreyCard.standardLab
      if let labValue = object["cardLab"] {
        let v = try numbers(labValue, "\"cardLab\"", count: 3, integers: false)
        guard (1...100).contains(v[0]), abs(v[1]) <= 200, abs(v[2]) <= 200 else {
          throw fail("\"cardLab\" must be L 1…100, a and b −200…200")
        }
        reference = Lab(l: v[0], a: v[1], b: v[2])
      }
      calibration = .greyCard(card, reference: reference)
    }
    if let value = object["colorChecker"] {
      let v = try numbers(value, "\"colorChecker\"", count: 8, integers: false)
      guard v.allSatisfy({ $0 >= 0 }) else { throw fail("\"colorChecker\" corners must be ≥ 0") }
      calibration = .colorChecker(corners: v)
    }
    if let value = object["fitzpatrick"] {
      guard case .string(let text) = value, let type = FitzpatrickConvention(roman: text) else {
        throw fail("\"fitzpatrick\" must be one of \"I\" … \"VI\"")
      }
      fitzpatrick = type
    }
  }

  /// Reads the sidecar of `photo` when it exists; nil when there is none.
  package static func load(forPhoto photo: String) throws(ParseError) -> RegionSidecar? {
    let path = Self.path(for: photo)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ParseError(path: path, reason: "cannot be read")
    }
    return try RegionSidecar(data: data, path: path)
  }

  /// Measurement options for this photo on top of `base` (decode size, mask, seed).
  package func options(base: ToneAnalysisOptions = ToneAnalysisOptions()) -> MeasurementOptions {
    var analysis = base
    if let roi { analysis.region = roi }
    return MeasurementOptions(analysis: analysis, skinRegions: skin, hairRegions: hair, calibration: calibration)
  }
}
