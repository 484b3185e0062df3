import Foundation

/// An exclusive lock on a batch output while a batch reads and rewrites it, so that two batches on
/// the same output cannot each rewrite it from their own results and lose the other's.
///
/// The lock is `flock(2)` on a lock file beside the output, `.NAME.lock` (the output itself is
/// replaced by each save, so a lock on it would not last). A second batch does not wait: it is
/// refused at once with a message saying so. The lock file is left in place (removing it could let
/// two batches lock different files); the kernel releases the lock when the process ends, even when
/// it is killed.
public final class BatchOutputLock: Sendable {
  private let descriptor: Int32
  /// The lock file.
  public let path: String

  /// Takes the lock for `output`; throws ``BatchError/output(path:reason:)`` when another process
  /// holds it or the lock file cannot be made.
  public init(output: String) throws(BatchError) {
    let (folder, name) = BatchOutputFile.split(output)
    let path = folder + "/." + name + ".lock"
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
    self.descriptor = descriptor
    self.path = path
  }

  deinit { close(descriptor) }
}
