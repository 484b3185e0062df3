import Foundation
import Testing

@testable import PigmentMatch

/// Issue 12 items 4 and 9: every number and every size in a palette file is checked before use —
/// a Blue Wool rating too large for `Int`, deep nesting, too many pigments, a huge file — with a
/// typed error naming the field or the limit, never a trap; and a large palette solves from a
/// bounded subset search.
@Suite struct PaletteLimitsTests {
  /// A lightfastness too large for Int (1e19 > Int.max ≈ 9.2e18), or huge either way.
  @Test("lightfastness beyond Int is an error naming the field", arguments: [1e19, 1e308, -1e19, 9.3e18])
  func hugeLightfastness(value: Double) throws {
    let json = PaletteJSON.edited { PaletteJSON.editPigment(&$0, 1) { $0["lightfastness"] = value } }
    #expect(throws: PaletteError.self) { try Palette(jsonData: Data(json.utf8), file: "p.json") }
    do {
      _ = try Palette(jsonData: Data(json.utf8), file: "p.json")
    } catch {
      #expect(error.description.contains("$.pigments[1].lightfastness"), "\(error)")
      #expect(error.description.contains("1–8"), "\(error)")
    }
    let validation = PaletteValidator.validate(jsonData: Data(json.utf8), coverage: false)
    #expect(validation.problems.contains { $0.path == "$.pigments[1].lightfastness" && $0.code == .outOfRange })
  }

  @Test func nestingDeeperThanTheLimitIsRefusedBeforeParsing() throws {
    let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    let json = PaletteJSON.edited { $0["extra"] = "PLACEHOLDER" }
      .replacingOccurrences(of: "\"PLACEHOLDER\"", with: deep)
    #expect(throws: PaletteError.self) { try Palette(jsonData: Data(json.utf8), file: "deep.json") }
    do { _ = try Palette(jsonData: Data(json.utf8), file: "deep.json") } catch {
      guard case .overLimit(let file, let message) = error else {
        Issue.record("expected overLimit, got \(error)")
        return
      }
      #expect(file == "deep.json" && message.contains("\(PaletteLimits.maxDepth)"))
    }
    // Brackets inside strings do not count (RFC 8259 strings, with an escaped quote).
    let quoted = PaletteJSON.edited { $0["notes"] = "\"" + String(repeating: "[{", count: 100) }
    #expect(throws: Never.self) { try Palette(jsonData: Data(quoted.utf8), file: "q.json") }
  }

  @Test func morePigmentsThanTheLimitIsRefused() throws {
    let count = PaletteLimits.maxPigments + 1
    let json = PaletteJSON.edited { object in
      object["pigments"] = (0..<count).map { PaletteJSON.pigment("p\($0)", k: 10 + Double($0), s: 2) }
    }
    do {
      _ = try Palette(jsonData: Data(json.utf8), file: "many.json")
      Issue.record("a palette of \(count) pigments was accepted")
    } catch {
      #expect(error == .overLimit(file: "many.json", message: "\(count) pigments, over the limit of 100"))
    }
    // The limit itself is allowed.
    let atLimit = PaletteJSON.edited { object in
      object["pigments"] = (0..<PaletteLimits.maxPigments).map {
        PaletteJSON.pigment("p\($0)", k: 10 + Double($0), s: 2)
      }
    }
    #expect(try Palette(jsonData: Data(atLimit.utf8), file: "ok.json").pigments.count == 100)
  }

  @Test func aFileOverTheSizeLimitIsNotRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("palette-size-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("big.json").path
    // Valid JSON padded with spaces past the limit.
    let text = PaletteJSON.text(PaletteJSON.base()) + String(repeating: " ", count: PaletteLimits.maxFileBytes)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: PaletteError.overLimit(
      file: path, message: "the palette is \(text.utf8.count) bytes, over the limit of \(PaletteLimits.maxFileBytes) bytes"))
    {
      try Palette.load(path: path)
    }
  }

  @Test func aFIFOPaletteIsNamedAsOneWithoutBlocking() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("palette-fifo-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("fifo.json").path
    #expect(mkfifo(path, 0o644) == 0)
    #expect(throws: PaletteError.unreadable(file: path, reason: "it is a FIFO (named pipe), not a regular file")) {
      try Palette.load(path: path)
    }
  }

  /// Pigments that repeat shades already in a palette add no colour it cannot reach, so a palette
  /// grown past the subset pool with duplicates must match as well as the original (the pool
  /// must still find the right pigments).
  @Test func aLargePaletteOfDuplicatesMatchesAsWellAsTheOriginal() throws {
    let original = try ShippedPalettes.load("iron-oxide-tones.json")
    var pigments = original.pigments
    for copy in 0..<3 {
      for pigment in original.pigments {
        pigments.append(
          Pigment(
            id: "\(pigment.id)-copy\(copy)", name: pigment.name, pigmentClass: pigment.pigmentClass,
            lightfastness: pigment.lightfastness, notes: nil, optics: pigment.optics))
      }
    }
    let grown = try #require(
      Palette(
        vendor: original.vendor, name: original.name, version: original.version,
        source: original.source, diluent: original.diluent, pigments: pigments))
    #expect(grown.pigments.count > BlendSolver.Problem.candidatePoolSize)
    for target in HairReference.coverageTargets.prefix(4) {
      let small = try BlendSolver(palette: original, optics: NeutralDermisDotOptics()).solve(target: target.lab)
      let large = try BlendSolver(palette: grown, optics: NeutralDermisDotOptics()).solve(target: target.lab)
      #expect(large.blend.deltaE00 <= small.blend.deltaE00 + 0.05, "\(target)")
    }
  }
}
