import Foundation
import PigmentMatch

/// Draws one synthetic consultation photo in linear light, modelled on `shared/bench/make_photo.py`:
/// a shaved scalp of one skin colour under uneven light, anti-aliased stubble dots and short strokes
/// composited by coverage, an optional fringe of longer strands, a non-skin background along one
/// edge, optional specular highlights, then sensor noise in code values.
struct SampleRenderer {
  let width: Int
  let height: Int

  /// The rendered photo before encoding.
  struct Rendering {
    /// Encoded 8-bit RGB (sRGB, or Display P3 codes for ``SampleSpec/Encoding/jpegDisplayP3``).
    var codes: [UInt8]
    /// Mean hair coverage over the scalp (0…1).
    var hairCoverage: Double
    /// Fraction of the frame that is background.
    var backgroundShare: Double
    /// Lighting gain over the scalp: minimum, median (normalised to 1), maximum.
    var lighting: (min: Double, median: Double, max: Double)
  }

  func render(_ spec: SampleSpec, seed: UInt64) -> Rendering {
    var rng = SplitMix64(seed: seed)
    let background = backgroundCoverage(spec.backgroundSide, rng: &rng)
    var gain = lightingField(strength: spec.lighting, rng: &rng)
    // Normalise the light so its median over the scalp is exactly 1: the painted colours are then
    // the colours a robust (median) estimate should recover.
    let scalpGains = (0..<(width * height)).filter { background[$0] < 0.5 }.map { gain[$0] }.sorted()
    let median = scalpGains.isEmpty ? 1 : scalpGains[scalpGains.count / 2]
    for i in gain.indices { gain[i] /= median }
    let alpha = hairCoverage(spec, background: background, rng: &rng)
    let tone = smoothField(cell: 40, sigma: 0.05, rng: &rng)
    let highlight = spec.highlights ? highlightField(rng: &rng) : [Float](repeating: 0, count: width * height)

    let skin = LinearRGB(spec.skin)
    let hair = LinearRGB(spec.hair)
    let bg = LinearRGB(SRGB(spec.background))
    let toP3 = Self.linearSRGBToDisplayP3
    let card = spec.greyCard ? cardRectangle(spec.backgroundSide) : nil
    var codes = [UInt8](repeating: 0, count: width * height * 3)
    var scalpAlpha = 0.0
    var scalpCount = 0
    var backgroundSum = 0.0
    for i in 0..<(width * height) {
      let a = Double(alpha[i])
      let t = Double(tone[i])
      let m = Double(background[i])
      let g = Double(gain[i])
      let h = Double(highlight[i])
      if m < 0.5 {
        scalpAlpha += a
        scalpCount += 1
      }
      backgroundSum += m
      var rgb = [skin.r, skin.g, skin.b]
      let hairRGB = [hair.r, hair.g, hair.b]
      let bgRGB = [bg.r, bg.g, bg.b]
      for c in 0..<3 {
        let fg = rgb[c] * (1 - a) + hairRGB[c] * t * a
        rgb[c] = (fg * (1 - m) + bgRGB[c] * m) * g + h * (1 - m)
      }
      if let card, card.contains(i % width, i / width) {
        // The card is held in front of everything, in the scalp's median light (gain 1).
        rgb = [GreyCard.standardReflectance, GreyCard.standardReflectance, GreyCard.standardReflectance]
      }
      if let cast = spec.cast {
        rgb = [rgb[0] * cast.gains.r, rgb[1] * cast.gains.g, rgb[2] * cast.gains.b].map { $0 * cast.exposure }
      }
      if spec.encoding == .jpegDisplayP3 {
        rgb = (0..<3).map { r in toP3[3 * r] * rgb[0] + toP3[3 * r + 1] * rgb[1] + toP3[3 * r + 2] * rgb[2] }
      }
      let shared = rng.gaussian() * spec.noise * 0.8
      for c in 0..<3 {
        let encoded = SRGBTransfer.encode(min(max(rgb[c], 0), 1)) * 255 + rng.gaussian() * spec.noise + shared
        codes[3 * i + c] = UInt8(min(max(encoded.rounded(), 0), 255))
      }
    }
    return Rendering(
      codes: codes, hairCoverage: scalpCount > 0 ? scalpAlpha / Double(scalpCount) : 0,
      backgroundShare: backgroundSum / Double(width * height),
      lighting: (Double(scalpGains.first ?? 1) / Double(median), 1, Double(scalpGains.last ?? 1) / Double(median)))
  }

  /// Linear sRGB → linear Display P3 (both D65): P3⁻¹ · sRGB, from the primaries (SMPTE RP 177).
  static let linearSRGBToDisplayP3: [Double] = {
    let p3 = rgbToXYZ(red: (0.680, 0.320), green: (0.265, 0.690), blue: (0.150, 0.060))
    let srgb = rgbToXYZ(red: (0.64, 0.33), green: (0.30, 0.60), blue: (0.15, 0.06))
    return multiply(invert(p3), srgb)
  }()

  /// Where a grey card is held (pixels): 16 % × 14 % of the frame on the scalp, in the corner
  /// away from the background and clear of the fringe band.
  func cardRectangle(_ side: SampleSpec.BackgroundSide) -> CardRectangle {
    let (u, v): (Double, Double)
    switch side {
    case .top, .topLeft, .left: (u, v) = (0.70, 0.66)
    case .right: (u, v) = (0.16, 0.66)
    case .bottom: (u, v) = (0.70, 0.16)
    }
    return CardRectangle(
      x: Int(u * Double(width)), y: Int(v * Double(height)), width: Int(0.16 * Double(width)),
      height: Int(0.14 * Double(height)))
  }

  /// A card's pixel rectangle (`--grey-card x,y,w,h`).
  struct CardRectangle {
    let x, y, width, height: Int
    func contains(_ px: Int, _ py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    var argument: String { "\(x),\(y),\(width),\(height)" }
  }

  // MARK: - Fields

  /// 1 inside the background, 0 on the scalp, a 2 px soft wavy edge between.
  private func backgroundCoverage(_ side: SampleSpec.BackgroundSide, rng: inout SplitMix64) -> [Float] {
    let depth = rng.uniform(0.16...0.24)
    let (f1, f2) = (rng.uniform(0.8...1.6), rng.uniform(2.5...3.5))
    let (p1, p2) = (rng.uniform(0...6.28), rng.uniform(0...6.28))
    var out = [Float](repeating: 0, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        let u = Double(x) / Double(width)
        let v = Double(y) / Double(height)
        func edge(_ s: Double) -> Double {
          depth + 0.04 * sin(2 * .pi * f1 * s + p1) + 0.02 * sin(2 * .pi * f2 * s + p2)
        }
        let signed: Double  // > 0 inside the background, in pixels
        switch side {
        case .top: signed = (edge(u) - v) * Double(height)
        case .left: signed = (edge(v) - u) * Double(width)
        case .right: signed = (u - (1 - edge(v))) * Double(width)
        case .topLeft:
          let d = (u * u + v * v).squareRoot()
          signed = (edge(atan2(v, u) / 1.57) * 1.9 - d) * Double(height)
        case .bottom: signed = (v - (1 - edge(u))) * Double(height)
        }
        out[y * width + x] = Float(min(max(signed / 2 + 0.5, 0), 1))
      }
    }
    return out
  }

  /// Side light (random direction), vignette and low-frequency mottling; not yet normalised.
  private func lightingField(strength: Double, rng: inout SplitMix64) -> [Float] {
    let angle = rng.uniform(0...(2 * .pi))
    let (dx, dy) = (cos(angle), sin(angle))
    let (cx, cy) = (rng.uniform(0.4...0.6), rng.uniform(0.4...0.6))
    let waves = (0..<5).map { _ in (rng.uniform(0.5...3), rng.uniform(0.5...3), rng.uniform(0...6.28)) }
    var out = [Float](repeating: 0, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        let u = Double(x) / Double(width) - cx
        let v = Double(y) / Double(height) - cy
        var g = 1 + strength * (dx * u + dy * v) - strength * 1.2 * (u * u + v * v)
        for (fx, fy, p) in waves { g += 0.01 * sin(2 * .pi * (fx * u + fy * v) + p) }
        out[y * width + x] = Float(g)
      }
    }
    return out
  }

  /// A smooth random multiplier around 1 (bilinear over a coarse Gaussian grid): per-hair tone variation.
  private func smoothField(cell: Int, sigma: Double, rng: inout SplitMix64) -> [Float] {
    let gw = width / cell + 2
    let gh = height / cell + 2
    let grid = (0..<(gw * gh)).map { _ in 1 + sigma * rng.gaussian() }
    var out = [Float](repeating: 1, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        let gx = Double(x) / Double(cell)
        let gy = Double(y) / Double(cell)
        let (ix, iy) = (Int(gx), Int(gy))
        let (fx, fy) = (gx - Double(ix), gy - Double(iy))
        let top = grid[iy * gw + ix] * (1 - fx) + grid[iy * gw + ix + 1] * fx
        let bottom = grid[(iy + 1) * gw + ix] * (1 - fx) + grid[(iy + 1) * gw + ix + 1] * fx
        out[y * width + x] = Float(top * (1 - fy) + bottom * fy)
      }
    }
    return out
  }

  /// A few Gaussian specular spots on a shiny scalp (added white light, linear units).
  private func highlightField(rng: inout SplitMix64) -> [Float] {
    var out = [Float](repeating: 0, count: width * height)
    for _ in 0..<Int(rng.uniform(2...4.99)) {
      let cx = rng.uniform(0.3...0.8) * Double(width)
      let cy = rng.uniform(0.35...0.8) * Double(height)
      let sigma = rng.uniform(5...11)
      let peak = rng.uniform(0.35...0.7)
      let reach = Int(3 * sigma)
      for y in max(0, Int(cy) - reach)..<min(height, Int(cy) + reach) {
        for x in max(0, Int(cx) - reach)..<min(width, Int(cx) + reach) {
          let d2 = (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)
          out[y * width + x] += Float(peak * exp(-d2 / (2 * sigma * sigma)))
        }
      }
    }
    return out
  }

  /// Hair coverage: stubble (discs and short strokes) over the scalp and, optionally, a fringe of
  /// long strands. Each shape's pixel coverage is found by 4×4 supersampling (anti-aliasing), and
  /// shapes combine as `a ← 1 − (1 − a)(1 − coverage)`.
  private func hairCoverage(_ spec: SampleSpec, background: [Float], rng: inout SplitMix64) -> [Float] {
    var alpha = [Float](repeating: 0, count: width * height)
    let meanR = (spec.dotRadius.lowerBound + spec.dotRadius.upperBound) / 2
    let scalp = Double(background.reduce(0) { $0 + (1 - Double($1)) })
    let dots = Int(spec.stubbleCoverage * scalp / (Double.pi * meanR * meanR))
    for _ in 0..<dots {
      let x = rng.uniform(0...Double(width))
      let y = rng.uniform(0...Double(height))
      let r = rng.uniform(spec.dotRadius)
      if rng.uniform(0...1) < 0.25 {  // a short stroke: stubble seen at an angle
        let angle = rng.uniform(0...(2 * .pi))
        let length = rng.uniform(2...5)
        stamp(
          &alpha, from: (x, y), to: (x + length * cos(angle), y + length * sin(angle)), radius: r * 0.7)
      } else {
        stamp(&alpha, from: (x, y), to: (x, y), radius: r)
      }
    }
    if spec.fringe {
      // The fringe lies in a band along the edge opposite the background.
      let band = 0.14
      let strands = Int(Double(width) * 0.9)
      for _ in 0..<strands {
        var (x, y, angle): (Double, Double, Double)
        switch spec.backgroundSide {
        case .top, .topLeft:
          (x, y, angle) = (rng.uniform(0...Double(width)), Double(height) * (1 - rng.uniform(0...band)), -Double.pi / 2)
        case .left:
          (x, y, angle) = (Double(width) * (1 - rng.uniform(0...band)), rng.uniform(0...Double(height)), Double.pi)
        case .right:
          (x, y, angle) = (Double(width) * rng.uniform(0...band), rng.uniform(0...Double(height)), 0)
        case .bottom:
          (x, y, angle) = (rng.uniform(0...Double(width)), Double(height) * rng.uniform(0...band), Double.pi / 2)
        }
        angle += rng.uniform(-0.5...0.5)
        let radius = rng.uniform(0.7...1.3)
        for _ in 0..<Int(rng.uniform(4...9.99)) {
          angle += 0.25 * rng.gaussian()
          let step = rng.uniform(8...16)
          let next = (x + step * cos(angle), y + step * sin(angle))
          stamp(&alpha, from: (x, y), to: next, radius: radius)
          (x, y) = next
        }
      }
    }
    // Thin strands across the whole scalp (a thinning crown): long gentle curves.
    for _ in 0..<spec.crownStrands {
      var (x, y) = (rng.uniform(0...Double(width)), rng.uniform(0...Double(height)))
      var angle = rng.uniform(0...(2 * .pi))
      let radius = rng.uniform(spec.strandRadius)
      for _ in 0..<Int(rng.uniform(6...12.99)) {
        angle += 0.15 * rng.gaussian()
        let step = rng.uniform(10...18)
        let next = (x + step * cos(angle), y + step * sin(angle))
        stamp(&alpha, from: (x, y), to: next, radius: radius)
        (x, y) = next
      }
    }
    for i in alpha.indices { alpha[i] *= 1 - background[i] }
    return alpha
  }

  /// Composites one capsule (a disc when `from == to`) of `radius` px by supersampled coverage.
  private func stamp(_ alpha: inout [Float], from p: (Double, Double), to q: (Double, Double), radius: Double) {
    let x0 = max(0, Int(min(p.0, q.0) - radius - 1))
    let x1 = min(width - 1, Int(max(p.0, q.0) + radius + 1))
    let y0 = max(0, Int(min(p.1, q.1) - radius - 1))
    let y1 = min(height - 1, Int(max(p.1, q.1) + radius + 1))
    guard x0 <= x1, y0 <= y1 else { return }
    let (vx, vy) = (q.0 - p.0, q.1 - p.1)
    let length2 = vx * vx + vy * vy
    for y in y0...y1 {
      for x in x0...x1 {
        var inside = 0
        for sy in 0..<4 {
          for sx in 0..<4 {
            let px = Double(x) + (Double(sx) + 0.5) / 4
            let py = Double(y) + (Double(sy) + 0.5) / 4
            var t = length2 > 0 ? ((px - p.0) * vx + (py - p.1) * vy) / length2 : 0
            t = min(max(t, 0), 1)
            let (dx, dy) = (px - p.0 - t * vx, py - p.1 - t * vy)
            if dx * dx + dy * dy <= radius * radius { inside += 1 }
          }
        }
        if inside > 0 {
          let c = Float(inside) / 16
          alpha[y * width + x] = 1 - (1 - alpha[y * width + x]) * (1 - c)
        }
      }
    }
  }

  // MARK: - 3×3 matrix helpers

  private static func rgbToXYZ(red: (Double, Double), green: (Double, Double), blue: (Double, Double)) -> [Double] {
    let prim: [(Double, Double)] = [red, green, blue]
    var p = [Double](repeating: 1, count: 9)
    for c in 0..<3 {
      let (x, y) = prim[c]
      p[c] = x / y
      p[6 + c] = (1 - x - y) / y
    }
    let white: [Double] = [0.3127 / 0.3290, 1, (1 - 0.3127 - 0.3290) / 0.3290]
    let inv = invert(p)
    let s: [Double] = (0..<3).map { r in
      let x: Double = inv[3 * r] * white[0]
      return x + inv[3 * r + 1] * white[1] + inv[3 * r + 2] * white[2]
    }
    return (0..<9).map { p[$0] * s[$0 % 3] }
  }

  private static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
    var out = [Double](repeating: 0, count: 9)
    for i in 0..<3 {
      for j in 0..<3 {
        var sum = 0.0
        for k in 0..<3 { sum += a[3 * i + k] * b[3 * k + j] }
        out[3 * i + j] = sum
      }
    }
    return out
  }

  private static func invert(_ m: [Double]) -> [Double] {
    let c00 = m[4] * m[8] - m[5] * m[7]
    let c01 = m[5] * m[6] - m[3] * m[8]
    let c02 = m[3] * m[7] - m[4] * m[6]
    let det: Double = m[0] * c00 + m[1] * c01 + m[2] * c02
    let d = 1 / det
    let r0: [Double] = [c00 * d, (m[2] * m[7] - m[1] * m[8]) * d, (m[1] * m[5] - m[2] * m[4]) * d]
    let r1: [Double] = [c01 * d, (m[0] * m[8] - m[2] * m[6]) * d, (m[2] * m[3] - m[0] * m[5]) * d]
    let r2: [Double] = [c02 * d, (m[1] * m[6] - m[0] * m[7]) * d, (m[0] * m[4] - m[1] * m[3]) * d]
    return r0 + r1 + r2
  }
}
