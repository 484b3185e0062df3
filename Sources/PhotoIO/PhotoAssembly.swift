internal import CPhotoCodecs

/// Turns a C decode into a ``Photo``: colour management (ICC, then PNG sRGB, then gAMA/cHRM,
/// then assumed sRGB, the precedence of PNG §11.3.3), alpha separation and PNG downscaling.
struct PhotoAssembly {
  let decoded: DecodedImage
  let format: PhotoFormat
  let name: String
  let options: DecodeOptions

  func photo() throws(PhotoError) -> Photo {
    let image = decoded.image
    var warnings: [String] = []
    if image.warnings > 0 {
      warnings.append("\(image.warnings) corrupt-data warning(s) accepted: \(decoded.message)")
    }
    if image.icc_malformed != 0 {
      warnings.append("the embedded ICC profile is malformed and was ignored; colours read as sRGB")
    }
    let (storage, profile) = colourManaged(warnings: &warnings)
    let opacity = image.has_alpha != 0 ? alpha() : .opaque
    let kind = Int(image.file_kind)
    let fileChannels = [Int(PMC_KIND_GRAY): 1, Int(PMC_KIND_GRAY_ALPHA): 2, Int(PMC_KIND_RGB): 3,
      Int(PMC_KIND_RGB_ALPHA): 4, Int(PMC_KIND_CMYK): 4, Int(PMC_KIND_YCCK): 4][kind] ?? (image.has_alpha != 0 ? 4 : 3)
    var metadata = PhotoMetadata(
      format: format, width: Int(image.file_width), height: Int(image.file_height),
      bitDepth: Int(image.file_bit_depth), channels: fileChannels, colorProfile: profile,
      orientation: image.orientation == 0 ? 1 : Int(image.orientation),
      progressive: image.progressive != 0 || image.interlaced != 0, arithmeticCoded: image.arithmetic != 0,
      downscale: Int((Double(image.file_width) / Double(max(decoded.width, 1))).rounded()))
    var photo = Photo(
      width: decoded.width, height: decoded.height, pixels: storage, opacity: opacity, metadata: metadata,
      warnings: warnings)
    if format == .png {
      let factor = options.reduction(width: photo.width, height: photo.height, limit: 64)
      if factor > 1 {
        photo = BoxDownscale.reduce(photo, by: factor)
        metadata.downscale = factor
        photo = Photo(
          width: photo.width, height: photo.height, pixels: photo.pixels, opacity: photo.opacity,
          metadata: metadata, warnings: warnings)
      }
    }
    return photo
  }

  /// The pixels as RGB in sRGB primaries, and a description of the source encoding.
  private func colourManaged(warnings: inout [String]) -> (PixelStorage, String) {
    let image = decoded.image
    if let icc = decoded.iccProfile {
      let description = ICCProfile.describe(icc)?.description ?? "embedded ICC profile"
      switch decoded.linearSRGB(useICC: true) {
      case .success(let linear): return (.linear(linear), description.isEmpty ? "embedded ICC profile" : description)
      case .failure(let failure):
        warnings.append("colour profile ignored (\(failure.reason)); colours read as sRGB")
        return (encodedSamples(), "sRGB (assumed; embedded profile unusable)")
      }
    }
    if image.has_srgb_chunk != 0 { return (encodedSamples(), "sRGB (PNG sRGB chunk)") }
    if image.has_gama != 0 {
      let label = String(format: "gamma %.2f (PNG gAMA%@)", 1 / image.gama, image.has_chrm != 0 ? " + cHRM" : "")
      switch decoded.linearSRGB(useICC: false) {
      case .success(let linear): return (.linear(linear), label)
      case .failure(let failure):
        warnings.append("gAMA/cHRM ignored (\(failure.reason)); colours read as sRGB")
      }
    }
    return (encodedSamples(), "sRGB (assumed, untagged)")
  }

  /// RGB samples as stored, taken to sRGB-encoded storage (CMYK converted naively).
  private func encodedSamples() -> PixelStorage {
    let count = decoded.width * decoded.height
    let channels = decoded.channels
    if decoded.image.is_cmyk != 0 { return .srgb8(naiveCMYK(count: count)) }
    if decoded.sampleBits == 16 {
      let source = UnsafeBufferPointer(
        start: UnsafeRawPointer(decoded.image.pixels).assumingMemoryBound(to: UInt16.self), count: count * channels)
      return .srgb16(Self.dropAlpha(source, count: count, channels: channels))
    }
    let source = UnsafeBufferPointer(start: decoded.image.pixels, count: count * channels)
    return .srgb8(Self.dropAlpha(source, count: count, channels: channels))
  }

  private static func dropAlpha<T: FixedWidthInteger>(_ source: UnsafeBufferPointer<T>, count: Int, channels: Int) -> [T] {
    if channels == 3 { return Array(source) }
    var out = [T](repeating: 0, count: count * 3)
    for i in 0..<count {
      out[3 * i] = source[channels * i]
      out[3 * i + 1] = source[channels * i + 1]
      out[3 * i + 2] = source[channels * i + 2]
    }
    return out
  }

  /// CMYK without a usable profile: RGB = (1 − C)(1 − K) …, Adobe files storing inverted ink.
  private func naiveCMYK(count: Int) -> [UInt8] {
    let source = UnsafeBufferPointer(start: decoded.image.pixels, count: count * 4)
    let inverted = decoded.image.cmyk_inverted != 0
    var out = [UInt8](repeating: 0, count: count * 3)
    for i in 0..<count {
      func ink(_ v: UInt8) -> Int { inverted ? Int(v) : 255 - Int(v) }
      let k = ink(source[4 * i + 3])
      for c in 0..<3 { out[3 * i + c] = UInt8((ink(source[4 * i + c]) * k + 127) / 255) }
    }
    return out
  }

  private func alpha() -> Opacity {
    let count = decoded.width * decoded.height
    guard decoded.channels == 4 else { return .opaque }
    if decoded.sampleBits == 16 {
      let source = UnsafeBufferPointer(
        start: UnsafeRawPointer(decoded.image.pixels).assumingMemoryBound(to: UInt16.self), count: count * 4)
      return .alpha16((0..<count).map { source[4 * $0 + 3] })
    }
    let source = UnsafeBufferPointer(start: decoded.image.pixels, count: count * 4)
    return .alpha8((0..<count).map { source[4 * $0 + 3] })
  }
}
