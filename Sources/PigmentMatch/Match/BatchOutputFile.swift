import Foundation

/// Writes a batch's JSONL output so that it is never half-written.
///
/// The whole file is written to a temporary file in the same folder (`.NAME.PID.tmp`), flushed to
/// disk (`fsync`), then renamed over the output (`rename(2)` is atomic within a file system) and
/// the folder is synced so the rename survives a crash. A reader — or a crash at any moment —
/// sees either the old complete file or the new complete file. On failure the temporary file is
/// removed; a batch killed while saving leaves it behind, and the next batch on the same output
/// removes it (``removeStaleTemporaries(of:)``). The output is never a symbolic link, a device or
/// a FIFO (``OutputTarget``): those are refused, not replaced.
package enum BatchOutputFile {
  /// Writes `lines` (one JSON object each, in the given order) to `path`, atomically.
  package static func write(_ lines: [BatchLine], to path: String) throws(BatchError) {
    var text = ""
    text.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
    for line in lines {
      text += line.text
      text += "\n"
    }
    try write(bytes: Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path` the same way (also the CLI's `report -o`).
  package static func write(bytes: [UInt8], to path: String) throws(BatchError) {
    do { try OutputTarget.check(path, inputs: []) } catch {
      throw .output(path: path, reason: error.reason)
    }
    let (folder, name) = split(path)
    let temporary = folder + "/" + temporaryName(name, pid: getpid())
    let descriptor = FileName.withCString(temporary) {
      open($0, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
    }
    guard descriptor >= 0 else { throw failure(path, "cannot create \(temporary)") }
    var written = 0
    let ok = bytes.withUnsafeBytes { bytes -> Bool in
      while written < bytes.count {
        let n = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += n
      }
      return true
    }
    let synced = ok && fsync(descriptor) == 0
    let code = errno
    close(descriptor)
    guard ok, synced else {
      FileName.withCString(temporary) { _ = unlink($0) }
      errno = code
      throw failure(path, "cannot write \(temporary)")
    }
    let renamed = FileName.withCString(temporary) { from in
      FileName.withCString(path) { to in rename(from, to) }
    }
    guard renamed == 0 else {
      let error = failure(path, "cannot rename \(temporary) over it")
      FileName.withCString(temporary) { _ = unlink($0) }
      throw error
    }
    let folderDescriptor = FileName.withCString(folder) { open($0, O_RDONLY | O_CLOEXEC) }
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Removes the temporary files an earlier batch on `path` left when it was killed while saving:
  /// `.NAME.PID.tmp` whose process is no longer running. Returns the paths removed.
  @discardableResult
  package static func removeStaleTemporaries(of path: String) -> [String] {
    let (folder, name) = split(path)
    let prefix = "." + name + "."
    var removed: [String] = []
    for entryName in (try? BatchPhotos.names(in: folder)) ?? [] {
      guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp"),
        let pid = Int32(entryName.dropFirst(prefix.count).dropLast(4)), pid > 0
      else { continue }
      // kill(pid, 0): ESRCH means no such process; EPERM means it runs under another user.
      guard kill(pid, 0) != 0, errno == ESRCH else { continue }
      let stale = folder + "/" + entryName
      if FileName.withCString(stale, { unlink($0) }) == 0 { removed.append(stale) }
    }
    return removed
  }

  /// The temporary file name for output `name` written by process `pid`.
  static func temporaryName(_ name: String, pid: Int32) -> String { ".\(name).\(pid).tmp" }

  /// The folder `path` is in ("." for a bare name).
  package static func folder(of path: String) -> String { split(path).folder }

  /// The output's folder ("." for a bare name) and file name.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = slash == path.startIndex ? "/" : String(path[..<slash])
    return (folder, String(path[path.index(after: slash)...]))
  }

  private static func failure(_ path: String, _ what: String) -> BatchError {
    .output(path: path, reason: "\(what): \(String(cString: strerror(errno)).lowercased())")
  }
}
