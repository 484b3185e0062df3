import Foundation
import TestSupport

/// `Samples/` with its truth files, and the shared test material.
enum TestData {
  static let packageRoot = TestPaths.packageRoot
  static let root = TestPaths.testdata

  static func path(_ relative: String) -> String { TestPaths.testdata(relative) }

  /// `Samples/` in the package.
  static let samples = packageRoot.appendingPathComponent("Samples")

  /// The truth files in `Samples/`, sorted by name.
  static func sampleTruths() -> [SampleTruth] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
    return names.filter { $0.hasSuffix(".truth.json") }.sorted().compactMap { name in
      guard let data = try? Data(contentsOf: samples.appendingPathComponent(name)) else { return nil }
      return try? JSONDecoder().decode(SampleTruth.self, from: data)
    }
  }
}

/// A `Samples/NAME.truth.json` file: what the generator painted.
struct SampleTruth: Decodable, CustomStringConvertible, Sendable {
  struct Tone: Decodable, Sendable {
    let lab: [Double]
    let ita: Double?
    let itaCategory: String?
  }
  let name: String
  let file: String
  let seed: UInt64
  let skin: Tone
  let hair: Tone
  let features: [String]

  var path: String { TestData.samples.appendingPathComponent(file).path }
  var description: String { name }
}
