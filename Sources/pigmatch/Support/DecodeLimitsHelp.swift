import PigmentMatch

/// What `pigmatch --help` and the photo arguments say about decoding: the limits every photo and
/// mask is held to, from the library's own constants.
enum DecodeLimitsHelp {
  /// One line for a photo argument.
  static let argument = "A PNG, JPEG, HEIC/HEIF or AVIF photo (decode limits: pigmatch --help)."

  /// The root command's discussion.
  static let discussion = """
    Photos (PNG, JPEG, HEIC/HEIF, AVIF) are decoded within limits checked from the file's header before memory is \
    used: a file may claim at most \(grouped(DecodeOptions.defaultMaxFilePixels)) pixels (a PNG side at \
    most \(grouped(DecodeOptions.maxPNGSide))); a full-size \
    decode (inspect, --mask, --regions) holds at most \(grouped(DecodeOptions.defaultMaxPixels)) (a PNG \
    streams row by row, interlaced or not: inspect holds a row; a PNG or JPEG mask or label mask streams \
    into one byte a pixel, a HEIF one is decoded whole); analyze, match, \
    report and batch decode downscaled (shorter side at least 640 px) to at most \
    \(grouped(DecodeOptions.defaultMaxDownscaledPixels)) pixels, so a photo that cannot shrink that far \
    (e.g. \(grouped(1_000_000))\u{00A0}×\u{00A0}20) is refused. Progressive JPEG: at most \(DecodeOptions.defaultMaxScans) scans. \
    PNG: text chunks are skipped unread; an ICC profile over \(grouped(DecodeOptions.maxPNGChunkBytes)) \
    bytes, or one that cannot describe the pixels, is ignored with a warning. EXIF orientation is \
    applied: sizes and regions are those of the upright photo.
    """

  /// 100000000 → "100 000 000" (no-break spaces, so help text never wraps inside a number).
  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var out = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append("\u{00A0}") }
      out.append(digit)
    }
    return out
  }
}
