import PigmentMatch
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

/// The property tests' seeded generator: the library's SplitMix64.
typealias SeededGenerator = SplitMix64
