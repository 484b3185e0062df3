import Foundation

/// Writes a batch's JSONL output so that it is never half-written.
///
/// The whole file is written to a temporary file in the same folder (`.NAME.PID.tmp`), flushed to
/// disk (`fsync`), then renamed over the output (`rename(2)` is atomic within a file system) and
/// the folder is synced so the rename survives a crash. A reader — or a crash at any moment —
/// sees either the old complete file or the new complete file. On failure the temporary file is
/// removed.
public enum BatchOutputFile {
  /// Writes `lines` (one JSON object each, in the given order) to `path`, atomically.
  public static func write(_ lines: [BatchLine], to path: String) throws(BatchError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
    var text = ""
    text.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
    for line in lines {
      text += line.text
      text += "\n"
    }
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw failure(path, "cannot create \(temporary)") }
    var written = 0
    let ok = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      while written < bytes.count {
        let n = Foundation.write(
          descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += n
      }
      return true
    }
    let synced = fsync(descriptor) == 0
    close(descriptor)
    guard ok == true, synced else {
      unlink(temporary)
      throw failure(path, "cannot write \(temporary)")
    }
    guard rename(temporary, path) == 0 else {
      let error = failure(path, "cannot rename \(temporary) over it")
      unlink(temporary)
      throw error
    }
    let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  private static func failure(_ path: String, _ what: String) -> BatchError {
    .output(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
  }
}
