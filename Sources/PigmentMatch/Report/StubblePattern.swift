import Colorimetry

/// The stubble impression as an SVG pattern of healed dots on skin, at the dots' true spacing.
///
/// Dots of diameter ``dotDiameter`` sit on a square grid of pitch ``spacing`` (both mm; defaults
/// from ``StubbleImpression``) with a fixed, deterministic jitter of up to ±20 % of the pitch so the
/// grid does not read as a screen. The SVG's user unit is 1 mm; its printed or displayed size is
/// the caller's: `"40mm"` gives true size (the browser then blends dots and skin much as the eye
/// does at talking distance), a pixel width gives a magnified view.
package struct StubblePattern: Sendable {
  /// Healed dot colour.
  package let dot: SRGB8
  /// Bare skin colour.
  package let skin: SRGB8
  /// Dot diameter, mm (> 0).
  package let dotDiameter: Double
  /// Dot pitch, mm (> 0).
  package let spacing: Double

  /// Dots per side of the repeating tile.
  static let tileDots = 4

  /// A pattern of `dot` on `skin`.
  package init(
    dot: SRGB8, skin: SRGB8, dotDiameter: Double = StubbleImpression.defaultDotDiameter,
    spacing: Double = StubbleImpression.defaultSpacing
  ) {
    self.dot = dot
    self.skin = skin
    self.dotDiameter = dotDiameter > 0 ? dotDiameter : StubbleImpression.defaultDotDiameter
    self.spacing = spacing > 0 ? spacing : StubbleImpression.defaultSpacing
  }

  /// An `<svg>` showing `areaWidth` × `areaHeight` mm of scalp, displayed at `displayWidth` ×
  /// `displayHeight` (CSS lengths, e.g. `"40mm"` or `"240px"`); `id` names the pattern and must be
  /// unique in the page.
  package func svg(
    id: String, areaWidth: Double, areaHeight: Double, displayWidth: String, displayHeight: String
  )
    -> String
  {
    let f = { (v: Double) in ReportFormat.number(v, 4) }
    let tile = spacing * Double(Self.tileDots)
    let safeID = HTMLEscaping.escape(id)
    var circles = ""
    var rng = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
    // A deterministic jitter in −0.2…0.2 of the pitch.
    func jitter() -> Double { (rng.unit() - 0.5) * 0.4 * spacing }
    for row in 0..<Self.tileDots {
      for column in 0..<Self.tileDots {
        let cx = (Double(column) + 0.5) * spacing + jitter()
        let cy = (Double(row) + 0.5) * spacing + jitter()
        circles += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(dotDiameter / 2))\"/>"
      }
    }
    return """
      <svg class="stubble-pattern" viewBox="0 0 \(f(areaWidth)) \(f(areaHeight))" width="\(HTMLEscaping.escape(displayWidth))" \
      height="\(HTMLEscaping.escape(displayHeight))" xmlns="http://www.w3.org/2000/svg" role="img" \
      aria-label="healed dots \(dot.hex) on skin \(skin.hex), \(ReportFormat.number(dotDiameter, 3)) mm dots \
      \(ReportFormat.number(spacing, 2)) mm apart"><defs><pattern id="\(safeID)" width="\(f(tile))" \
      height="\(f(tile))" patternUnits="userSpaceOnUse"><rect width="\(f(tile))" height="\(f(tile))" \
      fill="\(skin.hex)"/><g fill="\(dot.hex)">\(circles)</g></pattern></defs><rect width="\(f(areaWidth))" \
      height="\(f(areaHeight))" fill="url(#\(safeID))"/></svg>
      """
  }
}
