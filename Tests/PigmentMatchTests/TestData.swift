import Foundation

/// Locates the package root (walking up from this file), `Samples/` and the shared test material.
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
