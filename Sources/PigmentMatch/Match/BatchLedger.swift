import Foundation

/// What an earlier run of a batch left in its output file: the photos already done (kept as they
/// are, skipped this time) and the photos that failed (retried).
///
/// Each line is read as JSON; a line with a string `"photo"` and no `"error"` key is done, one
/// with an `"error"` key failed. Lines that are not such objects (hand edits) are dropped and
/// counted in ``unreadableLines``; when a photo appears twice the last line wins.
public struct BatchLedger: Sendable {
  /// Done photos and their lines, by photo path.
  public let done: [String: BatchLine]
  /// Photos whose last line was an error.
  public let failed: Set<String>
  /// Lines that could not be read as a result or an error line.
  public let unreadableLines: Int

  /// An empty ledger (a first run).
  public init() {
    done = [:]
    failed = []
    unreadableLines = 0
  }

  /// The ledger of the JSONL `text`.
  public init(text: String) {
    var done: [String: BatchLine] = [:]
    var failed: Set<String> = []
    var unreadable = 0
    for raw in text.split(whereSeparator: \.isNewline) {
      let line = String(raw)
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let photo = object["photo"] as? String
      else {
        unreadable += 1
        continue
      }
      if object["error"] != nil {
        done[photo] = nil
        failed.insert(photo)
      } else {
        done[photo] = BatchLine(photo: photo, text: line, isError: false)
        failed.remove(photo)
      }
    }
    self.done = done
    self.failed = failed
    self.unreadableLines = unreadable
  }

  /// The ledger of the output file at `path`; empty when the file does not exist.
  public init(contentsOf path: String) throws(BatchError) {
    guard FileManager.default.fileExists(atPath: path) else {
      self.init()
      return
    }
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw .output(
        path: path, reason: "cannot read the earlier results (\(error.localizedDescription))")
    }
    self.init(text: String(decoding: data, as: UTF8.self))
  }
}
