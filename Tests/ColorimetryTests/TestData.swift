import Foundation
import TestSupport

/// The shared test material (`../shared/testdata`) and a small CSV reader for it.
enum TestData {
  static let root = TestPaths.testdata

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
