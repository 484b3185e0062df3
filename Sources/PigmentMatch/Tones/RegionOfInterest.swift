/// A rectangle of a photo to analyse, in full-resolution pixel coordinates of the upright photo
/// (origin top left, as a viewer shows it: the decoder applies the EXIF orientation).
public struct RegionOfInterest: Sendable, Hashable {
  /// Left and top edge, ≥ 0.
  public let x, y: Int
  /// Width and height, ≥ 1.
  public let width, height: Int

  /// A region; throws ``ToneAnalysisError/invalidRegion(text:reason:)`` for a negative origin,
  /// an empty size, or coordinates whose sum overflows.
  public init(x: Int, y: Int, width: Int, height: Int) throws(ToneAnalysisError) {
    let text = "\(x),\(y),\(width),\(height)"
    guard x >= 0, y >= 0 else { throw .invalidRegion(text: text, reason: "x and y must be ≥ 0") }
    guard width > 0, height > 0 else { throw .invalidRegion(text: text, reason: "width and height must be ≥ 1") }
    guard !x.addingReportingOverflow(width).overflow, !y.addingReportingOverflow(height).overflow else {
      throw .invalidRegion(text: text, reason: "too large")
    }
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// Parses `"x,y,w,h"` (four decimal integers, optional spaces around each).
  public static func parse(_ text: String) throws(ToneAnalysisError) -> RegionOfInterest {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 4 else {
      throw .invalidRegion(text: text, reason: "expected four comma-separated integers")
    }
    var values: [Int] = []
    for part in parts {
      let trimmed = part.trimmingSpaces
      guard !trimmed.isEmpty, trimmed.count <= 12,
        trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }),
        let value = Int(trimmed)
      else {
        throw .invalidRegion(text: text, reason: "'\(part)' is not an integer")
      }
      values.append(value)
    }
    return try RegionOfInterest(x: values[0], y: values[1], width: values[2], height: values[3])
  }

  /// Whether the region lies wholly inside a `width` × `height` image.
  public func isInside(width imageWidth: Int, height imageHeight: Int) -> Bool {
    x + width <= imageWidth && y + height <= imageHeight
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: Substring {
    var s = self
    while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
    while let last = s.last, last == " " || last == "\t" { s.removeLast() }
    return s
  }
}
