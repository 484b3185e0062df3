/// A band of finished rows handed out while the rest of the photo is still being decoded (see
/// ``PhotoDecoder/decode(contentsOf:options:rows:)``).
///
/// The samples are only valid during the call that receives them.
public struct DecodedRows {
  /// Decoded size of the whole photo (after any downscaling).
  public let width, height: Int
  /// Size stored in the file.
  public let fileWidth, fileHeight: Int
  /// The rows of this band, in decoded coordinates.
  public let rows: Range<Int>
  /// Interleaved 8-bit sRGB samples (R, G, B) of `rows`, row-major: `3 × width × rows.count` bytes.
  public let samples: UnsafeBufferPointer<UInt8>
}
