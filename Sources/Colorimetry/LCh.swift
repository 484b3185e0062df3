import Foundation

@usableFromInline func _cos(_ x: Double) -> Double { cos(x) }
@usableFromInline func _sin(_ x: Double) -> Double { sin(x) }

/// CIE LCh(ab): the cylindrical form of CIELAB (CIE 015:2018 eqs. 8.7–8.9).
///
/// `l` = L* (0…100), `c` = chroma C*ab ≥ 0, `h` = hue angle hab in degrees, 0..<360
/// (0 for achromatic colours, where hue is undefined).
public struct LCh: Sendable, Hashable {
  /// Lightness, chroma, hue angle in degrees.
  public var l, c, h: Double

  /// Memberwise; `h` is stored as given (use ``init(_:)`` for a normalised hue).
  @inlinable
  public init(l: Double, c: Double, h: Double) {
    self.l = l
    self.c = c
    self.h = h
  }

  /// Lab → LCh: C = √(a² + b²), h = atan2(b, a) mapped to 0..<360 degrees (CIE 015:2018 eqs. 8.7–8.9).
  @inlinable
  public init<W>(_ lab: CIELab<W>) {
    var h = atan2(lab.b, lab.a) * 180 / .pi
    if h < 0 { h += 360 }
    if h >= 360 { h -= 360 }
    self.init(l: lab.l, c: (lab.a * lab.a + lab.b * lab.b).squareRoot(), h: h)
  }
}
