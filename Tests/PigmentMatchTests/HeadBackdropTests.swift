import Foundation
import PigmentMatch
import Testing

/// A bald head before a plain studio backdrop: the backdrop above the scalp is where a head of hair
/// would be, of a natural hair colour (mid grey, white) and, with sensor noise, as textured as the
/// skin, so it was read as grey or white hair (as on a real portrait of a man with a thin buzz cut
/// before a white wall, whose wall came out as hair). The truth is what is painted: no hair on the
/// bald heads, and the painted head of hair when there is one (so the test cannot pass by finding
/// no hair anywhere).
@Suite struct HeadBackdropTests {
  static let skin = Lab(l: 58, a: 16, b: 33)
  static let hair = Lab(l: 20, a: 3, b: 5)
  static let clothes = Lab(l: 12, a: 0, b: 0)

  /// 290 × 300: an elliptic head lit from the upper left (Lambertian, the skin's linear RGB times
  /// max(0.18, cos θ)), a neck and clothes below, the `backdrop` all round, 8-bit sRGB with noise
  /// (σ 2 code values per channel plus 1.6 shared, fixed seed). With `hairCap`, the top of the head
  /// (above 55 % of its half-height) is hair: the hair colour's linear RGB times a random factor
  /// 0.5–1.5 per pixel (strands).
  static func head(backdrop: Lab, hairCap: Bool = false) -> Photo {
    let (width, height) = (290, 300)
    let (cx, cy, rx, ry) = (145.0, 130.0, 95.0, 125.0)
    let light = (x: -0.45, y: -0.25, z: 0.86)
    let (skinLinear, hairLinear) = (LinearRGB(skin), LinearRGB(hair))
    var random = SplitMix64(seed: 13)
    var samples = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
      for x in 0..<width {
        let u = (Double(x) - cx) / rx
        let v = (Double(y) - cy) / ry
        let r2 = u * u + v * v
        let colour: LinearRGB
        if r2 <= 1, hairCap, v < -0.55 {
          let f = random.uniform(0.5...1.5)
          colour = LinearRGB(r: hairLinear.r * f, g: hairLinear.g * f, b: hairLinear.b * f)
        } else if r2 <= 1 {
          let lambert = max(0.18, u * light.x + v * light.y + (1 - r2).squareRoot() * light.z)
          colour = LinearRGB(r: skinLinear.r * lambert, g: skinLinear.g * lambert, b: skinLinear.b * lambert)
        } else if y > 235, abs(Double(x) - cx) < 50 + Double(y - 235) * 2 {
          colour = LinearRGB(clothes)
        } else {
          colour = LinearRGB(backdrop)
        }
        let p = SRGB(colour)
        let shared = 1.6 * random.gaussian()
        let o = 3 * (y * width + x)
        for (k, c) in [p.r, p.g, p.b].enumerated() {
          samples[o + k] = UInt8(max(0, min(255, (c * 255 + shared + 2 * random.gaussian()).rounded())))
        }
      }
    }
    return Photo(
      width: width, height: height, pixels: .srgb8(samples), opacity: .opaque,
      metadata: PhotoMetadata(
        format: .png, width: width, height: height, bitDepth: 8, channels: 3, colorProfile: "test"))
  }

  /// Mid-grey and white studio backdrops (both within the natural-hair colours: grey and white hair).
  static let backdrops = [Lab(l: 42, a: 0, b: 1), Lab(l: 92, a: 0, b: 2)]

  @Test(arguments: backdrops)
  func theBackdropAboveABaldHeadIsNotHair(backdrop: Lab) throws {
    let analysis = try ToneAnalysis(photo: Self.head(backdrop: backdrop), name: "bald head")
    #expect(analysis.hair == nil, "hair invented: \(String(describing: analysis.hair?.lab))")
    #expect(analysis.warnings.contains(.hairNotFound))
  }

  @Test(arguments: backdrops)
  func aHeadOfHairBeforeTheSameBackdropIsHair(backdrop: Lab) throws {
    let analysis = try ToneAnalysis(photo: Self.head(backdrop: backdrop, hairCap: true), name: "head of hair")
    let found = try #require(analysis.hair, "the head of hair was not found")
    // The painted hair's mean colour (factor 1 on average), within the issue's hair bar (ΔE00 6).
    #expect(DeltaE.ciede2000(found.lab, Self.hair) < 6, "hair \(found.lab)")
  }

  /// A head of dark hair before a backdrop of nearly the hair's own colour (a dark studio backdrop)
  /// should still be hair; today it is taken for the backdrop (`HeadBackdrop`'s known limit), and
  /// the analysis says so safely: no hair, and the warning that asks to mark it.
  @Test func darkHairBeforeADarkBackdrop() throws {
    let backdrop = Lab(l: 21, a: 2, b: 4)
    let analysis = try ToneAnalysis(photo: Self.head(backdrop: backdrop, hairCap: true), name: "dark on dark")
    if analysis.hair == nil { #expect(analysis.warnings.contains(.hairNotFound)) }
    withKnownIssue("dark hair before a backdrop of its own colour is taken for the backdrop") {
      let found = try #require(analysis.hair, "the head of hair before a dark backdrop was not found")
      #expect(DeltaE.ciede2000(found.lab, Self.hair) < 6, "hair \(found.lab)")
    }
  }
}
