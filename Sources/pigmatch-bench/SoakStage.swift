import ArgumentParser
import Foundation
import PigmentMatch

/// `pigmatch-bench soak`: decodes and analyses every photo in the given folders N times in one
/// process, sampling resident memory after each pass, to show there is no leak and memory stays
/// flat. Run it plain for the memory curve, or from an address-sanitizer build for LeakSanitizer's
/// verdict at exit (scripts/soak.sh does both, plus valgrind on a few passes).
struct SoakStage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "soak", abstract: "Decode and analyse photos repeatedly; report memory per pass.")

  @Argument(help: "Folders (or files) of photos; default: Samples and ../shared/testdata/photos.")
  var paths: [String] = []

  @Option(help: "Passes over all photos.")
  var passes = 1000

  @Flag(help: "Print JSON.")
  var json = false

  /// Resident set size of this process in KiB (Linux /proc/self/statm, field 2 × page size).
  static func residentKiB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return -1 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
  }

  static func photos(in paths: [String]) -> [String] {
    var out: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if !isDirectory.boolValue {
        out.append(path)
        continue
      }
      let enumerator = FileManager.default.enumerator(atPath: path)
      while let name = enumerator?.nextObject() as? String {
        let lower = name.lowercased()
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") || lower.hasSuffix(".png") {
          out.append(path + "/" + name)
        }
      }
    }
    return out.sorted()
  }

  func run() throws {
    let photos = Self.photos(in: paths.isEmpty ? ["Samples", "../shared/testdata/photos"] : paths)
    guard !photos.isEmpty else { throw ValidationError("no photos found") }
    var rss: [Int] = []
    var failures = 0
    let start = Date()
    for _ in 0..<passes {
      for photo in photos {
        do { _ = try ToneAnalysis(contentsOf: photo) } catch { failures += 1 }
      }
      rss.append(Self.residentKiB())
    }
    let seconds = Date().timeIntervalSince(start)
    // Growth from the end of pass 1 (caches and tables warmed) to the last pass.
    let growth = (rss.last ?? 0) - (rss.first ?? 0)
    if json {
      print(
        "{\"photos\":\(photos.count),\"passes\":\(passes),\"analyses\":\(photos.count * passes),\"failures\":\(failures),"
          + "\"seconds\":\(seconds),\"rssAfterFirstPassKiB\":\(rss.first ?? 0),\"rssMaxKiB\":\(rss.max() ?? 0),"
          + "\"rssLastKiB\":\(rss.last ?? 0),\"growthKiB\":\(growth)}")
      return
    }
    print("soak: \(photos.count) photos × \(passes) passes = \(photos.count * passes) analyses in \(String(format: "%.1f", seconds)) s")
    print("  failures (typed errors)  \(failures)")
    print("  RSS after pass 1         \(rss.first ?? 0) KiB")
    print("  RSS max / last           \(rss.max() ?? 0) / \(rss.last ?? 0) KiB")
    print("  growth pass 1 → last     \(growth) KiB")
    let marks = Array(Set([0, rss.count / 4, rss.count / 2, 3 * rss.count / 4, rss.count - 1])).sorted()
    print("  RSS by pass              " + marks.map { "\($0 + 1): \(rss[$0])" }.joined(separator: "  "))
  }
}
