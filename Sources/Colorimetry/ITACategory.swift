/// Skin colour classes by ITA° (Del Bino et al. 2006, Pigment Cell Res. 19:606; thresholds from
/// Chardon et al. 1991): > 55° very light, 41–55 light, 28–41 intermediate, 10–28 tan,
/// −30–10 brown, ≤ −30 dark. Each upper bound is inclusive (ITA 55 is "light").
public enum ITACategory: String, Sendable, CaseIterable, Codable {
  /// ITA° > 55.
  case veryLight = "very light"
  /// 41 < ITA° ≤ 55.
  case light
  /// 28 < ITA° ≤ 41.
  case intermediate
  /// 10 < ITA° ≤ 28.
  case tan
  /// −30 < ITA° ≤ 10.
  case brown
  /// ITA° ≤ −30.
  case dark

  /// The class of an angle in degrees. NaN (from a non-finite Lab) is classed as ``dark``, the
  /// fall-through of the comparisons; callers should check ``ITA/isDefined`` first.
  public init(degrees d: Double) {
    if d > 55 {
      self = .veryLight
    } else if d > 41 {
      self = .light
    } else if d > 28 {
      self = .intermediate
    } else if d > 10 {
      self = .tan
    } else if d > -30 {
      self = .brown
    } else {
      self = .dark
    }
  }
}
