/// How to decode a photo.
public struct DecodeOptions: Sendable, Equatable {
  /// Default pixel limit: 100 MP, larger than any phone camera, small enough to fail fast on
  /// hostile headers (a 100 MP RGBA16 buffer is 800 MB).
  public static let defaultMaxPixels = 100_000_000

  /// Default file limit: 1 gigapixel (e.g. 40000 × 25000), decodable only downscaled.
  public static let defaultMaxFilePixels = 1_000_000_000

  /// Largest number of pixels held in memory at once, checked from the header before any
  /// allocation: width × height for a full decode (and progressive JPEGs, which buffer every
  /// coefficient), the reduced size for a streaming downscaled decode (baseline JPEG, non-interlaced
  /// PNG). Peak memory is then about 16 bytes × this many pixels, plus a few rows of the file.
  public var maxPixels: Int
  /// Largest width × height a file may claim at all, however it is decoded.
  public var maxFilePixels: Int
  /// When set, decode smaller but keep the shorter side at least this many pixels: JPEG by
  /// DCT-domain scaling (1/2, 1/4, 1/8), PNG by box filtering in linear light.
  public var minimumShortSide: Int?
  /// Accept JPEG corrupt-data warnings (premature end, bad Huffman data) and report them in
  /// ``Photo/warnings`` instead of failing.
  public var acceptCorruptData: Bool

  public init(
    maxPixels: Int = defaultMaxPixels, maxFilePixels: Int = defaultMaxFilePixels, minimumShortSide: Int? = nil,
    acceptCorruptData: Bool = false
  ) {
    self.maxPixels = maxPixels
    self.maxFilePixels = maxFilePixels
    self.minimumShortSide = minimumShortSide
    self.acceptCorruptData = acceptCorruptData
  }

  /// Full-size decode with the default limits.
  public static let full = DecodeOptions()
}
