import Colorimetry
import Foundation
import PhotoIO

/// The skin the scene filter found on its fine clusters (step 3a), and where it was measured.
struct SceneSkin {
  /// The skin tone measured on the scene's skin region.
  let tone: SkinTone
  /// The kept pixels' fine-cluster labels, and which of those labels the tone was measured on.
  let measured: (labels: [UInt8], skin: [Bool])
  /// Share of the skin region lit differently from the part measured (`SkinRegion`).
  let unevenShare: Double
  /// Share of the skin region lit more brightly than the part measured.
  let brighterShare: Double
}

// The stages of ``ToneAnalysis/init(photo:name:options:sampling:fitsSkin:)``, one job each.
extension ToneAnalysis {
  /// Refuses pixels no analysis can use: too few usable pixels, a photo all but uniformly black
  /// or white (≥ 98 % crushed or blown), none left once unusable pixels are dropped.
  static func checkUsable(_ pixels: TonePixels.Buffer, name: String) throws(ToneAnalysisError) {
    if pixels.areaCount < minimumPixels {
      throw .tooFewPixels(path: name, count: pixels.areaCount, minimum: minimumPixels)
    }
    if Double(pixels.darkCount) >= 0.98 * Double(pixels.areaCount) { throw .uniformPhoto(path: name, white: false) }
    if Double(pixels.brightCount) >= 0.98 * Double(pixels.areaCount) { throw .uniformPhoto(path: name, white: true) }
    guard pixels.count > 0 else { throw .noSkinPixels(path: name) }
    if pixels.count < minimumPixels {
      throw .tooFewPixels(path: name, count: pixels.count, minimum: minimumPixels)
    }
  }

  /// Step 3a: keeps in `pixels` only what the scene filter takes for the person (when enough is
  /// left) and measures the skin on the scene's skin region; nil when the scene found no skin.
  static func sceneSkin(_ scene: SceneFilter, pixels: inout TonePixels.Buffer) -> SceneSkin? {
    guard let seed = scene.seed else { return nil }
    // Nothing left out: the scene's own labels serve (no copy).
    let selection =
      scene.excludesAny
      ? pixels.keeping(labels: scene.labels, keep: scene.keep)
      : TonePixels.Buffer.Selection(
        pixels: pixels, labels: scene.labels, grid: scene.grid, counts: Array(scene.counts.dropLast()))
    guard selection.pixels.count >= minimumPixels else { return nil }
    pixels = selection.pixels
    let stay = scene.centres.indices.filter { scene.keep[$0] }
    let region = SkinRegion.skin(
      pixels: pixels, centres: stay.map { scene.centres[$0] }, seed: stay.firstIndex(of: seed) ?? 0,
      labels: selection.labels, grid: selection.grid, counts: selection.counts,
      textures: stay.map { scene.textures[$0] })
    return SceneSkin(
      tone: region.tone, measured: (selection.labels, region.measured), unevenShare: region.unevenShare,
      brighterShare: region.brighterShare)
  }

  /// Step 6b: a head of hair (not stubble or strands through the skin) read where it meets the
  /// scalp, above the skin, when that band is hair. A cluster of the whole head also holds the
  /// lengths (highlighted, sun-lightened or in shade), while the hair at the scalp is what
  /// micropigmentation imitates (blond-hair.jpg: dark-blond roots, golden lengths). Gives the tone
  /// and the band's decoded-grid positions; nil when no band was found or it continues into a
  /// backdrop over a bare scalp (`HeadBackdrop`).
  static func hairAtScalp(
    pixels: TonePixels.Buffer, skinLabels: (labels: [UInt8], skin: [Bool]), all: TonePixels.Buffer, skin: Lab,
    lightness: [Float], step: Int, clusterShare: Double?
  ) -> (tone: HairTone, band: [Int])? {
    guard
      let band = HeadHair.find(
        pixels: pixels, skinLabels: skinLabels, all: all, skin: skin, lightness: lightness, step: step)
    else { return nil }
    let core = HeadHair.core(of: band, in: all, skin: skin)
    let lab = Statistics.medianLab(pixels: all, indices: core)
    let rows = band.map { Int(all.position[$0]) / max(all.gridWidth, 1) }
    guard let top = rows.min(), let bottom = rows.max(), !HeadBackdrop.continues(lab, rows: top...bottom, in: all)
    else { return nil }
    let tone = HairTone(
      lab: lab, share: clusterShare ?? Double(band.count) / Double(pixels.count),
      spread: spread(pixels: all, indices: core, around: lab), contrast: DeltaE.ciede2000(skin, lab))
    return (tone, band.map { Int(all.position[$0]) })
  }

  /// Step 7: the warnings (the photo's own, exposure, cast, contrast, no hair, an unsure skin) and
  /// the confidence they and the pixel count, skin share and spread and hair contrast give.
  static func assessment(
    photo: Photo, pixels: TonePixels.Buffer, skin: SkinTone, hair: HairTone?, sceneSkin: SceneSkin?, skinFound: Bool
  ) -> (warnings: [ToneWarning], confidence: Double) {
    var warnings = photo.warnings.map(ToneWarning.photo)
    if pixels.count < fewPixelsWarning { warnings.append(.fewPixels(count: pixels.count)) }
    let brightFraction = Double(pixels.brightCount) / Double(pixels.areaCount)
    let darkFraction = Double(pixels.darkCount) / Double(pixels.areaCount)
    if brightFraction > 0.05 { warnings.append(.overExposed(fraction: brightFraction)) }
    if darkFraction > 0.25 { warnings.append(.underExposed(fraction: darkFraction)) }
    let lch = skin.lab.lch
    if lch.h < 20 || lch.h > 85 || lch.c > 45 { warnings.append(.colourCast(hueDegrees: lch.h, chroma: lch.c)) }
    if let hair, hair.contrast < lowContrastThreshold { warnings.append(.lowContrast(deltaE00: hair.contrast)) }
    if hair == nil { warnings.append(.hairNotFound) }
    let doubt = skinDoubt(
      skinFound: skinFound, skin: skin.lab, unevenShare: sceneSkin?.unevenShare ?? 0,
      brighterShare: sceneSkin?.brighterShare ?? 0)
    if let doubt { warnings.append(.skinUncertain(reason: doubt)) }

    var confidence = min(1, (Double(pixels.count) / 20_000).squareRoot())
    confidence *= min(1, skin.share / 0.3)
    confidence *= 1 / (1 + max(0, skin.spread - 4) / 6)
    confidence *= hair.map { min(1, $0.contrast / 15) } ?? 0.6
    confidence *= pow(0.85, Double(warnings.count))
    if doubt != nil { confidence = min(confidence, uncertainSkinConfidence) }
    return (warnings, min(1, max(0, confidence)))
  }

  /// Why the skin found may not be the person's, nil when nothing speaks against it.
  static func skinDoubt(skinFound: Bool, skin: Lab, unevenShare: Double, brighterShare: Double) -> String? {
    if !skinFound { return "no skin-coloured region away from the photo's border" }
    if !SkinLocus.contains(skin) { return "the skin found is not of a skin colour" }
    if unevenShare > unevenLightShare {
      return String(
        format: "uneven light: %.0f %% of the skin is lit differently from the part measured", unevenShare * 100)
    }
    if brighterShare > brighterLightShare {
      return String(
        format: "uneven light: %.0f %% of the skin is lit more brightly than the part measured", brighterShare * 100)
    }
    return nil
  }
}
