import PigmentMatch

/// Writes a file atomically (``BatchOutputFile/write(bytes:to:)``: a temporary file in the same
/// folder, fsync, rename), so readers see the old file or the whole new one, never a part; never
/// over a symbolic link, a device, a FIFO or a folder (``OutputTarget``).
enum AtomicFile {
  /// Writes `bytes` to `path`; throws a ``CLIFailure`` naming `path` when it cannot.
  static func write(_ bytes: [UInt8], to path: String) throws(CLIFailure) {
    guard OutputTarget.canonical(path) != nil else {
      throw .input(path, "cannot write: the folder \(BatchOutputFile.folder(of: path)) does not exist")
    }
    do { try BatchOutputFile.write(bytes: bytes, to: path) } catch {
      if case .output(_, let reason) = error {
        throw .input(path, reason.hasPrefix("cannot write") ? reason : "cannot write: " + reason)
      }
      throw .input(error.description)
    }
  }
}
