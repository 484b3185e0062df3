import Foundation
import Testing

@testable import pigmatch

/// Real output shown in the README stays true: every fenced block that starts with a `$ pigmatch …`
/// or `$ swift run -q pigmatch-example` line is that command's output, line for line, and the
/// block after "Its output starts:" is the start of the set-up command's output.
@Suite("README output")
struct READMEOutputTests {
  /// A shown run: the command (without `$ `) and the lines the README says it prints.
  struct ShownRun: CustomTestStringConvertible, Sendable {
    let command: String
    let output: [String]
    var testDescription: String { command }
  }

  static func readme() throws -> String {
    try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
  }

  /// The fenced blocks (without their fences) of the README.
  static func fencedBlocks(_ text: String) -> [[String]] {
    var blocks: [[String]] = []
    var current: [String]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") {
        if let open = current {
          blocks.append(open)
          current = nil
        } else {
          current = []
        }
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  static func shownRuns() throws -> [ShownRun] {
    try fencedBlocks(readme()).compactMap { block in
      guard let first = block.first, first.hasPrefix("$ ") else { return nil }
      return ShownRun(command: String(first.dropFirst(2)), output: Array(block.dropFirst()))
    }
  }

  /// Runs a README command: `pigmatch …` in process, `swift run -q pigmatch-example` as the built binary.
  static func output(of command: String) throws -> [String] {
    let words = command.split(separator: " ").map(String.init)
    if words.first == "pigmatch" {
      let arguments = words.dropFirst().map { $0.contains("/") ? Paths.inPackage($0) : $0 }
      let run = CLIRun(Array(arguments))
      #expect(run.status == 0, "\(command): \(run.stderr)")
      // The README shows paths relative to the package root, as its commands are run from there.
      return lines(run.stdout.replacingOccurrences(of: Paths.packageRoot.path + "/", with: ""))
    }
    #expect(command == "swift run -q pigmatch-example", "README shows a command this test cannot run: \(command)")
    let binary = try #require(LibraryExampleTests.exampleBinary(), "pigmatch-example is not built next to the tests")
    let process = Process()
    process.executableURL = binary
    process.currentDirectoryURL = Paths.packageRoot
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return lines(String(decoding: data, as: UTF8.self))
  }

  static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  @Test(arguments: try shownRuns())
  func shownRunIsTheRealOutput(_ shown: ShownRun) throws {
    let real = try Self.output(of: shown.command)
    let line = zip(shown.output, real).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    #expect(
      shown.output == real,
      "README's output of `\(shown.command)` differs from the real one at line \((line ?? min(shown.output.count, real.count)) + 1): real output is\n\(real.joined(separator: "\n"))"
    )
  }

  @Test func firstScreenOutputIsTheStartOfTheSetUpRun() throws {
    let readme = try Self.readme()
    let marker = try #require(readme.range(of: "Its output starts:\n"), "README has no \"Its output starts:\"")
    let shown = try #require(Self.fencedBlocks(String(readme[marker.upperBound...])).first)
    let command = try #require(try READMETests.setupCommands().first)
    let start = try #require(command.range(of: "swift run pigmatch "))
    let real = try Self.output(of: "pigmatch " + command[start.upperBound...])
    #expect(shown.count > 5, "the first screen shows too little of the run")
    #expect(
      Array(real.prefix(shown.count)) == shown,
      "README's first-screen output differs from the real run; real output starts:\n\(real.prefix(shown.count).joined(separator: "\n"))"
    )
  }
}
