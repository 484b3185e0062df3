import Foundation
import Testing

@testable import pigmatch

@Suite("pigmatch inspect")
struct InspectCommandTests {
  @Test func jsonHasTheContractFieldsInOrder() throws {
    let path = Paths.testdata("jpeg/libjpeg-turbo/testorig.jpg")
    let run = CLIRun(["inspect", path, "--json"])
    #expect(run.status == 0 && run.stderr.isEmpty)
    let keys = ["schemaVersion", "path", "format", "width", "height", "bitDepth", "channels", "colorProfile", "orientation", "meanLab"]
    #expect(run.stdout.hasPrefix("{\"schemaVersion\":4,\"path\":\"\(path)\",\"format\":\"jpeg\",\"width\":227,\"height\":149,\"bitDepth\":8,\"channels\":3,"))
    let json = try run.json()
    #expect(Set(json.keys) == Set(keys))
    let mean = try #require(json["meanLab"] as? [Double])
    #expect(mean.count == 3 && (0...100).contains(mean[0]))
  }

  @Test func meanLabOfAFlatColourIsThatColour() throws {
    // sRGB #808080 is CIELAB L* 53.585, a* = b* = 0 (IEC 61966-2-1 with the D65 white).
    let pixels = [UInt8](repeating: 0x80, count: 16 * 16 * 3)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("grey-\(UUID()).png")
    try Data(PNGEncoderBridge.encode(pixels, width: 16, height: 16)).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let json = try CLIRun(["inspect", url.path, "--json"]).json()
    let mean = try #require(json["meanLab"] as? [Double])
    #expect(abs(mean[0] - 53.585) < 0.01 && abs(mean[1]) < 0.01 && abs(mean[2]) < 0.01)
    #expect(json["colorProfile"] as? String == "sRGB (PNG sRGB chunk)")
  }

  @Test func readableOutputNamesTheProfile() {
    let run = CLIRun(["inspect", Paths.testdata("jpeg/icc-wide-gamut/P3-sRGB-red.jpg")])
    #expect(run.status == 0)
    #expect(run.stdout.contains("colour profile  DCI-P3-D65-2_2-Gamma"))
    #expect(run.stdout.contains("1000 × 1000"))
  }

  @Test(arguments: [
    ("/no/such.jpg", "pigmatch: /no/such.jpg: no such file"),
    ("pngsuite/png/xcsn0g01.png", "damaged PNG data"),
    ("jpeg/scikit-image/truncated.jpg", "the file ends early (truncated JPEG)"),
    ("libjpeg-turbo/testorig12.jpg", "12-bit JPEG is not supported"),
  ])
  func badInputIsOneLineAndExitTwo(_ file: String, _ expected: String) {
    let path = file.hasPrefix("/") ? file : Paths.testdata(file.hasPrefix("libjpeg") ? "jpeg/\(file)" : file)
    let run = CLIRun(["inspect", path])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("pigmatch: \(path): ") || run.stderr.hasPrefix(expected))
    #expect(run.stderr.contains(expected))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test func missingArgumentIsUsageErrorExitTwo() {
    let run = CLIRun(["inspect"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("pigmatch: ") && run.stderr.split(separator: "\n").count == 1)
  }
}

@Suite("pigmatch color")
struct ColorCommandTests {
  @Test func whiteIsL100() throws {
    let json = try CLIRun(["color", "#ffffff", "--json"]).json()
    let colour = try #require((json["colors"] as? [[String: Any]])?.first)
    #expect(colour["lab"] as? [Double] == [100, 0, 0])
    #expect(colour["hex"] as? String == "#ffffff")
    #expect(json["deltaE00"] == nil)
  }

  @Test func sharmaPairOneThroughTheCLI() throws {
    // Sharma, Wu & Dalal (2005) Table 1, pair 1: ΔE00 = 2.0425.
    let json = try CLIRun(["color", "50,2.6772,-79.7751", "50,0,-82.7485", "--json"]).json()
    #expect(json["deltaE00"] as? Double == 2.0425)
    let colours = try #require(json["colors"] as? [[String: Any]])
    #expect(colours.count == 2)
    #expect(Set(colours[0].keys) == ["input", "lab", "lch", "hex", "ita", "itaCategory"])
  }

  @Test func itaCategoryOfADarkSkinTone() throws {
    // L* 30, b* 15: ITA = atan2(−20, 15) = −53.1°, "dark" (≤ −30°, Del Bino 2006).
    let json = try CLIRun(["color", "30,10,15", "--json"]).json()
    let colour = try #require((json["colors"] as? [[String: Any]])?.first)
    #expect(colour["itaCategory"] as? String == "dark")
    #expect(abs((colour["ita"] as? Double ?? 0) + 53.13) < 0.01)
  }

  @Test(arguments: ["#12345", "abc", "50,1", "120,0,0", "50,nan,0", ""])
  func badColoursExitTwo(_ text: String) {
    let run = CLIRun(["color", text])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("pigmatch: "))
  }

  @Test func threeColoursIsAUsageError() {
    #expect(CLIRun(["color", "#000000", "#ffffff", "#808080"]).status == 2)
  }
}
