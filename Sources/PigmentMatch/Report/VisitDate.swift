/// A calendar date (proleptic Gregorian, no time zone) for a clinical record: the visit and the
/// touch-up it implies. Written and read as ISO 8601 `yyyy-mm-dd` (ISO 8601-1:2019, 5.2.2.1).
public struct VisitDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Year (1…9999), month (1…12) and day (1…days in that month).
  public let year, month, day: Int

  /// The date, or a ``VisitDateError`` saying which part is out of range.
  public init(year: Int, month: Int, day: Int) throws(VisitDateError) {
    guard (1...9999).contains(year) else { throw .outOfRange("year \(year) is not 1…9999") }
    guard (1...12).contains(month) else { throw .outOfRange("month \(month) is not 1…12") }
    let last = Self.daysIn(month: month, year: year)
    guard (1...last).contains(day) else {
      throw .outOfRange("day \(day) is not 1…\(last) in \(Self.monthNames[month - 1]) \(year)")
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `yyyy-mm-dd` (four, two and two ASCII digits).
  public init(iso text: String) throws(VisitDateError) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let widths = parts.map(\.utf8.count)
    guard parts.count == 3, widths == [4, 2, 2],
      parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { throw .notISO(text) }
    try self.init(year: y, month: m, day: d)
  }

  /// Gregorian leap year: divisible by 4, except centuries not divisible by 400.
  public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  /// Days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// The same day `months` (≥ 0) later; a day the target month lacks becomes its last day
  /// (31 January + 1 month = 28 or 29 February), as appointment books do. Nil past year 9999.
  public func adding(months: Int) -> VisitDate? {
    let index = (year * 12 + month - 1) + max(0, months)
    let y = index / 12
    let m = index % 12 + 1
    return try? VisitDate(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y)))
  }

  /// `yyyy-mm-dd`.
  public var description: String {
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// "14 March 2027": unambiguous in every locale.
  public var longDescription: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

  public static func < (a: VisitDate, b: VisitDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }
}

/// Why a date was not accepted.
public enum VisitDateError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Not of the form `yyyy-mm-dd`.
  case notISO(String)
  /// A part is out of range (the message names it).
  case outOfRange(String)

  public var description: String {
    switch self {
    case .notISO(let text): "\"\(text)\" is not a date in the form yyyy-mm-dd (e.g. 2026-03-14)"
    case .outOfRange(let text): text
    }
  }
}
