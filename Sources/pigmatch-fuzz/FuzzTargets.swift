import Foundation
import PigmentMatch

/// The fuzzed entry points: each takes arbitrary bytes and must return (or throw a typed error)
/// without crashing, hanging or leaking. Selected by the `PIGMATCH_FUZZ_TARGET` environment
/// variable under libFuzzer, or by the first argument of the replay runner.
enum FuzzTarget: String, CaseIterable, Sendable {
  case png
  case jpeg
  case heif
  /// PNGs of any shape and interlace with any ancillary chunks (StructuredInputs.png).
  case pngshape
  /// Progressive JPEGs with any scan script, across the scan limit (StructuredInputs.progressiveJPEG).
  case jpegscans
  case icc
  case colour
  case palette
  /// Structured palettes (``PaletteStructure``): limits, field types, extreme numbers.
  case paletteStructure = "palette-structure"
  case recipe
  case roi
  case sidecar

  /// Runs one input through the target.
  func run(_ data: [UInt8]) {
    switch self {
    case .png:
      Self.decode(data, prefix: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    case .jpeg:
      Self.decode(data, prefix: [0xFF, 0xD8])
    case .heif:
      // Seeds are whole HEIC/AVIF files; anything else gets a HEIC ftyp box in front so libheif
      // parses the boxes that follow.
      Self.decode(data, prefix: data.count >= 8 && Array(data[4..<8]) == Array("ftyp".utf8) ? [] : Self.heicFileType)
    case .pngshape:
      Self.decodeInMemory(StructuredInputs.png(data))
    case .jpegscans:
      Self.decodeInMemory(StructuredInputs.progressiveJPEG(data))
    case .icc:
      // The profile parser directly, then a real JPEG carrying it through decode + colour management.
      _ = ICCProfile.describe(data)
      if let jpeg = try? JPEGEncoder.encode(rgb8: Self.tinyImage, width: 4, height: 4, quality: 90, iccProfile: data) {
        _ = try? PhotoDecoder.decode(bytes: jpeg, name: "fuzz.jpg").linearRGBSamples()
      }
    case .colour:
      _ = try? ColourInput.parse(String(decoding: data, as: UTF8.self))
    case .palette:
      // Loading and vendor validation (without the slow coverage sweep) must survive any JSON.
      if let palette = try? Palette(jsonData: Data(data), file: "fuzz.json") {
        _ = palette.pigments.count
      }
      _ = PaletteValidator.validate(jsonData: Data(data), coverage: false)
    case .paletteStructure:
      // Loading, validation and, for a small valid palette, one blend solve must survive any
      // structure, within the fuzzer's per-input time limit (the limits bound the cost).
      let data = Data(PaletteStructure.json(data).utf8)
      if let palette = try? Palette(jsonData: data, file: "fuzz.json"), palette.pigments.count <= 16 {
        _ = try? BlendSolver(palette: palette, optics: NeutralDermisDotOptics()).solve(target: Lab(l: 40, a: 5, b: 10))
      }
      _ = PaletteValidator.validate(jsonData: data, coverage: false)
    case .roi:
      _ = try? RegionOfInterest.parse(String(decoding: data, as: UTF8.self))
    case .sidecar:
      // A batch sidecar, then the measurement it asks for on a small photo (regions may be
      // anywhere, corners anything finite).
      if let sidecar = try? RegionSidecar(data: Data(data), path: "fuzz.regions.json") {
        let photo = Photo(
          width: 4, height: 4, pixels: .srgb8(Self.tinyImage), opacity: .opaque,
          metadata: PhotoMetadata(format: .png, width: 4, height: 4, bitDepth: 8, channels: 3, colorProfile: "fuzz"))
        _ = try? PhotoMeasurement(photo: photo, name: "fuzz", options: sidecar.options())
      }
    case .recipe:
      if let palette = Self.shippedPalette {
        _ = try? Recipe.parse(String(decoding: data, as: UTF8.self), palette: palette)
      }
    }
  }

  /// The shipped iron-oxide palette, for the recipe target (found beside the executable's package).
  static let shippedPalette: Palette? = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      let candidate = url.appendingPathComponent("Palettes/iron-oxide-tones.json")
      if let palette = try? Palette.load(path: candidate.path) { return palette }
      url.deleteLastPathComponent()
    }
    return nil
  }()

  /// An ISO BMFF `ftyp` box: major brand heic, compatible mif1 and heic (ISO/IEC 23008-12 Annex B).
  static let heicFileType: [UInt8] = [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)

  /// A 4×4 RGB test image for the ICC target.
  static let tinyImage: [UInt8] = (0..<48).map { UInt8(truncatingIfNeeded: $0 &* 37) }

  /// A per-process scratch file for the file-streaming decode path.
  static let scratchPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("pigmatch-fuzz-\(ProcessInfo.processInfo.processIdentifier).bin").path

  /// Decodes a generated file from memory, strictly and leniently, full size and downscaled (the
  /// analysis's options, with limits small enough for libFuzzer's memory ceiling), and touches
  /// every pixel and the mean.
  static func decodeInMemory(_ bytes: [UInt8]) {
    let options = [
      DecodeOptions(maxPixels: 4_000_000, maxDownscaledPixels: 1_000_000),
      DecodeOptions(maxPixels: 4_000_000, maxDownscaledPixels: 1_000_000, minimumShortSide: 4, acceptCorruptData: true),
    ]
    for option in options {
      if let photo = try? PhotoDecoder.decode(bytes: bytes, name: "fuzz", options: option) {
        _ = photo.meanLab(threads: 1)
        _ = photo.linearRGBSamples().reduce(0, +)
      }
    }
  }

  /// Decodes `data` (given its signature so the fuzzer spends its time past the sniffing), in
  /// strict and lenient mode, full size and downscaled, from memory, streamed from a file (the
  /// CLI's path) and with rows handed out during the decode (the analysis's path), and touches
  /// every pixel.
  static func decode(_ data: [UInt8], prefix: [UInt8]) {
    let bytes = data.starts(with: prefix) ? data : prefix + data
    let strict = DecodeOptions(maxPixels: 4_000_000)
    let lenient = DecodeOptions(maxPixels: 4_000_000, minimumShortSide: 4, acceptCorruptData: true)
    for options in [strict, lenient] {
      if let photo = try? PhotoDecoder.decode(bytes: bytes, name: "fuzz", options: options) {
        _ = photo.meanLab(threads: 1)
      }
    }
    guard FileManager.default.createFile(atPath: scratchPath, contents: Data(bytes)) else { return }
    for options in [strict, lenient] {
      if let photo = try? PhotoDecoder.decode(contentsOf: scratchPath, options: options) {
        _ = photo.meanLab(threads: 1)
      }
      // The row-streaming decode (libjpeg on a second thread): read every row it hands out.
      var sum = 0.0
      _ = try? PhotoDecoder.decode(contentsOf: scratchPath, options: options) { band in
        switch band.samples {
        case .srgb8(let samples): sum += Double(samples.reduce(0) { $0 &+ Int($1) })
        case .linear(let samples): sum += Double(samples.reduce(0, +))
        }
      }
      _ = sum
    }
  }
}
