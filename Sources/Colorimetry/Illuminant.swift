/// CIE illuminants with tabulated relative spectral power at 400…700 nm / 10 nm (S(560 nm) = 100).
public enum Illuminant: String, Sendable, CaseIterable {
  /// CIE standard illuminant D65 (average daylight, 6504 K).
  case d65
  /// CIE illuminant D50 (horizon daylight, 5003 K; graphic arts, ICC).
  case d50
  /// CIE standard illuminant A (tungsten, Planckian 2856 K).
  case a

  /// Relative spectral power S(λ), 31 values, 400…700 nm / 10 nm.
  ///
  /// Sources: CIE 015:2018 Table 5 / CIE 015:2004 Table T.1 (D65 and A, 5 nm, sampled every 10 nm;
  /// D65 as republished by CVRL http://www.cvrl.org, A as in CIE DOI 10.25039/CIE.DS.8jsxjrsn) and
  /// CIE 015:2004 Table T.1 D50 as in colour-science
  /// `colour/colorimetry/datasets/illuminants/sds.py` (`DATA_ILLUMINANTS_CIE['D50']`).
  public var power: [Double] {
    switch self {
    case .d65: return Self.d65Power
    case .d50: return Self.d50Power
    case .a: return Self.aPower
    }
  }

  static let d65Power: [Double] = [
    82.7549, 91.4860, 93.4318, 86.6823, 104.8650, 117.0080, 117.8120, 114.8610,
    115.9230, 108.8110, 109.3540, 107.8020, 104.7900, 107.6890, 104.4050, 104.0460,
    100.0000, 96.3342, 95.7880, 88.6856, 90.0062, 89.5991, 87.6987, 83.2886,
    83.6992, 80.0268, 80.2146, 82.2778, 78.2842, 69.7213, 71.6091,
  ]
  static let d50Power: [Double] = [
    49.308, 56.513, 60.034, 57.818, 74.825, 87.247, 90.612, 91.368,
    95.109, 91.963, 95.724, 96.613, 97.129, 102.099, 100.755, 102.317,
    100.000, 97.735, 98.918, 93.499, 97.688, 99.269, 99.042, 95.722,
    98.857, 95.667, 98.190, 103.003, 99.133, 87.381, 91.604,
  ]
  static let aPower: [Double] = [
    14.7080, 17.6753, 20.9950, 24.6709, 28.7027, 33.0859, 37.8121, 42.8693,
    48.2423, 53.9132, 59.8611, 66.0635, 72.4959, 79.1326, 85.9470, 92.9120,
    100.0000, 107.1840, 114.4360, 121.7310, 129.0430, 136.3460, 143.6180, 150.8360,
    157.9790, 165.0280, 171.9630, 178.7690, 185.4290, 191.9310, 198.2610,
  ]

  /// Precomputed weights W_k(λ) = S(λ) k̄(λ) / Σ S ȳ · 100, so that XYZ = Σ R(λ) W(λ) and a perfect
  /// reflector (R = 1) has Y = 100 exactly (CIE 015:2018 eqs. 7.1–7.3, normalisation k = 100/Σ S ȳ).
  public var weights: SpectralWeights {
    switch self {
    case .d65: return SpectralWeights.d65
    case .d50: return SpectralWeights.d50
    case .a: return SpectralWeights.a
    }
  }

  /// The illuminant's white (X, Y = 100, Z) from the tables above: Σ W over λ.
  public var whiteXYZ: (x: Double, y: Double, z: Double) { weights.white }
}

/// Tristimulus weighting tables for one illuminant and the CIE 1931 2° observer (see
/// ``Illuminant/weights``). Fixed-size tuples-of-arrays built once; summing over them allocates nothing.
public struct SpectralWeights: Sendable {
  /// Weights for X, Y, Z, 31 each.
  public let x, y, z: [Double]
  /// Σ of each weight table: the white's (X, 100, Z).
  public let white: (x: Double, y: Double, z: Double)

  init(power s: [Double]) {
    let o = CIE1931Observer.self
    var norm = 0.0
    for i in 0..<Spectrum.count { norm += s[i] * o.y[i] }
    let k = 100 / norm
    x = (0..<Spectrum.count).map { s[$0] * o.x[$0] * k }
    y = (0..<Spectrum.count).map { s[$0] * o.y[$0] * k }
    z = (0..<Spectrum.count).map { s[$0] * o.z[$0] * k }
    white = (x.reduce(0, +), y.reduce(0, +), z.reduce(0, +))
  }

  static let d65 = SpectralWeights(power: Illuminant.d65Power)
  static let d50 = SpectralWeights(power: Illuminant.d50Power)
  static let a = SpectralWeights(power: Illuminant.aPower)
}
