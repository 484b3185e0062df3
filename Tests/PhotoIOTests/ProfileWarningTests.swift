import Foundation
import Testing
import TestSupport

@testable import PhotoIO

/// Issue 12 item 15 and the mean L* of −2 472 078: profiles that cannot describe the pixels are
/// refused with a warning, the same way for PNG and JPEG, and the pixels read as sRGB.
@Suite("Colour profile warnings")
struct ProfileWarningTests {
  /// sRGB chromaticities (IEC 61966-2-1 Table 1): white, red, green, blue.
  static let srgbXY: [Double] = [0.3127, 0.3290, 0.64, 0.33, 0.30, 0.60, 0.15, 0.06]

  /// An RGB profile in the iCCP of a grey PNG: libpng drops it (PNG §11.3.3.3: the profile's
  /// colour space must match the image's). It used to vanish silently; now the photo says so.
  @Test func pngProfileLibpngRejectsIsAWarning() throws {
    let profile = try #require(ICCProfile.makeRGB(chromaticities: Self.srgbXY, curve: .srgb, description: "RGB"))
    let iccp = HostileInputs.chunk("iCCP", Array("RGB".utf8) + [0, 0] + HostileInputs.zlibStored(profile))
    let raw: [UInt8] = [0, 10, 200, 0, 30, 90]  // Two rows of two grey samples, unfiltered.
    let bytes = HostileInputs.png(width: 2, height: 2, colourType: 0, before: iccp, idat: HostileInputs.zlibStored(raw))
    let photo = try PhotoDecoder.decode(bytes: bytes, name: "grey.png")
    #expect(photo.warnings.count == 1)
    #expect(photo.warnings.first?.contains("ICC profile was rejected") == true, "\(photo.warnings)")
    #expect(photo.metadata.colorProfile == "sRGB (assumed, untagged)")
    #expect(photo.pixels == .srgb8([10, 10, 10, 200, 200, 200, 30, 30, 30, 90, 90, 90]))
  }

  /// The same profile on a colour PNG is used, with no warning.
  @Test func acceptedPNGProfileHasNoWarning() throws {
    let profile = try #require(ICCProfile.makeRGB(chromaticities: Self.srgbXY, curve: .srgb, description: "RGB"))
    let bytes = try PNGEncoder.encode([200, 100, 50], width: 1, height: 1, iccProfile: profile)
    let photo = try PhotoDecoder.decode(bytes: bytes, name: "rgb.png")
    #expect(photo.warnings.isEmpty && photo.metadata.colorProfile == "RGB")
  }

  /// A grey ICC profile on a colour JPEG turned the photo grey (lcms2 read the first channel as
  /// grey). Now it is refused with a warning and the red stays red. Both decode paths: whole, and
  /// rows streamed while decoding (the analysis's path).
  @Test func greyProfileOnAColourJPEGIsRefused() throws {
    let red = [UInt8]((0..<(16 * 16)).flatMap { _ in [UInt8(220), 30, 30] })
    let bytes = try JPEGEncoder.encode(rgb8: red, width: 16, height: 16, quality: 95, iccProfile: HostileInputs.greyProfile())
    #expect(ICCProfile.describe(HostileInputs.greyProfile())?.colorSpace == .gray)
    let photo = try PhotoDecoder.decode(bytes: bytes, name: "grey-icc.jpg")
    #expect(photo.warnings.contains { $0.contains("grey ICC profile cannot describe colour pixels") }, "\(photo.warnings)")
    let centre = photo.linearRGB(at: 8 * 16 + 8)
    #expect(centre.r > 0.5 && centre.g < 0.05 && centre.b < 0.05)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-grey-icc.jpg")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var reds = 0
    let streamed = try PhotoDecoder.decode(contentsOf: url.path) { band in
      if case .srgb8(let samples) = band.samples { reds += stride(from: 0, to: samples.count, by: 3).filter { samples[$0] > 150 }.count }
    }
    #expect(streamed.warnings == photo.warnings && reds == 256)
  }

  /// Nearly collinear primaries give a matrix/shaper profile whose matrix is huge: it mapped
  /// ordinary codes thousands of units outside linear sRGB (inspect printed a mean L* of
  /// −2 472 078, without a warning). Refused now, and the mean is that of the sRGB reading.
  @Test func profileMappingFarOutsideSRGBIsRefused() throws {
    let degenerate: [Double] = [0.3127, 0.3290, 0.64, 0.33, 0.30, 0.60, 0.4701, 0.4601]
    let profile = try #require(ICCProfile.makeRGB(chromaticities: degenerate, curve: .gamma(2.2), description: "bad"))
    let pixels = [UInt8]((0..<64).flatMap { _ in [UInt8(180), 120, 90] })
    let bytes = try JPEGEncoder.encode(rgb8: pixels, width: 8, height: 8, quality: 95, iccProfile: profile)
    let photo = try PhotoDecoder.decode(bytes: bytes, name: "bad-icc.jpg")
    #expect(photo.warnings.contains { $0.contains("outside ±16 of linear sRGB") }, "\(photo.warnings)")
    #expect(photo.metadata.colorProfile.hasPrefix("sRGB (assumed"))
    for i in 0..<photo.pixelCount {
      let (r, g, b) = photo.linearRGB(at: i)
      #expect(r.isFinite && g.isFinite && b.isFinite && max(r, g, b) <= 1 && min(r, g, b) >= 0)
    }
  }
}
