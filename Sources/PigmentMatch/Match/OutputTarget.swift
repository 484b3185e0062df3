import Foundation

/// Checks a file a command is about to write (`report -o`, `batch -o`) so that writing never
/// destroys something silently: the output may be a new file or an existing regular file, but not
/// an input of the same run (the photo, the palette, the mask — compared by device and inode, so
/// hard links and other spellings count), a symbolic link (its target would be replaced by a
/// regular file), a device, a FIFO or a folder.
package enum OutputTarget {
  /// Why an output path was refused; `description` is one line naming the output.
  package struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output path.
    package let path: String
    /// What is wrong, without the path.
    package let reason: String
    package var description: String { "\(path): \(reason)" }
  }

  /// Throws unless writing `path` (by a rename over it) is safe; `inputs` are the run's input
  /// files with their role ("photo", "palette", "mask").
  package static func check(_ path: String, inputs: [(role: String, path: String)]) throws(Refusal) {
    var link = stat()
    let exists = FileName.withCString(path) { lstat($0, &link) } == 0
    guard exists else { return }
    let refusal = { (reason: String) in Refusal(path: path, reason: reason) }
    if link.st_mode & S_IFMT == S_IFLNK {
      throw refusal(
        "is a symbolic link; refusing to replace its target (write to the target's own path)")
    }
    if let kind = RegularFile.nonRegularKind(link.st_mode) {
      throw refusal("is \(kind), not a regular file; refusing to replace it")
    }
    for input in inputs {
      var info = stat()
      guard FileName.withCString(input.path, { stat($0, &info) }) == 0 else { continue }
      if info.st_dev == link.st_dev, info.st_ino == link.st_ino {
        throw refusal("is the \(input.role) of this run (\(input.path)); refusing to overwrite an input")
      }
    }
  }

  /// The absolute path of `path` with its folder resolved (`realpath(3)`: symbolic links, `.`,
  /// `..`, repeated `/`), the last component kept as given; nil when the folder does not exist.
  package static func canonical(_ path: String) -> String? {
    var trimmed = path
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    let slash = trimmed.lastIndex(of: "/")
    let folder = slash.map { $0 == trimmed.startIndex ? "/" : String(trimmed[..<$0]) } ?? "."
    let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
    guard let resolved = realPath(folder) else { return nil }
    if name == "." || name == ".." { return realPath(trimmed) }
    return resolved == "/" ? "/" + name : resolved + "/" + name
  }

  /// `realpath(3)` of `path`, byte-exact (`FileName`); nil when it does not resolve.
  package static func realPath(_ path: String) -> String? {
    FileName.withCString(path) { cPath -> String? in
      guard let resolved = realpath(cPath, nil) else { return nil }
      defer { free(resolved) }
      return FileName.string(fromCString: resolved)
    }
  }
}
