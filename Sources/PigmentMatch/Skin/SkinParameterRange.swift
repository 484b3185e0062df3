import Foundation

/// The physiological range of one fitted skin parameter, and its typical value (the fit's weak
/// prior). ``SkinFit`` keeps every parameter strictly inside its range.
package struct SkinParameterRange: Sendable, Equatable {
  /// The name used in reports and JSON (the ``SkinParameters`` property).
  package let name: String
  /// Lower end of the range.
  package let lower: Double
  /// Upper end of the range.
  package let upper: Double
  /// Typical value (the prior the fit is weakly pulled toward).
  package let typical: Double
  /// Whether the fit moves on a logarithmic scale (positive quantities spanning decades).
  package let logarithmic: Bool

  /// Epidermal melanosome volume fraction Cm: 0.5 %–45 % (Jacques 1998, "Skin optics", OMLC News:
  /// 1.3–6.3 % light, 11–16 % Mediterranean, 18–43 % darkly pigmented skin, measured on
  /// sun-exposed sites; the lower end halved for skin kept from the sun, as the scalp under hair
  /// is: photoprotected skin holds markedly less melanin than photoexposed skin of the same
  /// person, Alaluf et al. 2002).
  package static let melanosomeFraction = SkinParameterRange(
    name: "melanosomeFraction", lower: 0.005, upper: 0.45, typical: 0.05, logarithmic: true)
  /// Pheomelanin share of the melanin: 5 %–60 % (Alaluf et al. 2002, Pigment Cell Res. 15:112:
  /// ≈26 % on average in every ethnic group; Thody et al. 1991, J. Invest. Dermatol. 97:340:
  /// pheomelanin-rich epidermis in fair, red-haired subjects).
  package static let pheomelaninFraction = SkinParameterRange(
    name: "pheomelaninFraction", lower: 0.05, upper: 0.6, typical: 0.26, logarithmic: false)
  /// Dermal blood volume fraction B: 0.2 %–10 % (Jacques 2013, Phys. Med. Biol. 58:R37: 0.2–7 %
  /// typical; Meglinski & Matcher 2002, Physiol. Meas. 23:741: papillary dermis 4 %, upper
  /// plexus 30 %, reticular dermis 4 % — a one-layer average up to ≈10 % in flushed skin).
  package static let bloodFraction = SkinParameterRange(
    name: "bloodFraction", lower: 0.002, upper: 0.10, typical: 0.02, logarithmic: true)
  /// Blood oxygen saturation S: 40 %–99 % (venous ≈60–75 % to arterial ≈97–99 %; skin's mixed
  /// capillary blood lies between, Jacques 2013; below 40 % is cyanosis).
  package static let oxygenSaturation = SkinParameterRange(
    name: "oxygenSaturation", lower: 0.40, upper: 0.99, typical: 0.75, logarithmic: false)
  /// Dermal reduced-scattering scale relative to Jacques' (2013) skin average: ×0.5–×2 (the skin
  /// entries of Jacques 2013, table 2, spread about that much around their mean).
  package static let dermalScatteringScale = SkinParameterRange(
    name: "dermalScatteringScale", lower: 0.5, upper: 2.0, typical: 1, logarithmic: true)
  /// Epidermis (+ upper papillary dermis) thickness: 0.05–0.15 mm (Meglinski & Matcher 2002:
  /// 20 µm stratum corneum + 80 µm living epidermis; Xu et al. 2017: pooled mean 99.75 µm, with
  /// body-site means from about half to one and a half times it).
  package static let epidermisThickness = SkinParameterRange(
    name: "epidermisThickness", lower: 0.05, upper: 0.15, typical: 0.1, logarithmic: true)

  /// Scattering power b of µs′ ∝ λ^−b: 0.9–2.2 (Jacques 2013, table 2: the skin entries spread
  /// about this range around their average 1.421).
  package static let scatteringPower = SkinParameterRange(
    name: "scatteringPower", lower: 0.9, upper: 2.2, typical: 1.421, logarithmic: false)

  /// Tissue carotenoids as β-carotene: 0.1–10 µmol/L, typical 0.4. Typical and low end: HPLC of
  /// human skin, 68–340 ng/g total carotenoids, mean 210 ng/g (Hata et al. 2000, J. Invest.
  /// Dermatol. 115:441, as tabulated by Ermakov et al. 2004, J. Biomed. Opt. 9:332) ≈ 0.13–0.63,
  /// mean 0.39 µmol/L at 537 g/mol; carotene varies between people more than retinol does
  /// (Vahlquist et al. 1982, J. Invest. Dermatol. 79:94). High end: skin carotenoids follow the
  /// plasma's (Scarmo et al. 2010, Arch. Biochem. Biophys. 504:34), and carotenaemia, the visibly
  /// yellow skin of a carotene-rich diet, is serum carotene above 250 µg/dL ≈ 4.7 µmol/L, several
  /// times normal: an order of magnitude above the mean is its ceiling. Measured, carotenoids add
  /// only a few b* units to skin (dietary studies), which this range reproduces.
  package static let caroteneMicromolar = SkinParameterRange(
    name: "caroteneMicromolar", lower: 0.1, upper: 10, typical: 0.4, logarithmic: true)

  /// The fitted parameters, in the fit's order.
  package static let fitted: [SkinParameterRange] = [
    melanosomeFraction, pheomelaninFraction, bloodFraction, oxygenSaturation,
    dermalScatteringScale, epidermisThickness, scatteringPower, caroteneMicromolar,
  ]

  /// The value at position t ∈ (0, 1) of the range (log or linear).
  func value(at t: Double) -> Double {
    logarithmic ? lower * pow(upper / lower, t) : lower + (upper - lower) * t
  }

  /// The position t ∈ [0, 1] of `value` in the range.
  func position(of value: Double) -> Double {
    let t = logarithmic ? log(value / lower) / log(upper / lower) : (value - lower) / (upper - lower)
    return min(max(t, 0), 1)
  }

  /// The skin parameters at positions `t` along the ``fitted`` ranges (one value in 0…1 each;
  /// the others at their defaults).
  package static func parameters(_ t: [Double]) -> SkinParameters {
    SkinParameters(
      melanosomeFraction: melanosomeFraction.value(at: t[0]), bloodFraction: bloodFraction.value(at: t[2]),
      oxygenSaturation: oxygenSaturation.value(at: t[3]),
      dermalScatteringScale: dermalScatteringScale.value(at: t[4]),
      epidermisThickness: epidermisThickness.value(at: t[5]),
      pheomelaninFraction: pheomelaninFraction.value(at: t[1]),
      scatteringPower: scatteringPower.value(at: t[6]),
      caroteneMicromolar: caroteneMicromolar.value(at: t[7]))
  }

  /// The values of `p` in ``fitted`` order.
  package static func values(_ p: SkinParameters) -> [Double] {
    [
      p.melanosomeFraction, p.pheomelaninFraction, p.bloodFraction, p.oxygenSaturation,
      p.dermalScatteringScale, p.epidermisThickness, p.scatteringPower, p.caroteneMicromolar,
    ]
  }
}
