import Foundation

/// Where the tests find their files: the package root (found by walking up from this file to the
/// folder holding `Package.swift`), files inside it, and the shared test material in
/// `../shared/testdata` beside it.
public enum TestPaths {
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
      url.deleteLastPathComponent()
    }
    return url
  }()

  /// `../shared/testdata` next to the package.
  public static let testdata = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")

  /// A path inside the package, e.g. `Samples/01-very-light-black.jpg`.
  public static func inPackage(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

  /// A path inside the shared test material, e.g. `pngsuite/png/basn0g01.png`.
  public static func testdata(_ relative: String) -> String { testdata.appendingPathComponent(relative).path }
}
