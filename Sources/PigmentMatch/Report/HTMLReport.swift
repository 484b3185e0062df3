import Colorimetry

/// The consultation report: one self-contained HTML page (inline CSS and SVG, the photo as a PNG
/// data URI; no external resources) that prints cleanly to A4 or Letter.
///
/// Sections, top to bottom: the photo thumbnail with the sampled skin and hair regions outlined
/// (``ToneAnalysis/regions``, `RegionOutline`) beside the skin and hair swatches (Lab, hex, ITA°
/// class, Fitzpatrick type by convention, Monk swatch); an out-of-reach notice when the healed
/// dot misses the hair by more than ``FadeModel/matchThreshold``; the recipe in fractions and
/// drops with the healed dot and stubble impression (swatches and a `StubblePattern`); the
/// fade strip and ΔE00 curve (`SVGChart`) with the touch-up year; the hyperpigmentation halo
/// during healing (weeks 0/4/8/12, risk, advice and the "modelled from proxies" basis).
/// Every piece of text from outside (file and palette names) goes through `HTMLEscaping`.
/// Pure: builds a String, does no I/O.
public struct HTMLReport: Sendable {
  /// The photo's name as shown (usually its file name).
  public let photoName: String
  /// The photo's tone analysis (skin, hair, regions).
  public let analysis: ToneAnalysis
  /// The match result.
  public let match: MatchReport
  /// The palette the blend came from (the match's own).
  public var palette: Palette { match.palette }
  /// Sun and smoking used for the fade (the match's own: ``MatchReport/conditions``).
  public var conditions: FadeConditions { match.conditions.fade }
  /// The photo thumbnail; nil leaves a placeholder.
  public let thumbnail: ReportThumbnail?
  /// The measurement behind `analysis` (marked regions, card, calibration); nil: automatic, uncalibrated.
  public let measurement: PhotoMeasurement?

  /// A report of `match` for the photo `photoName` analysed as `analysis`.
  public init(
    photoName: String, analysis: ToneAnalysis, match: MatchReport, thumbnail: ReportThumbnail?,
    measurement: PhotoMeasurement? = nil
  ) {
    self.measurement = measurement
    self.photoName = photoName
    self.analysis = analysis
    self.match = match
    self.thumbnail = thumbnail
  }

  /// The fade chart drawn in the page (exposed so its geometry can be checked).
  package var chart: SVGChart { SVGChart(timeline: match.fade) }

  /// Skin cells outlined on the thumbnail: at least half of the cell sampled as skin.
  package static let skinCellShare: Float = 0.5

  /// Hair cells outlined: at least half the largest hair share of any cell (the densest hair),
  /// and at least 5 %, so scattered stubble does not outline the whole photo.
  package func hairCellShare() -> Float {
    max(0.05, 0.5 * (analysis.regions.hairShares.max() ?? 0))
  }

  /// The whole page.
  public func render() -> String {
    let e = HTMLEscaping.escape
    let title = "SMP pigment match — \(photoName)"
    var body = header()
    body += confidenceBanner()
    body += clientSection()
    body += recipeSection()
    body += fadeSection()
    body += haloSection()
    body += footer()
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(title))</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      <main>
      \(body)
      </main>
      </body>
      </html>

      """
  }

  // MARK: - Sections

  private func header() -> String {
    let e = HTMLEscaping.escape
    let p = analysis.photo
    let horizon = match.fade.entries.last?.year ?? 0
    return """
      <header><h1>SMP pigment match</h1>
      <p class="meta"><span class="photo-name">\(e(photoName))</span> · \(p.width)×\(p.height) \(e(p.format.rawValue.uppercased())) · \
      palette \(e(palette.vendor)) \(e(palette.name)) \(e(palette.version)) · sun \(conditions.sun.rawValue)\
      \(conditions.smoker ? " · smoker" : "") · \(horizon)-year fade</p></header>

      """
  }

  /// Low confidence leads the report, above the client and the recipe.
  private func confidenceBanner() -> String {
    guard analysis.confidence < PhotoMeasurement.lowConfidenceThreshold else { return "" }
    let text = ToneWarning.lowConfidence(analysis.confidence).description
    return "<div class=\"alert low-confidence\"><strong>Unsure measurement.</strong> \(HTMLEscaping.escape(text))</div>\n"
  }

  /// What the palette can reach under this skin, what it lacks, and the lightness-first option.
  private func reachNotice() -> String {
    guard let reach = match.reach else { return "" }
    let lab = ReportFormat.lab
    let e = HTMLEscaping.escape
    var text =
      " Under this skin the palette reaches from \(e(reach.darkest.pigment)) \(reach.darkest.dilution)"
      + " (\(lab(reach.darkest.lab))) to \(e(reach.lightest.pigment)) \(reach.lightest.dilution)"
      + " (\(lab(reach.lightest.lab)))."
    if !reach.missing.isEmpty {
      text += " Missing: " + e(reach.missing.map(\.description).joined(separator: "; ")) + "."
    }
    let l = reach.lightnessFirst
    text +=
      " Lightness first (stubble is read by its lightness): \(e(l.dot.pigment)) \(l.dot.dilution),"
      + " \(lab(l.dot.lab)), ΔL* \(ReportFormat.number(l.deltaL, 1)), ΔE00 \(ReportFormat.number(l.deltaE00, 1))."
    return text
  }

  private func clientSection() -> String {
    let skin = analysis.skin
    var details = [
      ReportFormat.lab(skin.lab),
      "ITA° \(ReportFormat.number(skin.ita.degrees, 1)) · \(skin.itaCategory.rawValue)",
      "Fitzpatrick \(skin.fitzpatrick.roman) <em>(convention)</em>",
      "Monk \(skin.monk.index)",
    ]
    let skinSwatch = swatch("Skin", match.skinFit.target, cls: "swatch-skin", details: details)
    let hairLab = match.hair ?? match.target
    details = [ReportFormat.lab(hairLab)]
    if let hair = analysis.hair {
      details.append("ΔE00 \(ReportFormat.number(hair.contrast, 1)) from the skin")
    }
    if case .follicle(let follicle) = match.matchTarget {
      details.append("melanin model fit ΔE00 \(ReportFormat.number(follicle.hair.deltaE00, 2))")
    }
    let hairSwatch = swatch("Hair", hairLab, cls: "swatch-hair", details: details)
    let contrast = match.targetContrast
    let follicleSwatch = swatch(
      match.matchTarget.kind == "follicle" ? "Follicle (target)" : "Target", match.target, cls: "swatch-follicle",
      details: [
        ReportFormat.lab(match.target),
        "ΔL* \(ReportFormat.number(contrast.deltaL, 1)), Δb* \(ReportFormat.number(contrast.deltaB, 1)) against the skin",
      ])
    let warnings = analysis.warnings.map { "<li>\(HTMLEscaping.escape($0.description))</li>" }
      .joined()
    let calibration = measurement?.calibration ?? .uncalibrated
    let sources =
      measurement.map { "Skin \($0.skinSource == .given ? "measured in the marked regions" : "found automatically"); hair \($0.hairSource == .given ? "measured in the marked regions" : $0.hairSource == .found ? "found automatically" : "not found")." } ?? "Skin and hair found automatically."
    return """
      <section class="client"><h2>Client</h2><div class="grid2">
      \(thumbnailFigure())
      <div><div class="swatch-row">\(skinSwatch)\(hairSwatch)\(follicleSwatch)</div>
      <p class="note">Analysis confidence \(ReportFormat.percent(analysis.confidence)); skin model fit ΔE00 \
      \(ReportFormat.number(match.skinFit.deltaE00, 2)). \(HTMLEscaping.escape(sources))</p>
      <p class="note calibration">\(HTMLEscaping.escape(calibration.summary))</p>
      <p class="note">\(HTMLEscaping.escape(FitzpatrickConvention.note)) \(HTMLEscaping.escape(SkinTone.lightingNote))</p>
      \(warnings.isEmpty ? "" : "<ul class=\"warnings\">\(warnings)</ul>")</div>
      </div></section>

      """
  }

  private func thumbnailFigure() -> String {
    let w = Double(max(analysis.photo.width, 1))
    let h = Double(max(analysis.photo.height, 1))
    let f = ReportFormat.coordinate
    let map = analysis.regions
    let cellWidth = map.columns > 0 ? w / Double(map.columns) : w
    let cellHeight = map.rows > 0 ? h / Double(map.rows) : h
    let hairCut = hairCellShare()
    let skinPath = RegionOutline.path(
      inside: map.skinShares.map { $0 >= Self.skinCellShare }, columns: map.columns, rows: map.rows,
      cellWidth: cellWidth, cellHeight: cellHeight)
    let hairPath = RegionOutline.path(
      inside: map.hairShares.map { $0 >= hairCut && $0 > 0 }, columns: map.columns, rows: map.rows,
      cellWidth: cellWidth, cellHeight: cellHeight)
    let image =
      thumbnail.map {
        "<image href=\"\($0.dataURI)\" x=\"0\" y=\"0\" width=\"\(f(w))\" height=\"\(f(h))\" preserveAspectRatio=\"none\"/>"
      } ?? "<rect width=\"\(f(w))\" height=\"\(f(h))\" fill=\"#f2f2f2\"/>"
    func outline(_ d: String, cls: String, colour: String) -> String {
      guard !d.isEmpty else { return "" }
      return """
        <path class="\(cls)-halo" d="\(d)" fill="none" stroke="#fff" stroke-width="4.5" stroke-linecap="square" \
        vector-effect="non-scaling-stroke"/><path class="\(cls)" d="\(d)" fill="none" stroke="\(colour)" \
        stroke-width="2" stroke-linecap="square" vector-effect="non-scaling-stroke"/>
        """
    }
    return """
      <figure class="thumb"><svg viewBox="0 0 \(f(w)) \(f(h))" xmlns="http://www.w3.org/2000/svg" role="img" \
      aria-label="photo with the sampled skin and hair regions outlined">\(image)\
      \(outline(skinPath, cls: "region-skin", colour: Self.skinOutline))\
      \(outline(hairPath, cls: "region-hair", colour: Self.hairOutline))\
      \(markedOutlines())</svg>
      <figcaption class="legend"><span class="key" style="border-color:\(Self.skinOutline)"></span> sampled skin \
      <span class="key" style="border-color:\(Self.hairOutline)"></span> \(measurement?.hairSource == .given ? "marked hair" : "densest hair")\
      \(hasCard ? " <span class=\"key\" style=\"border-color:\(Self.cardOutline)\"></span> calibration target" : "")</figcaption></figure>
      """
  }

  private var hasCard: Bool {
    guard let calibration = measurement?.calibration else { return false }
    return calibration.card?.region != nil || calibration.chartCorners.count == 8
  }

  /// The marked rectangles (skin, hair) and the grey card or ColorChecker, in photo coordinates.
  private func markedOutlines() -> String {
    guard let measurement else { return "" }
    let f = ReportFormat.coordinate
    func rectangle(_ r: RegionOfInterest, cls: String, colour: String) -> String {
      """
      <rect class="\(cls)" x="\(f(Double(r.x)))" y="\(f(Double(r.y)))" width="\(f(Double(r.width)))" height="\(f(Double(r.height)))" \
      fill="none" stroke="\(colour)" stroke-width="2" stroke-dasharray="6 3" vector-effect="non-scaling-stroke"/>
      """
    }
    var out = measurement.skinRegions.map { rectangle($0, cls: "marked-skin", colour: Self.skinOutline) }.joined()
    out += measurement.hairRegions.map { rectangle($0, cls: "marked-hair", colour: Self.hairOutline) }.joined()
    if let card = measurement.calibration.card?.region {
      out += rectangle(card, cls: "marked-card", colour: Self.cardOutline)
    }
    let c = measurement.calibration.chartCorners
    if c.count == 8 {
      let points = stride(from: 0, to: 8, by: 2).map { "\(f(c[$0])),\(f(c[$0 + 1]))" }.joined(separator: " ")
      out += """
        <polygon class="marked-card" points="\(points)" fill="none" stroke="\(Self.cardOutline)" stroke-width="2" \
        vector-effect="non-scaling-stroke"/>
        """
    }
    return out
  }

  private func recipeSection() -> String {
    let blend = match.solution.blend
    let drops = match.solution.drops
    let threshold = FadeModel.matchThreshold
    var rows = ""
    let dropsByID = Dictionary(drops.entries.map { ($0.pigment, $0.drops) }, uniquingKeysWith: +)
    var listed = Set<String>()
    for component in blend.components {
      listed.insert(component.pigment)
      rows += """
        <tr><td>\(HTMLEscaping.escape(component.name))</td><td><code>\(HTMLEscaping.escape(component.pigment))</code></td>\
        <td class="num">\(ReportFormat.percent(component.fraction.value))</td><td class="num">\(dropsByID[component.pigment] ?? 0)</td></tr>
        """
    }
    for entry in drops.entries where !listed.contains(entry.pigment) {
      rows += """
        <tr><td>\(HTMLEscaping.escape(palette.pigment(id: entry.pigment)?.name ?? entry.pigment))</td>\
        <td><code>\(HTMLEscaping.escape(entry.pigment))</code></td><td class="num">–</td><td class="num">\(entry.drops)</td></tr>
        """
    }
    rows +=
      "<tr class=\"total\"><td>Total</td><td></td><td class=\"num\">100.0 %</td><td class=\"num\">\(drops.totalDrops)</td></tr>"

    var notice = ""
    if blend.deltaE00 > threshold {
      let darkSkin = [.brown, .dark].contains(analysis.skin.itaCategory) && blend.deltaE00 <= 2.6
      notice = """
        <div class="alert out-of-reach"><strong>Out of reach.</strong> The closest healed dot this palette \
        can make under this skin is ΔE00 \(ReportFormat.number(blend.deltaE00, 1)) from the follicle; a match is \
        ΔE00 ≤ \(ReportFormat.number(threshold, 1)). This recipe is the nearest, not a match.\
        \(darkSkin ? " On dark skin observers tolerate about ΔE00 2.6 (Leow 2006), which this meets." : "")\
        \(reachNotice())</div>

        """
    }
    let stubble = match.fade.entries.first?.stubbleLab ?? blend.dotLab
    let dotSwatch = swatch(
      "Healed dot", blend.dotLab, cls: "swatch-dot",
      details: [
        ReportFormat.lab(blend.dotLab),
        "ΔE00 \(ReportFormat.number(blend.deltaE00, 2)) to the follicle",
        "ΔL* \(ReportFormat.number(match.dotContrast.deltaL, 1)), Δb* \(ReportFormat.number(match.dotContrast.deltaB, 1)) against the skin",
      ])
    let stubbleSwatch = swatch(
      "Stubble impression", stubble, cls: "swatch-stubble",
      details: [ReportFormat.lab(stubble), "dots and skin by area"])
    let hairSwatch = swatch(
      match.matchTarget.kind == "follicle" ? "Follicle (target)" : "Target", match.target, cls: "swatch-hair-again",
      details: [ReportFormat.lab(match.target)])
    let pattern = StubblePattern(
      dot: SRGB8(clamping: blend.dotLab), skin: SRGB8(clamping: match.skinFit.target))
    let coverage = StubbleImpression.coverage(
      dotDiameter: pattern.dotDiameter, spacing: pattern.spacing)
    return """
      <section class="recipe"><h2>Recipe</h2>
      \(notice)<div class="grid2"><div>
      <table><thead><tr><th>Ingredient</th><th>id</th><th class="num">fraction</th><th class="num">drops</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      <p class="note">Exact blend ΔE00 \(ReportFormat.number(blend.deltaE00, 2)) to the target; in whole drops \
      ΔE00 \(ReportFormat.number(drops.deltaE00, 2)) (rounding costs ΔE00 \(ReportFormat.number(drops.roundingDeltaE00, 2))).</p>
      </div>
      <figure class="stubble">\(pattern.svg(id: "stubble-magnified", areaWidth: 8, areaHeight: 3, displayWidth: "100%", displayHeight: "auto"))
      <figcaption class="note">Stubble impression: 8 × 3 mm of scalp magnified (above) and at about actual size \
      (below); healed dots \(ReportFormat.number(pattern.dotDiameter, 3)) mm across, \(ReportFormat.number(pattern.spacing, 2)) mm \
      apart, dot coverage \(ReportFormat.percent(coverage)).</figcaption>
      \(pattern.svg(id: "stubble-true", areaWidth: 40, areaHeight: 10, displayWidth: "40mm", displayHeight: "10mm"))
      </figure></div>
      <div class="swatch-row">\(hairSwatch)\(dotSwatch)\(stubbleSwatch)</div>
      </section>

      """
  }

  private func fadeSection() -> String {
    let fade = match.fade
    let touchUp: String
    if let year = fade.touchUpYear {
      touchUp =
        "Touch-up: year \(year)"
        + (fade.touchUpAgainstTarget
          ? " (ΔE00 to the target passes \(ReportFormat.number(FadeModel.matchThreshold, 1)))."
          : " (drift from the healed dot passes \(ReportFormat.number(FadeModel.matchThreshold, 1)); the target itself is out of reach).")
    } else {
      touchUp = "No touch-up needed within \(max(0, fade.entries.count - 1)) years."
    }
    return """
      <section class="fade"><h2>Fade</h2>
      <p class="note">The healed dot year by year (top strip), its ΔE00 to the target and its drift from year 0. \
      Sun \(conditions.sun.rawValue)\(conditions.smoker ? ", smoker" : ", non-smoker").</p>
      \(chart.svg())
      <p class="touch-up-text"><strong>\(touchUp)</strong></p>
      </section>

      """
  }

  private func haloSection() -> String {
    let h = match.hyperpigmentation
    let weeks = h.healing.map { look in
      swatch(
        "Week \(look.week)", look.stubbleLab, cls: "halo-week", data: "data-week=\"\(look.week)\"",
        details: [
          ReportFormat.lab(look.stubbleLab),
          "ΔE00 \(ReportFormat.number(look.deltaE00ToSettled, 2)) from settled",
        ])
    }.joined()
    let advice = h.advice.map { "<li>\(HTMLEscaping.escape($0))</li>" }.joined()
    return """
      <section class="halo"><h2>Hyperpigmentation during healing</h2>
      \(h.skinType.map { "<p class=\"skin-type\">\(HTMLEscaping.escape($0.summary))</p>" } ?? "")
      <p><span class="risk risk-\(h.risk.rawValue)">\(h.risk.rawValue) risk</span> · halo ΔE00 \
      \(ReportFormat.number(h.haloDeltaE00, 2)) for about \(h.weeks) weeks (melanin ×\(ReportFormat.number(h.melaninFactor, 1)), \
      \(ReportFormat.number(h.haloWidthInRadii, 0)) dot radii around each dot).</p>
      <div class="swatch-row">\(weeks)</div>
      <ul class="advice">\(advice)</ul>
      <p class="note basis">\(HTMLEscaping.escape(Hyperpigmentation.basis))</p>
      </section>

      """
  }

  private func footer() -> String {
    """
    <footer class="note">Colours are CIELAB D65 shown in sRGB (clamped to the sRGB gamut); screens and printers \
    differ, so judge pigment on skin, not on this page. A match is ΔE00 ≤ \(ReportFormat.number(FadeModel.matchThreshold, 1)) \
    (CIEDE2000). Generated by PigmentMatch.</footer>

    """
  }

  // MARK: - Pieces

  /// A labelled colour swatch: an SVG rectangle (printed even when backgrounds are not) and text.
  private func swatch(_ name: String, _ lab: Lab, cls: String, data: String = "", details: [String])
    -> String
  {
    let hex = ReportFormat.hex(lab)
    let lines = ([hex] + details).map { "<div class=\"v\">\($0)</div>" }.joined()
    return """
      <div class="swatch \(cls)" \(data)><svg viewBox="0 0 120 56" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">\
      <rect x="0.5" y="0.5" width="119" height="55" rx="4" fill="\(hex)" stroke="#bbb"/></svg>\
      <div class="name">\(HTMLEscaping.escape(name))</div>\(lines)</div>
      """
  }

  /// Outline colour of the skin region (a blue that stands off every skin tone).
  static let skinOutline = "#1e88e5"
  /// Outline colour of the hair region (a warm yellow that stands off dark and grey hair).
  static let hairOutline = "#ffb300"
  /// Outline colour of the grey card or ColorChecker (magenta, unlike any skin, hair or card).
  static let cardOutline = "#d81b60"

  /// The page's style sheet: light, ink-saving, A4/Letter-friendly (≤ 186 mm wide content).
  static let css = """
    @page { size: auto; margin: 12mm; }
    :root { color-scheme: light; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #fff; color: #1b1b1b; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
    main { max-width: 186mm; margin: 0 auto; padding: 20px 16px; }
    h1 { font-size: 22px; margin: 0 0 2px; }
    h2 { font-size: 16px; margin: 0 0 8px; padding-bottom: 3px; border-bottom: 1px solid #ccc; break-after: avoid; }
    section { margin: 20px 0; break-inside: avoid; page-break-inside: avoid; }
    .meta, .note { color: #555; font-size: 12px; }
    .grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
    figure { margin: 0; }
    .thumb svg { display: block; width: 100%; height: auto; border: 1px solid #ccc; }
    .legend { font-size: 12px; color: #444; margin-top: 4px; }
    .key { display: inline-block; width: 18px; height: 0; border-top: 3px solid; vertical-align: middle; margin: 0 4px 0 8px; }
    .swatch-row { display: flex; flex-wrap: wrap; gap: 12px; }
    .swatch { width: 150px; }
    .swatch svg { display: block; width: 100%; height: auto; }
    .swatch .name { font-weight: 600; font-size: 13px; margin-top: 2px; }
    .swatch .v { font-size: 11px; white-space: nowrap; color: #444; font-variant-numeric: tabular-nums; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #e5e5e5; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    code { white-space: nowrap; }
    tr.total td { font-weight: 600; border-bottom: none; }
    .alert { border: 2px solid #c62828; color: #8e1b1b; padding: 8px 12px; margin: 0 0 12px; border-radius: 4px; }
    .stubble-pattern { display: block; border: 1px solid #ccc; height: auto; margin: 4px 0; }
    .recipe .swatch-row { margin-top: 12px; }
    .fade-chart { display: block; max-width: 100%; height: auto; }
    .risk { font-weight: 700; padding: 1px 8px; border-radius: 10px; border: 1.5px solid; }
    .risk-low { color: #2e7d32; } .risk-moderate { color: #b26a00; } .risk-high { color: #c62828; }
    ul { margin: 8px 0; padding-left: 20px; }
    footer { margin-top: 24px; border-top: 1px solid #ccc; padding-top: 6px; }
    @media (max-width: 640px) { .grid2 { grid-template-columns: 1fr; } }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      section { margin: 12px 0; }
      section.fade { break-before: auto; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
