import Foundation
import TestSupport
import Testing

@testable import PigmentMatch

/// Issue 12 items 5, 7, 10–14: files that are not files, names that are not UTF-8, two batches on
/// one output, a failing save, line breaks in names, two spellings of one folder, the output inside
/// the folder, and stale temporary files. Every input is made here in a temporary folder.
@Suite struct HostileFilesTests {
  static let sample = TestPaths.inPackage("Samples/06-intermediate-brown.jpg")

  static func folder(_ name: String) throws -> String {
    try BatchTests.folder("hostile-" + name)
  }

  /// Makes a file whose name is the exact `bytes` inside `folder`, with `contents`.
  static func create(_ folder: String, bytes: [UInt8], contents: [UInt8]) throws -> String {
    let path = folder + "/" + FileName.string(fromBytes: bytes)
    let descriptor = FileName.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    try #require(descriptor >= 0)
    _ = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    return path
  }

  @Test func fileNamesRoundTripByteForByte() {
    let cases: [[UInt8]] = [
      Array("café.jpg".utf8), [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6A, 0x70, 0x67],  // Latin-1 é
      [0xFF, 0xFE, 0x80], [0xED, 0xA0, 0x80],  // a UTF-16 surrogate in UTF-8 is not UTF-8
      [0xF4, 0x8F, 0xBF, 0xBF],  // U+10FFFF, inside the escape range: kept as bytes too
      [0xC3],  // a sequence cut short
    ]
    for bytes in cases {
      #expect(FileName.bytes(of: FileName.string(fromBytes: bytes)) == bytes, "\(bytes)")
    }
    #expect(FileName.string(fromBytes: Array("café.jpg".utf8)) == "café.jpg")
  }

  @Test func aPhotoWithALatin1NameDecodes() throws {
    let root = try Self.folder("latin1")
    let jpeg = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.sample)))
    let path = try Self.create(root, bytes: Array("caf".utf8) + [0xE9] + Array(".jpg".utf8), contents: jpeg)
    let photo = try PhotoDecoder.decode(contentsOf: path)
    #expect(photo.width == 800 && photo.height == 600)
    #expect(try BatchPhotos.discover(in: root) == [path])
  }

  @Test func fifosDevicesAndBadLinksAreErrorsNamingThemNotHangs() throws {
    let root = try Self.folder("fifo")
    #expect(mkfifo(root + "/fifo.jpg", 0o644) == 0)
    try FileManager.default.createSymbolicLink(atPath: root + "/dangling.jpg", withDestinationPath: "missing.jpg")
    try FileManager.default.createSymbolicLink(atPath: root + "/loop.jpg", withDestinationPath: "loop.jpg")
    let expected: [(String, String)] = [
      (root + "/fifo.jpg", "it is a FIFO (named pipe), not a regular file"),
      ("/dev/zero", "it is a character device, not a regular file"),
      (root, "it is a folder, not a regular file"),
      (root + "/dangling.jpg", "the symbolic link points to a file that does not exist"),
      (root + "/loop.jpg", "too many levels of symbolic links (a link loop)"),
    ]
    for (path, reason) in expected {
      #expect(throws: PhotoError.unreadable(path: path, reason: reason)) {
        try PhotoDecoder.decode(contentsOf: path)
      }
    }
    #expect(throws: ToneAnalysisError.self) { try AnalysisMask.load(contentsOf: root + "/fifo.jpg") }
    // The batch lists them so each gets an error line.
    #expect(
      try BatchPhotos.discover(in: root)
        == [root + "/dangling.jpg", root + "/fifo.jpg", root + "/loop.jpg"])
  }

  @Test func aFolderSpelledTwoWaysListsTheSamePhotosAndNeverTheOutput() throws {
    let root = try Self.folder("spelling")
    try BatchTests.touch(root + "/p/a.jpg")
    try BatchTests.touch(root + "/p/results.jpg")
    // An earlier batch output named like a photo (item 13).
    try Data("{\"photo\":\"x.jpg\",\"error\":\"e\"}\n".utf8).write(to: URL(fileURLWithPath: root + "/p/results.jpg"))
    try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/p")
    let plain = try BatchPhotos.discover(in: root + "/p")
    for spelling in [root + "/p/", root + "//p/.", root + "/link", root + "/p/../p"] {
      #expect(try BatchPhotos.discover(in: spelling) == plain, "\(spelling)")
    }
    let run = try BatchRun(
      folder: root + "/./p", output: root + "/link/results.jpg",
      settings: try BatchTests.settings(fingerprint: "fnv1a64:0000000000000001"))
    #expect(run.photos == [root + "/p/a.jpg"])
  }

  @Test func aSymbolicLinkLoopFolderSaysSo() throws {
    let root = try Self.folder("loopdir")
    try FileManager.default.createSymbolicLink(atPath: root + "/loop", withDestinationPath: "loop")
    #expect(throws: BatchError.unreadableFolder(path: root + "/loop", reason: "too many levels of symbolic links (a link loop)")) {
      try BatchPhotos.discover(in: root + "/loop")
    }
  }

  @Test func theLedgerSplitsOnNewlinesOnly() {
    // Raw in the JSON text (RFC 8259 allows them unescaped), so a reader splitting on Unicode
    // line breaks would cut these lines.
    let names = ["a\u{2028}b.jpg", "c\u{85}d.jpg", "e\u{2029}f.jpg", "g\u{0B}h.jpg"]
    let text = names.map { name -> String in
      String(
        decoding: try! JSONSerialization.data(withJSONObject: ["photo": name], options: []), as: UTF8.self)
    }.joined(separator: "\n")
    #expect(text.contains("\u{2028}") && text.contains("\u{85}"))
    let ledger = BatchLedger(text: text)
    #expect(Set(ledger.done.keys) == Set(names), "\(ledger.done.keys)")
    #expect(ledger.unreadableLines == 0)
  }

  @Test func aFailedSaveStopsTheBatchAtOnce() throws {
    let root = try Self.folder("diskfull")
    let photos = (0..<40).map { root + "/p\($0).jpg" }
    var run = BatchRun(
      photos: photos, ledger: BatchLedger(), output: root + "/out.jsonl", jobs: 2,
      settings: try BatchTests.settings(fingerprint: "fnv1a64:0000000000000001"))
    run.checkpointSeconds = 0
    run.save = { _, path throws(BatchError) in
      throw .output(path: path, reason: "cannot write: no space left on device")
    }
    let started = Counter()
    #expect(throws: BatchError.self) {
      try run.run { photo in
        started.add()
        return BatchLine(photo: photo, text: "{\"photo\":\"\(photo)\"}", isError: false)
      }
    }
    // The first save fails after the first photo; only the photos already taken by the two
    // workers may finish.
    #expect(started.value <= 2, "\(started.value) photos started")
    do {
      _ = try run.run { BatchLine(photo: $0, text: "{}", isError: false) }
    } catch {
      #expect(error.description.contains("the batch stopped after"), "\(error)")
    }
  }

  @Test func stalePrivateTemporariesAreRemovedLiveOnesKept() throws {
    let root = try Self.folder("stale")
    // A PID far above Linux's pid_max (4 194 304) cannot be running.
    let stale = root + "/.out.jsonl.999999999.tmp"
    let live = root + "/.out.jsonl.\(getpid()).tmp"
    let other = root + "/.other.jsonl.999999999.tmp"
    for path in [stale, live, other] { try BatchTests.touch(path) }
    #expect(BatchOutputFile.removeStaleTemporaries(of: root + "/out.jsonl") == [stale])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted()
      == [".other.jsonl.999999999.tmp", ".out.jsonl.\(getpid()).tmp"])
  }

  @Test func aSecondLockOnTheSameOutputIsRefused() throws {
    let root = try Self.folder("lock")
    let output = root + "/out.jsonl"
    try {
      let first = try BatchOutputLock(output: output)
      #expect(throws: BatchError.self) { try BatchOutputLock(output: output) }
      withExtendedLifetime(first) {}
    }()
    // Released with the first: a later batch may lock again.
    #expect(throws: Never.self) { try BatchOutputLock(output: output) }
  }

  @Test func outputsNeverReplaceInputsLinksOrSpecialFiles() throws {
    let root = try Self.folder("outputs")
    try BatchTests.touch(root + "/photo.jpg")
    try FileManager.default.linkItem(atPath: root + "/photo.jpg", toPath: root + "/hardlink.jpg")
    try FileManager.default.createSymbolicLink(atPath: root + "/link.html", withDestinationPath: "photo.jpg")
    #expect(mkfifo(root + "/fifo.html", 0o644) == 0)
    let inputs = [(role: "photo", path: root + "/photo.jpg")]
    for output in [
      root + "/photo.jpg", root + "/./photo.jpg", root + "/hardlink.jpg", root + "/link.html",
      root + "/fifo.html", "/dev/null", root,
    ] {
      #expect(throws: OutputTarget.Refusal.self, "\(output)") { try OutputTarget.check(output, inputs: inputs) }
    }
    #expect(throws: Never.self) { try OutputTarget.check(root + "/new.html", inputs: inputs) }
    #expect(throws: BatchError.self) { try BatchOutputFile.write([], to: root + "/link.html") }
    #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/photo.jpg")) == Data([0]))
  }
}

/// A thread-safe count.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func add() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
