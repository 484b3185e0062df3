import Foundation

extension JSONContract {
  /// The palette a result was made with: `id` (the file name without its extension), vendor, name
  /// and version as the palette states them, and `fingerprint`, a hash of the file's bytes, so an
  /// edit that keeps the version is still seen.
  public struct PaletteIdentity: Codable, Sendable, Equatable, Hashable {
    public let id: String
    public let vendor: String
    public let name: String
    public let version: String
    /// `"fnv1a64:"` and 16 hex digits.
    public let fingerprint: String

    /// The identity of `palette` read from `file` whose bytes are `bytes`.
    public init(palette: Palette, file: String, bytes: some Sequence<UInt8>) {
      let base = file.split(separator: "/").last.map(String.init) ?? file
      let stem = base.hasSuffix(".json") ? String(base.dropLast(5)) : base
      id = stem.isEmpty ? base : stem
      vendor = palette.vendor
      name = palette.name
      version = palette.version
      fingerprint = "fnv1a64:" + Self.hex(Self.fnv1a64(bytes))
    }

    /// FNV-1a, 64 bits (Fowler, Noll, Vo; IETF draft-eastlake-fnv-21 §2: offset basis
    /// 14695981039346656037, prime 1099511628211).
    static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
      var hash: UInt64 = 14_695_981_039_346_656_037
      for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 1_099_511_628_211
      }
      return hash
    }

    /// 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
      let digits = String(value, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
  }

  /// The options a match was run with: the fade-aware horizon, sun and smoking, the dot geometry
  /// (`--dot-size`, `--spacing`), and the region and calibration options as given on the command
  /// line (`["--skin-roi", "10,10,40,40"]`; empty for the automatic analysis). A `batch` photo's own
  /// sidecar replaces those regions and is recorded in the line's `analysis.roles` and
  /// `analysis.calibration`.
  public struct RunOptions: Codable, Sendable, Equatable, Hashable {
    /// 0: day-one solve; N: the blend least in mean ΔE00 over years 0…N.
    public let years: Int
    /// "low", "moderate" or "high".
    public let sun: String
    public let smoker: Bool
    /// Healed dot diameter, mm (3 decimals; new in version 4).
    public let dotDiameterMM: Number
    /// Dot spacing (pitch), mm (3 decimals; new in version 4).
    public let spacingMM: Number
    public let regionOptions: [String]

    /// The options of a run with the match settings `options` (its horizon, conditions and dot
    /// geometry) and the region options `regionOptions` as given.
    public init(_ options: MatchPipeline.Options, regionOptions: [String] = []) {
      years = options.years
      sun = options.conditions.sun.rawValue
      smoker = options.conditions.smoker
      dotDiameterMM = Number(options.dotDiameter, places: 3)
      spacingMM = Number(options.spacing, places: 3)
      self.regionOptions = regionOptions
    }
  }

  /// What a `batch` line was computed with: a re-run with a different palette or options
  /// recomputes the lines whose settings differ (`BatchRun`).
  public struct BatchSettings: Codable, Sendable, Equatable, Hashable {
    public let palette: PaletteIdentity
    public let options: RunOptions

    /// Settings of one batch.
    public init(palette: PaletteIdentity, options: RunOptions) {
      self.palette = palette
      self.options = options
    }
  }

  /// A `batch` result line: `"photo"`, then the `match --json` object's keys.
  public struct BatchResultLine: Codable, Sendable, Equatable {
    public let photo: String
    public let match: MatchOutput

    /// The line of `photo`.
    public init(photo: String, match: MatchOutput) {
      self.photo = photo
      self.match = match
    }

    /// Reads `photo` and the match's keys.
    public init(from decoder: any Decoder) throws {
      photo = try LeadingKey.decode(String.self, "photo", from: decoder)
      match = try MatchOutput(from: decoder)
    }
    /// `photo`, then the match's keys.
    public func encode(to encoder: any Encoder) throws {
      try LeadingKey.encode(photo, as: "photo", then: match, to: encoder)
    }
  }

  /// A `batch` error line: the photo that failed and why (retried on the next run).
  public struct BatchErrorLine: Codable, Sendable, Equatable {
    public let photo: String
    public let schemaVersion: Int
    public let error: String

    /// The line of `photo` failing with `error`.
    public init(photo: String, error: String) {
      self.photo = photo
      schemaVersion = JSONContract.schemaVersion
      self.error = error
    }
  }
}

extension Palette {
  /// Loads a palette file with its identity (``JSONContract/PaletteIdentity``), reading it once.
  public static func loadIdentified(path: String) throws(PaletteError) -> (
    palette: Palette, identity: JSONContract.PaletteIdentity
  ) {
    let data = try PaletteFile.read(path: path)
    let palette = try Palette(jsonData: data, file: path)
    return (palette, JSONContract.PaletteIdentity(palette: palette, file: path, bytes: data))
  }
}
