/// The client's skin tone and skin type measures.
public struct SkinTone: Sendable, Equatable {
  /// ITA° from a photo follows its lighting: the caveat every skin-type output carries.
  public static let lightingNote =
    "ITA° measured from an uncalibrated photo follows its lighting and white balance: an under-lit "
    + "face reads darker (lower ITA°) than the skin is. For a reliable class, photograph the scalp in "
    + "even daylight, ideally with a grey card."

  /// Robust skin colour: per-channel median of clean skin pixels (CIELAB D65).
  public let lab: Lab
  /// Fraction of the analysed pixels that are skin, 0…1.
  public let share: Double
  /// Median ΔE76 of the clean skin pixels from ``lab`` (lighting and texture spread), ≥ 0.
  public let spread: Double

  /// Individual Typology Angle (Chardon 1991) of ``lab``.
  public var ita: ITA { ITA(lab) }
  /// Del Bino (2006) class of the ITA°.
  public var itaCategory: ITACategory { ita.category }
  /// Fitzpatrick type **by convention** from the ITA class; see `FitzpatrickConvention.note`.
  public var fitzpatrick: FitzpatrickConvention { ita.fitzpatrick }
  /// Nearest Monk Skin Tone swatch (CIEDE2000).
  public var monk: MonkSkinTone { MonkSkinTone.nearest(to: lab) }
}
