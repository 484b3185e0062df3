/// The versions a result records, so a saved recipe or JSON line says what made it.
public enum ToolVersion {
  /// The PigmentMatch library and `pigmatch` version (semantic versioning; 0.x while the JSON
  /// contract may still change; the minor number follows the last issue landed, 15).
  public static let tool = "0.15.0"

  /// Version of the `match` and `blend` JSON objects (their `schemaVersion` key). 2: the target is
  /// an object with its kind (`"follicle"` or `"direct"`), the hair's own colour and melanin fit;
  /// the blend carries its dilution; `contrast` and `reach` were added. Fields added since (the
  /// blend's `mix` and `cup`) are optional additions within version 2.
  public static let schemaVersion = 2

  /// "pigmatch 0.15.0 (JSON schemaVersion 2)".
  public static var description: String { "pigmatch \(tool) (JSON schemaVersion \(schemaVersion))" }
}
