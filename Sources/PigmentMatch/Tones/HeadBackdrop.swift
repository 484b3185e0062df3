/// Whether the band found above the skin by place (``HeadHair``) is the backdrop showing over a bare
/// scalp rather than hair: a plain wall or studio backdrop above a bald head is as even as the wall
/// beside the head, and a noisy photo gives it the skin's own texture, so colour and texture alone
/// take it for grey or white hair. Hair stops at the head; a backdrop runs on to the photo's left and
/// right edges at the same height. So the band is the backdrop when the strips along both side edges
/// of the photo, over the band's rows, are of the band's colour (per-channel medians within
/// ``sameColour`` ΔE00); a side strip with fewer than ``minimumPixels`` usable pixels (a head filling
/// the frame, a left-out backdrop) is not evidence and is skipped, and with none left the band stands.
/// A strip of the band's colour is still not the same surface when the band is textured
/// ``HairEvidence/minimumTexture`` × the strip or more: dark hair before a dark backdrop is strands
/// where the backdrop is even.
enum HeadBackdrop {
  /// Width of each side strip, as a share of the photo's width.
  static let stripShare = 0.05
  /// ΔE00 between the band's and a strip's median below which they are one surface: a few times a
  /// just-noticeable difference, well under the 10 that ``HeadHair`` asks between hair and skin.
  static let sameColour = 6.0
  static let minimumPixels = 20

  /// Whether `tone`, the colour of `band` (indices into `all`) read in rows `rows` of `all`'s decoded
  /// grid, is also the colour and the texture of both side strips; `lightness` is that grid's L*.
  static func continues(
    _ tone: Lab, band: [Int], rows: ClosedRange<Int>, in all: TonePixels.Buffer, lightness: [Float]
  ) -> Bool {
    let w = all.gridWidth
    guard w > 0 else { return false }
    let strip = max(1, Int((stripShare * Double(w)).rounded()))
    var left: [Int] = []
    var right: [Int] = []
    for i in 0..<all.count {
      let p = Int(all.position[i])
      guard rows.contains(p / w) else { continue }
      let x = p % w
      if x < strip {
        left.append(i)
      } else if x >= w - strip {
        right.append(i)
      }
    }
    let sides = [left, right].filter { $0.count >= minimumPixels }
    guard !sides.isEmpty else { return false }
    let texture = { (members: [Int]) in HairEvidence.texture(of: members, in: all, lightness: lightness, width: w) }
    let bandTexture = texture(band)
    return sides.allSatisfy {
      DeltaE.ciede2000(Statistics.medianLab(pixels: all, indices: $0), tone) < sameColour
        && bandTexture < HairEvidence.minimumTexture * texture($0)
    }
  }
}
