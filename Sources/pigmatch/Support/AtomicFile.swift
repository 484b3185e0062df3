import Foundation

/// Writes a file atomically: the bytes go to a temporary file in the same folder, which is then
/// renamed over the destination (`rename(2)` is atomic within one file system), so readers see
/// the old file or the whole new one, never a part. The temporary file is removed on failure.
enum AtomicFile {
  /// Writes `bytes` to `path`; throws a ``CLIFailure`` naming `path` when it cannot.
  static func write(_ bytes: [UInt8], to path: String) throws(CLIFailure) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw .input(path, "is a folder, not a file")
    }
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw .input(path, "cannot write: the folder \(folder.path) does not exist")
    }
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    do {
      try Data(bytes).write(to: temporary, options: [.withoutOverwriting])
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .input(path, "cannot write: \(Self.reason(error))")
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .input(path, "cannot write: \(reason.lowercased())")
    }
  }

  /// The POSIX reason of a Foundation write error, in lower case, else its description.
  private static func reason(_ error: any Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code))).lowercased()
    }
    if ns.domain == NSCocoaErrorDomain, ns.code == NSFileWriteNoPermissionError {
      return "permission denied"
    }
    return ns.localizedDescription
  }
}
