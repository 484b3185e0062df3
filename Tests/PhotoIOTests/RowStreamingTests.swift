import Foundation
import PhotoIO
import Testing

/// `PhotoDecoder.decode(contentsOf:options:rows:)`: an 8-bit RGB JPEG is decoded on a second thread
/// and its rows are handed out as they are finished — every row once, in order, with the values the
/// returned photo holds (8-bit sRGB when untagged, linear light when its ICC profile was applied);
/// other files never call back; broken files still throw.
@Suite("Row streaming decode")
struct RowStreamingTests {
  /// What the callback saw.
  struct Delivery {
    var rows: [Int] = []
    var srgb8: [UInt8] = []
    var linear: [Float] = []
    var sizes = Set<[Int]>()
  }

  static func decode(_ path: String, options: DecodeOptions) throws(PhotoError) -> (Photo, Delivery) {
    var delivery = Delivery()
    let photo = try PhotoDecoder.decode(contentsOf: path, options: options) { band in
      delivery.rows += Array(band.rows)
      switch band.samples {
      case .srgb8(let samples):
        delivery.srgb8 += Array(samples)
        #expect(samples.count == 3 * band.width * band.rows.count)
      case .linear(let samples):
        delivery.linear += Array(samples)
        #expect(samples.count == 3 * band.width * band.rows.count)
      }
      delivery.sizes.insert([band.width, band.height, band.fileWidth, band.fileHeight])
    }
    return (photo, delivery)
  }

  /// 8-bit RGB JPEGs at full size and downscaled in the DCT domain: untagged ones (baseline,
  /// arithmetic, restart intervals, real photos) stream 8-bit sRGB; ones with an RGB ICC profile
  /// (sRGB, Display P3, Rec. 2020) stream linear light, converted band by band to the values the
  /// whole-image conversion gives.
  static let streamedJPEGs = [
    "jpeg/libjpeg-turbo/testorig.jpg", "jpeg/libjpeg-turbo/testimgari.jpg", "jpeg/libjpeg-turbo/testimgint.jpg",
    "photos/face_recognition/two_people.jpg", "photos/face_recognition/obama2.jpg",
    "photos/face_recognition/obama.jpg", "photos/face_recognition/biden.jpg",
    "jpeg/icc-wide-gamut/P3-sRGB-color-bars.jpg", "jpeg/icc-wide-gamut/R2020-sRGB-color-bars.jpg",
  ]

  @Test(arguments: streamedJPEGs, [nil, 8, 100])
  func everyRowOnceInOrderMatchingThePhoto(_ file: String, minimumShortSide: Int?) throws {
    let path = TestData.path(file)
    let options = DecodeOptions(minimumShortSide: minimumShortSide)
    let (photo, delivery) = try Self.decode(path, options: options)
    let plain = try PhotoDecoder.decode(contentsOf: path, options: options)
    #expect(delivery.rows == Array(0..<photo.height))
    switch photo.pixels {
    case .srgb8(let pixels):
      #expect(delivery.srgb8 == pixels && delivery.linear.isEmpty)
      #expect(plain.metadata.colorProfile.contains("untagged"))
    case .linear(let pixels):
      #expect(delivery.linear == pixels && delivery.srgb8.isEmpty)
      #expect(!plain.metadata.colorProfile.contains("untagged"))
    default:
      Issue.record("an 8-bit RGB JPEG decodes to 8-bit sRGB or linear light")
    }
    #expect(delivery.sizes == [[photo.width, photo.height, photo.metadata.width, photo.metadata.height]])
    // The streamed photo is the photo the plain decode gives.
    #expect(photo.pixels == plain.pixels && photo.metadata == plain.metadata && photo.warnings == plain.warnings)
  }

  /// PNGs and CMYK JPEGs are decoded whole: no rows are handed out.
  @Test(arguments: [
    "pngsuite/png/basn2c08.png", "photos/scikit-image/astronaut.png", "jpeg/jpeg-decoder/reftest/images/ycck.jpg",
  ])
  func otherFilesAreNotStreamed(_ file: String) throws {
    let path = TestData.path(file)
    let (photo, delivery) = try Self.decode(path, options: DecodeOptions(minimumShortSide: 64))
    #expect(delivery.rows.isEmpty)
    let plain = try PhotoDecoder.decode(contentsOf: path, options: DecodeOptions(minimumShortSide: 64))
    #expect(photo.pixels == plain.pixels && photo.metadata == plain.metadata)
  }

  /// A JPEG cut short on disk throws `.truncated` naming the file, even after rows were handed out;
  /// accepting corrupt data delivers every row and reports the damage.
  @Test(arguments: [0.3, 0.6, 0.9])
  func truncatedFileThrowsAfterStreaming(_ keep: Double) throws {
    let full = try TestData.bytes("photos/face_recognition/two_people.jpg")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-cut.jpg")
    try Data(full.prefix(Int(Double(full.count) * keep))).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var handed = 0
    #expect {
      try PhotoDecoder.decode(contentsOf: url.path, options: DecodeOptions()) { handed += $0.rows.count }
    } throws: { error in
      if case .truncated(let path, .jpeg, _) = error as? PhotoError { return path == url.path }
      return false
    }
    let (partial, delivery) = try Self.decode(url.path, options: DecodeOptions(acceptCorruptData: true))
    #expect(delivery.rows == Array(0..<partial.height))
    #expect(!partial.warnings.isEmpty)
    #expect(handed < partial.height)
  }

  /// The crash corpus through the streaming path: an image whose rows all arrived, or an error.
  @Test(arguments: JPEGDecodeTests.crashFiles)
  func crashFilesStreamOrFail(_ file: String) throws {
    let bytes = try TestData.bytes("jpeg/jpeg-decoder/crashtest/images/\(file)")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-crash.jpg")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    for options in [DecodeOptions(), DecodeOptions(minimumShortSide: 8, acceptCorruptData: true)] {
      do {
        let (photo, delivery) = try Self.decode(url.path, options: options)
        #expect(delivery.rows.isEmpty || delivery.rows == Array(0..<photo.height))
      } catch {
        #expect(!error.description.isEmpty)
      }
    }
  }
}
