import Foundation
import PigmentMatch
import TestSupport

/// Shared helpers for the pigment tests: locating the package root and a seeded RNG.
enum PigmentsTestSupport {
  /// The package root.
  static func packageRoot() -> URL { TestPaths.packageRoot }

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
