import Foundation

/// Colour differences between two CIELAB colours of the same white. All are ≥ 0, symmetric
/// except ΔE94 (whose weights use the first argument as the reference), and NaN if any input is NaN.
public enum DeltaE {
  /// CIE 1976 ΔE*ab: Euclidean distance in L*a*b* (CIE 015:2018 eq. 8.4).
  @inlinable
  public static func cie76<W>(_ x: CIELab<W>, _ y: CIELab<W>) -> Double {
    let dl = x.l - y.l
    let da = x.a - y.a
    let db = x.b - y.b
    return (dl * dl + da * da + db * db).squareRoot()
  }

  /// CIE 1994 ΔE*94 with the **graphic-arts** weights kL = 1, K1 = 0.045, K2 = 0.015 and
  /// kC = kH = 1 (CIE 116-1995); `x` is the reference (its chroma sets S_C and S_H), so
  /// cie94(x, y) ≠ cie94(y, x) in general.
  @inlinable
  public static func cie94<W>(_ x: CIELab<W>, _ y: CIELab<W>) -> Double {
    let c1 = (x.a * x.a + x.b * x.b).squareRoot()
    let c2 = (y.a * y.a + y.b * y.b).squareRoot()
    let dl = x.l - y.l
    let dc = c1 - c2
    let da = x.a - y.a
    let db = x.b - y.b
    let dh2 = max(0, da * da + db * db - dc * dc)
    let sc = 1 + 0.045 * c1
    let sh = 1 + 0.015 * c1
    let tc = dc / sc
    return (dl * dl + tc * tc + dh2 / (sh * sh)).squareRoot()
  }

  /// CIEDE2000 colour difference (Sharma, Wu & Dalal 2005, eqs. 1–22), with parametric factors
  /// kL, kC, kH (default 1). Symmetric in its arguments; 0 iff the colours are equal.
  @inlinable
  public static func ciede2000<W>(
    _ x: CIELab<W>, _ y: CIELab<W>, kL: Double = 1, kC: Double = 1, kH: Double = 1
  ) -> Double {
    let deg = Double.pi / 180
    let pow25_7 = 6_103_515_625.0  // 25⁷
    // eqs. 2–5
    let c1 = (x.a * x.a + x.b * x.b).squareRoot()
    let c2 = (y.a * y.a + y.b * y.b).squareRoot()
    let cBar = (c1 + c2) / 2
    let cBar7 = pow(cBar, 7)
    let g = 0.5 * (1 - (cBar7 / (cBar7 + pow25_7)).squareRoot())
    let a1p = (1 + g) * x.a
    let a2p = (1 + g) * y.a
    let c1p = (a1p * a1p + x.b * x.b).squareRoot()
    let c2p = (a2p * a2p + y.b * y.b).squareRoot()
    // eq. 7: h' in degrees, 0 when a' = b' = 0
    func hue(_ b: Double, _ ap: Double) -> Double {
      if b == 0 && ap == 0 { return 0 }
      let h = atan2(b, ap) / deg
      return h < 0 ? h + 360 : h
    }
    let h1p = hue(x.b, a1p)
    let h2p = hue(y.b, a2p)
    // eqs. 8–11
    let dLp = y.l - x.l
    let dCp = c2p - c1p
    var dhp: Double
    if c1p * c2p == 0 {
      dhp = 0
    } else {
      dhp = h2p - h1p
      if dhp > 180 { dhp -= 360 } else if dhp < -180 { dhp += 360 }
    }
    let dHp = 2 * (c1p * c2p).squareRoot() * sin(dhp * deg / 2)
    // eqs. 12–14
    let lBarP = (x.l + y.l) / 2
    let cBarP = (c1p + c2p) / 2
    var hBarP: Double
    if c1p * c2p == 0 {
      hBarP = h1p + h2p
    } else if abs(h1p - h2p) <= 180 {
      hBarP = (h1p + h2p) / 2
    } else if h1p + h2p < 360 {
      hBarP = (h1p + h2p + 360) / 2
    } else {
      hBarP = (h1p + h2p - 360) / 2
    }
    // eqs. 15–22
    let t =
      1 - 0.17 * cos((hBarP - 30) * deg) + 0.24 * cos(2 * hBarP * deg)
      + 0.32 * cos((3 * hBarP + 6) * deg) - 0.20 * cos((4 * hBarP - 63) * deg)
    let dTheta = 30 * exp(-((hBarP - 275) / 25) * ((hBarP - 275) / 25))
    let cBarP7 = pow(cBarP, 7)
    let rc = 2 * (cBarP7 / (cBarP7 + pow25_7)).squareRoot()
    let l50 = (lBarP - 50) * (lBarP - 50)
    let sl = 1 + 0.015 * l50 / (20 + l50).squareRoot()
    let sc = 1 + 0.045 * cBarP
    let sh = 1 + 0.015 * cBarP * t
    let rt = -sin(2 * dTheta * deg) * rc
    let tl = dLp / (kL * sl)
    let tc = dCp / (kC * sc)
    let th = dHp / (kH * sh)
    return (tl * tl + tc * tc + th * th + rt * tc * th).squareRoot()
  }
}
