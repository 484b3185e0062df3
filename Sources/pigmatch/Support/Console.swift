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

  /// The first failed write to standard output or error (full disk, closed or broken pipe), as
  /// `cannot write to standard output: reason`; later writes to that stream are dropped.
  var writeFailure: String? { lock.withLock { failure } }
  private var failure: String?
  private var failedStreams: Set<Int32> = []

  private func write(_ text: String, error: Bool) {
    lock.withLock {
      let stream = error ? STDERR_FILENO : STDOUT_FILENO
      guard !failedStreams.contains(stream) else { return }
      if capturing {
        if error { capturedError += text } else { capturedOut += text }
        return
      }
      guard let code = Self.writeAll(Array(text.utf8), to: stream) else { return }
      failedStreams.insert(stream)
      if failure == nil {
        let reason = code == EBADF ? "it is closed" : String(cString: strerror(code)).lowercased()
        failure = "cannot write to standard \(error ? "error" : "output"): \(reason)"
      }
    }
  }

  /// Writes all of `bytes` with `write(2)`, retrying partial writes and EINTR; the errno of a
  /// failure (ENOSPC, EPIPE with SIGPIPE ignored, EBADF for a closed stream), else nil.
  private static func writeAll(_ bytes: [UInt8], to stream: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { Foundation.write(stream, $0.baseAddress! + offset, $0.count - offset) }
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += count
    }
    return nil
  }

  /// Reports a write failure as the process's last word: one line on standard error (if that
  /// still works), exit status 2.
  func finishWithWriteFailure() -> Int32? {
    guard let failure = writeFailure else { return nil }
    let line = Array("pigmatch: \(failure)\n".utf8)
    if capturing {
      lock.withLock { capturedError += String(decoding: line, as: UTF8.self) }
    } else if !lock.withLock({ failedStreams.contains(STDERR_FILENO) }) {
      _ = Self.writeAll(line, to: STDERR_FILENO)
    }
    return 2
  }
}

/// The console commands write to; tests bind a capturing one.
enum CLI {
  @TaskLocal static var console = Console.standard
}
