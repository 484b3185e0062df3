import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// `pigmatch batch` run in process: JSONL per the contract, sorted, error lines, resume, exit status.
@Suite("pigmatch batch")
struct BatchCommandTests {
  static let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")

  /// A temporary folder holding copies of Samples photos under new names, plus `extra` files.
  static func folder(_ name: String, photos: [String: String], extra: [String: Data] = [:]) throws
    -> String
  {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent(
        "pigmatch-batchcli-\(getpid())-\(name)-\(UInt32.random(in: 0...UInt32.max))"
      ).path
    try FileManager.default.createDirectory(
      atPath: root + "/photos", withIntermediateDirectories: true)
    for (target, sample) in photos {
      try FileManager.default.copyItem(
        atPath: Paths.inPackage("Samples/" + sample), toPath: root + "/photos/" + target)
    }
    for (target, data) in extra {
      try data.write(to: URL(fileURLWithPath: root + "/photos/" + target))
    }
    return root
  }

  static func lines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test func writesOneContractLinePerPhotoSortedWithErrorLinesAndNoTemporaryFile() throws {
    let root = try Self.folder(
      "contract", photos: ["b.JPG": "09-brown-black.jpg", "a.png": "02-very-light-blond.png"],
      extra: ["c.jpeg": Data("not a photo".utf8), "notes.txt": Data("x".utf8)])
    let output = root + "/results.jsonl"
    let run = CLIRun([
      "batch", root + "/photos", "--palette", Self.palette, "-o", output, "--jobs", "2",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)  // not a terminal, fewer than 100 photos: no progress lines
    #expect(run.stdout.contains("3 (2 matched, 1 failed)"))
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    let lines = try Self.lines(output)
    #expect(
      lines.compactMap { $0["photo"] as? String }
        == ["a.png", "b.JPG", "c.jpeg"].map { root + "/photos/" + $0 })
    #expect(text.hasPrefix("{\"photo\":"))
    for line in lines.prefix(2) {
      #expect(
        Set(line.keys) == [
          "photo", "schemaVersion", "palette", "options", "analysis", "target", "warnings", "skinModel", "blend", "contrast", "reach",
          "hyperpigmentation", "fade",
        ])
    }
    #expect(Set(lines[2].keys) == ["photo", "schemaVersion", "error"])
    #expect((lines[2]["error"] as? String)?.contains("c.jpeg") == true)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [
        "photos", "results.jsonl",
      ])
  }

  @Test func resultLineEqualsTheMatchJSONWithThePhotoFirst() throws {
    let root = try Self.folder("same", photos: ["x.jpg": "06-intermediate-brown.jpg"])
    let output = root + "/r.jsonl"
    #expect(
      CLIRun(["batch", root + "/photos", "--palette", Self.palette, "-o", output, "--years", "2"])
        .status == 0)
    let match = CLIRun([
      "match", root + "/photos/x.jpg", "--palette", Self.palette, "--years", "2", "--json",
    ])
    let line = try String(contentsOfFile: output, encoding: .utf8)
    let expected =
      "{\"photo\":" + OrderedJSONEncoder.quote(root + "/photos/x.jpg") + "," + match.stdout.dropFirst()
    #expect(line == expected)
  }

  @Test func rerunSkipsDonePhotosAndRetriesFailedOnes() throws {
    let root = try Self.folder(
      "resume", photos: ["a.jpg": "03-light-dark-brown.jpg"],
      extra: ["b.jpg": Data([0xFF, 0xD8, 0xFF])])
    let output = root + "/r.jsonl"
    let arguments = ["batch", root + "/photos", "--palette", Self.palette, "-o", output]
    #expect(CLIRun(arguments).status == 0)
    let first = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    #expect(first.count == 2 && first[1].contains("\"error\""))
    // Fix the bad photo; the done one must be skipped (its line kept byte for byte).
    try FileManager.default.removeItem(atPath: root + "/photos/b.jpg")
    try FileManager.default.copyItem(
      atPath: Paths.inPackage("Samples/09-brown-black.jpg"), toPath: root + "/photos/b.jpg")
    let rerun = CLIRun(arguments)
    #expect(rerun.status == 0)
    #expect(rerun.stdout.contains("processed  1 (1 matched, 0 failed)"))
    #expect(rerun.stdout.contains("skipped    1"))
    let second = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    #expect(second.count == 2 && second[0] == first[0] && !second[1].contains("\"error\""))
    let third = CLIRun(arguments)
    #expect(third.stdout.contains("processed  0") && third.stdout.contains("skipped    2"))
  }

  @Test(arguments: ["folder", "palette", "output"])
  func missingInputIsOneLineAndStatus2(_ missing: String) throws {
    let root = try Self.folder("missing-\(missing)", photos: [:])
    let folder = missing == "folder" ? root + "/nope" : root + "/photos"
    let palette = missing == "palette" ? root + "/nope.json" : Self.palette
    let output = missing == "output" ? root + "/nope/r.jsonl" : root + "/r.jsonl"
    let run = CLIRun(["batch", folder, "--palette", palette, "-o", output])
    #expect(run.status == 2)
    #expect(
      run.stderr.hasPrefix("pigmatch: ") && run.stderr.filter { $0 == "\n" }.count == 1,
      "\(run.stderr)")
    #expect(run.stderr.contains("nope"))
  }
}
