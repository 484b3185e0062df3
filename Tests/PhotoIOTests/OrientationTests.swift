import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// EXIF orientation is applied on decode (issue 13 item 1): every photo comes out as a viewer
/// shows it, for all eight values, through PNG (eXIf) and JPEG (APP1), whole and row-streamed.
@Suite("EXIF orientation")
struct OrientationTests {
  /// Six colours A…F, stored as the 3 × 2 image  A B C / D E F.
  static let colours: [[UInt8]] = [
    [255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0], [0, 255, 255], [255, 0, 255],
  ]

  /// What a viewer shows for each orientation, read off the EXIF 2.32 table (stored row 0 and
  /// column 0 become the picture's …), written out by hand: rows of letters.
  static let upright: [Int: [String]] = [
    1: ["ABC", "DEF"],  // top, left
    2: ["CBA", "FED"],  // top, right
    3: ["FED", "CBA"],  // bottom, right
    4: ["DEF", "ABC"],  // bottom, left
    5: ["AD", "BE", "CF"],  // left, top
    6: ["DA", "EB", "FC"],  // right, top: turned a quarter clockwise
    7: ["FC", "EB", "DA"],  // right, bottom
    8: ["CF", "BE", "AD"],  // left, bottom: turned a quarter anticlockwise
  ]

  static func letter(_ rgb: [UInt8]) -> Character? {
    colours.firstIndex(of: rgb).map { Character(UnicodeScalar(UInt8(65 + $0))) }
  }

  @Test(arguments: 1...8)
  func pngIsUpright(_ orientation: Int) throws {
    let bytes = HostileInputs.rgbPNG(
      Self.colours.flatMap { $0 }, width: 3, height: 2,
      before: HostileInputs.chunk("eXIf", HostileInputs.exifOrientation(UInt16(orientation))))
    let photo = try PhotoDecoder.decode(bytes: bytes, name: "o.png")
    guard case .srgb8(let samples) = photo.pixels else {
      Issue.record("expected 8-bit sRGB")
      return
    }
    let rows = (0..<photo.height).map { y in
      String((0..<photo.width).compactMap { x in Self.letter(Array(samples[(3 * (y * photo.width + x))..<(3 * (y * photo.width + x) + 3)])) })
    }
    #expect(rows == Self.upright[orientation])
    #expect(photo.metadata.orientation == orientation)
    #expect(photo.metadata.width == photo.width && photo.metadata.height == photo.height)
  }

  /// JPEG: 16 × 16 blocks of the six colours (lossy, so block centres are compared). Orientation 1
  /// streams its rows during the decode; the others are decoded whole and turned (rows never
  /// handed out), and the photo is upright either way.
  @Test(arguments: 1...8)
  func jpegIsUpright(_ orientation: Int) throws {
    let side = 16
    var pixels = [UInt8](repeating: 0, count: 3 * side * 3 * side * 2)
    for y in 0..<(2 * side) {
      for x in 0..<(3 * side) {
        let colour = Self.colours[(y / side) * 3 + x / side]
        for c in 0..<3 { pixels[3 * (y * 3 * side + x) + c] = colour[c] }
      }
    }
    let plain = try JPEGEncoder.encode(rgb8: pixels, width: 3 * side, height: 2 * side, quality: 95)
    let bytes = HostileInputs.insertingAPP1(Array("Exif".utf8) + [0, 0] + HostileInputs.exifOrientation(UInt16(orientation)), into: plain)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-o.jpg")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var streamedRows = 0
    let photo = try PhotoDecoder.decode(contentsOf: url.path) { band in streamedRows += band.rows.count }
    #expect(streamedRows == (orientation == 1 ? photo.height : 0))
    let expected = try #require(Self.upright[orientation])
    #expect(photo.height == expected.count * side && photo.width == expected[0].count * side)
    for (by, row) in expected.enumerated() {
      for (bx, letter) in row.enumerated() {
        let i = (by * side + side / 2) * photo.width + bx * side + side / 2
        let (r, g, b) = photo.linearRGB(at: i)
        let seen = Self.letter([r, g, b].map { $0 > 0.5 ? 255 : 0 })
        #expect(seen == letter, "orientation \(orientation) block \(bx),\(by)")
      }
    }
  }
}
