/// 8-bit gamma-encoded sRGB (IEC 61966-2-1), one byte per channel.
public struct SRGB8: Sendable, Hashable {
  /// Encoded codes 0…255.
  public var r, g, b: UInt8

  /// Memberwise.
  @inlinable
  public init(r: UInt8, g: UInt8, b: UInt8) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// Parses `"#rrggbb"` or `"rrggbb"` (hex digits in either case); nil for anything else.
  public init?(hex: String) {
    var s = Substring(hex)
    if s.first == "#" { s = s.dropFirst() }
    let isHexDigit: (UInt8) -> Bool = { c in
      (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
    }
    guard s.utf8.count == 6, s.utf8.allSatisfy(isHexDigit), let v = UInt32(s, radix: 16) else {
      return nil
    }
    self.init(r: UInt8(truncatingIfNeeded: v >> 16), g: UInt8(truncatingIfNeeded: v >> 8), b: UInt8(truncatingIfNeeded: v))
  }

  /// `"#rrggbb"`, lowercase.
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = [UInt8(ascii: "#")]
    for c in [r, g, b] {
      out.append(digits[Int(c >> 4)])
      out.append(digits[Int(c & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Rounds each encoded channel to the nearest code and clamps to 0…255 (round half away from
  /// zero). Non-finite input: NaN → 0, +∞ → 255, −∞ → 0.
  @inlinable
  public init(clamping srgb: SRGB) {
    self.init(r: Self.code(srgb.r), g: Self.code(srgb.g), b: Self.code(srgb.b))
  }

  /// Lab (D65) → sRGB → rounded and clamped codes (see ``init(clamping:)-(SRGB)``).
  @inlinable
  public init(clamping lab: Lab) { self.init(clamping: SRGB(lab)) }

  /// One channel: code = clamp(round(255 v), 0, 255); NaN → 0.
  @inlinable
  static func code(_ v: Double) -> UInt8 {
    let x = (v * 255).rounded()
    guard x > 0 else { return 0 }  // also NaN and −∞
    guard x < 255 else { return 255 }
    return UInt8(x)
  }
}
