import Foundation

/// Opens input files — photos, masks, palettes — only when they are regular files.
///
/// A FIFO would block `open(2)` or `read(2)` for ever and a device never ends, so the type is
/// checked with `stat(2)` before opening, the file is opened with `O_NONBLOCK` (an `open` of a FIFO
/// that appeared since cannot block) and checked again with `fstat(2)` on the open descriptor.
/// Names are passed to the system byte for byte (``FileName``).
package enum RegularFile {
  /// Why a file could not be opened for reading; `reason` is one line without the path.
  package enum Failure: Error, Sendable, Equatable {
    /// Nothing at the path (ENOENT).
    case notFound
    /// A symbolic link whose target does not exist.
    case danglingLink
    /// Symbolic links that point at each other (ELOOP).
    case linkLoop
    /// The file or a folder on its path may not be read or searched (EACCES, EPERM).
    case permissionDenied
    /// Not a regular file: `kind` says what it is ("a FIFO (named pipe)", "a folder" …).
    case notRegular(kind: String)
    /// Larger than the reader's limit.
    case tooLarge(bytes: Int, limit: Int)
    /// Any other system error, as `strerror` says it.
    case system(String)

    /// What is wrong, in lower case, without the path.
    package var reason: String {
      switch self {
      case .notFound: "no such file"
      case .danglingLink: "the symbolic link points to a file that does not exist"
      case .linkLoop: "too many levels of symbolic links (a link loop)"
      case .permissionDenied: "permission denied"
      case .notRegular(let kind): "it is \(kind), not a regular file"
      case .tooLarge(let bytes, let limit): "\(bytes) bytes is over the limit of \(limit) bytes"
      case .system(let text): text
      }
    }
  }

  /// An open descriptor of the regular file at `path`, positioned at its start; close it.
  package static func open(_ path: String) throws(Failure) -> Int32 {
    try FileName.withCString(path) { (cPath) throws(Failure) -> Int32 in
      var info = stat()
      guard stat(cPath, &info) == 0 else { throw statFailure(cPath, errno) }
      if let kind = nonRegularKind(info.st_mode) { throw .notRegular(kind: kind) }
      let descriptor = Foundation.open(cPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
      guard descriptor >= 0 else { throw systemFailure(errno) }
      guard fstat(descriptor, &info) == 0 else {
        let failure = systemFailure(errno)
        close(descriptor)
        throw failure
      }
      if let kind = nonRegularKind(info.st_mode) {
        close(descriptor)
        throw .notRegular(kind: kind)
      }
      let flags = fcntl(descriptor, F_GETFL)
      if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
      return descriptor
    }
  }

  /// The whole regular file at `path`; throws ``Failure/tooLarge(bytes:limit:)`` before reading
  /// when it is longer than `limit` bytes.
  package static func read(_ path: String, limit: Int = Int.max) throws(Failure) -> [UInt8] {
    let descriptor = try open(path)
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw systemFailure(errno) }
    let size = Int(info.st_size)
    if size > limit { throw .tooLarge(bytes: size, limit: limit) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size)
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw systemFailure(errno)
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      // The file grew while read: still bounded.
      if bytes.count > limit { throw .tooLarge(bytes: bytes.count, limit: limit) }
    }
    return bytes
  }

  /// What a non-regular file is ("a FIFO (named pipe)", "a folder" …), or nil for a regular file.
  package static func nonRegularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a folder"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "not a file"
    }
  }

  /// Why `stat` failed: a missing target behind an existing link is a dangling link.
  private static func statFailure(_ cPath: UnsafePointer<CChar>, _ code: Int32) -> Failure {
    if code == ENOENT {
      var link = stat()
      if lstat(cPath, &link) == 0, link.st_mode & S_IFMT == S_IFLNK { return .danglingLink }
    }
    return systemFailure(code)
  }

  /// The failure of a system call that set `errno` to `code`.
  package static func systemFailure(_ code: Int32) -> Failure {
    switch code {
    case ENOENT: .notFound
    case ELOOP: .linkLoop
    case EACCES, EPERM: .permissionDenied
    default: .system(String(cString: strerror(code)).lowercased())
    }
  }
}
