import Foundation
import PigmentMatch
import Testing

@testable import pigmatch

/// `batch` lines record the palette and options: a re-run with another palette or options
/// recomputes them, a re-run with the same ones skips them; `--csv` writes one RFC 4180 row per photo.
@Suite("pigmatch batch: palette-aware re-runs and CSV", .serialized)
struct BatchRerunAndCSVTests {
  static let iron = Paths.inPackage("Palettes/iron-oxide-tones.json")
  static let carbon = Paths.inPackage("Palettes/carbon-greyscale.json")

  static func lines(_ path: String) throws -> [String: [String: Any]] {
    var byPhoto: [String: [String: Any]] = [:]
    for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      byPhoto[try #require(object["photo"] as? String)] = object
    }
    return byPhoto
  }

  static func paletteName(_ line: [String: Any]?) -> String? { (line?["palette"] as? [String: Any])?["name"] as? String }

  @Test func rerunWithAnotherPaletteOrOptionsRecomputesAndWithTheSameSkips() throws {
    let root = try BatchCommandTests.folder(
      "rerun", photos: ["a.jpg": "06-intermediate-brown.jpg", "b.png": "02-very-light-blond.png"])
    let output = root + "/r.jsonl"
    let photos = ["a.jpg", "b.png"].map { root + "/photos/" + $0 }
    let first = CLIRun(["batch", root + "/photos", "--palette", Self.iron, "-o", output])
    #expect(first.status == 0, "\(first.stderr)")
    let ironLines = try Self.lines(output)
    #expect(photos.allSatisfy { Self.paletteName(ironLines[$0]) == "Iron Oxide Tones" })

    // Same palette, same options: nothing recomputed, the file is unchanged.
    let before = try Data(contentsOf: URL(fileURLWithPath: output))
    let same = CLIRun(["batch", root + "/photos", "--palette", Self.iron, "-o", output])
    #expect(same.status == 0)
    #expect(same.stdout.contains("0 (0 matched, 0 failed)") && same.stdout.contains("2 (done in an earlier run"), "\(same.stdout)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == before)

    // Another palette: both lines recomputed with its pigments.
    let other = CLIRun(["batch", root + "/photos", "--palette", Self.carbon, "-o", output])
    #expect(other.status == 0, "\(other.stderr)")
    #expect(other.stdout.contains("2 (2 matched, 0 failed)") && other.stdout.contains("2 (their earlier lines were made with another palette"), "\(other.stdout)")
    let carbonLines = try Self.lines(output)
    for photo in photos {
      let line = try #require(carbonLines[photo])
      #expect(Self.paletteName(line) == "Carbon Greyscale")
      let pigments = try #require(((line["blend"] as? [String: Any])?["components"] as? [[String: Any]])?.compactMap { $0["pigment"] as? String })
      let carbonIDs = Set(try #require(try CLIRun(["palette", "show", Self.carbon, "--json"]).json()["pigments"] as? [[String: Any]]).compactMap { $0["id"] as? String })
      #expect(Set(pigments).isSubset(of: carbonIDs), "\(pigments)")
    }

    // Other options (a fade-aware solve): recomputed and recorded.
    let years = CLIRun(["batch", root + "/photos", "--palette", Self.carbon, "-o", output, "--years", "3"])
    #expect(years.stdout.contains("2 (their earlier lines were made with another palette"), "\(years.stdout)")
    let yearLines = try Self.lines(output)
    #expect(photos.allSatisfy { (yearLines[$0]?["options"] as? [String: Any])?["years"] as? Int == 3 })

    // Another dot geometry: recomputed, recorded in the options, and the risk's coverage is that
    // geometry's, π(d/2)²/s² by hand: π·0.0625²/1.2² = 0.0085221; then the same geometry skips.
    let sparse = ["--years", "3", "--spacing", "1.2"]
    let geometry = CLIRun(["batch", root + "/photos", "--palette", Self.carbon, "-o", output] + sparse)
    #expect(geometry.stdout.contains("2 (their earlier lines were made with another palette"), "\(geometry.stdout)")
    let sparseLines = try Self.lines(output)
    for photo in photos {
      let options = try #require(sparseLines[photo]?["options"] as? [String: Any])
      #expect(options["dotDiameterMM"] as? Double == 0.125 && options["spacingMM"] as? Double == 1.2)
      let coverage = try #require((sparseLines[photo]?["hyperpigmentation"] as? [String: Any])?["coverage"] as? Double)
      #expect(abs(coverage - 0.0085221) < 1e-5, "\(coverage)")
    }
    let again = CLIRun(["batch", root + "/photos", "--palette", Self.carbon, "-o", output] + sparse)
    #expect(again.stdout.contains("2 (done in an earlier run"), "\(again.stdout)")
    let dotSize = CLIRun(
      ["batch", root + "/photos", "--palette", Self.carbon, "-o", output, "--dot-size", "0.15"] + sparse)
    #expect(dotSize.stdout.contains("2 (their earlier lines were made with another palette"), "\(dotSize.stdout)")
    #expect(photos.allSatisfy { (try? Self.lines(output))?[$0].flatMap { ($0["options"] as? [String: Any])?["dotDiameterMM"] as? Double } == 0.15 })

    // The same palette edited without a version change: its fingerprint differs, so recomputed.
    let edited = root + "/carbon-edited.json"
    let text = try String(contentsOfFile: Self.carbon, encoding: .utf8)
    try (text + "\n").write(toFile: edited, atomically: true, encoding: .utf8)
    let touched = CLIRun(["batch", root + "/photos", "--palette", edited, "-o", output, "--years", "3"])
    #expect(touched.stdout.contains("2 (their earlier lines were made with another palette"), "\(touched.stdout)")
  }

  @Test func aLineFromAnOlderSchemaIsRecomputed() throws {
    let root = try BatchCommandTests.folder("older", photos: ["a.jpg": "06-intermediate-brown.jpg"])
    let output = root + "/r.jsonl"
    let photo = root + "/photos/a.jpg"
    // A version-2 line: no palette, no options.
    try (#"{"photo":"# + OrderedJSONEncoder.quote(photo) + #","schemaVersion":2,"analysis":{}}"# + "\n")
      .write(toFile: output, atomically: true, encoding: .utf8)
    let run = CLIRun(["batch", root + "/photos", "--palette", Self.iron, "-o", output])
    #expect(run.stdout.contains("1 (their earlier lines were made with another palette"), "\(run.stdout)")
    #expect(try Self.lines(output)[photo]?["schemaVersion"] as? Int == 4)
  }

  /// RFC 4180 records read by a small state machine (§2 rules 1–7), independent of the writer.
  static func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let c = characters.popFirst() {
      if quoted {
        if c == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\r", characters.first == "\n" {
        characters.removeFirst()
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
    }
    return records
  }

  @Test func csvHasAHeaderAndOneQuotedRowPerPhotoWhateverItsName() throws {
    let names = ["plain.jpg", "comma, in name.jpg", "say \"hi\".png", "line\nbreak.jpg", "broken.jpg"]
    let samples = ["06-intermediate-brown.jpg", "09-brown-black.jpg", "02-very-light-blond.png", "03-light-dark-brown.jpg"]
    let root = try BatchCommandTests.folder(
      "csv", photos: Dictionary(uniqueKeysWithValues: zip(names.prefix(4), samples)),
      extra: ["broken.jpg": Data("not a photo".utf8)])
    let output = root + "/r.jsonl"
    let csv = root + "/r.csv"
    let run = CLIRun(["batch", root + "/photos", "--palette", Self.iron, "-o", output, "--csv", csv])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(text.hasSuffix("\r\n"))
    // Fields holding a comma, a quote or a line break are quoted, quotes doubled (RFC 4180 §2.6–2.7).
    #expect(text.contains("\"" + root + "/photos/comma, in name.jpg\","))
    #expect(text.contains("\"" + root + "/photos/say \"\"hi\"\".png\","))
    #expect(text.contains("\"" + root + "/photos/line\nbreak.jpg\","))
    let records = Self.parseCSV(text)
    #expect(records.count == names.count + 1)
    let header = try #require(records.first)
    #expect(header.first == "photo" && header.contains("deltaE00") && header.contains("mix"))
    #expect(records.allSatisfy { $0.count == header.count })
    let rows = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[0], $0) })
    #expect(Set(rows.keys) == Set(names.map { root + "/photos/" + $0 }))
    let lines = try Self.lines(output)
    func column(_ name: String, _ row: [String]) throws -> String { row[try #require(header.firstIndex(of: name))] }
    for name in names {
      let photo = root + "/photos/" + name
      let row = try #require(rows[photo])
      let line = try #require(lines[photo])
      if name == "broken.jpg" {
        #expect(try column("status", row) == "error")
        #expect(try column("error", row) == line["error"] as? String)
        continue
      }
      #expect(try column("status", row) == "ok")
      #expect(try column("paletteName", row) == "Iron Oxide Tones")
      let blend = try #require(line["blend"] as? [String: Any])
      #expect(try column("mix", row) == blend["mix"] as? String)
      // The drops column is a recipe the tool reads back ("3 drops io-black + 1 drop water").
      let drops = try column("drops", row)
      #expect(CLIRun(["mix", "--palette", Self.iron, "--recipe", drops]).status == 0, "\(drops)")
      #expect(Double(try column("deltaE00", row)) == blend["deltaE00"] as? Double)
      let skin = try #require(((line["analysis"] as? [String: Any])?["skin"] as? [String: Any])?["lab"] as? [Double])
      #expect(try ["skinL", "skinA", "skinB"].map { Double(try column($0, row)) } == skin)
      // The dot geometry is an option like the others: in the row as in the line.
      let options = try #require(line["options"] as? [String: Any])
      #expect(Double(try column("dotDiameterMM", row)) == options["dotDiameterMM"] as? Double)
      #expect(Double(try column("spacingMM", row)) == options["spacingMM"] as? Double)
    }
  }
}
