import Foundation

/// The photos of a batch folder: `*.jpg`, `*.jpeg`, `*.png`, `*.heic`, `*.heif`, `*.avif` (any case),
/// sorted by path.
///
/// Paths are the folder as given (without a trailing `/`) joined with the file's path inside it,
/// so the same command line always names a photo the same way; that path is the photo's key in
/// the output (``BatchLedger``). Hidden files and folders (a leading `.`, e.g. macOS `._x.jpg`
/// resource forks) are skipped. With `recursive`, sub-folders are searched too, but symbolic links
/// to folders are not followed (no cycles).
public enum BatchPhotos {
  /// Extensions (lower case) a batch picks up.
  public static let extensions: Set<String> = ["jpg", "jpeg", "png", "heic", "heif", "avif"]

  /// The photos in `folder`, sorted by path (Swift `String` order: by Unicode scalar values).
  public static func discover(in folder: String, recursive: Bool = false) throws(BatchError)
    -> [String]
  {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw .folderNotFound(path: folder)
    }
    guard isDirectory.boolValue else { throw .notAFolder(path: folder) }
    var root = folder
    while root.count > 1, root.hasSuffix("/") { root.removeLast() }
    var found: [String] = []
    try collect(root, recursive: recursive, into: &found)
    return found.sorted()
  }

  /// Whether `name` has a photo extension (case-insensitive).
  public static func isPhotoName(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), !name.hasPrefix(".") else { return false }
    return extensions.contains(name[name.index(after: dot)...].lowercased())
  }

  private static func collect(_ folder: String, recursive: Bool, into found: inout [String])
    throws(BatchError)
  {
    let manager = FileManager.default
    let names: [String]
    do { names = try manager.contentsOfDirectory(atPath: folder) } catch {
      throw .unreadableFolder(path: folder, reason: error.localizedDescription)
    }
    for name in names where !name.hasPrefix(".") {
      let path = folder == "/" ? "/" + name : folder + "/" + name
      // lstat: a symbolic link to a folder is not a folder here.
      let type = (try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType) ?? nil
      if type == .typeDirectory {
        if recursive { try collect(path, recursive: true, into: &found) }
        continue
      }
      var isDirectory: ObjCBool = false
      guard isPhotoName(name), manager.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      found.append(path)
    }
  }
}
