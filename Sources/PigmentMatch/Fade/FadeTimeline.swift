import Colorimetry

/// A recipe's look year by year and when it needs a touch-up.
public struct FadeTimeline: Sendable {
  /// One year of the timeline.
  public struct Entry: Sendable, Equatable {
    /// Years since healing (0 = healed).
    public let year: Int
    /// The dot's colour.
    public let dotLab: Lab
    /// The stubble impression (dots and skin mixed by area).
    public let stubbleLab: Lab
    /// ΔE00 to the healed dot of year 0.
    public let deltaE00ToStart: Double
    /// ΔE00 to the target, when one was given.
    public let deltaE00ToTarget: Double?
  }

  /// Years 0…N.
  public let entries: [Entry]
  /// The target, if any.
  public let target: Lab?
  /// First year whose ΔE00 to the target exceeds ``FadeModel/matchThreshold``; with no target —
  /// or a target the healed dot already misses by more than the threshold (out of reach) — the
  /// first year whose ΔE00 to the healed start exceeds it. Nil if none within the timeline.
  public let touchUpYear: Int?
  /// Whether ``touchUpYear`` was judged against the target (false: against the start).
  public let touchUpAgainstTarget: Bool
  /// When, in years (to 0.01), the threshold is crossed: finer than ``touchUpYear``; set by
  /// ``FadeModel/timeline(_:model:years:target:)``.
  public internal(set) var touchUpTime: Double?

  /// The touch-up time in years to one decimal (practitioners book by the month: see
  /// ``touchUpMonths``); nil when no touch-up falls within the timeline.
  public var touchUpYears: Double? { touchUpTime.map { ($0 * 10).rounded() / 10 } }

  /// The touch-up time in whole months (from ``touchUpTime``).
  public var touchUpMonths: Int? { touchUpTime.map { Int(($0 * 12).rounded()) } }

  /// The timeline of `fractions` under `projection`, optionally against `target`.
  package init(projection: FadeProjection, fractions: [Double], target: Lab?) {
    let dots = projection.dotLabs(fractions)
    let stubble = projection.stubbleLabs(fractions)
    let start = dots[0]
    entries = projection.years.indices.map { index in
      Entry(
        year: projection.years[index], dotLab: dots[index], stubbleLab: stubble[index],
        deltaE00ToStart: DeltaE.ciede2000(dots[index], start),
        deltaE00ToTarget: target.map { DeltaE.ciede2000(dots[index], $0) })
    }
    self.target = target
    let againstTarget = target.map { DeltaE.ciede2000(start, $0) <= FadeModel.matchThreshold } ?? false
    touchUpAgainstTarget = againstTarget
    touchUpYear =
      entries.first {
        (againstTarget ? ($0.deltaE00ToTarget ?? 0) : $0.deltaE00ToStart) > FadeModel.matchThreshold
      }?.year
  }

  /// Mean ΔE00 to the target over the timeline (nil without a target).
  public var meanDeltaE00ToTarget: Double? {
    guard target != nil, !entries.isEmpty else { return nil }
    return entries.reduce(0) { $0 + ($1.deltaE00ToTarget ?? 0) } / Double(entries.count)
  }
}
