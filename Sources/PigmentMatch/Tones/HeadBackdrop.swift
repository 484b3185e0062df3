/// Whether the band found above the skin by place (``HeadHair``) is the backdrop showing over a bare
/// scalp rather than hair: a plain wall or studio backdrop above a bald head is as even as the wall
/// beside the head, and a noisy photo gives it the skin's own texture, so colour and texture alone
/// take it for grey or white hair. Hair stops at the head; a backdrop runs on to the photo's left and
/// right edges at the same height. So the band is the backdrop when the strips along both side edges
/// of the photo, over the band's rows, are of the band's colour (per-channel medians within
/// ``sameColour`` ΔE00); a side strip with fewer than ``minimumPixels`` usable pixels (a head filling
/// the frame, a left-out backdrop) is not evidence and is skipped, and with none left the band stands.
/// Known limit: hair of the backdrop's own colour (dark hair before a dark backdrop) is taken for
/// the backdrop, so "no hair visible" is reported (safe: the practitioner is asked to mark it). A
/// texture test (the band more textured than the strips) found it, but also took a white wall
/// above a buzz cut, textured by the hairline inside the band, for white hair: inventing hair is
/// the worse error, so it was not kept.
enum HeadBackdrop {
  /// Width of each side strip, as a share of the photo's width.
  static let stripShare = 0.05
  /// ΔE00 between the band's and a strip's median below which they are one surface: a few times a
  /// just-noticeable difference, well under the 10 that ``HeadHair`` asks between hair and skin.
  static let sameColour = 6.0
  static let minimumPixels = 20

  /// Whether `tone`, read in rows `rows` of `all`'s decoded grid, is also the colour of both side strips.
  static func continues(_ tone: Lab, rows: ClosedRange<Int>, in all: TonePixels.Buffer) -> Bool {
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
    return sides.allSatisfy { DeltaE.ciede2000(Statistics.medianLab(pixels: all, indices: $0), tone) < sameColour }
  }
}
