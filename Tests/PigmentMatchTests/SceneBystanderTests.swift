import Foundation
import PigmentMatch
import Testing

/// The client in the middle of the frame, sharp, with blurred skin-coloured bystanders behind
/// (as on a press photo at a hearing: two out-of-focus faces at the sides, darker and larger in
/// the frame than the client's face). The skin is the client's: the painted face colour, not the
/// bystanders'. The bystanders are painted so that, by size, typical hue and lightness alone,
/// they would claim the skin (together ≈ 1.5× the face's area, hue as typical, L* 50 against 70).
@Suite struct SceneBystanderTests {
  static let face = Lab(l: 70, a: 16, b: 19)
  static let bystander = Lab(l: 50, a: 14, b: 17)
  static let backdrop = Lab(l: 22, a: 1, b: 2)
  static let clothes = Lab(l: 12, a: 0, b: 0)

  /// 360 × 240, 8-bit sRGB. The face: an ellipse (centre 180, 105; radii 52 × 70) of the face
  /// colour with sharp sensor noise and skin texture (σ 2.5 code values per channel plus 2 shared);
  /// clothes below it. Each bystander: an ellipse (radii 48 × 78) centred `bystanderX` in from
  /// each side at row 130, blurred: full colour inside 60 % of its radius, then a smooth step
  /// into the backdrop at its edge, with faint noise (σ 0.5: blur averages the noise away).
  static func scene(bystanderX: Double = 62) -> Photo {
    let (width, height) = (360, 240)
    let (faceLinear, bystanderLinear, backdropLinear) = (LinearRGB(face), LinearRGB(bystander), LinearRGB(backdrop))
    var random = SplitMix64(seed: 31)
    var samples = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
      for x in 0..<width {
        let u = (Double(x) - 180) / 52
        let v = (Double(y) - 105) / 70
        var colour = backdropLinear
        var noise = 0.5
        if u * u + v * v <= 1 {
          colour = faceLinear
          noise = 2.5
        } else if y > 170, abs(Double(x) - 180) < 40 + Double(y - 170) * 1.5 {
          colour = LinearRGB(clothes)
          noise = 1.5
        } else {
          for cx in [bystanderX, Double(width) - bystanderX] {
            let r = (pow((Double(x) - cx) / 48, 2) + pow((Double(y) - 130) / 78, 2)).squareRoot()
            guard r < 1 else { continue }
            // Smoothstep from full colour (r ≤ 0.6) to the backdrop (r = 1): a defocused edge.
            let t = max(0, min(1, (r - 0.6) / 0.4))
            let f = 1 - t * t * (3 - 2 * t)
            colour = LinearRGB(
              r: bystanderLinear.r * f + backdropLinear.r * (1 - f),
              g: bystanderLinear.g * f + backdropLinear.g * (1 - f),
              b: bystanderLinear.b * f + backdropLinear.b * (1 - f))
          }
        }
        let p = SRGB(colour)
        let shared = noise * 0.8 * random.gaussian()
        let o = 3 * (y * width + x)
        for (k, c) in [p.r, p.g, p.b].enumerated() {
          samples[o + k] = UInt8(max(0, min(255, (c * 255 + shared + noise * random.gaussian()).rounded())))
        }
      }
    }
    return Photo(
      width: width, height: height, pixels: .srgb8(samples), opacity: .opaque,
      metadata: PhotoMetadata(
        format: .png, width: width, height: height, bitDepth: 8, channels: 3, colorProfile: "test"))
  }

  /// Within the bar for a measured skin (ΔE00 3); the bystanders' colour lies ≈ 15 away.
  static let tolerance = 3.0

  @Test func theSkinIsTheSharpCentralFaceNotTheBlurredBystanders() throws {
    let analysis = try ToneAnalysis(photo: Self.scene(), name: "client before bystanders")
    #expect(
      DeltaE.ciede2000(analysis.skin.lab, Self.face) <= Self.tolerance,
      "skin \(analysis.skin.lab), face \(Self.face), bystanders \(Self.bystander)")
  }
}
