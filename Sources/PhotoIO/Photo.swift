/// A decoded consultation photo: RGB pixels with sRGB primaries and a D65 white, an opacity
/// mask where the file had transparency, and what the file said about itself.
///
/// Pixels stay in the cheapest exact form: sRGB-encoded 8- or 16-bit samples when the file is
/// sRGB (or untagged), linear-light floats when a colour profile, gAMA/cHRM or downscaling
/// produced them. ``linearRGB(at:)`` reads any of them as linear light.
public struct Photo: Sendable {
  /// Decoded width and height (after any downscaling).
  public let width: Int
  public let height: Int
  /// The pixels, row-major, 3 samples per pixel.
  public let pixels: PixelStorage
  /// Opacity per pixel, or `.opaque`.
  public let opacity: Opacity
  /// What the file said about itself.
  public let metadata: PhotoMetadata
  /// Things a practitioner should know (an ignored broken profile, tolerated corrupt data).
  public let warnings: [String]

  public init(
    width: Int, height: Int, pixels: PixelStorage, opacity: Opacity, metadata: PhotoMetadata,
    warnings: [String] = []
  ) {
    self.width = width
    self.height = height
    self.pixels = pixels
    self.opacity = opacity
    self.metadata = metadata
    self.warnings = warnings
  }

  /// Number of pixels.
  public var pixelCount: Int { width * height }

  /// Linear-light RGB (sRGB primaries, D65) of pixel `index` (row-major).
  public func linearRGB(at index: Int) -> (r: Float, g: Float, b: Float) {
    switch pixels {
    case .srgb8(let samples):
      let table = SRGBTransfer.decode8
      return (table[Int(samples[3 * index])], table[Int(samples[3 * index + 1])], table[Int(samples[3 * index + 2])])
    case .srgb16(let samples):
      let table = SRGBTransfer.decode16
      return (table[Int(samples[3 * index])], table[Int(samples[3 * index + 1])], table[Int(samples[3 * index + 2])])
    case .linear(let samples):
      return (samples[3 * index], samples[3 * index + 1], samples[3 * index + 2])
    }
  }

  /// Opacity of pixel `index` in 0…1.
  public func alpha(at index: Int) -> Float {
    switch opacity {
    case .opaque: return 1
    case .alpha8(let values): return Float(values[index]) / 255
    case .alpha16(let values): return Float(values[index]) / 65535
    }
  }

  /// The whole photo as interleaved linear-light RGB floats (3 per pixel).
  public func linearRGBSamples() -> [Float] {
    if case .linear(let samples) = pixels { return samples }
    var out = [Float](repeating: 0, count: pixelCount * 3)
    for i in 0..<pixelCount {
      let (r, g, b) = linearRGB(at: i)
      out[3 * i] = r
      out[3 * i + 1] = g
      out[3 * i + 2] = b
    }
    return out
  }
}

/// Pixel samples, row-major, interleaved R, G, B.
public enum PixelStorage: Sendable, Equatable {
  /// sRGB-encoded (IEC 61966-2-1 transfer curve) 8-bit samples.
  case srgb8([UInt8])
  /// sRGB-encoded 16-bit samples.
  case srgb16([UInt16])
  /// Linear-light RGB, sRGB primaries, D65 white; unbounded (wide-gamut colours may be < 0 or > 1).
  case linear([Float])
}

/// Per-pixel opacity.
public enum Opacity: Sendable, Equatable {
  /// Every pixel is opaque (the file has no alpha channel or tRNS).
  case opaque
  /// 8-bit alpha, 255 = opaque.
  case alpha8([UInt8])
  /// 16-bit alpha, 65535 = opaque.
  case alpha16([UInt16])
}
