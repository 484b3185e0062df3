import ArgumentParser
import Foundation
import PigmentMatch

/// `report`'s clinical-record options: client, practitioner, visit date, notes.
struct RecordOptions: ParsableArguments {
  @Option(help: "The client's name or record ID, shown on the page.")
  var client: String = ""

  @Option(help: "The practitioner's name, shown on the page.")
  var practitioner: String = ""

  @Option(help: "The visit date, yyyy-mm-dd (default: today); the touch-up date counts from it.")
  var date: String?

  @Option(help: "Free-text notes, shown on the page.")
  var notes: String = ""

  /// Longest client, practitioner or notes text, characters.
  static let maximumText = 2_000

  func validate() throws {
    for (name, text) in [("--client", client), ("--practitioner", practitioner), ("--notes", notes)]
    where text.count > Self.maximumText {
      throw ValidationError("\(name) is longer than \(Self.maximumText) characters")
    }
    if let date {
      do { _ = try VisitDate(iso: date) } catch { throw ValidationError("--date: \(error.description)") }
    }
  }

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
