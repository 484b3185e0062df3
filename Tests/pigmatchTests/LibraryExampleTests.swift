import Foundation
import Testing

/// The README's library example is `Sources/pigmatch-example/main.swift` byte for byte (so the two
/// cannot drift), and the built example runs: it prints a recipe in drops and a ΔE00.
@Suite struct LibraryExampleTests {
  static let packageRoot = Paths.packageRoot

  static let exampleSource = packageRoot.appendingPathComponent("Sources/pigmatch-example/main.swift")
  static let startMarker = "<!-- library-example:start -->"
  static let endMarker = "<!-- library-example:end -->"

  /// The body of the ```swift block between the README's library-example markers, with the
  /// newline that ends its last line.
  static func readmeExample() throws -> String {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: startMarker), "README.md has no \(startMarker)")
    let end = try #require(
      readme.range(of: endMarker, range: start.upperBound..<readme.endIndex), "README.md has no \(endMarker)")
    let section = readme[start.upperBound..<end.lowerBound]
    let open = try #require(section.range(of: "\n```swift\n"), "no ```swift block between the markers")
    let close = try #require(
      section.range(of: "\n```\n", range: open.upperBound..<section.endIndex), "the ```swift block is not closed")
    return String(section[open.upperBound..<close.lowerBound]) + "\n"
  }

  /// The built `pigmatch-example` next to the running test binary (SwiftPM puts every product of
  /// a configuration in one directory, e.g. `.build/debug/`).
  static func exampleBinary() -> URL? {
    var directories: [URL] = []
    if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
    if let first = CommandLine.arguments.first {
      directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    // macOS runs the tests from an .xctest bundle loaded by xctest.
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    return directories.map { $0.appendingPathComponent("pigmatch-example") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  @Test func readmeBlockIsTheExampleSourceByteForByte() throws {
    let source = try Data(contentsOf: Self.exampleSource)
    let block = try Self.readmeExample()
    let identical = Data(block.utf8) == source
    // On a difference, name the first line that differs rather than dumping bytes.
    let readmeLines = block.split(separator: "\n", omittingEmptySubsequences: false)
    let sourceLines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let common = min(readmeLines.count, sourceLines.count)
    let line = (0..<common).first { readmeLines[$0] != sourceLines[$0] } ?? common
    #expect(
      identical,
      "README.md's library example differs from Sources/pigmatch-example/main.swift at line \(line + 1)")
  }

  @Test func exampleRunsAndPrintsARecipeAndItsResidual() throws {
    let binary = try #require(Self.exampleBinary(), "pigmatch-example is not built next to the tests")
    let process = Process()
    process.executableURL = binary
    process.currentDirectoryURL = Self.packageRoot  // The example's paths are relative to the root.
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(err)")
    #expect(err.isEmpty, "\(err)")
    let lines = out.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("recipe ") && $0.contains(/\d+ drops \S+/) }, "\(out)")
    #expect(lines.contains { $0.contains(/ΔE00 \d+\.\d\d to the follicle/) }, "\(out)")
  }
}
