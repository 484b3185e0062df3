import ArgumentParser
import Foundation
import PigmentMatch

/// `report`'s clinical-record options (client, practitioner, visit date, notes) and the dot
/// geometry of the whole match it reports (stubble impression, preview, fade, halo and risk).
struct RecordOptions: ParsableArguments {
  @Option(help: "The client's name or record ID, shown on the page.")
  var client: String = ""

  @Option(help: "The practitioner's name, shown on the page.")
  var practitioner: String = ""

  @Option(help: "The visit date, yyyy-mm-dd (default: today); the touch-up date counts from it.")
  var date: String?

  @Option(help: "Free-text notes, shown on the page.")
  var notes: String = ""

  @Option(name: .customLong("dot-size"), help: "Healed dot diameter, mm (0.05…1; default 0.125: healed SMP dots are 0.10–0.15 mm).")
  var dotSize: Double = StubbleImpression.defaultDotDiameter

  @Option(help: "Dot spacing (pitch), mm (0.2…3, more than the dot size; default 0.75: 178 a cm², scalp hair 175–300).")
  var spacing: Double = StubbleImpression.defaultSpacing

  /// Dot sizes accepted, mm: up to the 1 mm upper bound of SMP guidance (Rassman et al. 2015,
  /// J. Clin. Aesthet. Dermatol. 8(3):35: microdots under 1 mm, about 1 mm apart).
  static let dotSizes = 0.05...1.0
  /// Pitches accepted, mm: scalp hair 175–300 per cm² (Barman et al. 1965, J. Invest. Dermatol.
  /// 44:233) is a square pitch of 0.58–0.76 mm; the range leaves room for sparse and dense work.
  static let spacings = 0.2...3.0

  /// Longest client, practitioner or notes text, characters.
  static let maximumText = 2_000

  func validate() throws {
    guard dotSize.isFinite, Self.dotSizes.contains(dotSize) else {
      throw ValidationError("--dot-size must be 0.05…1 mm, got \(dotSize)")
    }
    guard spacing.isFinite, Self.spacings.contains(spacing) else {
      throw ValidationError("--spacing must be 0.2…3 mm, got \(spacing)")
    }
    guard spacing > dotSize else {
      throw ValidationError("--spacing (\(spacing) mm) must be larger than --dot-size (\(dotSize) mm)")
    }
    for (name, text) in [("--client", client), ("--practitioner", practitioner), ("--notes", notes)]
    where text.count > Self.maximumText {
      throw ValidationError("\(name) is longer than \(Self.maximumText) characters")
    }
    if let date {
      do { _ = try VisitDate(iso: date) } catch { throw ValidationError("--date: \(error.description)") }
    }
  }

  /// Dot diameter and pitch, mm.
  var geometry: (dotDiameter: Double, spacing: Double) { (dotSize, spacing) }

  /// The record; the visit defaults to today's date in the local time zone.
  func clinicalRecord(today: Date = Date()) throws -> ClinicalRecord {
    let visit: VisitDate
    if let date {
      visit = try VisitDate(iso: date)
    } else {
      let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: today)
      visit = try VisitDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
    return ClinicalRecord(client: client, practitioner: practitioner, visit: visit, notes: notes)
  }
}
