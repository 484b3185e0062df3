internal import CPhotoCodecs

/// The one place Swift calls the C codecs: turns status codes into ``PhotoError`` and owns the
/// lifetime of the C image.
final class DecodedImage {
  var image = pmc_image()
  /// 8-bit RGB decoded straight into Swift storage (plain JPEGs): no second copy of the pixels.
  var directRGB: [UInt8]?
  /// Linear-light sRGB converted row by row from an ICC-tagged JPEG while it was streamed (the
  /// same values PhotoAssembly would compute from the whole image).
  var streamedLinear: [Float]?

  deinit { pmc_image_free(&image) }

  var profileMessage: String {
    withUnsafeBytes(of: image.profile_message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }

  /// The nclx description and whether this library converts all of it (HEIF only).
  var nclx: (description: String, supported: Bool) {
    var text = [CChar](repeating: 0, count: 160)
    let supported = text.withUnsafeMutableBufferPointer { pmc_nclx_describe(&image, $0.baseAddress, $0.count) }
    return (String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), supported != 0)
  }

  var message: String { withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }
  var width: Int { Int(image.width) }
  var height: Int { Int(image.height) }
  var channels: Int { Int(image.channels) }
  var sampleBits: Int { Int(image.sample_bits) }

  var iccProfile: [UInt8]? {
    guard let icc = image.icc, image.icc_len > 0 else { return nil }
    return Array(UnsafeBufferPointer(start: icc, count: Int(image.icc_len)))
  }

  /// Where the encoded bytes come from.
  enum Source {
    case bytes([UInt8])
    /// An open file, streamed by the C decoder (never held whole in memory).
    case file(UnsafeMutablePointer<FILE>)
  }

  /// Decodes `bytes` as `format`, throwing a ``PhotoError`` that names `path`.
  static func decode(_ bytes: [UInt8], format: PhotoFormat, path: String, options: DecodeOptions)
    throws(PhotoError) -> DecodedImage
  {
    try decode(.bytes(bytes), format: format, path: path, options: options)
  }

  /// The C decoders' options for `options` (full scale; no borrowed buffer).
  static func cOptions(_ options: DecodeOptions) -> pmc_options {
    pmc_options(
      max_pixels: UInt64(max(options.maxPixels, 0)), max_file_pixels: UInt64(max(options.maxFilePixels, 0)),
      max_downscaled_pixels: UInt64(max(options.maxDownscaledPixels, 0)),
      max_scans: Int32(clamping: max(options.maxScans, 0)),
      scale_denom: 1,
      min_short_side: Int32(clamping: options.minimumShortSide ?? 0),
      accept_warnings: options.acceptCorruptData ? 1 : 0, into: nil, into_len: 0, progress: nil)
  }

  /// Decodes from `source` as `format`, throwing a ``PhotoError`` that names `path`. With `rows`,
  /// a plain 8-bit RGB JPEG is decoded on a second thread and its rows are handed to `rows` on
  /// this thread as they are finished (every row once, in order); other files never call it.
  static func decode(
    _ source: Source, format: PhotoFormat, path: String, options: DecodeOptions,
    rows: ((DecodedRows) -> Void)? = nil
  ) throws(PhotoError) -> DecodedImage {
    let decoded = DecodedImage()
    var cOptions = cOptions(options)
    let status: Int32
    if format == .jpeg, let direct = directSize(source, &cOptions, streaming: rows != nil) {
      // 8-bit RGB output: let libjpeg write into the array the Photo will own (plain JPEGs), or
      // into one converted row by row to linear light while streaming (ICC-tagged JPEGs).
      let size = direct.width * direct.height * 3
      var result = Int32(PMC_OK)
      decoded.directRGB = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        cOptions.into = buffer.baseAddress
        cOptions.into_len = size
        if let rows, direct.streams, let base = buffer.baseAddress {
          (result, decoded.streamedLinear) = RowStreamingDecode.run(
            source: source, options: cOptions, image: decoded, pixels: base, size: direct, deliver: rows)
        } else {
          result = decodeJPEG(source, &cOptions, &decoded.image)
        }
        initialized = result == Int32(PMC_OK) && decoded.image.pixels_borrowed != 0 ? size : 0
      }
      if decoded.image.pixels_borrowed != 0 {
        decoded.image.pixels = nil  // Borrowed from the array's storage: never used through C again.
      } else {
        decoded.directRGB = nil
      }
      status = result
    } else if format == .jpeg {
      status = decodeJPEG(source, &cOptions, &decoded.image)
    } else if format == .heif || format == .avif {
      switch source {
      case .bytes(let bytes):
        status = bytes.withUnsafeBufferPointer { pmc_decode_heif($0.baseAddress, $0.count, &cOptions, &decoded.image) }
      case .file(let file):
        status = pmc_decode_heif_file(file, &cOptions, &decoded.image)
      }
    } else {
      switch source {
      case .bytes(let bytes):
        status = bytes.withUnsafeBufferPointer { pmc_decode_png($0.baseAddress, $0.count, &cOptions, &decoded.image) }
      case .file(let file):
        status = pmc_decode_png_file(file, &cOptions, &decoded.image)
      }
    }
    if status != Int32(PMC_OK) {
      throw error(status: status, message: decoded.message, format: format, path: path, decoded: decoded)
    }
    return decoded
  }

  static func decodeJPEG(_ source: Source, _ options: inout pmc_options, _ image: inout pmc_image) -> Int32 {
    switch source {
    case .bytes(let bytes):
      return bytes.withUnsafeBufferPointer { pmc_decode_jpeg($0.baseAddress, $0.count, &options, &image) }
    case .file(let file):
      return pmc_decode_jpeg_file(file, &options, &image)
    }
  }

  /// A JPEG's decoded and stored size when its 8-bit RGB output can be decoded in place: not
  /// CMYK, and without an ICC profile unless its rows stream (converted as they come), else nil.
  /// Rows stream when `streaming` and the file needs no EXIF turn (orientation 1 or none): other
  /// orientations reorder rows, so those photos are decoded whole and turned.
  private static func directSize(_ source: Source, _ options: inout pmc_options, streaming: Bool)
    -> RowStreamingDecode.Size?
  {
    var width: Int32 = 0, height: Int32 = 0, channels: Int32 = 0, hasICC: Int32 = 0
    var fileWidth: Int32 = 0, fileHeight: Int32 = 0
    var icc: UnsafeMutablePointer<UInt8>?
    var iccLength: UInt32 = 0
    var orientation: Int32 = 0
    let status: Int32
    switch source {
    case .bytes(let bytes):
      status = bytes.withUnsafeBufferPointer {
        pmc_probe_jpeg(
          $0.baseAddress, $0.count, nil, &options, &width, &height, &channels, &hasICC, &fileWidth, &fileHeight, &icc,
          &iccLength, &orientation)
      }
    case .file(let file):
      status = pmc_probe_jpeg(
        nil, 0, file, &options, &width, &height, &channels, &hasICC, &fileWidth, &fileHeight, &icc, &iccLength,
        &orientation)
    }
    defer { pmc_free(icc) }
    let streams = streaming && orientation <= 1
    guard status == Int32(PMC_OK), channels == 3, hasICC == 0 || streams, width > 0, height > 0 else { return nil }
    // Leave oversized claims to the decoder's own limit checks (nothing is allocated before them).
    guard UInt64(width) * UInt64(height) <= options.max_pixels else { return nil }
    if options.min_short_side > 0, options.max_downscaled_pixels > 0,
      UInt64(width) * UInt64(height) > options.max_downscaled_pixels
    {
      return nil
    }
    let profile = icc.map { Array(UnsafeBufferPointer(start: $0, count: Int(iccLength))) }
    return RowStreamingDecode.Size(
      width: Int(width), height: Int(height), fileWidth: Int(fileWidth), fileHeight: Int(fileHeight), icc: profile,
      streams: streams)
  }

  /// The error for a failed PNG opacity decode (``PhotoDecoder/decodeOpacity(contentsOf:options:)``).
  static func error(status: Int32, path: String, decoded: DecodedImage) -> PhotoError {
    error(status: status, message: decoded.message, format: .png, path: path, decoded: decoded)
  }

  private static func error(
    status: Int32, message: String, format: PhotoFormat, path: String, decoded: DecodedImage
  ) -> PhotoError {
    switch Int(status) {
    case Int(PMC_ERR_TRUNCATED): return .truncated(path: path, format: format, detail: message)
    case Int(PMC_ERR_UNSUPPORTED): return .unsupportedFeature(path: path, format: format, detail: message)
    case Int(PMC_ERR_TOO_LARGE):
      return .tooLarge(
        path: path, width: Int(decoded.image.file_width), height: Int(decoded.image.file_height),
        limit: Int(clamping: decoded.image.limit_hit))
    case Int(PMC_ERR_NO_MEMORY): return .outOfMemory(path: path)
    case Int(PMC_ERR_LIMIT): return .limitExceeded(path: path, format: format, detail: message)
    default: return .corrupt(path: path, format: format, detail: message.isEmpty ? "unreadable data" : message)
    }
  }

  /// The decoded samples as stored (no colour management).
  func rawImage() -> RawImage {
    let count = width * height * channels
    let samples: RawImage.Samples
    if let directRGB {
      samples = .eight(directRGB)
    } else if sampleBits == 16 {
      samples = .sixteen(image.pixels.withMemoryRebound(to: UInt16.self, capacity: count) {
        Array(UnsafeBufferPointer(start: $0, count: count))
      })
    } else {
      samples = .eight(Array(UnsafeBufferPointer(start: image.pixels, count: count)))
    }
    return RawImage(width: width, height: height, channels: channels, samples: samples)
  }

  /// Why a colour conversion was not possible.
  struct ConversionFailure: Error { let reason: String }

  /// Pixels converted to linear sRGB through lcms2 from `source` (`PMC_SOURCE_ICC`, `_GAMA` for
  /// PNG gAMA/cHRM, or `_NCLX` for a HEIF nclx description).
  func linearSRGB(source: Int32) -> Result<[Float], ConversionFailure> {
    var out = [Float](repeating: 0, count: width * height * 3)
    var message = [CChar](repeating: 0, count: 256)
    // Pixels decoded into Swift storage are lent to C for the call.
    let direct = directRGB ?? []
    let status = direct.withUnsafeBufferPointer { samples in
      var image = self.image
      if image.pixels == nil { image.pixels = UnsafeMutablePointer(mutating: samples.baseAddress) }
      return out.withUnsafeMutableBufferPointer { buffer in
        message.withUnsafeMutableBufferPointer { text in
          pmc_to_linear_srgb(&image, source, buffer.baseAddress, text.baseAddress, text.count)
        }
      }
    }
    guard status == Int32(PMC_OK) else {
      return .failure(
        ConversionFailure(reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
    }
    return .success(out)
  }
}

/// ICC profile facts read through lcms2.
package enum ICCProfile {
  /// The colour space an ICC profile describes.
  package enum ColorSpace: Sendable { case gray, rgb, cmyk, other }

  /// The profile's description text and colour space, or nil when lcms2 cannot parse it.
  package static func describe(_ bytes: [UInt8]) -> (description: String, colorSpace: ColorSpace)? {
    var text = [CChar](repeating: 0, count: 256)
    var space: Int32 = 0
    let status = bytes.withUnsafeBufferPointer { buffer in
      text.withUnsafeMutableBufferPointer { out in
        pmc_icc_describe(buffer.baseAddress, UInt32(buffer.count), out.baseAddress, out.count, &space)
      }
    }
    guard status == Int32(PMC_OK) else { return nil }
    let description = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let colorSpace: ColorSpace = space == 1 ? .gray : space == 3 ? .rgb : space == 4 ? .cmyk : .other
    return (description, colorSpace)
  }

  /// The tone curve of a generated profile.
  package enum ToneCurve: Sendable {
    /// The sRGB piecewise curve (IEC 61966-2-1), as Display P3 uses it.
    case srgb
    /// A pure power law, decoding exponent γ (e.g. 2.2).
    case gamma(Double)
  }

  /// A matrix/shaper RGB profile from chromaticities `[white x, y, red x, y, green x, y, blue x, y]`.
  /// Used to tag generated sample photos.
  package static func makeRGB(chromaticities: [Double], curve: ToneCurve, description: String) -> [UInt8]? {
    guard chromaticities.count == 8 else { return nil }
    let (gamma, srgb): (Double, Int32)
    switch curve {
    case .srgb: (gamma, srgb) = (0, 1)
    case .gamma(let value):
      guard value > 0 else { return nil }
      (gamma, srgb) = (value, 0)
    }
    var out: UnsafeMutablePointer<UInt8>?
    var length: UInt32 = 0
    let status = chromaticities.withUnsafeBufferPointer { xy in
      pmc_make_rgb_profile(xy.baseAddress, gamma, srgb, description, &out, &length)
    }
    guard status == Int32(PMC_OK), let out else { return nil }
    defer { pmc_free(out) }
    return Array(UnsafeBufferPointer(start: out, count: Int(length)))
  }

  /// DCI-P3 primaries with a D65 white (SMPTE EG 432-1), as Apple's Display P3 uses them.
  package static let displayP3Chromaticities: [Double] = [0.3127, 0.3290, 0.680, 0.320, 0.265, 0.690, 0.150, 0.060]
}
