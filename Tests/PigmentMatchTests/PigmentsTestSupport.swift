import Foundation

/// Shared helpers for the pigment tests: locating the package root and a seeded RNG.
enum PigmentsTestSupport {
  /// The package root, found by walking up from this file to the folder holding `Package.swift`.
  static func packageRoot(from file: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: file).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
      url = url.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: file).deletingLastPathComponent()
  }

  /// A file under `Tests/PigmentMatchTests/Fixtures/`.
  static func fixture(_ name: String) -> URL {
    packageRoot().appendingPathComponent("Tests/PigmentMatchTests/Fixtures").appendingPathComponent(
      name)
  }

  /// A file under `Palettes/`.
  static func palette(_ name: String) -> URL {
    packageRoot().appendingPathComponent("Palettes").appendingPathComponent(name)
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator for property tests.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
