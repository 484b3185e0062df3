/// CIE 1976 L*a*b* relative to the reference white `White` (CIE 015:2018 §8.2.1).
///
/// Ranges: L* 0…100 for object colours (100 = the white), a*, b* roughly −128…127 for real
/// surfaces; no clamping. Non-finite components propagate through conversions (IEEE semantics).
public struct CIELab<White: ReferenceWhite>: Sendable, Hashable, Codable {
  /// Lightness L* (0 black … 100 white), red–green a*, yellow–blue b*.
  public var l, a, b: Double

  /// Memberwise; no validation.
  @inlinable
  public init(l: Double, a: Double, b: Double) {
    self.l = l
    self.a = a
    self.b = b
  }

  /// XYZ → CIELAB: L* = 116 f(Y/Yn) − 16, a* = 500 (f(X/Xn) − f(Y/Yn)), b* = 200 (f(Y/Yn) − f(Z/Zn))
  /// (CIE 015:2018 eqs. 8.1–8.3, exact ε and κ).
  @inlinable
  public init(_ xyz: CIEXYZ<White>) {
    let w = White.xyz
    let fx = LabFunction.forward(xyz.x / w.x)
    let fy = LabFunction.forward(xyz.y / w.y)
    let fz = LabFunction.forward(xyz.z / w.z)
    self.init(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
  }

  /// LCh → Lab: a = C cos h, b = C sin h (CIE 015:2018 eqs. 8.7–8.9 inverted), h in degrees.
  @inlinable
  public init(_ lch: LCh) {
    let h = lch.h * .pi / 180
    self.init(l: lch.l, a: lch.c * _cos(h), b: lch.c * _sin(h))
  }

  /// Cylindrical form: C*ab = √(a² + b²), hab = atan2(b, a) in degrees 0..<360 (CIE 015:2018 eqs. 8.7–8.9).
  @inlinable
  public var lch: LCh { LCh(self) }

  /// The same colour as `[L, a, b]` (the JSON contract's array form).
  @inlinable
  public var array: [Double] { [l, a, b] }
}

/// CIELAB relative to D65: the product's working space.
public typealias Lab = CIELab<D65>

extension CIELab where White == D65 {
  /// 8-bit sRGB → Lab (IEC 61966-2-1 decoding, D65; double precision).
  @inlinable
  public init(_ srgb8: SRGB8) { self.init(LinearRGB(SRGB(srgb8))) }

  /// Linear sRGB → Lab via XYZ (D65).
  @inlinable
  public init(_ linear: LinearRGB) { self.init(XYZ(linear)) }
}
