import Foundation

/// Wall-clock timing with medians over repeated runs.
enum Timing {
  /// Seconds taken by `body`, per run, after `warmup` untimed runs.
  static func measure(runs: Int, warmup: Int = 1, _ body: () throws -> Void) rethrows -> [Double] {
    for _ in 0..<warmup { try body() }
    var times: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times
  }

  /// The median of `values` (``quantile(_:_:)`` at 0.5).
  static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

  /// The `q` quantile (0…1) of `values`, linear between the two nearest ranks.
  static func quantile(_ values: [Double], _ q: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let position = q * Double(sorted.count - 1)
    let low = Int(position.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
  }

  static func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}

/// CPU time and load, for benchmarks run on a machine other jobs share.
enum CPUTime {
  /// User + system CPU milliseconds used so far by this process (every thread), or with
  /// `children` by its finished and waited-for child processes.
  static func milliseconds(children: Bool = false) -> Double {
    var usage = rusage()
    #if os(Linux)
      let who = __rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue)
    #else
      let who = children ? RUSAGE_CHILDREN : RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return .nan }
    func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
  }

  /// The 1, 5 and 15 minute load averages, as "a / b / c" ("?" when unknown).
  static func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "?" }
    return loads.map { String(format: "%.1f", $0) }.joined(separator: " / ")
  }
}
