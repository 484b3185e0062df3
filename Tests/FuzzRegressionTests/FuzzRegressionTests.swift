import Foundation
import Testing

@testable import pigmatch_fuzz

/// Every input the fuzzers ever crashed on (and a few hostile seeds) runs through its target again.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let inputs: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Inputs")

  /// (target, file) pairs under Inputs/TARGET/.
  static let cases: [String] = FuzzTarget.allCases.flatMap { target in
    let folder = inputs.appendingPathComponent(target.rawValue)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { "\(target.rawValue)/\($0)" }
  }

  @Test func everyTargetHasRegressionInputs() {
    for target in FuzzTarget.allCases {
      #expect(Self.cases.contains { $0.hasPrefix(target.rawValue + "/") }, "no inputs for \(target.rawValue)")
    }
  }

  @Test(arguments: cases)
  func inputRunsWithoutCrashing(_ entry: String) throws {
    let target = try #require(FuzzTarget(rawValue: String(entry.split(separator: "/")[0])))
    let data = try Data(contentsOf: Self.inputs.appendingPathComponent(entry))
    target.run([UInt8](data))  // A crash here fails the whole test run.
  }
}
