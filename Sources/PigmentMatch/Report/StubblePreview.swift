import Colorimetry
import Foundation

/// A magnified raster of treated scalp: healed dots on a jittered square grid of the real pitch,
/// each dot blurred sideways by the skin above it, and optionally one dot with its
/// hyperpigmentation halo.
///
/// Each pixel's dot (and halo) coverage is the dot's disc convolved with a Gaussian of σ =
/// ``blur``; the pixel then mixes dot, halo and skin reflectance (linear sRGB per channel) by
/// those coverages with the Yule–Nielsen rule of ``StubbleImpression``, so a whole patch averages
/// to about the stubble impression while a single dot keeps the contrast it has up close.
struct StubblePreview: Sendable {
  /// Healed dot, bare skin and (optional) halo skin colours.
  let dot: Lab
  let skin: Lab
  let halo: Lab?
  /// Dot diameter and pitch, mm, within the ranges `pigmatch` accepts
  /// (`StubbleImpression.dotDiameters`, `StubbleImpression.spacings`).
  let dotDiameter: Double
  let spacing: Double
  /// Gaussian σ of the lateral blur, mm (≥ 0).
  let blur: Double

  /// Lateral blur σ, mm: the depth of skin the light crosses above the pigment, the epidermis
  /// (``SkinParameters/defaultEpidermisThickness``, 0.1 mm). A buried absorber seen through a
  /// turbid layer blurs on the scale of its depth (Kienle et al. 1996, Appl. Opt. 35:1151, veins'
  /// reflectance profiles widen with depth); the Gaussian form and σ = depth are illustrative.
  static let defaultBlur = SkinParameters.defaultEpidermisThickness

  /// Printed width of each preview image, mm (three fit across A4 and Letter's 186 mm).
  static let displayWidth = 56.0

  /// Fields and resolutions of the two views: a patch of about 8 pitches square (so a dozen
  /// dots and the gaps between them show), and one dot with room for a 3-radius halo.
  struct Geometry: Sendable, Equatable {
    let patchSide, patchPixelsPerMM, dotField, dotPixelsPerMM: Double
  }

  /// The views for this pitch and dot: the patch 8 pitches (≥ 4 mm) square at 320 pixels; the dot
  /// field 10 dot diameters square at 240 pixels.
  var previewGeometry: Geometry {
    let side = max(4, (8 * spacing).rounded())
    let field = 10 * dotDiameter
    return Geometry(patchSide: side, patchPixelsPerMM: 320 / side, dotField: field, dotPixelsPerMM: 240 / field)
  }

  /// The angle a length of `size` mm subtends at `distance` mm (default 1 m, talking distance), in
  /// arc minutes.
  static func arcMinutes(_ size: Double, distance: Double = 1000) -> Double {
    2 * atan(size / (2 * distance)) * 180 / .pi * 60
  }

  /// A dot size or pitch that is not a positive number takes the default; one outside the ranges
  /// `pigmatch` accepts is clamped to them, so a decoded JSON with absurd geometry (a pitch of
  /// 1e-6 mm would put 10¹³ dots in a patch) still draws a bounded, illustrative preview.
  init(dot: Lab, skin: Lab, halo: Lab? = nil, dotDiameter: Double, spacing: Double, blur: Double = defaultBlur) {
    self.dot = dot
    self.skin = skin
    self.halo = halo
    self.dotDiameter = Self.clamped(
      dotDiameter > 0 ? dotDiameter : StubbleImpression.defaultDotDiameter, to: StubbleImpression.dotDiameters)
    self.spacing = Self.clamped(
      spacing > 0 ? spacing : StubbleImpression.defaultSpacing, to: StubbleImpression.spacings)
    self.blur = max(0, blur)
  }

  /// `value` within `range`.
  static func clamped(_ value: Double, to range: ClosedRange<Double>) -> Double {
    min(max(value, range.lowerBound), range.upperBound)
  }

  /// A `side` × `side` mm patch at `pixelsPerMM`, dots on a grid jittered by up to ±20 % of the
  /// pitch (deterministic), or bare skin when `dots` is false.
  func patch(side: Double, pixelsPerMM: Double, dots: Bool = true) -> RGBCanvas {
    let n = max(1, Int((side * pixelsPerMM).rounded()))
    guard dots else { return RGBCanvas(width: n, height: n, background: SRGB8(clamping: skin)) }
    var centres: [(Double, Double)] = []
    var rng = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
    let count = Int((side / spacing).rounded(.up))
    for row in 0..<count {
      for column in 0..<count {
        let jx = (rng.unit() - 0.5) * 0.4 * spacing
        let jy = (rng.unit() - 0.5) * 0.4 * spacing
        centres.append(((Double(column) + 0.5) * spacing + jx, (Double(row) + 0.5) * spacing + jy))
      }
    }
    let dotPlane = Self.blurred(
      Self.discs(centres, inner: 0, outer: dotDiameter / 2, size: n, pixelsPerMM: pixelsPerMM),
      size: n, sigma: blur * pixelsPerMM)
    return mix(dot: dotPlane, halo: nil, size: n)
  }

  /// One dot in the middle of a `side` × `side` mm field, with a halo ring out to
  /// (1 + `haloWidthInRadii`) dot radii when ``halo`` is set.
  func singleDot(side: Double, pixelsPerMM: Double, haloWidthInRadii: Double) -> RGBCanvas {
    let n = max(1, Int((side * pixelsPerMM).rounded()))
    let centre = [(side / 2, side / 2)]
    let r = dotDiameter / 2
    let sigma = blur * pixelsPerMM
    let dotPlane = Self.blurred(
      Self.discs(centre, inner: 0, outer: r, size: n, pixelsPerMM: pixelsPerMM), size: n, sigma: sigma)
    var haloPlane: [Double]?
    if halo != nil, haloWidthInRadii > 0 {
      haloPlane = Self.blurred(
        Self.discs(centre, inner: r, outer: r * (1 + haloWidthInRadii), size: n, pixelsPerMM: pixelsPerMM),
        size: n, sigma: sigma)
    }
    return mix(dot: dotPlane, halo: haloPlane, size: n)
  }

  /// Per pixel: dot, halo and skin mixed by their coverages (Yule–Nielsen, ``StubbleImpression``).
  private func mix(dot dotPlane: [Double], halo haloPlane: [Double]?, size n: Int) -> RGBCanvas {
    func channels(_ lab: Lab) -> [Double] {
      let c = LinearRGB(lab)
      return [min(max(c.r, 0), 1), min(max(c.g, 0), 1), min(max(c.b, 0), 1)]
    }
    let dotRGB = channels(dot)
    let skinRGB = channels(skin)
    let haloRGB = halo.map(channels) ?? skinRGB
    var samples = [UInt8](repeating: 0, count: n * n * 3)
    for i in 0..<(n * n) {
      let a = min(max(dotPlane[i], 0), 1)
      let h = min(max(haloPlane?[i] ?? 0, 0), 1 - a)
      let rgb = StubbleImpression.reflectance(
        regions: [(dotRGB, a), (haloRGB, h), (skinRGB, 1 - a - h)])
      let pixel = SRGB8(clamping: SRGB(LinearRGB(r: rgb[0], g: rgb[1], b: rgb[2])))
      samples[3 * i] = pixel.r
      samples[3 * i + 1] = pixel.g
      samples[3 * i + 2] = pixel.b
    }
    return RGBCanvas(width: n, height: n, samples: samples) ?? RGBCanvas(width: n, height: n, background: .init(r: 0, g: 0, b: 0))
  }

  /// Coverage of annuli inner < ρ ≤ outer (mm) around `centres`, 4 × 4 samples a pixel.
  static func discs(_ centres: [(Double, Double)], inner: Double, outer: Double, size n: Int, pixelsPerMM: Double)
    -> [Double]
  {
    var plane = [Double](repeating: 0, count: n * n)
    let sub = 4
    for (cx, cy) in centres {
      let x0 = max(0, Int(((cx - outer) * pixelsPerMM).rounded(.down)))
      let x1 = min(n - 1, Int(((cx + outer) * pixelsPerMM).rounded(.up)))
      let y0 = max(0, Int(((cy - outer) * pixelsPerMM).rounded(.down)))
      let y1 = min(n - 1, Int(((cy + outer) * pixelsPerMM).rounded(.up)))
      guard x0 <= x1, y0 <= y1 else { continue }
      for y in y0...y1 {
        for x in x0...x1 {
          var hits = 0
          for sy in 0..<sub {
            for sx in 0..<sub {
              let px = (Double(x) + (Double(sx) + 0.5) / Double(sub)) / pixelsPerMM - cx
              let py = (Double(y) + (Double(sy) + 0.5) / Double(sub)) / pixelsPerMM - cy
              let rho2 = px * px + py * py
              if rho2 <= outer * outer && rho2 > inner * inner { hits += 1 }
            }
          }
          plane[y * n + x] = min(1, plane[y * n + x] + Double(hits) / Double(sub * sub))
        }
      }
    }
    return plane
  }

  /// `plane` convolved with a normalised Gaussian of σ = `sigma` pixels (separable, edges clamped).
  static func blurred(_ plane: [Double], size n: Int, sigma: Double) -> [Double] {
    guard sigma > 0.3 else { return plane }
    let radius = Int((3 * sigma).rounded(.up))
    var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
    let total = kernel.reduce(0, +)
    kernel = kernel.map { $0 / total }
    var rows = [Double](repeating: 0, count: n * n)
    for y in 0..<n {
      for x in 0..<n {
        var sum = 0.0
        for k in -radius...radius {
          sum += kernel[k + radius] * plane[y * n + min(n - 1, max(0, x + k))]
        }
        rows[y * n + x] = sum
      }
    }
    var out = [Double](repeating: 0, count: n * n)
    for y in 0..<n {
      for x in 0..<n {
        var sum = 0.0
        for k in -radius...radius {
          sum += kernel[k + radius] * rows[min(n - 1, max(0, y + k)) * n + x]
        }
        out[y * n + x] = sum
      }
    }
    return out
  }
}
