/// Which pixels of a photo to analyse: a full-resolution boolean image (true = analyse), read from
/// a PNG (or JPEG) whose non-zero pixels mark the area.
public struct AnalysisMask: Sendable, Equatable {
  /// Full-resolution size; must equal the photo's.
  public let width, height: Int
  /// Row-major, `width × height` flags.
  public let include: [Bool]

  /// A mask from flags; nil unless `include.count == width × height` and both are positive.
  public init?(width: Int, height: Int, include: [Bool]) {
    guard width > 0, height > 0, include.count == width * height else { return nil }
    self.width = width
    self.height = height
    self.include = include
  }

  /// Reads a mask image: a pixel is included when any of its channels is non-zero and it is not
  /// fully transparent. Throws ``ToneAnalysisError/maskUnreadable(_:)`` when it cannot be decoded.
  public static func load(contentsOf path: String) throws(ToneAnalysisError) -> AnalysisMask {
    let image: Photo
    do { image = try PhotoDecoder.decode(contentsOf: path) } catch { throw .maskUnreadable(error) }
    var flags = [Bool](repeating: false, count: image.pixelCount)
    for i in 0..<image.pixelCount where image.alpha(at: i) > 0 {
      let (r, g, b) = image.linearRGB(at: i)
      flags[i] = r > 1e-6 || g > 1e-6 || b > 1e-6
    }
    guard let mask = AnalysisMask(width: image.width, height: image.height, include: flags) else {
      throw .maskUnreadable(.corrupt(path: path, format: image.metadata.format, detail: "empty image"))
    }
    return mask
  }

  /// Whether full-resolution pixel (x, y) is included (false outside the mask).
  public func includes(x: Int, y: Int) -> Bool {
    guard x >= 0, y >= 0, x < width, y < height else { return false }
    return include[y * width + x]
  }
}
