/// Why a batch could not start or could not save its results. A photo that fails is not a batch
/// error: it becomes an error line in the output (``BatchLine``) and the batch goes on.
package enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The photo folder does not exist.
  case folderNotFound(path: String)
  /// The path exists but is not a folder.
  case notAFolder(path: String)
  /// The folder could not be listed (permissions).
  case unreadableFolder(path: String, reason: String)
  /// The output file could not be read, written or renamed into place.
  case output(path: String, reason: String)

  /// A practitioner-readable message that names the file.
  package var description: String {
    switch self {
    case .folderNotFound(let path): "\(path): no such folder"
    case .notAFolder(let path): "\(path): not a folder"
    case .unreadableFolder(let path, let reason): "\(path): cannot list the folder (\(reason))"
    case .output(let path, let reason): "\(path): \(reason)"
    }
  }
}
