/// Step 4, when no cluster unlike the skin was hair: stubble as light as the skin (grey, blond),
/// clustered in among the skin clusters (within ΔE00 7 of the main one) because it differs from
/// the skin only in hue or chroma, and JPEG's chroma blur brings it closer still.
///
/// Skin and hair colour differ in kind. Skin's hue angle h_ab lies at 45°–65° (``SkinLocus``:
/// Weatherall & Coombs 1992; Xiao et al. 2017), reddened by haemoglobin; hair's colour is melanin
/// in keratin, whose family lies at h_ab 60°–87° (``HairGamut``, the melanin model), and grey hair
/// is a mixture of pigmented and unpigmented fibres (canities: Tobin & Paus 2001, Exp. Gerontol.
/// 36:29–54; ``HairMelaninFit`` models it as the pigmented share), so the lighter the grey, the
/// nearer neutral. Light falling off (shade) lowers L* and C*ab together at about the same hue. So a
/// skin cluster is taken for light hair when, against a larger skin cluster, it is yellower (h_ab
/// larger by ≥ ``hueStep``) or greyer at the same lightness (C*ab ≤ ``greyChroma`` × the skin's,
/// |ΔL*| ≤ ``greyLightness``), and it is scattered through that skin as stubble is
/// (``HairEvidence``: grey needs ≥ ``greyTouching`` of its pixels touching skin; yellower needs ≥
/// ``yellowerTouching`` touching and either ≥ ``HairEvidence/scatteredStubble`` lying between skin
/// pixels or a texture ≥ ``HairEvidence/minimumTexture`` × the skin's): a shaded rim, a highlight
/// or a backdrop is not.
///
/// The thresholds are not measured constants: they were set on the generator's corners c05, c06,
/// c07 and c18 (after those failed) and then checked, unchanged, on the 31 real photos (no bald
/// scalp gained hair, no skin moved); no real photo of grey or blond stubble pins them yet.
/// Skin clusters lying between the two (skin–hair mixtures at the dots' edges) leave the skin.
enum LightHair {
  /// Least hue-angle step toward the hair family (degrees): more than JPEG noise moves a skin
  /// cluster's mean hue, well under the 45°–65° skin span.
  static let hueStep = 5.0
  /// Most chroma, as a share of the skin's, a cluster called greyer than the skin keeps.
  static let greyChroma = 0.7
  /// Most lightness difference (L*) from the skin at which "greyer at the same lightness" applies.
  static let greyLightness = 8.0
  /// Least share of the pixels of the hair cluster and of the skin it is measured against.
  static let minimumShare = 0.05
  /// Least share of a grey candidate's pixels touching skin (grey is otherwise smooth in L*).
  static let greyTouching = 0.6
  /// Least share of a yellower candidate's pixels touching skin.
  static let yellowerTouching = 0.45

  /// How the light hair found differs from the skin.
  enum Kind {
    case yellower, greyer
  }

  /// Marks light hair among the skin clusters of `roles` (and the mixtures between it and the skin
  /// as *other*); returns how it differs from the skin, nil when none was found. Then the skin
  /// tone must be measured again on what stays skin.
  static func split(
    _ roles: inout [ToneRole], centres: [Lab], shares: [Double], pixels: TonePixels.Buffer, grid: [UInt8],
    assignment: [UInt8], subset: TonePixels.EstimationSet, lightness: [Float]
  ) -> Kind? {
    let skin = roles.indices.filter { roles[$0] == .skin && shares[$0] >= minimumShare }
    guard !skin.isEmpty else { return nil }
    // Most hair-like first: the largest hue angle, then the least chroma. Stubble no lighter or
    // darker than the skin is too smooth in L* for `HairEvidence` and may be left *other*.
    let candidates = centres.indices.filter {
      roles[$0] != .hair && shares[$0] >= minimumShare && HairGamut.contains(centres[$0])
    }.sorted {
      (centres[$0].lch.h - centres[$0].lch.c) > (centres[$1].lch.h - centres[$1].lch.c)
    }
    for hair in candidates {
      guard let reference = skin.filter({ $0 != hair && isHairward(centres[hair], of: centres[$0]) })
        .max(by: { shares[$0] < shares[$1] })
      else { continue }
      var trial = roles
      trial[hair] = .other
      let m = HairEvidence.measure(
        hair: hair, roles: trial, pixels: pixels, grid: grid, assignment: assignment, subset: subset,
        clusters: centres.count, lightness: lightness)
      let grey = isGreyer(centres[hair], than: centres[reference])
      guard
        grey
          ? m.touching >= greyTouching
          : m.touching >= yellowerTouching
            && (m.enclosed >= HairEvidence.scatteredStubble || m.texture >= HairEvidence.minimumTexture)
      else { continue }
      trial[hair] = .hair
      for j in skin
      where j != hair && j != reference && ToneAnalysis.liesBetween(centres[j], centres[reference], centres[hair]) {
        trial[j] = .other
      }
      roles = trial
      return grey ? .greyer : .yellower
    }
    return nil
  }

  /// Whether `hair` lies from `skin` toward the hair family and not along the skin's shading:
  /// yellower, or greyer at about the same lightness.
  static func isHairward(_ hair: Lab, of skin: Lab) -> Bool {
    hair.lch.h - skin.lch.h >= hueStep || isGreyer(hair, than: skin)
  }

  /// Whether `hair` is greyer than `skin` at about the same lightness.
  static func isGreyer(_ hair: Lab, than skin: Lab) -> Bool {
    hair.lch.c <= greyChroma * skin.lch.c && abs(hair.l - skin.l) <= greyLightness
  }

  /// Grey stubble as light as the skin: its pixels differ from the skin's in chroma alone, which
  /// JPEG's 4:2:0 chroma subsampling blurs over each dot (ITU-T T.81; JFIF), so no pixel keeps the
  /// hair's own chroma, and lightness cannot tell how much of a pixel is hair. The hair's chroma is
  /// read where the mixing line from the skin through the hair cluster's centre is least
  /// chromatic (grey hair's white fibres dilute the pigmented ones' colour toward neutral: canities,
  /// Tobin & Paus 2001); its lightness stays the centre's, since the line's slope in L* carries no
  /// information about the hair (review: extrapolating L* along it moved a grey up to ~19 L*).
  static func greyLineEnd(skin: Lab, through centre: Lab) -> Lab {
    let d = (centre.a - skin.a, centre.b - skin.b)
    let norm2 = d.0 * d.0 + d.1 * d.1
    guard norm2 > 1e-9 else { return centre }
    // Least chroma on the line: the foot of the perpendicular from the neutral axis, not before the centre.
    let t = max(1, -(skin.a * d.0 + skin.b * d.1) / norm2)
    return Lab(l: centre.l, a: skin.a + t * d.0, b: skin.b + t * d.1)
  }

  /// Whether the scene's skin tone `fine` is nearer the hair cluster than the main skin cluster:
  /// the scene's skin seed was the hair (white or blond hair filling the frame is the largest
  /// lit region of a skin-like colour), so the skin must be measured on the skin clusters.
  static func tookHair(_ fine: Lab?, roles: [ToneRole], centres: [Lab], shares: [Double]) -> Bool {
    guard let fine, let hair = roles.firstIndex(of: .hair),
      let main = roles.indices.filter({ roles[$0] == .skin }).max(by: { shares[$0] < shares[$1] })
    else { return false }
    return DeltaE.ciede2000(centres[hair], fine) < DeltaE.ciede2000(centres[main], fine)
  }

  /// Whether `colour`, darker than `skin`, is greyer than any shade could make it. The same surface
  /// under 1/k of the light has L* + 16, a* and b* all scaled by k^(−1/3) (CIELAB, CIE 015:2018
  /// eq. 8.3–8.5, above the linear toe), so its chroma falls in proportion to L* + 16; a colour
  /// whose chroma has fallen to less than ``shadeChroma`` × that is another material (grey hair
  /// beside the face). A lighter colour may be the lit side, whose shine desaturates it.
  static func isGreyerThanShade(_ colour: Lab, of skin: Lab) -> Bool {
    guard colour.l < skin.l else { return false }
    let light = (colour.l + 16) / max(skin.l + 16, 1)
    return colour.lch.c < shadeChroma * light * skin.lch.c
  }

  /// Least share of the chroma shade keeps (by L* + 16) that a shade of the skin shows: light of
  /// another colour in the shadow (sky, a wall) and camera tone curves bend it.
  static let shadeChroma = 0.5
}
