import Foundation
import PigmentMatch
import Testing

/// Bad input gives a typed ``ToneAnalysisError`` with a one-line message, never a crash.
@Suite struct ToneAnalysisErrorTests {
  /// A flat photo of one sRGB colour.
  static func flat(_ r: UInt8, _ g: UInt8, _ b: UInt8, width: Int = 64, height: Int = 48) -> Photo {
    var pixels = [UInt8]()
    for _ in 0..<(width * height) { pixels += [r, g, b] }
    return Photo(
      width: width, height: height, pixels: .srgb8(pixels), opacity: .opaque,
      metadata: PhotoMetadata(
        format: .png, width: width, height: height, bitDepth: 8, channels: 3, colorProfile: "sRGB"))
  }

  @Test func pureBlueHasNoSkin() {
    #expect(throws: ToneAnalysisError.noSkinPixels(path: "blue")) {
      try ToneAnalysis(photo: Self.flat(0, 0, 255), name: "blue")
    }
  }

  @Test func saturatedGreenHasNoSkin() {
    #expect(throws: ToneAnalysisError.noSkinPixels(path: "green")) {
      try ToneAnalysis(photo: Self.flat(20, 200, 40), name: "green")
    }
  }

  @Test func allBlackAndAllWhite() {
    #expect(throws: ToneAnalysisError.uniformPhoto(path: "black", white: false)) {
      try ToneAnalysis(photo: Self.flat(0, 0, 0), name: "black")
    }
    #expect(throws: ToneAnalysisError.uniformPhoto(path: "white", white: true)) {
      try ToneAnalysis(photo: Self.flat(255, 255, 255), name: "white")
    }
  }

  @Test func onePixelIsTooFew() {
    #expect(throws: ToneAnalysisError.tooFewPixels(path: "dot", count: 1, minimum: ToneAnalysis.minimumPixels)) {
      try ToneAnalysis(photo: Self.flat(200, 150, 120, width: 1, height: 1), name: "dot")
    }
  }

  @Test func regionOutsideTheImage() throws {
    let region = try RegionOfInterest(x: 60, y: 10, width: 10, height: 10)
    #expect(throws: ToneAnalysisError.regionOutsideImage(path: "p", region: region, width: 64, height: 48)) {
      try ToneAnalysis(photo: Self.flat(200, 150, 120), name: "p", options: ToneAnalysisOptions(region: region))
    }
  }

  @Test func maskOfTheWrongSize() throws {
    let mask = try #require(AnalysisMask(width: 10, height: 10, include: Array(repeating: true, count: 100)))
    #expect(
      throws: ToneAnalysisError.maskSizeMismatch(
        path: "p", maskWidth: 10, maskHeight: 10, photoWidth: 64, photoHeight: 48)
    ) {
      try ToneAnalysis(photo: Self.flat(200, 150, 120), name: "p", options: ToneAnalysisOptions(mask: mask))
    }
  }

  @Test func unreadableMask() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pigmatch-bad-mask-\(getpid()).png").path
    try Data("not a png".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      try AnalysisMask.load(contentsOf: path)
    } throws: { error in
      guard case .maskUnreadable = error as? ToneAnalysisError else { return false }
      return true
    }
  }

  @Test(arguments: [
    "", "1,2,3", "1,2,3,4,5", "a,b,c,d", "-1,0,10,10", "0,0,0,10", "0,0,10,-5", "1.5,2,3,4",
    "0,0,99999999999999999999,1",
  ])
  func badRegionText(_ text: String) {
    #expect {
      try RegionOfInterest.parse(text)
    } throws: { error in
      guard case .invalidRegion = error as? ToneAnalysisError else { return false }
      return !(error as? ToneAnalysisError)!.description.contains("\n")
    }
  }

  @Test func goodRegionText() throws {
    let r = try RegionOfInterest.parse(" 10, 20 ,30,40")
    #expect(r == (try RegionOfInterest(x: 10, y: 20, width: 30, height: 40)))
  }

  /// A mask restricts the analysis: masking only the right half of a half-skin, half-hair photo
  /// leaves only the hair colour, which is not skin-like → no skin.
  @Test func maskSelectsPixels() throws {
    let w = 64
    let h = 48
    var pixels = [UInt8]()
    for _ in 0..<h {
      for x in 0..<w { pixels += x < w / 2 ? [210, 160, 130] : [40, 60, 160] }
    }
    let photo = Photo(
      width: w, height: h, pixels: .srgb8(pixels), opacity: .opaque,
      metadata: PhotoMetadata(format: .png, width: w, height: h, bitDepth: 8, channels: 3, colorProfile: "sRGB"))
    let right = try #require(AnalysisMask(width: w, height: h, include: (0..<(w * h)).map { $0 % w >= w / 2 }))
    #expect(throws: ToneAnalysisError.noSkinPixels(path: "m")) {
      try ToneAnalysis(photo: photo, name: "m", options: ToneAnalysisOptions(mask: right))
    }
    let left = try #require(AnalysisMask(width: w, height: h, include: (0..<(w * h)).map { $0 % w < w / 2 }))
    let analysis = try ToneAnalysis(photo: photo, name: "m", options: ToneAnalysisOptions(mask: left))
    #expect(DeltaE.ciede2000(analysis.skin.lab, Lab(SRGB8(r: 210, g: 160, b: 130))) < 0.5)
    #expect(analysis.photo.analysedPixels == w * h / 2)
  }

  /// Every error message is one line that starts with the file or argument.
  @Test func messagesAreOneLine() throws {
    let errors: [ToneAnalysisError] = [
      .noSkinPixels(path: "a.jpg"), .uniformPhoto(path: "a.jpg", white: true),
      .tooFewPixels(path: "a.jpg", count: 1, minimum: 64),
      .regionOutsideImage(
        path: "a.jpg", region: try RegionOfInterest(x: 1, y: 1, width: 5, height: 5), width: 2, height: 2),
      .maskSizeMismatch(path: "a.jpg", maskWidth: 1, maskHeight: 1, photoWidth: 2, photoHeight: 2),
      .invalidRegion(text: "x", reason: "r"), .photo(.fileNotFound(path: "a.jpg")),
    ]
    for e in errors {
      #expect(!e.description.contains("\n"))
      #expect(e.description.hasPrefix("a.jpg") || e.description.hasPrefix("x"))
    }
  }
}
