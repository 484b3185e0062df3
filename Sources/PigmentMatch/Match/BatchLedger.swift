import Foundation

/// What an earlier run of a batch left in its output file: the photos already done, with the
/// palette and options each was computed with (kept when those are this run's, else recomputed),
/// and the photos that failed (retried).
///
/// Each line is read as JSON; a line with a string `"photo"` and no `"error"` key is done, one
/// with an `"error"` key failed. A done line's `"palette"` and `"options"`
/// (``JSONContract/BatchSettings``) are its settings; a line without them (schema version 2 or
/// earlier) has none and is recomputed. Lines that are not such objects (hand edits) are dropped and
/// counted in ``unreadableLines``; when a photo appears twice the last line wins.
public struct BatchLedger: Sendable {
  /// Done photos and their lines, by photo path.
  public let done: [String: BatchLine]
  /// What each done photo's line was computed with, when the line says.
  public let settings: [String: JSONContract.BatchSettings]
  /// Photos whose last line was an error.
  public let failed: Set<String>
  /// Lines that could not be read as a result or an error line.
  public let unreadableLines: Int

  /// An empty ledger (a first run).
  public init() {
    done = [:]
    settings = [:]
    failed = []
    unreadableLines = 0
  }

  /// The ledger of the JSONL `text`. Lines end at "\n" only: a photo name may hold any other
  /// line break (U+2028, U+0085, a raw "\r" …), and the writer escapes those in JSON anyway.
  public init(text: String) {
    var done: [String: BatchLine] = [:]
    var settings: [String: JSONContract.BatchSettings] = [:]
    let decoder = JSONDecoder()
    var failed: Set<String> = []
    var unreadable = 0
    for raw in text.utf8.split(separator: UInt8(ascii: "\n")) {
      let line = String(decoding: raw, as: UTF8.self)
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any],
        let photo = object["photo"] as? String
      else {
        unreadable += 1
        continue
      }
      if object["error"] != nil {
        done[photo] = nil
        settings[photo] = nil
        failed.insert(photo)
      } else {
        done[photo] = BatchLine(photo: photo, text: line, isError: false)
        settings[photo] = try? decoder.decode(JSONContract.BatchSettings.self, from: Data(raw))
        failed.remove(photo)
      }
    }
    self.done = done
    self.settings = settings
    self.failed = failed
    self.unreadableLines = unreadable
  }

  /// The ledger of the output file at `path`; empty when the file does not exist. The output must
  /// be a regular file (a FIFO would block the read).
  public init(contentsOf path: String) throws(BatchError) {
    let bytes: [UInt8]
    do { bytes = try RegularFile.read(path) } catch .notFound {
      self.init()
      return
    } catch {
      throw .output(path: path, reason: "cannot read the earlier results (\(error.reason))")
    }
    self.init(text: String(decoding: bytes, as: UTF8.self))
    // A file with content but not one batch line is something else (a photo, notes): the batch
    // would replace it, so refuse.
    if done.isEmpty, failed.isEmpty, bytes.contains(where: { !Self.whitespace.contains($0) }) {
      throw .output(
        path: path,
        reason: "holds no batch results (JSON lines with \"photo\"), so it is not an earlier "
          + "output; refusing to overwrite it (choose another output)")
    }
  }

  private static let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
}
