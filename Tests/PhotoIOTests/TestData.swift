import Foundation

/// Locates the package root (walking up from this file) and the shared test material beside it.
enum TestData {
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
      url.deleteLastPathComponent()
    }
    return url
  }()

  /// `../shared/testdata` next to the package.
  static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }

  /// File names in a test-data folder with the given extension, sorted.
  static func files(in folder: String, ext: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
    return names.filter { $0.hasSuffix("." + ext) }.sorted()
  }
}
