import Colorimetry
import Foundation
import Testing

@testable import PigmentMatch

/// Before/after of the follicle target on the Samples and the real photos (issue 14's measurement):
/// before, the dot was matched to the hair's colour in air (a direct target); after, to its
/// follicle. Prints a table; run with PIGMATCH_REPORT=1.
@Suite struct FollicleMeasurementTests {
  struct Case: Sendable {
    let name: String
    let path: String
    let region: RegionOfInterest?
  }

  static func cases() -> [Case] {
    var result = TestData.sampleTruths().map { Case(name: $0.name, path: $0.path, region: nil) }
    let photos = TestData.root.appendingPathComponent("photos")
    for folder in ["consultation", "face_recognition"] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: photos.appendingPathComponent(folder).path)) ?? []
      for name in names.sorted() where [".jpg", ".png"].contains(where: name.hasSuffix) {
        result.append(Case(name: "\(folder)/\(name)", path: photos.appendingPathComponent("\(folder)/\(name)").path, region: nil))
      }
    }
    let faces: [(String, Int, Int, Int, Int)] = [
      ("face_recognition/obama.jpg", 363, 144, 245, 245), ("face_recognition/biden.jpg", 410, 200, 300, 340),
      ("face_recognition/two_people.jpg", 225, 25, 163, 206), ("face_recognition/two_people.jpg", 770, 38, 187, 206),
      ("face_recognition/obama2.jpg", 200, 180, 300, 420),
    ]
    for (file, x, y, w, h) in faces {
      result.append(
        Case(
          name: "\(file) face \(x),\(y)", path: photos.appendingPathComponent(file).path,
          region: try? RegionOfInterest(x: x, y: y, width: w, height: h)))
    }
    return result
  }

  static func lab(_ c: Lab) -> String { String(format: "%.1f,%.1f,%.1f", c.l, c.a, c.b) }

  @Test("measure: follicle vs hair target", .disabled(if: ProcessInfo.processInfo.environment["PIGMATCH_REPORT"] == nil))
  func measure() throws {
    let tones = try ShippedPalettes.load("iron-oxide-tones.json")
    let carbon = try Palette.load(path: PigmentsTestSupport.fixture("carbon-only.json").path)
    var outBefore = 0
    var outAfter = 0
    var outCarbon = 0
    var count = 0
    print("name | skin | hair (fit ΔE) | BEFORE target=hair: dilution ΔE00 | AFTER follicle target: dilution ΔE00 | carbon only: dilution ΔE00 | missing / lightness-first")
    for c in Self.cases() {
      guard let analysis = try? ToneAnalysis(contentsOf: c.path, options: ToneAnalysisOptions(region: c.region)) else {
        print("\(c.name) | analysis failed")
        continue
      }
      guard let hair = analysis.hair else {
        print("\(c.name) | skin \(Self.lab(analysis.skin.lab)) | no hair")
        continue
      }
      guard let fit = try? SkinFit(skin: analysis.skin.lab) else {
        print("\(c.name) | skin \(Self.lab(analysis.skin.lab)) | implausible skin")
        continue
      }
      count += 1
      let before = try MatchPipeline(palette: tones).run(fit: fit, target: .direct(hair.lab))
      let after = try MatchPipeline(palette: tones).run(fit: fit, target: .follicle(FollicleTarget(hair: hair.lab, optics: fit.optics)))
      let carbonAfter = try MatchPipeline(palette: carbon).run(fit: fit, target: after.matchTarget)
      func d(_ r: MatchReport) -> String { r.dilution.map { String(format: "1:%.1f", $0.waterPerPigment) } ?? "–" }
      func e(_ r: MatchReport) -> String { String(format: "%.2f", r.solution.blend.deltaE00) }
      if before.reach != nil { outBefore += 1 }
      if after.reach != nil { outAfter += 1 }
      if carbonAfter.reach != nil { outCarbon += 1 }
      let fitE: Double
      if case .follicle(let f) = after.matchTarget { fitE = f.hair.deltaE00 } else { fitE = .nan }
      let note = after.reach.map { r in
        r.missing.map(\.code).joined(separator: "+") + String(format: " LF %@ %@ ΔE %.1f", r.lightnessFirst.dot.pigment, r.lightnessFirst.dot.dilution.description, r.lightnessFirst.deltaE00)
      } ?? ""
      print(
        "\(c.name) | \(Self.lab(analysis.skin.lab)) | \(Self.lab(hair.lab)) (\(String(format: "%.2f", fitE))) | \(d(before)) \(e(before)) | follicle \(Self.lab(after.target)) \(d(after)) \(e(after)) | \(d(carbonAfter)) \(e(carbonAfter)) | \(note)")
    }
    print("out of reach (ΔE00 > 1.8) of \(count): before \(outBefore), after \(outAfter), carbon-only after \(outCarbon)")
  }
}
