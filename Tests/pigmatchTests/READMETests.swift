import Foundation
import Testing

@testable import pigmatch

/// The README's set-up block must keep working: exactly two commands, the first running the main
/// job on bundled files that exist, the second the test command CI runs.
@Suite("README")
struct READMETests {
  static func setupCommands() throws -> [String] {
    let readme = try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "```sh\n"))
    let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
    return readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
  }

  @Test func twoSetUpCommands() throws {
    let commands = try Self.setupCommands()
    #expect(commands.count == 2)
    #expect(commands.last == "swift test")
    let ci = try String(contentsOf: Paths.packageRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.split(separator: "\n").contains("swift test"), ".ci/run must run the README's test command")
  }

  @Test func mainJobRunsOnTheBundledSample() throws {
    let first = try #require(try Self.setupCommands().first)
    let run = try #require(first.range(of: "swift run pigmatch "))
    let arguments = first[run.upperBound...].split(separator: " ").map(String.init)
    #expect(arguments.first == "match")
    for file in arguments where file.contains("/") {
      #expect(FileManager.default.fileExists(atPath: Paths.inPackage(file)), "\(file) is not bundled")
    }
    let absolute = arguments.map { $0.contains("/") ? Paths.inPackage($0) : $0 }
    let result = CLIRun(absolute + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try result.json()["blend"] != nil)
  }
}
