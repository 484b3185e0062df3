import Foundation
import PigmentMatch
import TestSupport
import Testing

@testable import pigmatch

/// Issue 12 (items 4–8, 10–13, 16) at the command line: every hostile input or output ends in one
/// line on stderr and a clear exit status, never a trap, a hang or a destroyed file. Inputs are made
/// here (FIFOs, links, odd names) in a temporary folder.
@Suite("pigmatch against hostile files")
struct HostileInputCLITests {
  static let photo = Paths.inPackage("Samples/06-intermediate-brown.jpg")
  static let palette = Paths.inPackage("Palettes/iron-oxide-tones.json")

  static func folder(_ name: String) throws -> String {
    try makeTemporaryFolder("hostile-cli-" + name).path
  }

  /// Exit 2 and exactly one line on stderr that contains `message`.
  static func expectOneLine(_ run: CLIRun, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == 2, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.hasPrefix("pigmatch: ") && run.stderr.filter { $0 == "\n" }.count == 1,
      "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.contains(message), "\(run.stderr)", sourceLocation: sourceLocation)
  }

  @Test func aHugeLightfastnessIsOneLineNotATrap() throws {
    let root = try Self.folder("lightfastness")
    let text = try String(contentsOfFile: Self.palette, encoding: .utf8)
    let broken = text.replacingOccurrences(
      of: #""lightfastness": \d"#, with: "\"lightfastness\": 1e19", options: .regularExpression)
    #expect(broken != text)
    try broken.write(toFile: root + "/p.json", atomically: false, encoding: .utf8)
    Self.expectOneLine(CLIRun(["palette", "show", root + "/p.json"]), "lightfastness")
    // validate lists it as a problem: exit 1 (failed validation).
    let validate = CLIRun(["palette", "validate", root + "/p.json"])
    #expect(validate.status == 1 && validate.stdout.contains("lightfastness: Blue Wool rating"), "\(validate.stdout)")
    Self.expectOneLine(
      CLIRun(["match", Self.photo, "--palette", root + "/p.json"]), "Blue Wool rating must be a whole number 1–8")
  }

  @Test func fifoInputsAreNamedNotWaitedFor() throws {
    let root = try Self.folder("fifo")
    for name in ["f.jpg", "m.png", "p.json"] { #expect(mkfifo(root + "/" + name, 0o644) == 0) }
    let fifo = "it is a FIFO (named pipe), not a regular file"
    Self.expectOneLine(CLIRun(["analyze", root + "/f.jpg"]), fifo)
    Self.expectOneLine(CLIRun(["analyze", Self.photo, "--mask", root + "/m.png"]), fifo)
    Self.expectOneLine(CLIRun(["palette", "show", root + "/p.json"]), fifo)
    Self.expectOneLine(CLIRun(["inspect", "/dev/zero"]), "character device")
  }

  @Test func reportRefusesToReplaceItsInputsLinksAndSpecialFiles() throws {
    let root = try Self.folder("report-out")
    try FileManager.default.copyItem(atPath: Self.photo, toPath: root + "/photo.jpg")
    try FileManager.default.copyItem(atPath: Self.palette, toPath: root + "/palette.json")
    try Data("keep".utf8).write(to: URL(fileURLWithPath: root + "/target.html"))
    try FileManager.default.createSymbolicLink(atPath: root + "/link.html", withDestinationPath: "target.html")
    #expect(mkfifo(root + "/fifo.html", 0o644) == 0)
    let before = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
    let photoBytes = try Data(contentsOf: URL(fileURLWithPath: root + "/photo.jpg"))
    for (output, message) in [
      ("photo.jpg", "is the photo of this run"), ("palette.json", "is the palette of this run"),
      ("link.html", "is a symbolic link"), ("fifo.html", "is a FIFO (named pipe)"),
    ] {
      Self.expectOneLine(
        CLIRun(["report", root + "/photo.jpg", "--palette", root + "/palette.json", "-o", root + "/" + output]),
        message)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/photo.jpg")) == photoBytes)
    #expect(try String(contentsOfFile: root + "/target.html", encoding: .utf8) == "keep")
  }

  @Test func batchReportsEveryOddEntryAndResumesOddNames() throws {
    let root = try Self.folder("batch")
    try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
    for name in ["a.jpg", "line\u{2028}break.jpg", "next\u{85}line.jpg"] {
      try FileManager.default.copyItem(atPath: Self.photo, toPath: root + "/p/" + name)
    }
    #expect(mkfifo(root + "/p/fifo.jpg", 0o644) == 0)
    try FileManager.default.createSymbolicLink(atPath: root + "/p/dangling.jpg", withDestinationPath: "gone.jpg")
    // The output inside the folder, under a photo name, and the folder spelled another way.
    let output = root + "/p/results.jpg"
    let first = CLIRun(["batch", root + "/p", "--palette", Self.palette, "-o", output, "--jobs", "2"])
    #expect(first.status == 0, "\(first.stderr)")
    let lines = try BatchCommandTests.lines(output)
    let photos = lines.compactMap { $0["photo"] as? String }
    #expect(photos.count == 5 && Set(photos).count == 5, "\(photos)")
    let errors = lines.filter { $0["error"] != nil }.compactMap { $0["error"] as? String }
    #expect(errors.count == 2 && errors.contains { $0.contains("FIFO") } && errors.contains { $0.contains("symbolic link") })
    // Written escaped: every line of the file is one JSON line.
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(!text.contains("\u{2028}") && !text.contains("\u{85}"))
    let second = CLIRun(["batch", root + "/./p/", "--palette", Self.palette, "-o", output])
    #expect(second.status == 0)
    #expect(second.stdout.contains("processed  2 (0 matched, 2 failed)"), "\(second.stdout)")
    #expect(try BatchCommandTests.lines(output).count == 5)
  }

  @Test func aSecondBatchOnTheSameOutputIsRefused() throws {
    let root = try BatchCommandTests.folder("locked", photos: ["a.jpg": "06-intermediate-brown.jpg"])
    let output = root + "/results.jsonl"
    let held = try BatchOutputLock(output: output)
    Self.expectOneLine(
      CLIRun(["batch", root + "/photos", "--palette", Self.palette, "-o", output]), "another batch is writing this output")
    withExtendedLifetime(held) {}
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func batchRefusesToWriteOverAPhotoOfItsFolder() throws {
    let root = try BatchCommandTests.folder("photo-out", photos: ["a.jpg": "06-intermediate-brown.jpg"])
    let before = try Data(contentsOf: URL(fileURLWithPath: root + "/photos/a.jpg"))
    Self.expectOneLine(
      CLIRun(["batch", root + "/photos", "--palette", Self.palette, "-o", root + "/photos/a.jpg"]),
      "holds no batch results")
    #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/photos/a.jpg")) == before)
  }

  @Test func batchRefusesToWriteOverItsPalette() throws {
    let root = try BatchCommandTests.folder("palette-out", photos: ["a.jpg": "06-intermediate-brown.jpg"])
    try FileManager.default.copyItem(atPath: Self.palette, toPath: root + "/palette.json")
    Self.expectOneLine(
      CLIRun(["batch", root + "/photos", "--palette", root + "/palette.json", "-o", root + "/palette.json"]),
      "is the palette of this run")
  }

  @Test func aFileNamedLikeAnOptionIsAnUnknownOptionUnlessAfterDoubleDash() {
    let run = CLIRun(["analyze", "-dash.jpg"])
    Self.expectOneLine(run, "unknown option '-dash.jpg'")
    #expect(run.stdout.isEmpty)
    Self.expectOneLine(CLIRun(["analyze", "--bogus", Self.photo]), "Unknown option '--bogus'")
  }

  // MARK: - The real process: argv bytes and failing standard streams

  /// The built `pigmatch` next to the test binary.
  static func binary() throws -> String {
    let directory = try #require(LibraryExampleTests.exampleBinary()).deletingLastPathComponent()
    return directory.appendingPathComponent("pigmatch").path
  }

  /// Runs `script` with `sh -c`, `$P` the binary, in `folder`: (status, stderr).
  static func shell(_ script: String, in folder: String) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ["P": try binary(), "PATH": "/usr/bin:/bin"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  @Test(
    "a failed write to stdout or stderr is exit 2 and one line",
    arguments: [
      ("\"$P\" palette show palette.json >/dev/full", "cannot write to standard output: no space left on device"),
      ("\"$P\" palette show palette.json >&-", "cannot write to standard output: it is closed"),
      ("trap '' PIPE; \"$P\" palette show palette.json | true; exit $?", ""),
      ("\"$P\" analyze -- ./none.jpg 2>/dev/full; echo \"status $?\" >&2", "status 2"),
    ])
  func writeFailures(script: String, message: String) throws {
    let root = try Self.folder("streams")
    try FileManager.default.copyItem(atPath: Self.palette, toPath: root + "/palette.json")
    if script.contains("PIPE") {
      // sh's pipeline status is the last command's; ask for the first with a file instead.
      let (status, stderr) = try Self.shell(
        "trap '' PIPE; (\"$P\" palette show palette.json; echo $? >status) | true; cat status >&2", in: root)
      #expect(status == 0)
      // Either the write hit the closed pipe (exit 2, one line) or the reader was still there (0).
      let lines = stderr.split(separator: "\n")
      #expect(lines.last == "2" || lines.last == "0", "\(stderr)")
      if lines.last == "2" { #expect(lines.first?.contains("broken pipe") == true, "\(stderr)") }
      return
    }
    let (status, stderr) = try Self.shell(script, in: root)
    if message.hasPrefix("status") {
      #expect(stderr.contains(message), "\(stderr)")
    } else {
      #expect(status == 2, "\(stderr)")
      #expect(stderr == "pigmatch: \(message)\n", "\(stderr)")
    }
  }

  /// Issue 12, defect 11, on a real file system and without root: a file-size limit (`ulimit -f`,
  /// RLIMIT_FSIZE, with SIGXFSZ ignored so the write fails with EFBIG instead of killing) makes the
  /// batch's save fail as a full disk does. The batch stops with one line, the output keeps its
  /// last good save byte for byte, and no temporary file is left.
  @Test func batchStopsAtAFailedSaveOnARealFileSystem() throws {
    let root = try BatchCommandTests.folder("fsize", photos: ["a.jpg": "06-intermediate-brown.jpg"])
    try FileManager.default.copyItem(atPath: Self.palette, toPath: root + "/palette.json")
    let run = "\"$P\" batch photos --palette palette.json -o out.jsonl"
    let (first, firstErrors) = try Self.shell(run, in: root)
    #expect(first == 0, "\(firstErrors)")
    let good = try Data(contentsOf: URL(fileURLWithPath: root + "/out.jsonl"))
    for name in ["b.jpg", "c.jpg"] {
      try FileManager.default.copyItem(atPath: Self.photo, toPath: root + "/photos/" + name)
    }
    // Room for about one result line (in 512- or 1024-byte blocks, as the shell counts): three do not fit.
    let blocks = good.count / 1024 + 1
    let (status, stderr) = try Self.shell("trap '' XFSZ; ulimit -f \(blocks) && exec \(run)", in: root)
    #expect(status == 2, "\(stderr)")
    #expect(stderr.split(separator: "\n").count == 1 && stderr.contains("file too large"), "\(stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/out.jsonl")) == good)
    let left = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".tmp") }
    #expect(left.isEmpty, "\(left)")
  }

  /// Root reads any folder, so the denied reads run as `nobody` in a user namespace (`unshare -U`).
  @Test func permissionDeniedAndLinkLoopsAreNamedNotNoSuchFile() throws {
    let root = try Self.folder("denied")
    try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.photo, toPath: root + "/p/a.jpg")
    try FileManager.default.copyItem(atPath: Self.palette, toPath: root + "/p/palette.json")
    try FileManager.default.createSymbolicLink(atPath: root + "/loop", withDestinationPath: "loop")
    #expect(chmod(root + "/p", 0) == 0)
    defer { chmod(root + "/p", 0o755) }
    for (script, message) in [
      ("unshare -U \"$P\" analyze p/a.jpg", "pigmatch: p/a.jpg: cannot read the file (permission denied)\n"),
      ("unshare -U \"$P\" palette show p/palette.json", "pigmatch: p/palette.json: cannot read the palette (permission denied)\n"),
      ("unshare -U \"$P\" batch p --palette \"$PALETTE\" -o out.jsonl", "pigmatch: p: cannot list the folder (permission denied)\n"),
      ("\"$P\" batch loop --palette \"$PALETTE\" -o out.jsonl", "pigmatch: loop: cannot list the folder (too many levels of symbolic links (a link loop))\n"),
      ("\"$P\" analyze loop", "pigmatch: loop: cannot read the file (too many levels of symbolic links (a link loop))\n"),
    ] {
      let (status, stderr) = try Self.shell("PALETTE=\(Self.palette); " + script, in: root)
      #expect(status == 2 && stderr == message, "\(script): \(stderr)")
    }
  }

  @Test func namesThatAreNotUTF8AndNamesStartingWithADash() throws {
    let root = try Self.folder("names")
    try FileManager.default.copyItem(atPath: Self.photo, toPath: root + "/-dash.jpg")
    let (dash, dashErrors) = try Self.shell("\"$P\" analyze -- -dash.jpg", in: root)
    #expect(dash == 0, "\(dashErrors)")
    let (latin1, latin1Errors) = try Self.shell(
      "cp -- -dash.jpg \"$(printf 'caf\\351.jpg')\" && \"$P\" analyze \"$(printf 'caf\\351.jpg')\"", in: root)
    #expect(latin1 == 0, "\(latin1Errors)")
  }
}
