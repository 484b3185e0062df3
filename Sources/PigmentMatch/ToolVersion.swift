/// The versions a result records, so a saved recipe or JSON line says what made it.
public enum ToolVersion {
  /// The PigmentMatch library and `pigmatch` version (semantic versioning; 0.x while the JSON
  /// contract may still change; the minor number follows the public API and JSON changes, 16).
  public static let tool = "0.16.0"

  /// Version of the JSON contract (``JSONContract``): the `schemaVersion` key of every top-level
  /// object. 2: the `match`/`blend` target is an object with its kind (`"follicle"` or
  /// `"direct"`), the hair's own colour and melanin fit; the blend carries its dilution; `contrast`
  /// and `reach` were added (later, within 2: the blend's `mix` and `cup`). 3: every top-level
  /// object (`inspect`, `color`, `analyze`, `palette show`/`validate`, `mix`, `fade`, `blend`,
  /// `match`, `batch` lines) carries `schemaVersion`; `match` and batch result lines record the
  /// `palette` (id, vendor, name, version, fingerprint) and the `options` they were made with;
  /// batch error lines carry `schemaVersion`; `fade`'s touch-up keys are explicit. A JSON Schema
  /// per output sits in `schemas/`. 4: `match` and batch lines record the dot geometry in
  /// `options` (`dotDiameterMM`, `spacingMM`) and carry what the report shows: each fade year's
  /// `stubbleLab` and `deltaE00ToStart`, the halo's `haloLab`, `melaninFactor` and
  /// `haloWidthInRadii`, each healing week's `deltaE00ToSettled`, and the hair's `deltaE00ToSkin`
  /// (also in `analyze`). The contract and its history: <doc:TheJSONContract>.
  public static let schemaVersion = 4

  /// "pigmatch 0.16.0 (JSON schemaVersion 4)".
  public static var description: String { "pigmatch \(tool) (JSON schemaVersion \(schemaVersion))" }
}
