import PigmentMatch

/// A failure the CLI reports as one line `pigmatch: FILE: what is wrong` and an exit status
/// (2 bad input or usage, 1 failed validation).
struct CLIFailure: Error, Sendable {
  let message: String
  let status: Int32

  /// Bad input: exit status 2.
  static func input(_ message: String) -> CLIFailure { CLIFailure(message: message, status: 2) }

  /// Bad input in a named file or argument: `NAME: problem`.
  static func input(_ name: String, _ problem: String) -> CLIFailure { .input("\(name): \(problem)") }
}

extension PhotoError {
  /// As a CLI failure: the error already names the file.
  var cliFailure: CLIFailure { .input(description) }
}
