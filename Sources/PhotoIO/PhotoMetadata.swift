/// What a photo file says about itself.
public struct PhotoMetadata: Sendable, Equatable, Codable {
  public var format: PhotoFormat
  /// Full-resolution size of the upright picture (before any downscaled decode): the size stored
  /// in the file, with width and height swapped when ``orientation`` is 5…8.
  public var width: Int
  public var height: Int
  /// Bits per sample in the file (1, 2, 4, 8 or 16; HEIF/AVIF also 10 or 12).
  public var bitDepth: Int
  /// Channels in the file: 1 grey, 2 grey + alpha, 3 colour, 4 colour + alpha or CMYK.
  public var channels: Int
  /// How the file's colours are encoded: the ICC profile's description, "sRGB (PNG sRGB chunk)",
  /// "gamma 2.20 (PNG gAMA)", or "sRGB (assumed, untagged)".
  public var colorProfile: String
  /// The file's EXIF orientation 1…8 (1 when it has none), applied on decode: the photo's pixels
  /// and sizes are upright, as a viewer shows them. HEIF/AVIF: always 1, because the decoder
  /// already applied the container's rotation and mirror.
  public var orientation: Int
  /// Progressive JPEG or interlaced PNG.
  public var progressive: Bool
  /// Arithmetic-coded JPEG.
  public var arithmeticCoded: Bool
  /// Decoded pixels per file pixel along each axis (1 for a full decode, 2, 4, 8 …).
  public var downscale: Int

  public init(
    format: PhotoFormat, width: Int, height: Int, bitDepth: Int, channels: Int, colorProfile: String,
    orientation: Int = 1, progressive: Bool = false, arithmeticCoded: Bool = false, downscale: Int = 1
  ) {
    self.format = format
    self.width = width
    self.height = height
    self.bitDepth = bitDepth
    self.channels = channels
    self.colorProfile = colorProfile
    self.orientation = orientation
    self.progressive = progressive
    self.arithmeticCoded = arithmeticCoded
    self.downscale = downscale
  }
}
