import Foundation

/// Where the CLI writes. The real process writes to stdout/stderr; in-process tests capture.
final class Console: @unchecked Sendable {
  // Guarded by `lock`; the CLI writes from one thread at a time except `batch`, which locks.
  private let lock = NSLock()
  private let capturing: Bool
  private var capturedOut = ""
  private var capturedError = ""
  /// Whether stdout is a terminal that shows ANSI colour (and NO_COLOR is unset).
  let colourTerminal: Bool
  /// Whether stderr is a terminal (progress bars).
  let errorIsTerminal: Bool

  init(capturing: Bool) {
    self.capturing = capturing
    let environment = ProcessInfo.processInfo.environment
    colourTerminal =
      !capturing && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    errorIsTerminal = !capturing && isatty(STDERR_FILENO) == 1
  }

  static let standard = Console(capturing: false)

  /// Writes a line to standard output.
  func print(_ text: String) { write(text + "\n", error: false) }

  /// Writes a line to standard error.
  func printError(_ text: String) { write(text + "\n", error: true) }

  /// Writes raw text to standard error (progress bars).
  func writeError(_ text: String) { write(text, error: true) }

  var standardOutput: String { lock.withLock { capturedOut } }
  var standardError: String { lock.withLock { capturedError } }

  private func write(_ text: String, error: Bool) {
    lock.withLock {
      if capturing {
        if error { capturedError += text } else { capturedOut += text }
      } else {
        (error ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
      }
    }
  }
}

/// The console commands write to; tests bind a capturing one.
enum CLI {
  @TaskLocal static var console = Console.standard
}
