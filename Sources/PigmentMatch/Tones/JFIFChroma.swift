import Colorimetry

/// The Y′CbCr a JPEG file stores its colours in, and where it loses them.
///
/// JFIF 1.02 (ITU-T T.871 §7) encodes each gamma-encoded sRGB pixel as luma
/// Y′ = 0.299 R′ + 0.587 G′ + 0.114 B′ and chroma Cb = −0.168736 R′ − 0.331264 G′ + 0.5 B′,
/// Cr = 0.5 R′ − 0.418688 G′ − 0.081312 B′ (R′, G′, B′ in 0…1, the +128 offset left out), and usual
/// encoders store Cb, Cr at half resolution both ways (4:2:0, ITU-T T.81 A.1.1 sampling factors)
/// with coarser quantisation than Y′. So a thin dark hair keeps its own luma but takes the
/// chroma of the skin around it — a *linear* average in Cb, Cr. The same average is far from
/// linear in CIELAB (a dark pixel with the skin's Cb, Cr is redder and yellower than the skin
/// itself), which is why the hair's chroma is unmixed here and not in a*, b*.
enum JFIFChroma {
  /// (Cb, Cr) of `lab` (D65, through gamma-encoded sRGB, unclamped).
  static func chroma(of lab: Lab) -> (cb: Double, cr: Double) {
    let c = SRGB(lab)
    return (-0.168736 * c.r - 0.331264 * c.g + 0.5 * c.b, 0.5 * c.r - 0.418688 * c.g - 0.081312 * c.b)
  }

  /// The colour of chroma `cb`, `cr` whose L* is `lightness`: the luma is found by bisection (L*
  /// grows with Y′ at fixed chroma: every channel does), the inverse transform of T.871 §7
  /// (R′ = Y′ + 1.402 Cr, G′ = Y′ − 0.344136 Cb − 0.714136 Cr, B′ = Y′ + 1.772 Cb) gives R′G′B′.
  static func colour(lightness: Double, cb: Double, cr: Double) -> Lab {
    func lab(_ y: Double) -> Lab {
      Lab(LinearRGB(SRGB(r: y + 1.402 * cr, g: y - 0.344136 * cb - 0.714136 * cr, b: y + 1.772 * cb)))
    }
    var (low, high) = (-0.5, 1.5)
    for _ in 0..<50 {
      let mid = (low + high) / 2
      if lab(mid).l < lightness { low = mid } else { high = mid }
    }
    return lab((low + high) / 2)
  }
}
