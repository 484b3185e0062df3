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
  /// fully transparent (`PhotoDecoder.decodeOpacity(contentsOf:options:)` in PhotoIO: a PNG or JPEG streams
  /// row by row into one byte a pixel). Throws ``ToneAnalysisError/maskUnreadable(_:)`` when it cannot be
  /// decoded.
  public static func load(contentsOf path: String) throws(ToneAnalysisError) -> AnalysisMask {
    let plane: OpacityPlane
    do { plane = try PhotoDecoder.decodeOpacity(contentsOf: path) } catch { throw .maskUnreadable(error) }
    guard let mask = AnalysisMask(width: plane.width, height: plane.height, include: plane.marked) else {
      throw .maskUnreadable(.corrupt(path: path, format: .png, detail: "empty image"))
    }
    return mask
  }

  /// Whether full-resolution pixel (x, y) is included (false outside the mask).
  public func includes(x: Int, y: Int) -> Bool {
    guard x >= 0, y >= 0, x < width, y < height else { return false }
    return include[y * width + x]
  }
}
