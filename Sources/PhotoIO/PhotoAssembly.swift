internal import CPhotoCodecs

/// Turns a C decode into a ``Photo``: colour management (ICC, then PNG sRGB, then gAMA/cHRM,
/// then assumed sRGB, the precedence of PNG §11.3.3; for HEIF ICC, then nclx), alpha separation
/// and EXIF orientation (HEIF arrives upright: libheif applied its rotation and mirror).
struct PhotoAssembly {
  let decoded: DecodedImage
  let format: PhotoFormat
  let name: String
  let options: DecodeOptions

  func photo() throws(PhotoError) -> Photo {
    let image = decoded.image
    var warnings = decodeWarnings()
    let (storage, profile) = colourManaged(warnings: &warnings)
    warnings += rejectedProfileWarning(profile: profile)
    // EXIF orientation is applied: pixels and sizes are those of the picture a viewer shows.
    let metadata = self.metadata(profile: profile)
    let (pixels, opacity) = ExifOrientation.upright(
      storage, image.has_alpha != 0 ? alpha() : .opaque, width: decoded.width, height: decoded.height,
      orientation: metadata.orientation)
    let swap = ExifOrientation.swapsSides(metadata.orientation)
    return Photo(
      width: swap ? decoded.height : decoded.width, height: swap ? decoded.width : decoded.height, pixels: pixels,
      opacity: opacity, metadata: metadata, warnings: warnings)
  }

  /// What a decode whose rows were streamed and colour-managed in C (pmc_decode_png_rows_file with
  /// linear light) says about the photo: the same metadata and warnings ``photo()`` gives.
  func streamedDescription() -> (metadata: PhotoMetadata, warnings: [String]) {
    var warnings = decodeWarnings()
    let profile = managedInC(warnings: &warnings)
    warnings += rejectedProfileWarning(profile: profile)
    return (metadata(profile: profile), warnings)
  }

  /// Warnings about the data and a malformed JPEG profile.
  private func decodeWarnings() -> [String] {
    var warnings: [String] = []
    if decoded.image.warnings > 0 {
      warnings.append("\(decoded.image.warnings) corrupt-data warning(s) accepted: \(decoded.message)")
    }
    if decoded.image.icc_malformed != 0 {
      warnings.append("the embedded ICC profile is malformed and was ignored; colours read as sRGB")
    }
    return warnings
  }

  /// The warning for a profile libpng dropped (JPEG's malformed profiles warn in ``decodeWarnings()``).
  private func rejectedProfileWarning(profile: String) -> [String] {
    guard decoded.image.icc_rejected != 0 else { return [] }
    let reason = withUnsafeBytes(of: decoded.image.icc_rejected_message) {
      String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
    }
    return ["the embedded ICC profile was rejected (\(reason)) and ignored; colours read as \(profile)"]
  }

  /// The file's facts, upright (EXIF orientation applied to the sizes).
  private func metadata(profile: String) -> PhotoMetadata {
    let image = decoded.image
    let kind = Int(image.file_kind)
    let fileChannels = [Int(PMC_KIND_GRAY): 1, Int(PMC_KIND_GRAY_ALPHA): 2, Int(PMC_KIND_RGB): 3,
      Int(PMC_KIND_RGB_ALPHA): 4, Int(PMC_KIND_CMYK): 4, Int(PMC_KIND_YCCK): 4][kind] ?? (image.has_alpha != 0 ? 4 : 3)
    let orientation = image.orientation == 0 ? 1 : Int(image.orientation)
    let swap = ExifOrientation.swapsSides(orientation)
    return PhotoMetadata(
      format: format, width: Int(swap ? image.file_height : image.file_width),
      height: Int(swap ? image.file_width : image.file_height),
      bitDepth: Int(image.file_bit_depth), channels: fileChannels, colorProfile: profile,
      orientation: orientation,
      progressive: image.progressive != 0 || image.interlaced != 0, arithmeticCoded: image.arithmetic != 0,
      downscale: max(1, Int(image.reduce_factor)))
  }

  /// The pixels as RGB in sRGB primaries, and a description of the source encoding. The source is
  /// chosen by `pmc_color_source` (the one place that holds PNG §11.3.3's precedence).
  private func colourManaged(warnings: inout [String]) -> (PixelStorage, String) {
    let image = decoded.image
    let source = Int(pmc_color_source(&decoded.image))
    let description = sourceDescription(source)
    if source == Int(PMC_SOURCE_NCLX) || source == Int(PMC_SOURCE_NCLX_SRGB), !decoded.nclx.supported {
      warnings.append("colour description not fully supported (\(decoded.nclx.description)); colours read as sRGB")
    }
    if image.linear_float != 0 {  // Reduced PNG or HEIF decode: already linear, managed in C.
      let linear = Array(
        UnsafeBufferPointer(
          start: UnsafeRawPointer(image.pixels).assumingMemoryBound(to: Float.self), count: decoded.width * decoded.height * 3))
      return (.linear(linear), managedInC(warnings: &warnings))
    }
    if source == Int(PMC_SOURCE_ICC), let linear = decoded.streamedLinear {  // Converted while streaming.
      return (.linear(linear), description)
    }
    switch source {
    case Int(PMC_SOURCE_ICC), Int(PMC_SOURCE_GAMA), Int(PMC_SOURCE_NCLX):
      switch decoded.linearSRGB(source: Int32(source)) {
      case .success(let linear): return (.linear(linear), description)
      case .failure(let failure):
        warnings.append("colour profile ignored (\(failure.reason)); colours read as sRGB")
        return (encodedSamples(), "sRGB (assumed; \(description) unusable)")
      }
    default:
      return (encodedSamples(), description)
    }
  }

  /// The description of a colour source the C decoder applied (or, with a warning, fell back to
  /// sRGB from).
  private func managedInC(warnings: inout [String]) -> String {
    let description = sourceDescription(Int(pmc_color_source(&decoded.image)))
    guard decoded.image.profile_failed != 0 else { return description }
    warnings.append("colour profile ignored (\(decoded.profileMessage)); colours read as sRGB")
    return "sRGB (assumed; \(description) unusable)"
  }

  /// A person-readable name for the colour source.
  private func sourceDescription(_ source: Int) -> String {
    let image = decoded.image
    switch source {
    case Int(PMC_SOURCE_ICC):
      let text = decoded.iccProfile.flatMap { ICCProfile.describe($0)?.description } ?? ""
      return text.isEmpty ? "embedded ICC profile" : text
    case Int(PMC_SOURCE_SRGB_CHUNK): return "sRGB (PNG sRGB chunk)"
    case Int(PMC_SOURCE_NCLX), Int(PMC_SOURCE_NCLX_SRGB): return decoded.nclx.description
    case Int(PMC_SOURCE_GAMA):
      return String(format: "gamma %.2f (PNG gAMA%@)", 1 / image.gama, image.has_chrm != 0 ? " + cHRM" : "")
    default: return "sRGB (assumed, untagged)"
    }
  }

  /// RGB samples as stored, taken to sRGB-encoded storage (CMYK converted naively).
  private func encodedSamples() -> PixelStorage {
    if let direct = decoded.directRGB { return .srgb8(direct) }
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
    if let alpha = decoded.image.alpha {  // Reduced PNG or HEIF decode: opacity 0…1 floats.
      return .alpha8((0..<count).map { UInt8((min(max(alpha[$0], 0), 1) * 255).rounded()) })
    }
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
