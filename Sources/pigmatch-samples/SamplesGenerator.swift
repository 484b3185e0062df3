import Foundation
import PigmentMatch

/// `swift run pigmatch-samples [FOLDER [SEED]] [--hard | --corners]`: writes the synthetic consultation
/// photos and their `NAME.truth.json` files (default folder `Samples`); with `--hard`, the hard cases
/// of ``SampleSpec/hard`` at 480 × 360 instead; with `--corners`, their corners (``SampleSpec/corners``). Deterministic: the same seed gives the same bytes. The
/// truth is the generator's input colours, never an analysis of the output.
@main
struct SamplesGenerator {
  /// Base seed; sample *i* (from 0) uses `baseSeed + i`.
  static let baseSeed: UInt64 = 20_261_121

  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    let hard = arguments.contains("--hard")
    let corners = arguments.contains("--corners")
    arguments.removeAll { $0 == "--hard" || $0 == "--corners" }
    let folder = arguments.first ?? "Samples"
    // An optional second argument replaces the base seed (hold-out sets for checking overfitting).
    let base = arguments.count > 1 ? UInt64(arguments[1]) ?? baseSeed : baseSeed
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let small = hard || corners
      let renderer = small ? SampleRenderer(width: 480, height: 360) : SampleRenderer(width: 800, height: 600)
      let specs = corners ? SampleSpec.corners : hard ? SampleSpec.hard : SampleSpec.all
      for (index, spec) in specs.enumerated() {
        let seed = base + UInt64(index)
        let rendering = renderer.render(spec, seed: seed)
        let bytes = try encode(rendering.codes, spec: spec, width: renderer.width, height: renderer.height)
        let file = "\(spec.name).\(spec.encoding.fileExtension)"
        try Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file))
        let truth = truthJSON(spec, file: file, seed: seed, rendering: rendering, renderer: renderer)
        try Data(truth.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(spec.name).truth.json"))
        print(
          "\(file)  skin ITA \(String(format: "%.1f", ITA(spec.skin).degrees))° (\(ITA(spec.skin).category.rawValue)), hair \(spec.hairDescription)"
        )
      }
    } catch {
      FileHandle.standardError.write(Data("pigmatch-samples: \(error)\n".utf8))
      exit(1)
    }
  }

  static func encode(_ codes: [UInt8], spec: SampleSpec, width: Int, height: Int) throws -> [UInt8] {
    switch spec.encoding {
    case .png: return try PNGEncoder.encode(srgb8: codes, width: width, height: height)
    case .jpeg: return try JPEGEncoder.encode(rgb8: codes, width: width, height: height, quality: 90)
    case .jpegDisplayP3:
      guard
        var profile = ICCProfile.makeRGB(
          chromaticities: ICCProfile.displayP3Chromaticities, curve: .srgb, description: "Display P3"),
        profile.count >= 128
      else { throw PhotoError.encodingFailed(detail: "could not build the Display P3 profile") }
      // Reproducible bytes: a fixed creation date (ICC.1 header bytes 24–35: 2026-01-01 00:00:00)
      // and no profile ID (bytes 84–99 all zero means "not computed").
      let date: [UInt8] = [0x07, 0xEA, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]
      profile.replaceSubrange(24..<36, with: date)
      profile.replaceSubrange(84..<100, with: [UInt8](repeating: 0, count: 16))
      return try JPEGEncoder.encode(rgb8: codes, width: width, height: height, quality: 90, iccProfile: profile)
    }
  }

  static func truthJSON(
    _ spec: SampleSpec, file: String, seed: UInt64, rendering: SampleRenderer.Rendering, renderer: SampleRenderer
  ) -> String {
    func n(_ x: Double, _ places: Int = 4) -> String {
      let s = String(format: "%.\(places)f", x)
      return s == "-0.0000" ? "0.0000" : s
    }
    func lab(_ l: Lab) -> String { "[\(n(l.l)), \(n(l.a)), \(n(l.b))]" }
    let ita = ITA(spec.skin)
    var features = [
      spec.stubbleCoverage > 0
        ? "shaved scalp with anti-aliased stubble dots and short strokes" : "no stubble",
      "non-skin background (\(spec.background.hex), \(spec.backgroundSide.rawValue))",
      "uneven lighting (side light, vignette, mottling)", "sensor noise (sigma \(n(spec.noise, 1)) codes per channel)",
    ]
    if spec.fringe { features.append("fringe of longer hair") }
    if spec.crownStrands > 0 {
      features.append(
        "\(spec.crownStrands) thin strands over the scalp (radius \(n(spec.strandRadius.lowerBound, 2))–\(n(spec.strandRadius.upperBound, 2)) px)")
    }
    if let hardCase = spec.hardCase { features.insert("hard case: \(hardCase)", at: 0) }
    if spec.highlights { features.append("specular highlights") }
    if let cast = spec.cast {
      features.append(
        "colour cast \(cast.name): linear sRGB gains \(n(cast.gains.r, 2)), \(n(cast.gains.g, 2)), \(n(cast.gains.b, 2)) × exposure \(n(cast.exposure, 2))")
    }
    if spec.greyCard { features.append("standard 18 % grey card in the scalp's median light") }
    let card = spec.greyCard ? renderer.cardRectangle(spec.backgroundSide) : nil
    let cardJSON = card.map { "\n  \"greyCard\": {\"roi\": \"\($0.argument)\", \"lab\": \(lab(GreyCard.standardLab))}," } ?? ""
    switch spec.encoding {
    case .jpeg: features.append("JPEG q90, sRGB")
    case .png: features.append("PNG, sRGB")
    case .jpegDisplayP3:
      features.append("JPEG q90, pixel values encoded in Display P3, embedded Display P3 ICC profile")
    }
    let featureList = features.map { "    \"\($0)\"" }.joined(separator: ",\n")
    let hairJSON =
      spec.hasHair
      ? """
        {
            "lab": \(lab(spec.hair)),
            "hex": "\(SRGB8(clamping: spec.hair).hex)",
            "description": "\(spec.hairDescription)"
          }
        """ : "null"
    return """
      {
        "name": "\(spec.name)",
        "file": "\(file)",
        "generator": "pigmatch-samples",
        "seed": \(seed),
        "width": \(renderer.width),
        "height": \(renderer.height),
        "format": "\(spec.encoding == .png ? "png" : "jpeg")",
        "colorProfile": "\(spec.encoding.colorProfile)",
        "skin": {
          "lab": \(lab(spec.skin)),
          "hex": "\(SRGB8(clamping: spec.skin).hex)",
          "ita": \(n(ita.degrees, 2)),
          "itaCategory": "\(ita.category.rawValue)"
        },
        "hair": \(hairJSON),\(cardJSON)
        "background": {"hex": "\(spec.background.hex)", "side": "\(spec.backgroundSide.rawValue)", "share": \(n(rendering.backgroundShare, 3))},
        "stubble": {"dotRadiusPx": [\(n(spec.dotRadius.lowerBound, 2)), \(n(spec.dotRadius.upperBound, 2))], "meanCoverageOnScalp": \(n(rendering.hairCoverage, 3))},
        "lighting": {"minGain": \(n(rendering.lighting.min, 3)), "medianGain": 1.0, "maxGain": \(n(rendering.lighting.max, 3))},
        "noiseSigma": \(n(spec.noise, 2)),
        "features": [
      \(featureList)
        ],
        "note": "Truth = the colours painted (CIELAB D65) at lighting gain 1, the median gain over the scalp; stubble is mixed with skin by coverage at its edges, and hair tone varies by a smooth ±5 % field."
      }

      """
  }
}
