import Foundation

/// An exclusive lock on a batch output while a batch reads and rewrites it, so that two batches on
/// the same output cannot each rewrite it from their own results and lose the other's.
///
/// The lock is `flock(2)` on a lock file beside the output, `.NAME.lock` (the output itself is
/// replaced by each save, so a lock on it would not last). A second batch does not wait: it is
/// refused at once with a message saying so. The holder removes the lock file when it ends; a
/// locker checks after locking that the file it locked is still the one at the path (else it locked
/// a file just removed, and tries again), so removing it cannot let two batches in. The kernel
/// releases the lock when the process ends, even when it is killed (the file then stays, unlocked).
package final class BatchOutputLock: Sendable {
  private let descriptor: Int32
  /// The lock file.
  package let path: String

  /// Takes the lock for `output`; throws ``BatchError/output(path:reason:)`` when another process
  /// holds it or the lock file cannot be made.
  package init(output: String) throws(BatchError) {
    let (folder, name) = BatchOutputFile.split(output)
    let path = folder + "/." + name + ".lock"
    while true {
      let descriptor = FileName.withCString(path) {
        open($0, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
      }
      guard descriptor >= 0 else {
        throw .output(
          path: output,
          reason: "cannot create the lock file \(path): \(String(cString: strerror(errno)).lowercased())")
      }
      var result: Int32
      repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
      guard result == 0 else {
        let busy = errno == EWOULDBLOCK
        let reason = String(cString: strerror(errno)).lowercased()
        close(descriptor)
        throw .output(
          path: output,
          reason: busy
            ? "another batch is writing this output (it holds \(path)); wait for it to finish or choose another output"
            : "cannot lock \(path): \(reason)")
      }
      var locked = stat()
      var current = stat()
      let same =
        fstat(descriptor, &locked) == 0 && FileName.withCString(path, { stat($0, &current) }) == 0
        && locked.st_dev == current.st_dev && locked.st_ino == current.st_ino
      if same {
        self.descriptor = descriptor
        self.path = path
        return
      }
      close(descriptor)  // The holder removed it between our open and flock: lock the new one.
    }
  }

  deinit {
    FileName.withCString(path) { _ = unlink($0) }
    close(descriptor)
  }
}
