/// Batch progress on stderr: a redrawn bar when stderr is a terminal; otherwise a plain line at
/// every tenth of a batch of 100 photos or more (log files), and nothing for smaller batches.
final class BatchProgress: @unchecked Sendable {
  // Called one at a time by BatchRun (under its lock); `finish` runs after the batch.
  private let console: Console
  private let total: Int
  private var drawn = false
  private var lastTenth = 0

  init(console: Console, total: Int) {
    self.console = console
    self.total = total
  }

  /// `done` of `total` photos are finished.
  func update(_ done: Int) {
    guard total > 0 else { return }
    if console.errorIsTerminal {
      let width = 30
      let filled = done * width / total
      let bar =
        String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      console.writeError("\r\(bar) \(done)/\(total) photos")
      drawn = true
    } else if total >= 100 {
      let tenth = done * 10 / total
      if tenth > lastTenth {
        lastTenth = tenth
        console.printError("pigmatch: batch: \(done)/\(total) photos")
      }
    }
  }

  /// Ends the bar's line.
  func finish() {
    if drawn { console.writeError("\n") }
    drawn = false
  }
}
