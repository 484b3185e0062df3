import Foundation
import TestSupport

/// The shared test material (`../shared/testdata`) as paths, bytes and file lists.
enum TestData {
  static let root = TestPaths.testdata

  static func path(_ relative: String) -> String { TestPaths.testdata(relative) }

  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }

  /// File names in a test-data folder with the given extension, sorted.
  static func files(in folder: String, ext: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
    return names.filter { $0.hasSuffix("." + ext) }.sorted()
  }
}
