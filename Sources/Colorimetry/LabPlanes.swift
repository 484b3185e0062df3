/// A whole photo in CIELAB (D65), one row-major `Float` plane per component (`l[y * width + x]`).
/// Empty (0×0) when the conversion's arguments were invalid.
package struct LabPlanes: Sendable {
  /// Size in pixels.
  package let width, height: Int
  /// L* (0…100), a*, b* planes, `width * height` each.
  package var l, a, b: [Float]

  /// Memberwise; the planes must each hold `width * height` values.
  package init(width: Int, height: Int, l: [Float], a: [Float], b: [Float]) {
    self.width = width
    self.height = height
    self.l = l
    self.a = a
    self.b = b
  }

  /// The empty result.
  package static let empty = LabPlanes(width: 0, height: 0, l: [], a: [], b: [])

  /// The pixel at (x, y) as double-precision ``Lab``.
  package subscript(x: Int, y: Int) -> Lab {
    let i = y * width + x
    return Lab(l: Double(l[i]), a: Double(a[i]), b: Double(b[i]))
  }
}
