import Foundation

@testable import PigmentMatch

/// Builds small palettes as JSON text, valid by default, for planting defects.
enum PaletteJSON {
  /// A flat spectrum of 31 values.
  static func flat(_ value: Double, count: Int = 31) -> [Double] {
    [Double](repeating: value, count: count)
  }

  /// A valid pigment entry with K/S spectra.
  static func pigment(
    _ id: String, k: Double, s: Double, pigmentClass: String? = "carbonBlack",
    lightfastness: Int? = 8
  ) -> [String: Any] {
    var entry: [String: Any] = ["id": id, "name": id.capitalized, "k": flat(k), "s": flat(s)]
    if let pigmentClass { entry["class"] = pigmentClass }
    if let lightfastness { entry["lightfastness"] = lightfastness }
    return entry
  }

  /// A valid three-pigment palette object.
  static func base() -> [String: Any] {
    [
      "vendor": "Test", "name": "Test line", "version": "1", "source": "unit test",
      "diluent": ["id": "water", "name": "Water"],
      "pigments": [
        pigment("black", k: 60, s: 2),
        pigment("grey", k: 10, s: 0.5),
        pigment("brown", k: 20, s: 6, pigmentClass: "ironOxide"),
      ],
    ]
  }

  /// JSON text of an object.
  static func text(_ object: [String: Any]) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
      let text = String(data: data, encoding: .utf8)
    else { return "" }
    return text
  }

  /// JSON text of the base palette after `edit`.
  static func edited(_ edit: (inout [String: Any]) -> Void) -> String {
    var object = base()
    edit(&object)
    return text(object)
  }

  /// Replace pigment `index` of the object.
  static func setPigment(_ object: inout [String: Any], _ index: Int, _ value: [String: Any]) {
    var pigments = object["pigments"] as? [[String: Any]] ?? []
    pigments[index] = value
    object["pigments"] = pigments
  }

  /// Edit pigment `index` of the object.
  static func editPigment(
    _ object: inout [String: Any], _ index: Int, _ edit: (inout [String: Any]) -> Void
  ) {
    var pigments = object["pigments"] as? [[String: Any]] ?? []
    edit(&pigments[index])
    object["pigments"] = pigments
  }
}
