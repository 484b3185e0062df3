import Foundation
import Testing

@testable import PhotoIO

/// The PngSuite (W. van Schaik) against lunapaint's decoded RGBA reference pixels.
@Suite("PngSuite")
struct PngSuiteTests {
  static let all = TestData.files(in: "pngsuite/png", ext: "png")
  static let valid = all.filter { !$0.hasPrefix("x") }
  static let corrupt = all.filter { $0.hasPrefix("x") }

  @Test func suiteIsPresent() {
    // 161 valid files and the 14 corrupt x* files (pngsuite/SOURCE.md).
    #expect(Self.valid.count == 161)
    #expect(Self.corrupt.count == 14)
  }

  @Test(arguments: valid)
  func decodesExactlyToReference(_ name: String) throws {
    let raw = try PhotoDecoder.decodeRaw(bytes: TestData.bytes("pngsuite/png/\(name)"), name: name)
    let reference = try JSONDecoder().decode(
      [Int].self, from: Data(TestData.bytes("pngsuite/json/\(name.dropLast(4)).json")))
    #expect(raw.channels == 4)
    #expect(reference.count == raw.width * raw.height * 4)
    let decoded: [Int]
    switch raw.samples {
    case .eight(let samples): decoded = samples.map(Int.init)
    case .sixteen(let samples): decoded = samples.map(Int.init)
    }
    #expect(decoded == reference, "\(name): first differing sample at \(decoded.indices.first { $0 < reference.count && decoded[$0] != reference[$0] } ?? -1)")
  }

  @Test(arguments: corrupt)
  func corruptFilesAreRejected(_ name: String) throws {
    let bytes = try TestData.bytes("pngsuite/png/\(name)")
    #expect(throws: PhotoError.self) { try PhotoDecoder.decode(bytes: bytes, name: name) }
  }

  @Test(arguments: valid)
  func photosCarryMetadataAndLinearPixels(_ name: String) throws {
    let photo = try PhotoDecoder.decode(bytes: TestData.bytes("pngsuite/png/\(name)"), name: name)
    #expect(photo.metadata.format == .png)
    #expect(photo.width == photo.metadata.width && photo.height == photo.metadata.height)
    for i in stride(from: 0, to: photo.pixelCount, by: max(1, photo.pixelCount / 64)) {
      let (r, g, b) = photo.linearRGB(at: i)
      #expect(r.isFinite && g.isFinite && b.isFinite)
    }
  }
}
