/// A whole photo in CIELAB (D65), one row-major `Float` plane per component (`l[y * width + x]`).
/// Empty (0×0) when the conversion's arguments were invalid.
public struct LabPlanes: Sendable {
  /// Size in pixels.
  public let width, height: Int
  /// L* (0…100), a*, b* planes, `width * height` each.
  public var l, a, b: [Float]

  /// Memberwise; the planes must each hold `width * height` values.
  public init(width: Int, height: Int, l: [Float], a: [Float], b: [Float]) {
    self.width = width
    self.height = height
    self.l = l
    self.a = a
    self.b = b
  }

  /// The empty result.
  public static let empty = LabPlanes(width: 0, height: 0, l: [], a: [], b: [])

  /// The pixel at (x, y) as double-precision ``Lab``.
  public subscript(x: Int, y: Int) -> Lab {
    let i = y * width + x
    return Lab(l: Double(l[i]), a: Double(a[i]), b: Double(b[i]))
  }
}
