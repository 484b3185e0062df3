import Colorimetry
import Foundation

/// CIEDE2000 as a residual vector for least squares: a 3-vector whose Euclidean norm is ΔE00.
///
/// From Sharma, Wu & Dalal (2005) eqs. 1–22 with l = ΔL′/S_L, c = ΔC′/S_C, h = ΔH′/S_H:
/// ΔE00² = l² + c² + h² + R_T·c·h = l² + (c + R_T·h/2)² + (1 − R_T²/4)·h², and |R_T| ≤ 2, so
/// r = (l, c + R_T·h/2, √(1 − R_T²/4)·h) has ‖r‖ = ΔE00 exactly (a Cholesky factor of the form).
enum CIEDE2000Residual {
  /// The residual of `sample` against `reference` (kL = kC = kH = 1).
  static func vector(_ reference: Lab, _ sample: Lab) -> SIMD3<Double> {
    let deg = Double.pi / 180
    let pow25to7 = 6_103_515_625.0
    let c1 = (reference.a * reference.a + reference.b * reference.b).squareRoot()
    let c2 = (sample.a * sample.a + sample.b * sample.b).squareRoot()
    let cBar7 = pow((c1 + c2) / 2, 7)
    let g = 0.5 * (1 - (cBar7 / (cBar7 + pow25to7)).squareRoot())
    let a1 = (1 + g) * reference.a
    let a2 = (1 + g) * sample.a
    let c1p = (a1 * a1 + reference.b * reference.b).squareRoot()
    let c2p = (a2 * a2 + sample.b * sample.b).squareRoot()
    let h1p = hueDegrees(reference.b, a1)
    let h2p = hueDegrees(sample.b, a2)
    let dL = sample.l - reference.l
    let dC = c2p - c1p
    var dh = 0.0
    if c1p * c2p != 0 {
      dh = h2p - h1p
      if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
    }
    let dH = 2 * (c1p * c2p).squareRoot() * sin(dh * deg / 2)
    let lBar = (reference.l + sample.l) / 2
    let cBarP = (c1p + c2p) / 2
    var hBar = h1p + h2p
    if c1p * c2p != 0 {
      if abs(h1p - h2p) <= 180 {
        hBar = (h1p + h2p) / 2
      } else if h1p + h2p < 360 {
        hBar = (h1p + h2p + 360) / 2
      } else {
        hBar = (h1p + h2p - 360) / 2
      }
    }
    let t =
      1 - 0.17 * cos((hBar - 30) * deg) + 0.24 * cos(2 * hBar * deg)
      + 0.32 * cos((3 * hBar + 6) * deg) - 0.20 * cos((4 * hBar - 63) * deg)
    let dTheta = 30 * exp(-((hBar - 275) / 25) * ((hBar - 275) / 25))
    let cBarP7 = pow(cBarP, 7)
    let rc = 2 * (cBarP7 / (cBarP7 + pow25to7)).squareRoot()
    let lm = (lBar - 50) * (lBar - 50)
    let sl = 1 + 0.015 * lm / (20 + lm).squareRoot()
    let sc = 1 + 0.045 * cBarP
    let sh = 1 + 0.015 * cBarP * t
    let rt = -sin(2 * dTheta * deg) * rc
    let l = dL / sl
    let c = dC / sc
    let h = dH / sh
    return SIMD3(l, c + rt * h / 2, max(0, 1 - rt * rt / 4).squareRoot() * h)
  }

  private static func hueDegrees(_ b: Double, _ a: Double) -> Double {
    if a == 0 && b == 0 { return 0 }
    let h = atan2(b, a) * 180 / Double.pi
    return h < 0 ? h + 360 : h
  }
}
