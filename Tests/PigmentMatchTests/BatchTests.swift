import Foundation
import PigmentMatch
import Testing

/// The library side of `pigmatch batch`: photo discovery, the resume ledger, the atomic output,
/// ordering, and that the match pipeline gives the same results run concurrently as in sequence.
@Suite struct BatchTests {
  /// A fresh empty folder under the temporary directory.
  static func folder(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent(
        "pigmatch-batch-\(getpid())-\(name)-\(UInt32.random(in: 0...UInt32.max))"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func touch(_ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
      withIntermediateDirectories: true)
    try Data([0]).write(to: URL(fileURLWithPath: path))
  }

  @Test func discoveryTakesPhotoExtensionsInAnyCaseSortedAndSkipsHidden() throws {
    let root = try Self.folder("discover")
    for name in [
      "b.JPG", "a.png", "c.Jpeg", "notes.txt", ".hidden.jpg", "._a.jpg", "sub/d.jpg", "png",
    ] {
      try Self.touch(root + "/" + name)
    }
    #expect(
      try BatchPhotos.discover(in: root) == [root + "/a.png", root + "/b.JPG", root + "/c.Jpeg"])
    #expect(
      try BatchPhotos.discover(in: root + "/", recursive: true).map {
        String($0.dropFirst(root.count))
      } == [
        "/a.png", "/b.JPG", "/c.Jpeg", "/sub/d.jpg",
      ])
  }

  @Test func discoveryOfAMissingFolderOrAFileThrows() throws {
    let root = try Self.folder("missing")
    #expect(throws: BatchError.folderNotFound(path: root + "/nope")) {
      try BatchPhotos.discover(in: root + "/nope")
    }
    try Self.touch(root + "/file.jpg")
    #expect(throws: BatchError.notAFolder(path: root + "/file.jpg")) {
      try BatchPhotos.discover(in: root + "/file.jpg")
    }
  }

  @Test func ledgerKeepsResultsRetriesErrorsAndTheLastLineWins() {
    let text = """
      {"photo":"a.jpg","analysis":{}}
      {"photo":"b.jpg","error":"b.jpg: not a PNG, JPEG, HEIF or AVIF image"}
      not json
      {"photo":"c.jpg","error":"first try failed"}
      {"photo":"c.jpg","analysis":{}}
      {"photo":"d.jpg","analysis":{}}
      {"photo":"d.jpg","error":"failed later"}

      {"nophoto":1}
      """
    let ledger = BatchLedger(text: text)
    #expect(Set(ledger.done.keys) == ["a.jpg", "c.jpg"])
    #expect(ledger.failed == ["b.jpg", "d.jpg"])
    #expect(ledger.unreadableLines == 2)
    #expect(ledger.done["a.jpg"]?.text == #"{"photo":"a.jpg","analysis":{}}"#)
  }

  /// The `"palette"` and `"options"` keys of a line made with palette `fingerprint` and `years`.
  static func settingsKeys(fingerprint: String, years: Int = 0) -> String {
    #""palette":{"id":"tones","vendor":"V","name":"Tones","version":"1.0.0","fingerprint":"\#(fingerprint)"},"#
      + #""options":{"years":\#(years),"sun":"moderate","smoker":false,"dotDiameterMM":0.125,"spacingMM":0.75,"regionOptions":[]}"#
  }

  /// The settings those keys decode to.
  static func settings(fingerprint: String, years: Int = 0) throws -> JSONContract.BatchSettings {
    try JSONDecoder().decode(
      JSONContract.BatchSettings.self, from: Data(("{" + settingsKeys(fingerprint: fingerprint, years: years) + "}").utf8))
  }

  @Test func runWritesSortedLinesSkipsDoneRetriesFailedRecomputesStaleAndLeavesNoTemporaryFile() throws {
    let root = try Self.folder("run")
    let output = root + "/out.jsonl"
    let photos = (0..<40).map { String(format: "%@/p%02d.jpg", root, 39 - $0) }
    let current = Self.settingsKeys(fingerprint: "fnv1a64:0000000000000001")
    let previous = BatchLedger(
      text: #"{"photo":"\#(root)/p05.jpg",\#(current),"old":true}"# + "\n"
        + #"{"photo":"\#(root)/p06.jpg","error":"x"}"# + "\n"
        + #"{"photo":"\#(root)/p07.jpg",\#(Self.settingsKeys(fingerprint: "fnv1a64:0000000000000002")),"old":true}"#
        + "\n" + #"{"photo":"\#(root)/p08.jpg",\#(Self.settingsKeys(fingerprint: "fnv1a64:0000000000000001", years: 3)),"old":true}"#
        + "\n" + #"{"photo":"\#(root)/p09.jpg","old":true}"#)
    let batch = BatchRun(
      photos: photos, ledger: previous, output: output, jobs: 4,
      settings: try Self.settings(fingerprint: "fnv1a64:0000000000000001"))
    // p07 (another palette), p08 (other years) and p09 (no settings) are stale.
    #expect(batch.stale == [root + "/p07.jpg", root + "/p08.jpg", root + "/p09.jpg"])
    #expect(batch.pending.count == 39)
    let calls = Calls()
    let summary = try batch.run { photo in
      calls.add(photo)
      // Finish in an order unrelated to the path order.
      usleep(UInt32(photo.hashValue & 0x3FF))
      let failed = photo.hasSuffix("p13.jpg")
      return BatchLine(
        photo: photo,
        text: failed ? #"{"photo":"\#(photo)","error":"bad"}"# : #"{"photo":"\#(photo)"}"#,
        isError: failed)
    }
    #expect(
      summary.photos == 40 && summary.processed == 39 && summary.skipped == 1 && summary.failed == 1
        && summary.recomputed == 3
    )
    #expect(!calls.photos.contains(root + "/p05.jpg") && calls.photos.contains(root + "/p06.jpg"))
    #expect(["p07", "p08", "p09"].allSatisfy { calls.photos.contains(root + "/\($0).jpg") })
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(
      String.init)
    #expect(lines.count == 40)
    let keys = try lines.map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])[
        "photo"] as? String
    }
    #expect(keys == photos.sorted())
    #expect(lines[5] == #"{"photo":"\#(root)/p05.jpg",\#(current),"old":true}"#)
    #expect(lines[7] == #"{"photo":"\#(root)/p07.jpg"}"#)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out.jsonl"])
  }

  /// Issue 12: an output written before photos were keyed by canonical path (keys were the folder as
  /// given joined with the name, or a bare name) is converted on resume: done photos are skipped,
  /// not run again nor listed twice; a failed one is retried; a photo no longer there keeps its line.
  @Test func oldLedgerWithRelativeKeysIsConvertedOnResume() throws {
    let made = try Self.folder("old-ledger")
    let root = try #require(OutputTarget.realPath(made))
    for name in ["a.jpg", "b.jpg", "c.jpg", "d.jpg"] { try Self.touch(root + "/" + name) }
    // The folder as an older command line spelled it: relative to the current folder.
    let here = FileManager.default.currentDirectoryPath.split(separator: "/").count
    let given = String(repeating: "../", count: here) + root.dropFirst() + "/"
    let output = root + "/out.jsonl"
    // The lines carry this run's palette and options, so only their keys decide what is pending.
    let current = Self.settingsKeys(fingerprint: "fnv1a64:0000000000000001")
    let old = [
      #"{"photo":"\#(given)a.jpg",\#(current),"analysis":"old a"}"#,
      #"{"photo":"\#(root)/a.jpg",\#(current),"analysis":"new a"}"#,
      #"{"photo":"b.jpg",\#(current),"analysis":"old b"}"#,
      #"{"photo":"\#(given)c.jpg","error":"failed"}"#,
      #"{"photo":"\#(given)gone.jpg",\#(current),"analysis":"gone"}"#,
    ]
    try Data((old.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: output))
    let batch = try BatchRun(
      folder: given, output: output, jobs: 1, settings: try Self.settings(fingerprint: "fnv1a64:0000000000000001"))
    #expect(batch.pending == [root + "/c.jpg", root + "/d.jpg"])
    let calls = Calls()
    let summary = try batch.run { photo in
      calls.add(photo)
      return BatchLine(photo: photo, text: #"{"photo":"\#(photo)","analysis":"run"}"#, isError: false)
    }
    #expect(calls.photos.sorted() == [root + "/c.jpg", root + "/d.jpg"])
    #expect(summary.processed == 2 && summary.skipped == 2)
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(
      lines == [
        #"{"photo":"\#(given)gone.jpg",\#(current),"analysis":"gone"}"#,
        #"{"photo":"\#(root)/a.jpg",\#(current),"analysis":"new a"}"#,
        #"{"photo":"\#(root)/b.jpg",\#(current),"analysis":"old b"}"#,
        #"{"photo":"\#(root)/c.jpg","analysis":"run"}"#,
        #"{"photo":"\#(root)/d.jpg","analysis":"run"}"#,
      ].sorted())
  }

  @Test func outputToAMissingFolderIsAnError() throws {
    let root = try Self.folder("nowhere")
    let output = root + "/missing/out.jsonl"
    #expect(throws: BatchError.self) {
      try BatchOutputFile.write([BatchLine(photo: "a", text: "{}", isError: false)], to: output)
    }
  }

  /// Eight matches on different photos at once give exactly what they give one after another:
  /// no shared mutable state in ToneAnalysis or MatchPipeline.
  @Test func concurrentMatchesEqualSequentialOnes() async throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: TestData.samples.path)
      .filter { $0.hasSuffix(".jpg") || $0.hasSuffix(".png") }.sorted()
    let photos = Array(names.prefix(8)).map { TestData.samples.appendingPathComponent($0).path }
    try #require(photos.count == 8)
    let palette = try Palette.load(
      path: TestData.packageRoot.appendingPathComponent("Palettes/iron-oxide-tones.json").path)
    let pipeline = MatchPipeline(palette: palette)
    @Sendable func fingerprint(_ photo: String) -> String {
      do {
        let analysis = try ToneAnalysis(contentsOf: photo)
        let report = try pipeline.run(analysis: analysis)
        return "\(analysis)\n\(report)"
      } catch {
        return "error: \(error)"
      }
    }
    let sequential = photos.map(fingerprint)
    let concurrent = await withTaskGroup(of: (Int, String).self) { group in
      for (index, photo) in photos.enumerated() { group.addTask { (index, fingerprint(photo)) } }
      var out = [String](repeating: "", count: photos.count)
      for await (index, text) in group { out[index] = text }
      return out
    }
    #expect(Set(sequential).count == 8)
    for index in photos.indices {
      #expect(concurrent[index] == sequential[index], "\(photos[index])")
    }
  }
}

/// The photos a batch's work closure was called with (from several threads).
private final class Calls: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ photo: String) { lock.withLock { list.append(photo) } }
  var photos: [String] { lock.withLock { list } }
}
