import Foundation
import PigmentMatch
import Testing

/// The batch sidecar format (`PHOTO.regions.json`): strict parsing with errors that name the key.
@Suite struct RegionSidecarTests {
  func parse(_ json: String) throws(RegionSidecar.ParseError) -> RegionSidecar {
    try RegionSidecar(data: Data(json.utf8), path: "p.jpg.regions.json")
  }

  @Test func everyKeyIsRead() throws {
    let sidecar = try parse(
      #"{"skin": [[1,2,3,4],[5,6,7,8]], "hair": [[9,10,11,12]], "roi": [0,0,100,100], "greyCard": [20,20,10,10], "cardLab": [50,0,0], "fitzpatrick": "iv"}"#
    )
    #expect(
      sidecar.skin == [
        try RegionOfInterest(x: 1, y: 2, width: 3, height: 4), try RegionOfInterest(x: 5, y: 6, width: 7, height: 8),
      ])
    #expect(sidecar.hair.count == 1)
    #expect(sidecar.roi == (try RegionOfInterest(x: 0, y: 0, width: 100, height: 100)))
    #expect(
      sidecar.calibration
        == .greyCard(try RegionOfInterest(x: 20, y: 20, width: 10, height: 10), reference: Lab(l: 50, a: 0, b: 0)))
    #expect(sidecar.fitzpatrick == .iv)
    let checker = try parse(#"{"colorChecker": [1,2,3,4,5,6,7,8.5]}"#)
    #expect(checker.calibration == .colorChecker(corners: [1, 2, 3, 4, 5, 6, 7, 8.5]))
  }

  @Test(
    "Bad sidecars are refused, naming what is wrong",
    arguments: [
      (#"{"skn": [[1,2,3,4]]}"#, "unknown key \"skn\""),
      (#"{"skin": [1,2,3,4]}"#, "\"skin\"[0]"),
      (#"{"skin": [[1,2,3]]}"#, "\"skin\"[0] must be an array of 4 numbers"),
      (#"{"hair": [[1,2,3.5,4]]}"#, "integers"),
      (#"{"skin": [[1,2,0,4]]}"#, "width and height must be ≥ 1"),
      (#"{"greyCard": [1,2,3,4], "colorChecker": [1,2,3,4,5,6,7,8]}"#, "not both"),
      (#"{"cardLab": [50,0,0]}"#, "needs \"greyCard\""),
      (#"{"fitzpatrick": "VII"}"#, "\"fitzpatrick\""),
      (#"[1,2]"#, "JSON object"),
      (#"{"skin": "#, "not valid JSON"),
    ])
  func refused(_ json: String, _ expected: String) {
    do {
      _ = try parse(json)
      Issue.record("accepted \(json)")
    } catch {
      #expect(error.description.hasPrefix("p.jpg.regions.json: "))
      #expect(error.description.contains(expected), "\(error.description)")
    }
  }
}
