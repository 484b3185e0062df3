import Foundation

/// Locates `/work/shared/testdata`: walk up from this file to the package root (the folder with
/// Package.swift), then `../shared/testdata`.
enum TestData {
  static let root: URL = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        return dir.deletingLastPathComponent().appendingPathComponent("shared/testdata")
      }
      dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: "/work/shared/testdata")
  }()

  /// Rows of a CSV file (header skipped), split on commas.
  static func csv(_ relative: String) -> (header: [String], rows: [[String]]) {
    let url = root.appendingPathComponent(relative)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ([], []) }
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { return ([], []) }
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return (header, lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
  }
}
