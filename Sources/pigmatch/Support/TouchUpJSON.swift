import PigmentMatch

/// `touchUpYears` (one decimal) and `touchUpMonths` of a fade timeline, both null when no
/// touch-up falls within it; encoded into the enclosing fade object.
struct TouchUpJSON: Encodable {
  let years: Rounded?
  let months: Int?

  init(_ timeline: FadeTimeline) {
    years = timeline.touchUpYears.map { Rounded($0, places: 1) }
    months = timeline.touchUpMonths
  }

  enum CodingKeys: String, CodingKey { case touchUpYears, touchUpMonths }
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(years, forKey: .touchUpYears)
    try container.encode(months, forKey: .touchUpMonths)
  }
}
