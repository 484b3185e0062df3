import Foundation
import TestSupport
import Testing

@testable import pigmatch

/// Runs `pigmatch` in process with a capturing console.
struct CLIRun {
  let status: Int32
  let stdout: String
  let stderr: String

  init(_ arguments: [String]) {
    let console = Console(capturing: true)
    status = CLI.$console.withValue(console) { PigMatch.execute(arguments) }
    stdout = console.standardOutput
    stderr = console.standardError
  }

  /// The stdout JSON object.
  func json() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    return try #require(object as? [String: Any])
  }
}

/// Package root and shared test data.
enum Paths {
  static let packageRoot = TestPaths.packageRoot
  static func testdata(_ relative: String) -> String { TestPaths.testdata(relative) }
  static func inPackage(_ relative: String) -> String { TestPaths.inPackage(relative) }
}
