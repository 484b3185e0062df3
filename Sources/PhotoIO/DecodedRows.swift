/// A band of finished rows handed out while the rest of the photo is still being decoded (see
/// ``PhotoDecoder/decode(contentsOf:options:rows:)``).
///
/// The samples are only valid during the call that receives them.
package struct DecodedRows {
  /// The pixels of a band, as the returned photo will hold them.
  package enum Samples {
    /// Interleaved 8-bit sRGB (R, G, B): an untagged JPEG.
    case srgb8(UnsafeBufferPointer<UInt8>)
    /// Interleaved linear-light RGB floats with sRGB primaries (R, G, B; unbounded): a JPEG whose
    /// embedded ICC profile was applied.
    case linear(UnsafeBufferPointer<Float>)
  }

  /// Decoded size of the whole photo (after any downscaling).
  package let width, height: Int
  /// Size stored in the file.
  package let fileWidth, fileHeight: Int
  /// The rows of this band, in decoded coordinates.
  package let rows: Range<Int>
  /// The pixels of `rows`, row-major, 3 samples per pixel: `3 × width × rows.count` values.
  package let samples: Samples
}
