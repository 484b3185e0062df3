internal import CPhotoCodecs

/// How to decode a photo, and the limits that bound what a decode may cost.
///
/// Every limit is checked from the file's header before any pixel is allocated, whatever the
/// file's shape (a 100 000 000 × 1 strip, an interlaced PNG) or encoding.
public struct DecodeOptions: Sendable, Equatable {
  /// Default pixel limit: 100 MP, larger than any phone camera, small enough to fail fast on
  /// hostile headers (a 100 MP RGBA16 buffer is 800 MB).
  public static let defaultMaxPixels = 100_000_000

  /// Default file limit: 1 gigapixel (e.g. 40000 × 25000), decodable only downscaled.
  public static let defaultMaxFilePixels = 1_000_000_000

  /// Default size limit of a downscaled decode: 16 MP. With ``minimumShortSide`` 640 (the
  /// analysis), any photo whose sides differ by less than 10 : 1 decodes to under 1280 × 12 800;
  /// what cannot be reduced that far (a shorter side already under the minimum and a very long
  /// one, e.g. a 1 000 000 × 20 strip) is refused instead of decoded whole.
  public static let defaultMaxDownscaledPixels = 16_000_000

  /// Default limit on progressive JPEG scans: 500, the value libjpeg-turbo's documentation gives
  /// for djpeg -maxscans / TurboJPEG's scan limit. A camera or encoder writes at most a few dozen
  /// (libjpeg's default script: 10); thousands of tiny scans each walk every block of the image
  /// (a 1 MB file could cost a minute and a half of CPU).
  public static let defaultMaxScans = 500

  /// PNG: the most bytes allocated for one ancillary chunk (8 MB, libpng's own default; this
  /// project had raised it to 64 MB). It bounds a decompressed ICC profile: a longer one is dropped
  /// with a warning in ``Photo/warnings``. Text chunks (tEXt, zTXt, iTXt) and the other chunks the
  /// analysis never reads are skipped unread (never inflated or held), so they cost neither
  /// memory nor time.
  public static let maxPNGChunkBytes = Int(PMC_PNG_CHUNK_MAX_BYTES)

  /// PNG: the longest side, 1 000 000 pixels (libpng's own default). libpng holds two rows of the
  /// file whatever the height, so a 100 000 000 × 1 strip would cost more in rows than in pixels;
  /// a longer side is ``PhotoError/limitExceeded(path:format:detail:)``. (JPEG's own maximum is 65 535.)
  public static let maxPNGSide = Int(PMC_PNG_MAX_SIDE)

  /// PNG: the most ancillary chunks kept in memory (sPLT and the like).
  public static let maxPNGCachedChunks = Int(PMC_PNG_CHUNK_CACHE_MAX)

  /// Largest number of pixels held in memory at once, checked from the header before any
  /// allocation: width × height for a full decode (and progressive JPEGs, which buffer every
  /// coefficient), the reduced size for a streaming downscaled decode (baseline JPEG, PNG interlaced
  /// or not). The decoder's own memory is then at most 16 bytes a pixel for a full decode (RGBA
  /// 16-bit samples and a row table), 16 for a non-interlaced downscaled decode and 48 for an
  /// interlaced one (its accumulators span the reduced image), plus a row of the file; the photo
  /// it returns is copied once more (3 or 6 bytes a pixel, 12 once linear).
  public var maxPixels: Int
  /// Largest width × height a file may claim at all, however it is decoded.
  public var maxFilePixels: Int
  /// With ``minimumShortSide``: the largest decoded (downscaled) width × height.
  public var maxDownscaledPixels: Int
  /// JPEG: the most scans a progressive file may have; more is
  /// ``PhotoError/limitExceeded(path:format:detail:)``.
  public var maxScans: Int
  /// When set, decode smaller but keep the shorter side at least this many pixels: JPEG by
  /// DCT-domain scaling (1/2, 1/4, 1/8), PNG by box filtering in linear light.
  public var minimumShortSide: Int?
  /// Accept JPEG corrupt-data warnings (premature end, bad Huffman data) and report them in
  /// ``Photo/warnings`` instead of failing.
  public var acceptCorruptData: Bool

  public init(
    maxPixels: Int = defaultMaxPixels, maxFilePixels: Int = defaultMaxFilePixels,
    maxDownscaledPixels: Int = defaultMaxDownscaledPixels, maxScans: Int = defaultMaxScans,
    minimumShortSide: Int? = nil, acceptCorruptData: Bool = false
  ) {
    self.maxPixels = maxPixels
    self.maxFilePixels = maxFilePixels
    self.maxDownscaledPixels = maxDownscaledPixels
    self.maxScans = maxScans
    self.minimumShortSide = minimumShortSide
    self.acceptCorruptData = acceptCorruptData
  }

  /// Full-size decode with the default limits.
  public static let full = DecodeOptions()
}
