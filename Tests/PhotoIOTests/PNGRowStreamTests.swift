import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// The PNG row stream under `inspect`, `--mask` and `--regions` (issue 12, defect 1): every pixel
/// comes once, at its place, with the linear light and opacity the whole-photo decode gives it.
@Suite("PNG row stream")
struct PNGRowStreamTests {
  /// Streams `path` into per-pixel linear RGB and alpha planes (stored layout), counting visits.
  static func streamed(_ path: String) throws -> (
    linear: [Float], alpha: [Float], visits: [Int], metadata: PhotoMetadata, warnings: [String]
  ) {
    let (width, height) = try size(path)
    var linear = [Float](repeating: 0, count: 3 * width * height), alpha = [Float](repeating: 0, count: width * height)
    var visits = [Int](repeating: 0, count: width * height)
    let described = try PhotoDecoder.streamPNGRows(contentsOf: path) { row in
      for k in 0..<row.count {
        let i = row.y * width + row.x(k)
        visits[i] += 1
        alpha[i] = row.alpha(k)
        for c in 0..<3 { linear[3 * i + c] = row.linear[3 * k + c] }
      }
    }
    let d = try #require(described)
    return (linear, alpha, visits, d.metadata, d.warnings)
  }

  /// The stored size of the PNG at `path`, read from IHDR (PNG §11.2.2: bytes 16…23).
  static func size(_ path: String) throws -> (width: Int, height: Int) {
    let bytes = try PhotoDecoder.readFile(path)
    try #require(bytes.count >= 24)
    return (bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, bytes[20..<24].reduce(0) { $0 << 8 | Int($1) })
  }

  /// Every valid PngSuite file without an EXIF turn: each pixel once, its linear light and opacity
  /// exactly the whole decode's, and the same metadata and warnings.
  @Test(arguments: PngSuiteTests.valid)
  func rowsEqualTheWholeDecode(_ name: String) throws {
    let path = TestData.path("pngsuite/png/\(name)")
    let photo = try PhotoDecoder.decode(contentsOf: path)
    let s = try Self.streamed(path)
    #expect(s.metadata == photo.metadata && s.warnings == photo.warnings)
    #expect(s.metadata.orientation == 1)
    #expect(s.visits.count == photo.pixelCount && s.visits.allSatisfy { $0 == 1 }, "\(name)")
    var differing = 0
    for i in 0..<min(photo.pixelCount, s.visits.count) {
      let (r, g, b) = photo.linearRGB(at: i)
      if s.linear[3 * i] != r || s.linear[3 * i + 1] != g || s.linear[3 * i + 2] != b || s.alpha[i] != photo.alpha(at: i) {
        differing += 1
      }
    }
    #expect(differing == 0, "\(name): \(differing) pixels differ")
  }

  /// Another format is not streamed: nil, and the closure is never called.
  @Test func aJPEGIsNotStreamed() throws {
    var called = false
    let result = try PhotoDecoder.streamPNGRows(contentsOf: TestData.path("photos/consultation/black-hair.jpg")) { _ in
      called = true
    }
    #expect(result == nil && !called)
  }
}
