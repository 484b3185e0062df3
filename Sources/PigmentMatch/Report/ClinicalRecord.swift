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

  /// The touch-up date: the visit plus the match's touch-up time in whole months (`touchUpMonths`
  /// of its JSON `fade`); nil when no touch-up falls within the timeline. The report page's date.
  public func touchUp(_ fade: JSONContract.MatchOutput.Fade) -> VisitDate? {
    fade.touchUpMonths.flatMap { visit.adding(months: $0) }
  }
}
