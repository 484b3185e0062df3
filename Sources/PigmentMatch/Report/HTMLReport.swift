import Colorimetry

/// The consultation report: one self-contained HTML page (inline CSS and SVG, the photo as a PNG
/// data URI; no external resources) that prints cleanly to A4 or Letter.
///
/// Built from one source of truth: the match's JSON contract object
/// (``JSONContract/MatchOutput``, what `pigmatch match --json` writes), so every number of the
/// match on the page comes from that JSON; the page adds the tool version, the record
/// (``ClinicalRecord``), the photo's thumbnail (``ReportThumbnail``, with the sampled regions to
/// outline) and the measures of its illustrative preview (pixels, magnification, dots per cm²).
///
/// Sections, top to bottom: the clinical record (client, practitioner, visit and touch-up dates;
/// tool and palette versions, regions, calibration, confidence) and every warning; the photo
/// thumbnail with the sampled skin and hair regions outlined beside the skin and hair swatches
/// (Lab, hex, ITA° class, Fitzpatrick type by convention, Monk swatch); the recipe in fractions,
/// drops and as mixed, with an out-of-reach notice when the match has a `reach` (the healed dot
/// misses the target by more than ``FadeModel/matchThreshold``, as the pipeline decided); what it
/// looks like (`StubblePreview`: bare skin beside the same patch with healed dots, magnified, and
/// one dot with its healing halo, its geometry clamped to the ranges `pigmatch` accepts; a
/// true-size `StubblePattern`); a plain-language ΔE00 legend; the fade strip and ΔE00 curve (`SVGChart`)
/// with the touch-up time; the hyperpigmentation risk during healing (weeks 0/4/8/12, advice and
/// the "modelled from proxies" basis).
/// Every piece of text from outside (file and palette names) goes through `HTMLEscaping`.
/// Pure: builds a String, does no I/O.
public struct HTMLReport: Sendable {
  /// The photo's name as shown (usually its file name).
  public let photoName: String
  /// The match, as its JSON contract object: the only source of the page's numbers.
  public let match: JSONContract.MatchOutput
  /// The photo thumbnail (with its region map); nil leaves a placeholder and no outlines.
  public let thumbnail: ReportThumbnail?
  /// Client, practitioner, visit date and notes; nil leaves them out (and the touch-up in years).
  public let record: ClinicalRecord?

  /// A report of `match` (``JSONContract/MatchOutput``) for the photo `photoName`.
  public init(
    photoName: String, match: JSONContract.MatchOutput, thumbnail: ReportThumbnail?, record: ClinicalRecord? = nil
  ) {
    self.photoName = photoName
    self.match = match
    self.thumbnail = thumbnail
    self.record = record
  }

  /// Healed dot diameter of the whole page, mm: the match's own (`options.dotDiameterMM`).
  var dotDiameter: Double { match.options.dotDiameterMM.value }
  /// Dot spacing (pitch) of the whole page, mm: the match's own (`options.spacingMM`).
  var spacing: Double { match.options.spacingMM.value }
  /// Dot area coverage of the whole page: the JSON's `hyperpigmentation.coverage` (computed from
  /// the geometry above only for an older JSON without it).
  var coverage: Double {
    match.hyperpigmentation.coverage?.value ?? StubbleImpression.coverage(dotDiameter: dotDiameter, spacing: spacing)
  }
  /// The model's bare skin between the dots.
  var skinLab: Lab { match.contrast.skinLab.colour }
  /// The healed dot.
  var dotLab: Lab { match.blend.dotLab.colour }
  /// The target (the follicle's look, or a dot colour given directly).
  var targetLab: Lab { match.target.lab.colour }

  /// The fade chart drawn in the page (exposed so its geometry can be checked).
  package var chart: SVGChart { SVGChart(fade: match.fade) }

  /// Skin cells outlined on the thumbnail: at least half of the cell sampled as skin.
  package static let skinCellShare: Float = 0.5

  /// Hair cells outlined of the region map `map`: at least half the largest hair share of any
  /// cell (the densest hair), and at least 5 %, so scattered stubble does not outline the whole photo.
  package static func hairCellShare(_ map: ToneRegionMap) -> Float {
    max(0.05, 0.5 * (map.hairShares.max() ?? 0))
  }

  /// The whole page.
  public func render() -> String {
    let e = HTMLEscaping.escape
    let title = "SMP pigment match — \(photoName)"
    var body = header()
    body += recordSection()
    body += warningsSection()
    body += clientSection()
    body += recipeSection()
    body += previewSection()
    body += legendSection()
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
    let p = match.analysis.photo
    let o = match.options
    let horizon = match.fade.timeline.last?.year ?? 0
    let palette = match.palette
    return """
      <header><h1>SMP pigment match</h1>
      <p class="meta"><span class="photo-name">\(e(photoName))</span> · \(p.width)×\(p.height) \(e(p.format.uppercased())) · \
      palette \(e(palette.vendor)) \(e(palette.name)) \(e(palette.version)) · sun \(e(o.sun))\
      \(o.smoker ? " · smoker" : "") · \(horizon)-year fade</p></header>

      """
  }

  /// The clinical record: who, when, by whom, with what (tool, palette, regions, calibration).
  private func recordSection() -> String {
    let e = HTMLEscaping.escape
    let palette = match.palette
    var rows: [(String, String, String)] = []
    if let record {
      rows.append(("client", "Client", record.client.isEmpty ? "–" : e(record.client)))
      rows.append(("practitioner", "Practitioner", record.practitioner.isEmpty ? "–" : e(record.practitioner)))
      rows.append(("visit", "Visit", "\(record.visit) (\(record.visit.longDescription))"))
      rows.append(("touch-up-date", "Touch-up", touchUpDateText(record)))
    }
    rows.append(("palette", "Palette", "\(e(palette.vendor)) \(e(palette.name)), version \(e(palette.version))"))
    rows.append(("tool", "Tool", e(ToolVersion.description)))
    rows.append(("regions", "Regions", e(regionsText())))
    rows.append(("calibration", "Calibration", e(match.analysis.calibration.summary)))
    rows.append(("confidence", "Confidence", "analysis confidence \(ReportFormat.percent(match.analysis.confidence.value))"))
    let cells = rows.map { "<div class=\"rec rec-\($0.0)\"><dt>\($0.1)</dt><dd>\($0.2)</dd></div>" }.joined()
    let notes =
      (record?.notes.isEmpty ?? true)
      ? "" : "<p class=\"notes\"><strong>Notes:</strong> \(e(record?.notes ?? ""))</p>"
    return """
      <section class="record"><dl class="record-grid">\(cells)</dl>\(notes)</section>

      """
  }

  /// Where the skin and hair were measured (`analysis.roles`).
  private func regionsText() -> String {
    let roles = match.analysis.roles
    if roles.skin == "found", roles.hair == "found" { return "skin and hair found automatically" }
    func describe(_ role: String, _ source: String, _ regions: [[Int]]) -> String {
      switch source {
      case "given":
        let list = regions.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "; ")
        return "\(role) marked" + (list.isEmpty ? " (label mask)" : " at \(list)")
      case "found": return "\(role) found automatically"
      default: return "\(role) not found"
      }
    }
    return describe("skin", roles.skin, roles.skinRegions) + "; "
      + describe("hair", roles.hair, roles.hairRegions) + " (x,y,width,height in photo pixels)"
  }

  /// The touch-up as a date: the visit plus the touch-up time in months (`fade.touchUpMonths`).
  private func touchUpDateText(_ record: ClinicalRecord) -> String {
    let fade = match.fade
    if let months = fade.touchUpMonths, let date = record.touchUp(fade) {
      return "<strong>\(date) (\(date.longDescription))</strong>: visit + \(months) months"
    }
    let years = fade.timeline.last?.year ?? 0
    let horizon = record.visit.adding(months: 12 * years).map { " (\($0))" } ?? ""
    return "none needed within \(years) years\(horizon)"
  }

  /// Every warning, at the top: low confidence first, the analysis's warnings, an uncalibrated
  /// photo, a target out of reach and a raised hyperpigmentation risk.
  private func warningsSection() -> String {
    let e = HTMLEscaping.escape
    var warnings = match.analysis.warnings
    var lowConfidence = ""
    if match.analysis.isLowConfidence {
      let text = warnings.removeFirst()
      lowConfidence = "<div class=\"alert low-confidence\"><strong>Unsure measurement.</strong> \(e(text))</div>"
    }
    var items = warnings.map(e)
    if !match.analysis.calibration.calibrated {
      items.append("Uncalibrated photo: colours are as the camera rendered them; add a grey card or ColorChecker to trust them.")
    }
    if match.reach != nil {
      let deltaE = match.blend.deltaE00.value
      items.append(
        "Out of reach: the nearest healed dot is ΔE00 \(ReportFormat.number(deltaE, 1)) from the target (a match is ≤ \(ReportFormat.number(FadeModel.matchThreshold, 1))); see Recipe.")
    }
    let h = match.hyperpigmentation
    if h.risk != HyperpigmentationRisk.low.rawValue {
      items.append("Hyperpigmentation risk \(e(h.risk)): a test patch reviewed after \(h.weeks) weeks is advised; see below.")
    }
    guard !lowConfidence.isEmpty || !items.isEmpty else { return "" }
    let list = items.isEmpty ? "" : "<ul class=\"warnings\">" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    return """
      <section class="top-warnings"><h2>Warnings</h2>\(lowConfidence)\(list)</section>

      """
  }

  /// What the palette can reach under this skin, what it lacks, and the lightness-first option.
  private func reachNotice() -> String {
    guard let reach = match.reach else { return "" }
    let lab = { (l: JSONContract.Lab) in ReportFormat.lab(l.colour) }
    let e = HTMLEscaping.escape
    var text =
      " Under this skin the palette reaches from \(e(reach.darkest.pigment)) \(e(reach.darkest.dilution.text))"
      + " (\(lab(reach.darkest.dotLab))) to \(e(reach.lightest.pigment)) \(e(reach.lightest.dilution.text))"
      + " (\(lab(reach.lightest.dotLab)))."
    if !reach.missing.isEmpty {
      text += " Missing: " + e(reach.missing.map(\.message).joined(separator: "; ")) + "."
    }
    let l = reach.lightnessFirst
    text +=
      " Lightness first (stubble is read by its lightness): \(e(l.pigment)) \(e(l.dilution.text)),"
      + " \(lab(l.dotLab)), ΔL* \(ReportFormat.number(l.deltaL.value, 1)), ΔE00 \(ReportFormat.number(l.deltaE00.value, 1))."
    return text
  }

  private func clientSection() -> String {
    let e = HTMLEscaping.escape
    let analysis = match.analysis
    let skin = analysis.skin
    var details = [
      ReportFormat.lab(skin.lab.colour),
      "ITA° \(ReportFormat.number(skin.ita.value, 1)) · \(e(skin.itaCategory))",
      "Fitzpatrick \(e(skin.fitzpatrick.type)) <em>(convention)</em>",
      "Monk \(skin.monk.index)",
    ]
    let skinSwatch = swatch("Skin", skin.lab.colour, cls: "swatch-skin", details: details)
    let hairLab = (analysis.hair?.lab ?? match.target.hairLab ?? match.target.lab).colour
    details = [ReportFormat.lab(hairLab)]
    if let hair = analysis.hair {
      details.append("ΔE00 \(ReportFormat.number(hair.deltaE00ToSkin.value, 1)) from the skin")
    }
    if let fit = match.target.hairFit {
      details.append("melanin model fit ΔE00 \(ReportFormat.number(fit.deltaE00.value, 2))")
    }
    let hairSwatch = swatch("Hair", hairLab, cls: "swatch-hair", details: details)
    let contrast = match.contrast.target
    let follicleSwatch = swatch(
      match.target.kind == "follicle" ? "Follicle (target)" : "Target", targetLab, cls: "swatch-follicle",
      details: [
        ReportFormat.lab(targetLab),
        "ΔL* \(ReportFormat.number(contrast.deltaL.value, 1)), Δb* \(ReportFormat.number(contrast.deltaB.value, 1)) against the skin",
      ])
    let roles = analysis.roles
    let hairSource =
      roles.hair == "given" ? "measured in the marked regions" : roles.hair == "found" ? "found automatically" : "not found"
    let sources =
      "Skin \(roles.skin == "given" ? "measured in the marked regions" : "found automatically"); hair \(hairSource)."
    return """
      <section class="client"><h2>Client</h2><div class="grid2">
      \(thumbnailFigure())
      <div><div class="swatch-row">\(skinSwatch)\(hairSwatch)\(follicleSwatch)</div>
      <p class="note">Analysis confidence \(ReportFormat.percent(analysis.confidence.value)); skin model fit ΔE00 \
      \(ReportFormat.number(match.skinModel.fitDeltaE00.value, 2)). \(e(sources))</p>
      <p class="note">\(e(skin.fitzpatrick.note)) \(e(SkinTone.lightingNote))</p>
      </div>
      </div></section>

      """
  }

  private func thumbnailFigure() -> String {
    let w = Double(max(match.analysis.photo.width, 1))
    let h = Double(max(match.analysis.photo.height, 1))
    let f = ReportFormat.coordinate
    var skinPath = ""
    var hairPath = ""
    if let map = thumbnail?.regions {
      let cellWidth = map.columns > 0 ? w / Double(map.columns) : w
      let cellHeight = map.rows > 0 ? h / Double(map.rows) : h
      let hairCut = Self.hairCellShare(map)
      skinPath = RegionOutline.path(
        inside: map.skinShares.map { $0 >= Self.skinCellShare }, columns: map.columns, rows: map.rows,
        cellWidth: cellWidth, cellHeight: cellHeight)
      hairPath = RegionOutline.path(
        inside: map.hairShares.map { $0 >= hairCut && $0 > 0 }, columns: map.columns, rows: map.rows,
        cellWidth: cellWidth, cellHeight: cellHeight)
    }
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
      <span class="key" style="border-color:\(Self.hairOutline)"></span> \(match.analysis.roles.hair == "given" ? "marked hair" : "densest hair")\
      \(hasCard ? " <span class=\"key\" style=\"border-color:\(Self.cardOutline)\"></span> calibration target" : "")</figcaption></figure>
      """
  }

  private var hasCard: Bool {
    let calibration = match.analysis.calibration
    return calibration.card?.region != nil || calibration.colorChecker?.corners.count == 8
  }

  /// The marked rectangles (skin, hair) and the grey card or ColorChecker, in photo coordinates.
  private func markedOutlines() -> String {
    let roles = match.analysis.roles
    let f = ReportFormat.coordinate
    func rectangle(_ r: [Int], cls: String, colour: String) -> String {
      guard r.count == 4 else { return "" }
      return """
        <rect class="\(cls)" x="\(f(Double(r[0])))" y="\(f(Double(r[1])))" width="\(f(Double(r[2])))" height="\(f(Double(r[3])))" \
        fill="none" stroke="\(colour)" stroke-width="2" stroke-dasharray="6 3" vector-effect="non-scaling-stroke"/>
        """
    }
    var out = roles.skinRegions.map { rectangle($0, cls: "marked-skin", colour: Self.skinOutline) }.joined()
    out += roles.hairRegions.map { rectangle($0, cls: "marked-hair", colour: Self.hairOutline) }.joined()
    let calibration = match.analysis.calibration
    if let card = calibration.card?.region {
      out += rectangle(card, cls: "marked-card", colour: Self.cardOutline)
    }
    if let c = calibration.colorChecker?.corners.map(\.value), c.count == 8 {
      let points = stride(from: 0, to: 8, by: 2).map { "\(f(c[$0])),\(f(c[$0 + 1]))" }.joined(separator: " ")
      out += """
        <polygon class="marked-card" points="\(points)" fill="none" stroke="\(Self.cardOutline)" stroke-width="2" \
        vector-effect="non-scaling-stroke"/>
        """
    }
    return out
  }

  private func recipeSection() -> String {
    let e = HTMLEscaping.escape
    let blend = match.blend
    let threshold = FadeModel.matchThreshold
    let deltaE = blend.deltaE00.value
    var rows = ""
    let dropsByID = Dictionary(blend.recipe.map { ($0.pigment, $0.drops) }, uniquingKeysWith: +)
    var listed = Set<String>()
    for component in blend.components {
      listed.insert(component.pigment)
      rows += """
        <tr><td>\(e(component.name))</td><td><code>\(e(component.pigment))</code></td>\
        <td class="num">\(ReportFormat.percent(component.fraction.value))</td><td class="num">\(dropsByID[component.pigment] ?? 0)</td></tr>
        """
    }
    for entry in blend.recipe where !listed.contains(entry.pigment) {
      rows += """
        <tr><td>\(e(blend.name(of: entry.pigment)))</td>\
        <td><code>\(e(entry.pigment))</code></td><td class="num">–</td><td class="num">\(entry.drops)</td></tr>
        """
    }
    let totalDrops = blend.totalDrops
    rows +=
      "<tr class=\"total\"><td>Total</td><td></td><td class=\"num\">100.0 %</td><td class=\"num\">\(totalDrops)</td></tr>"

    var notice = ""
    if match.reach != nil {
      let darkSkin = ["brown", "dark"].contains(match.analysis.skin.itaCategory) && deltaE <= 2.6
      notice = """
        <div class="alert out-of-reach"><strong>Out of reach.</strong> The closest healed dot this palette \
        can make under this skin is ΔE00 \(ReportFormat.number(deltaE, 1)) from the follicle; a match is \
        ΔE00 ≤ \(ReportFormat.number(threshold, 1)). This recipe is the nearest, not a match.\
        \(darkSkin ? " On dark skin observers tolerate about ΔE00 2.6 (Leow 2006), which this meets." : "")\
        \(reachNotice())</div>

        """
    }
    let stubble = match.fade.timeline.first?.stubbleLab.colour ?? dotLab
    let n = ReportFormat.number
    let dot = match.contrast.dot
    let dotSwatch = swatch(
      "Healed dot", dotLab, cls: "swatch-dot",
      details: [
        ReportFormat.lab(dotLab),
        "ΔE00 \(n(deltaE, 2)) to the follicle",
        "ΔL* \(n(dot.deltaL.value, 1)), Δb* \(n(dot.deltaB.value, 1)) against the skin",
      ])
    let stubbleSwatch = swatch(
      "Stubble impression", stubble, cls: "swatch-stubble",
      details: [
        ReportFormat.lab(stubble),
        "dots \(n(dotDiameter, 3)) mm, \(n(spacing, 2)) mm apart: \(ReportFormat.percent(coverage)) "
          + "of the skin, mixed by area",
      ])
    let hairSwatch = swatch(
      match.target.kind == "follicle" ? "Follicle (target)" : "Target", targetLab, cls: "swatch-hair-again",
      details: [ReportFormat.lab(targetLab)])
    let cup =
      blend.cup.map { cup in
        let parts = cup.components.map { "\(n($0.ml.value, 1)) ml \(e(blend.name(of: $0.pigment)))" }
        return "<p class=\"cup\">For a \(n(cup.volumeML.value, 1)) ml cup: \(parts.joined(separator: " + ")) "
          + "(ΔE00 \(n(cup.deltaE00.value, 2)); rounding to 0.1 ml costs ΔE00 \(n(cup.roundingDeltaE00.value, 2))).</p>"
      } ?? ""
    return """
      <section class="recipe"><h2>Recipe</h2>
      \(notice)<p class="mix">As mixed: <strong class="mix-text">\(e(blend.mix))</strong></p>\(cup)
      <table><thead><tr><th>Ingredient</th><th>id</th><th class="num">fraction</th><th class="num">drops</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      <p class="note">Exact blend ΔE00 \(n(deltaE, 2)) to the target; in whole drops \
      ΔE00 \(n(blend.recipeDeltaE00.value, 2)) (rounding costs ΔE00 \(n(blend.roundingDeltaE00.value, 2))).</p>
      <div class="swatch-row">\(hairSwatch)\(dotSwatch)\(stubbleSwatch)</div>
      </section>

      """
  }

  /// What a person sees: bare skin beside the same patch with healed dots (magnified, real pitch,
  /// blurred by the skin), one dot further magnified with its healing halo, the patch at true size,
  /// and the plain numbers (the dots' average shift versus a single dot's contrast).
  private func previewSection() -> String {
    let skin = skinLab
    let h = match.hyperpigmentation
    let haloWidth = h.haloWidthInRadii.value
    let preview = StubblePreview(
      dot: dotLab, skin: skin, halo: h.haloLab.colour, dotDiameter: dotDiameter, spacing: spacing)
    let geometry = preview.previewGeometry
    let bare = preview.patch(side: geometry.patchSide, pixelsPerMM: geometry.patchPixelsPerMM, dots: false)
    let dotted = preview.patch(side: geometry.patchSide, pixelsPerMM: geometry.patchPixelsPerMM)
    let single = preview.singleDot(
      side: geometry.dotField, pixelsPerMM: geometry.dotPixelsPerMM, haloWidthInRadii: haloWidth)
    let settled = match.fade.timeline.first?.stubbleLab.colour ?? skin
    let average = DeltaE.ciede2000(settled, skin)
    let closest = dotted.maximumDeltaE00(from: skin)
    let density = 100 / (preview.spacing * preview.spacing)
    let patchZoom = StubblePreview.displayWidth / geometry.patchSide
    let dotZoom = StubblePreview.displayWidth / geometry.dotField
    let n = ReportFormat.number
    let pattern = StubblePattern(
      dot: SRGB8(clamping: dotLab), skin: SRGB8(clamping: skin), dotDiameter: preview.dotDiameter,
      spacing: preview.spacing)
    func figure(_ cls: String, _ canvas: RGBCanvas, _ label: String, _ caption: String) -> String {
      let uri = (try? canvas.pngDataURI()) ?? ""
      return """
        <figure class="preview \(cls)"><img src="\(uri)" width="\(canvas.width)" height="\(canvas.height)" \
        alt="\(HTMLEscaping.escape(label))"><figcaption><strong>\(HTMLEscaping.escape(label))</strong> \(caption)</figcaption></figure>
        """
    }
    let haloNote =
      "halo (illustrative): skin melanin ×\(n(h.melaninFactor.value, 1)) in a ring \(n(haloWidth, 0)) dot radii wide, "
      + "ΔE00 \(n(h.haloDeltaE00.value, 1)) from the skin, fading over \(h.weeks) weeks; \(h.risk) risk. "
      + "Modelled from proxies, not measured for SMP."
    let haloView = haloFigure(
      single, field: geometry.dotField, radius: preview.dotDiameter / 2, width: haloWidth,
      caption: "shown ×\(n(dotZoom, 0)); dashed: the dot's edge and the halo's outer edge. \(HTMLEscaping.escape(haloNote))")
    return """
      <section class="preview-section"><h2>What it looks like</h2>
      <div class="preview-row">\
      \(figure("preview-bare", bare, "Bare skin", "\(n(geometry.patchSide, 0)) × \(n(geometry.patchSide, 0)) mm, shown ×\(n(patchZoom, 0))"))\
      \(figure("preview-dots", dotted, "With SMP", "the same patch: dots \(n(preview.dotDiameter, 3)) mm, \(n(preview.spacing, 2)) mm apart (\(n(density, 0)) per cm²), blurred by the skin"))\
      \(haloView)\
      </div>
      <p class="note preview-truth">Up close one dot is ΔE00 \(n(closest, 1)) from the skin. At talking distance \
      (about 1 m) a \(n(preview.dotDiameter, 3)) mm dot is \(n(StubblePreview.arcMinutes(preview.dotDiameter), 2)) arc minutes \
      across, finer than the eye resolves (about 1 arc minute), so the dots merge: dot coverage \(ReportFormat.percent(coverage)) \
      shifts the scalp's average colour by ΔE00 \(n(average, 2)) (see Reading ΔE00 below). The treated look comes from the \
      texture of the dots, not from a darker average.</p>
      <div class="true-size">\(pattern.svg(id: "stubble-true", areaWidth: 40, areaHeight: 10, displayWidth: "40mm", displayHeight: "10mm"))\
      <span class="note">40 × 10 mm at true size on paper (hold the page at arm's length).</span></div>
      </section>

      """
  }

  private func fadeSection() -> String {
    let fade = match.fade
    let n = ReportFormat.number
    let threshold = n(FadeModel.matchThreshold, 1)
    let touchUp: String
    if let year = fade.touchUpYear {
      let time = fade.touchUpYears.map {
        "after \(n($0.value, 1)) years (\(fade.touchUpMonths ?? 0) months; year \(year) on the chart)"
      }
      touchUp =
        "Touch-up: \(time ?? "year \(year)")"
        + (fade.touchUpBasis == "target"
          ? " (ΔE00 to the target passes \(threshold))."
          : " (drift from the healed dot passes \(threshold); the target itself is out of reach).")
    } else {
      touchUp = "No touch-up needed within \(fade.timeline.last?.year ?? 0) years."
    }
    var when = ""
    if let record, let months = fade.touchUpMonths, let date = record.touchUp(fade) {
      when =
        "<p class=\"touch-up-date\">Book the touch-up for about <strong>\(date.longDescription)</strong> "
        + "(\(date)): the visit on \(record.visit) plus \(months) months.</p>"
    }
    let o = match.options
    return """
      <section class="fade"><div class="keep"><h2>Fade</h2>
      <p class="note">The healed dot year by year (top strip), its ΔE00 to the target and its drift from year 0. \
      Sun \(HTMLEscaping.escape(o.sun))\(o.smoker ? ", smoker" : ", non-smoker").</p>
      \(chart.svg())</div>
      <p class="touch-up-text"><strong>\(touchUp)</strong></p>\(when)
      </section>

      """
  }

  private func haloSection() -> String {
    let h = match.hyperpigmentation
    let e = HTMLEscaping.escape
    let n = ReportFormat.number
    let weeks = h.healing.map { look in
      swatch(
        "Week \(look.week)", look.stubbleLab.colour, cls: "halo-week", data: "data-week=\"\(look.week)\"",
        details: [
          ReportFormat.lab(look.stubbleLab.colour),
          "ΔE00 \(n(look.deltaE00ToSettled.value, 2)) from settled",
        ])
    }.joined()
    let advice = h.advice.map { "<li>\(e($0))</li>" }.joined()
    let risk = e(h.risk)
    return """
      <section class="halo"><h2>Hyperpigmentation during healing</h2>
      \(h.skinType.map { "<p class=\"skin-type\">\(e($0.summary))</p>" } ?? "")
      <p><span class="risk risk-\(risk)">\(risk) risk</span> · halo ΔE00 \
      \(n(h.haloDeltaE00.value, 2)) for about \(h.weeks) weeks (melanin ×\(n(h.melaninFactor.value, 1)), \
      \(n(h.haloWidthInRadii.value, 0)) dot radii around each dot).</p>
      <div class="swatch-row">\(weeks)</div>
      <ul class="advice">\(advice)</ul>
      <p class="note basis">\(e(h.basis))</p>
      </section>

      """
  }

  /// The magnified dot with its halo, the dot's and the halo's edges drawn as dashed circles.
  private func haloFigure(_ canvas: RGBCanvas, field: Double, radius: Double, width: Double, caption: String)
    -> String
  {
    let f = { (v: Double) in ReportFormat.number(v, 4) }
    let uri = (try? canvas.pngDataURI()) ?? ""
    let c = f(field / 2)
    func ring(_ cls: String, _ r: Double) -> String {
      "<circle class=\"\(cls)\" cx=\"\(c)\" cy=\"\(c)\" r=\"\(f(r))\" fill=\"none\" stroke=\"#1b1b1b\" "
        + "stroke-width=\"1\" stroke-dasharray=\"4 3\" vector-effect=\"non-scaling-stroke\"/>"
    }
    return """
      <figure class="preview preview-halo"><svg viewBox="0 0 \(f(field)) \(f(field))" xmlns="http://www.w3.org/2000/svg" \
      role="img" aria-label="one healed dot magnified with its hyperpigmentation halo"><image href="\(uri)" x="0" y="0" \
      width="\(f(field))" height="\(f(field))"/>\(ring("dot-edge", radius))\(width > 0 ? ring("halo-edge", radius * (1 + width)) : "")</svg>\
      <figcaption><strong>One dot while healing</strong> \(caption)</figcaption></figure>
      """
  }

  /// What ΔE00 means, in plain words.
  private func legendSection() -> String {
    let n = ReportFormat.number
    return """
      <section class="legend-de"><h2>Reading ΔE00</h2>
      <p class="note">ΔE00 (CIEDE2000) measures how different two colours look. Below about 1, most people \
      cannot tell two colours apart side by side (just noticeable); up to \(n(FadeModel.matchThreshold, 1)) this \
      tool calls a healed dot a match for the hair; around 2–3 the difference shows side by side; above 5 the \
      colours look clearly different.</p>
      <div class="de-scale">\(deltaEScale())</div>
      </section>

      """
  }

  /// Swatch pairs of the skin and a colour ΔE00 1, 1.8 and 5 darker (along L*), drawn from the
  /// client's own skin so the legend shows differences the client will meet.
  private func deltaEScale() -> String {
    let skin = skinLab
    return [1.0, FadeModel.matchThreshold, 5.0].map { target in
      let other = Self.lab(darkerThan: skin, byDeltaE00: target)
      return """
        <figure class="de-pair" data-delta-e="\(ReportFormat.number(target, 1))"><svg viewBox="0 0 80 32" \
        xmlns="http://www.w3.org/2000/svg" aria-hidden="true"><rect width="40" height="32" fill="\(ReportFormat.hex(skin))"/>\
        <rect x="40" width="40" height="32" fill="\(ReportFormat.hex(other))"/></svg>\
        <figcaption>ΔE00 \(ReportFormat.number(DeltaE.ciede2000(skin, other), 1))</figcaption></figure>
        """
    }.joined()
  }

  /// `lab` with L* lowered until ΔE00 reaches `target` (bisection; ΔE00 grows with ΔL*).
  static func lab(darkerThan lab: Lab, byDeltaE00 target: Double) -> Lab {
    var low = 0.0
    var high = lab.l
    for _ in 0..<40 {
      let mid = (low + high) / 2
      if DeltaE.ciede2000(Lab(l: lab.l - mid, a: lab.a, b: lab.b), lab) < target { low = mid } else { high = mid }
    }
    return Lab(l: lab.l - high, a: lab.a, b: lab.b)
  }

  private func footer() -> String {
    """
    <footer class="note">Colours are CIELAB D65 shown in sRGB (clamped to the sRGB gamut); screens and printers \
    differ, so judge pigment on skin, not on this page. A match is ΔE00 ≤ \(ReportFormat.number(FadeModel.matchThreshold, 1)) \
    (CIEDE2000). Generated by \(HTMLEscaping.escape(ToolVersion.description)).</footer>

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
    section { margin: 20px 0; }
    figure, table, tr, .swatch, .swatch-row, .preview-row, .record, .top-warnings, .alert, .fade-chart, .de-scale, .true-size, .keep, .legend-de, p { break-inside: avoid; page-break-inside: avoid; }
    .record-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2px 18px; margin: 8px 0 0; font-size: 13px; }
    .rec { display: flex; gap: 8px; border-bottom: 1px solid #eee; padding: 2px 0; }
    .rec dt { flex: 0 0 92px; font-weight: 600; color: #444; }
    .rec dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
    .rec-regions, .rec-calibration { grid-column: 1 / -1; }
    .notes { font-size: 13px; margin: 6px 0 0; white-space: pre-wrap; }
    .top-warnings .warnings { color: #8e1b1b; font-size: 13px; }
    .preview-row { display: flex; gap: 8px; justify-content: space-between; }
    .preview { width: 56mm; max-width: 32%; }
    .preview img, .preview svg { display: block; width: 100%; height: auto; border: 1px solid #bbb; }
    .preview figcaption { font-size: 11px; color: #444; margin-top: 3px; }
    .true-size { display: flex; align-items: center; gap: 12px; }
    .legend-de { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 14px; align-items: center; }
    .legend-de h2 { grid-column: 1 / -1; }
    .legend-de .note { margin: 0; }
    .de-scale { display: flex; gap: 10px; }
    .de-pair { margin: 0; }
    .de-pair svg { display: block; width: 80px; height: 32px; border: 1px solid #ccc; }
    .de-pair figcaption { font-size: 11px; color: #444; }
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
    .mix { margin: 0 0 8px; font-size: 15px; } .cup { font-size: 13px; margin: 0 0 8px; }
    .fade-chart { display: block; max-width: 100%; height: auto; }
    .risk { font-weight: 700; padding: 1px 8px; border-radius: 10px; border: 1.5px solid; }
    .risk-low { color: #2e7d32; } .risk-moderate { color: #b26a00; } .risk-high { color: #c62828; }
    ul { margin: 8px 0; padding-left: 20px; }
    footer { margin-top: 24px; border-top: 1px solid #ccc; padding-top: 6px; }
    @media (max-width: 640px) { .grid2 { grid-template-columns: 1fr; } }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      section { margin: 10px 0; }
      h2 { break-after: avoid; page-break-after: avoid; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
