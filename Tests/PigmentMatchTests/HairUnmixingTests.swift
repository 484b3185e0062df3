import Colorimetry
import Testing

@testable import PigmentMatch

/// The hair's chroma unmixed where JPEG blurs it: in Y′CbCr (JFIF 1.02, ITU-T T.871 §7), chroma
/// stored at half resolution (4:2:0, ITU-T T.81 A.1.1).
@Suite struct HairUnmixingTests {
  /// T.871's chroma rows sum to zero, so a neutral grey (R′ = G′ = B′) has no chroma.
  @Test(arguments: [5.0, 20, 50, 78, 95])
  func neutralGreyHasNoChroma(_ l: Double) {
    let c = JFIFChroma.chroma(of: Lab(l: l, a: 0, b: 0))
    #expect(abs(c.cb) < 1e-4 && abs(c.cr) < 1e-4)
  }

  /// Forward and inverse transforms agree: a colour's chroma at its own lightness gives it back.
  @Test(arguments: [(78.0, 5.0, 12.0), (14, 1, 1), (20, 2, 3), (45, 8, 20), (60, 15, 25), (85, 1, 18)])
  func chromaAtItsLightnessGivesTheColourBack(_ v: (Double, Double, Double)) {
    let lab = Lab(l: v.0, a: v.1, b: v.2)
    let c = JFIFChroma.chroma(of: lab)
    let back = JFIFChroma.colour(lightness: lab.l, cb: c.cb, cr: c.cr)
    #expect(abs(back.l - lab.l) < 1e-6 && abs(back.a - lab.a) < 1e-4 && abs(back.b - lab.b) < 1e-4, "\(back)")
  }

  /// Black stubble dots (radius 1.2–1.8 px) on the lightest skin, composited by coverage in linear
  /// light, then stored as JPEG stores them: Y′ per pixel, Cb and Cr averaged over 2 × 2 blocks.
  /// The dots keep their luma but take part of the skin's chroma (their own b* is several units off
  /// the hair's); the unmixed chroma is the painted hair's. Within 0.6: the blur is linear in Cb,
  /// Cr, so only the discrete disc edges part the fit from the paint (the same lines fitted to a*,
  /// b* end 1.0 and 1.3 off).
  @Test func blackStubbleOnLightSkinUnderChromaSubsampling() throws {
    let (skin, hair) = (Lab(l: 78, a: 5, b: 12), Lab(l: 14, a: 1, b: 1))
    let (w, h) = (160, 120)
    // Coverage by 4 × 4 supersampling of discs on a jittered 8-px lattice (deterministic).
    var coverage = [Double](repeating: 0, count: w * h)
    var state: UInt64 = 13
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    for cy in stride(from: 4, to: h - 4, by: 8) {
      for cx in stride(from: 4, to: w - 4, by: 8) {
        let (x0, y0, r) = (Double(cx) + 3 * next() - 1.5, Double(cy) + 3 * next() - 1.5, 1.2 + 0.6 * next())
        for y in max(0, Int(y0 - r) - 1)...min(h - 1, Int(y0 + r) + 1) {
          for x in max(0, Int(x0 - r) - 1)...min(w - 1, Int(x0 + r) + 1) {
            var inside = 0
            for sy in 0..<4 {
              for sx in 0..<4 {
                let (px, py) = (Double(x) + (Double(sx) + 0.5) / 4, Double(y) + (Double(sy) + 0.5) / 4)
                if (px - x0) * (px - x0) + (py - y0) * (py - y0) <= r * r { inside += 1 }
              }
            }
            coverage[y * w + x] = max(coverage[y * w + x], Double(inside) / 16)
          }
        }
      }
    }
    let (s, k) = (LinearRGB(skin), LinearRGB(hair))
    // Gamma-encoded pixels, then luma, Cb, Cr (T.871 §7).
    var luma = [Double](repeating: 0, count: w * h)
    var cb = luma
    var cr = luma
    for p in 0..<(w * h) {
      let c = coverage[p]
      let e = SRGB(LinearRGB(r: s.r + c * (k.r - s.r), g: s.g + c * (k.g - s.g), b: s.b + c * (k.b - s.b)))
      luma[p] = 0.299 * e.r + 0.587 * e.g + 0.114 * e.b
      cb[p] = -0.168736 * e.r - 0.331264 * e.g + 0.5 * e.b
      cr[p] = 0.5 * e.r - 0.418688 * e.g - 0.081312 * e.b
    }
    // 4:2:0: chroma kept as the mean of each 2 × 2 block, then upsampled as libjpeg's decoder does
    // by default ("fancy" h2v2 upsampling: 9/16 of the nearest sample, 3/16 of each of the next two
    // along x and y, 1/16 of the diagonal one).
    let (cw, ch) = (w / 2, h / 2)
    var half = [(Double, Double)](repeating: (0, 0), count: cw * ch)
    for y in 0..<ch {
      for x in 0..<cw {
        let block = [(2 * y) * w + 2 * x, (2 * y) * w + 2 * x + 1, (2 * y + 1) * w + 2 * x, (2 * y + 1) * w + 2 * x + 1]
        half[y * cw + x] = (block.reduce(0) { $0 + cb[$1] } / 4, block.reduce(0) { $0 + cr[$1] } / 4)
      }
    }
    func upsampled(_ x: Int, _ y: Int) -> (Double, Double) {
      let (sx, sy) = (x / 2, y / 2)
      let nx = min(max(sx + (x % 2 == 1 ? 1 : -1), 0), cw - 1)
      let ny = min(max(sy + (y % 2 == 1 ? 1 : -1), 0), ch - 1)
      let terms = [(sy * cw + sx, 9.0), (sy * cw + nx, 3), (ny * cw + sx, 3), (ny * cw + nx, 1)]
      return (terms.reduce(0) { $0 + half[$1.0].0 * $1.1 } / 16, terms.reduce(0) { $0 + half[$1.0].1 * $1.1 } / 16)
    }
    var buffer = TonePixels.Buffer(gridWidth: w, gridHeight: h)
    var labels: [UInt8] = []
    var indices: [Int32] = []
    var padded: [Int32] = []
    var darkB: [Float] = []
    for y in 0..<h {
      for x in 0..<w {
        let (mb, mr) = upsampled(x, y)
        let yp = luma[y * w + x]
        let lab = Lab(LinearRGB(SRGB(r: yp + 1.402 * mr, g: yp - 0.344136 * mb - 0.714136 * mr, b: yp + 1.772 * mb)))
        if lab.l < 20 { darkB.append(Float(lab.b)) }
        indices.append(Int32(buffer.l.count))
        padded.append(Int32((y + 1) * (w + 2) + x + 1))
        buffer.l.append(Float(lab.l))
        buffer.a.append(Float(lab.a))
        buffer.b.append(Float(lab.b))
        buffer.position.append(Int32(y * w + x))
        labels.append(lab.l < 46 ? 1 : 0)
      }
    }
    buffer.estimation = TonePixels.EstimationSet(indices: indices, padded: padded)
    // The task is real: the darkest pixels' own chroma is pulled toward the skin's, well off the hair's.
    #expect(darkB.count > 200)
    #expect(Double(Statistics.median(darkB)) > hair.b + 3, "dark pixels' median b* \(Statistics.median(darkB))")
    let chroma = try #require(
      HairUnmixing.chroma(
        pixels: buffer, assignment: labels, subset: buffer.estimation, include: [true, true], skinL: skin.l,
        hairL: hair.l))
    #expect(abs(chroma.a - hair.a) <= 0.6 && abs(chroma.b - hair.b) <= 0.6, "unmixed \(chroma), painted \(hair)")
  }
}
