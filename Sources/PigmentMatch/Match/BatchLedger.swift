import Foundation

/// What an earlier run of a batch left in its output file: the photos already done, with the
/// palette and options each was computed with (kept when those are this run's, else recomputed),
/// and the photos that failed (retried).
///
/// Each line is read as JSON; a line with a string `"photo"` and no `"error"` key is done, one
/// with an `"error"` key failed. A done line's `"palette"` and `"options"`
/// (``JSONContract/BatchSettings``) are its settings; a line without them (schema version 2 or
/// earlier) has none and is recomputed, and so is a version 3 line, whose `options` lack the dot
/// geometry (`dotDiameterMM`, `spacingMM`, new in version 4) and so do not read as settings. Lines that are not such objects (hand edits) are dropped and
/// counted in ``unreadableLines``; when a photo appears twice the last line wins.
package struct BatchLedger: Sendable {
  /// Done photos and their lines, by photo path.
  package let done: [String: BatchLine]
  /// What each done photo's line was computed with, when the line says.
  package let settings: [String: JSONContract.BatchSettings]
  /// Photos whose last line was an error.
  package let failed: Set<String>
  /// Lines that could not be read as a result or an error line.
  package let unreadableLines: Int

  /// An empty ledger (a first run).
  package init() {
    done = [:]
    settings = [:]
    failed = []
    unreadableLines = 0
  }

  /// The ledger of the JSONL `text`. Lines end at "\n" only: a photo name may hold any other
  /// line break (U+2028, U+0085, a raw "\r" …), and the writer escapes those in JSON anyway.
  package init(text: String) {
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
  package init(contentsOf path: String) throws(BatchError) {
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

  private init(
    done: [String: BatchLine], settings: [String: JSONContract.BatchSettings], failed: Set<String>,
    unreadableLines: Int
  ) {
    self.done = done
    self.settings = settings
    self.failed = failed
    self.unreadableLines = unreadableLines
  }

  /// The ledger with the keys of an older output converted to the canonical paths of `photos`
  /// (``BatchPhotos``). Before photos were keyed by canonical path, a key was the folder as given on
  /// the command line joined with the photo's path inside it (`photos/a.jpg`, `./a.jpg`). A key that
  /// is not one of `photos` is read, in this order, as that folder spelling (`folder`) followed by the
  /// path inside the folder, as a path from the current folder, and as a path inside the batch's
  /// folder; the first reading that names one of `photos` is its key, and its line's `"photo"` is
  /// rewritten to it. Keys that name none are kept as they are (photos no longer in the folder). A
  /// photo already keyed canonically keeps its own line, so no photo is listed twice.
  package func convertingOldKeys(folder: String, photos: [String]) -> BatchLedger {
    let known = Set(photos)
    guard done.keys.contains(where: { !known.contains($0) }) || failed.contains(where: { !known.contains($0) }),
      let root = OutputTarget.realPath(folder)
    else { return self }
    var given = folder
    while given.count > 1, given.hasSuffix("/") { given.removeLast() }
    func canonical(_ key: String) -> String? {
      guard !known.contains(key) else { return key }
      var readings: [String] = []
      if key.hasPrefix(given + "/") { readings.append(root + "/" + key.dropFirst(given.count + 1)) }
      if let fromHere = OutputTarget.canonical(key) { readings.append(fromHere) }
      if !key.hasPrefix("/"), let inFolder = OutputTarget.canonical(root + "/" + key) { readings.append(inFolder) }
      return readings.first(where: known.contains)
    }
    var done: [String: BatchLine] = [:]
    var settings: [String: JSONContract.BatchSettings] = [:]
    var failed: Set<String> = []
    // Lines already keyed canonically first: they win over a converted old line of the same photo.
    for (key, line) in self.done where known.contains(key) {
      done[key] = line
      settings[key] = self.settings[key]
    }
    for key in self.failed where known.contains(key) { failed.insert(key) }
    for (key, line) in self.done.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
      guard let photo = canonical(key) else {
        done[key] = line
        settings[key] = self.settings[key]
        continue
      }
      guard done[photo] == nil, !failed.contains(photo) else { continue }
      done[photo] = BatchLine(photo: photo, text: Self.replacingPhoto(in: line.text, with: photo), isError: false)
      settings[photo] = self.settings[key]
    }
    for key in self.failed where !known.contains(key) {
      let photo = canonical(key) ?? key
      if done[photo] == nil { failed.insert(photo) }
    }
    return BatchLedger(done: done, settings: settings, failed: failed, unreadableLines: unreadableLines)
  }

  /// `text` (a batch line, `{"photo":"…",…}`) with its leading `"photo"` string replaced by
  /// `photo`; unchanged when it does not start that way.
  static func replacingPhoto(in text: String, with photo: String) -> String {
    let bytes = Array(text.utf8)
    let head = Array(#"{"photo":""#.utf8)
    guard bytes.starts(with: head) else { return text }
    // The string ends at the first quote not escaped by a backslash (RFC 8259 §7).
    var i = head.count
    while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
      i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    guard i < bytes.count, let quoted = try? encoder.encode(photo) else { return text }
    var out = Array(#"{"photo":"#.utf8) + Array(quoted)
    out += bytes[(i + 1)...]
    return String(decoding: out, as: UTF8.self)
  }
}
