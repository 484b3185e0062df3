/// Who, when and by whom: the clinical-record part of a report (shown escaped, never parsed).
public struct ClinicalRecord: Sendable, Equatable {
  /// The client's name or record ID ("" when not given).
  public let client: String
  /// The practitioner's name ("" when not given).
  public let practitioner: String
  /// The visit (consultation) date; the touch-up date counts from it.
  public let visit: VisitDate
  /// Free-text notes ("" when none).
  public let notes: String

  /// A record of a visit on `visit`.
  public init(client: String = "", practitioner: String = "", visit: VisitDate, notes: String = "") {
    self.client = client
    self.practitioner = practitioner
    self.visit = visit
    self.notes = notes
  }

  /// The touch-up date: the visit plus `timeline`'s touch-up time in whole months
  /// (``FadeTimeline/touchUpMonths``); nil when no touch-up falls within the timeline.
  public func touchUp(_ timeline: FadeTimeline) -> VisitDate? {
    timeline.touchUpMonths.flatMap { visit.adding(months: $0) }
  }
}
