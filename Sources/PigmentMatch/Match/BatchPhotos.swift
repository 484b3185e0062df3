import Foundation

/// The photos of a batch folder: `*.jpg`, `*.jpeg`, `*.png`, `*.heic`, `*.heif`, `*.avif` (any case),
/// sorted by path.
///
/// Paths are the folder's canonical absolute path (`realpath(3)`: the same folder spelled two
/// ways, `p`, `./p/` or through a link, gives the same paths) joined with the file's path inside
/// it; that path is the photo's key in the output (``BatchLedger``), and no photo is listed twice.
/// Names are read with `readdir(3)` byte for byte (`FileName`), so names that are not UTF-8 are
/// kept. Hidden files and folders (a leading `.`, e.g. macOS `._x.jpg` resource forks and the
/// batch's own temporary files) are skipped, and so are the paths in `excluding` (the batch's own
/// output). Every other entry with a photo name is listed even when it is not a readable regular
/// file — a FIFO, a device, a dangling or looping link — so it gets an error line saying what it
/// is instead of vanishing. With `recursive`, sub-folders are searched too, but symbolic links to
/// folders are not followed (no cycles).
package enum BatchPhotos {
  /// Extensions (lower case) a batch picks up.
  package static let extensions: Set<String> = ["jpg", "jpeg", "png", "heic", "heif", "avif"]

  /// The photos in `folder`, sorted by path (Swift `String` order: by Unicode scalar values).
  package static func discover(
    in folder: String, recursive: Bool = false, excluding: Set<String> = []
  ) throws(BatchError) -> [String] {
    var info = stat()
    guard FileName.withCString(folder, { stat($0, &info) }) == 0 else {
      throw folderError(folder, errno)
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path: folder) }
    guard let root = OutputTarget.realPath(folder) else { throw folderError(folder, errno) }
    var found: Set<String> = []
    do { try collect(root, recursive: recursive, excluding: excluding, into: &found) } catch {
      // Name the folder as the user gave it, not its canonical path.
      if case .unreadableFolder(root, let reason) = error {
        throw .unreadableFolder(path: folder, reason: reason)
      }
      throw error
    }
    return found.sorted()
  }

  /// Whether `name` has a photo extension (case-insensitive).
  package static func isPhotoName(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), !name.hasPrefix(".") else { return false }
    return extensions.contains(name[name.index(after: dot)...].lowercased())
  }

  private static func folderError(_ folder: String, _ code: Int32) -> BatchError {
    switch code {
    case ENOENT: return .folderNotFound(path: folder)
    case ENOTDIR: return .notAFolder(path: folder)
    default: return .unreadableFolder(path: folder, reason: RegularFile.systemFailure(code).reason)
    }
  }

  /// The entry names of `folder`, byte-exact (`FileName`), without `.` and `..`.
  static func names(in folder: String) throws(BatchError) -> [String] {
    guard let directory = FileName.withCString(folder, { opendir($0) }) else {
      throw folderError(folder, errno)
    }
    defer { closedir(directory) }
    var names: [String] = []
    while true {
      errno = 0
      guard let entry = readdir(directory) else {
        if errno != 0 { throw folderError(folder, errno) }
        break
      }
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { FileName.string(fromCString: $0) }
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names
  }

  private static func collect(
    _ folder: String, recursive: Bool, excluding: Set<String>, into found: inout Set<String>
  ) throws(BatchError) {
    for name in try names(in: folder) where !name.hasPrefix(".") {
      let path = folder == "/" ? "/" + name : folder + "/" + name
      // lstat: a symbolic link to a folder is not a folder here.
      var info = stat()
      let known = FileName.withCString(path) { lstat($0, &info) } == 0
      if known, info.st_mode & S_IFMT == S_IFDIR {
        if recursive { try collect(path, recursive: true, excluding: excluding, into: &found) }
        continue
      }
      guard isPhotoName(name), !excluding.contains(path) else { continue }
      if known, info.st_mode & S_IFMT == S_IFLNK {
        var target = stat()
        let resolves = FileName.withCString(path) { stat($0, &target) } == 0
        if resolves, target.st_mode & S_IFMT == S_IFDIR { continue }
      }
      found.insert(path)
    }
  }
}
