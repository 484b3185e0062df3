/// The fade chart of a report as inline SVG: ΔE00 by year, the match threshold and the touch-up
/// year, with the fade strip (one swatch of the dot colour per year) above the plot on the same
/// year axis.
///
/// Geometry is in SVG user units of a ``width`` × ``height`` viewBox; ``x(year:)`` and
/// ``y(deltaE00:)`` map data to it, so tests and other drawings can place marks exactly.
/// Drawn: ΔE00 to the hair target (solid, when the timeline has a target), ΔE00 to the healed
/// dot of year 0 (dashed: the drift), the threshold ``FadeModel/matchThreshold`` (dashed
/// horizontal line) and the touch-up year (vertical line, `class="touch-up"`). Drawn from the
/// match's contract object (``JSONContract/MatchOutput/Fade``), like the rest of the report.
package struct SVGChart: Sendable {
  /// One year drawn.
  package struct Entry: Sendable {
    package let year: Int
    package let dotLab: Lab
    package let deltaE00ToStart: Double
    /// Nil without a target.
    package let deltaE00ToTarget: Double?
  }

  /// Years 0…N.
  package let entries: [Entry]
  /// Whether the ΔE00-to-target curve is drawn (the timeline has a target).
  package let hasTarget: Bool
  /// The year of the touch-up marker, if any.
  package let touchUpYear: Int?
  /// The ΔE00 threshold line.
  package let threshold: Double
  /// viewBox width and height, user units.
  package let width, height: Double
  /// Margins of the plot area inside the viewBox: left (ΔE00 labels), right, top (fade strip),
  /// bottom (year labels).
  package let left, right, top, bottom: Double

  /// Height of the fade-strip swatches at the top.
  package static let stripHeight = 28.0

  /// A chart of the match's fade `fade` with the match threshold `threshold` (default
  /// ``FadeModel/matchThreshold``).
  package init(
    fade: JSONContract.MatchOutput.Fade, threshold: Double = FadeModel.matchThreshold, width: Double = 640,
    height: Double = 260
  ) {
    entries = fade.timeline.map {
      let toTarget = $0.deltaE00ToTarget.value
      return Entry(
        year: $0.year, dotLab: $0.dotLab.colour, deltaE00ToStart: $0.deltaE00ToStart.value,
        deltaE00ToTarget: toTarget.isFinite ? toTarget : nil)
    }
    hasTarget = entries.contains { $0.deltaE00ToTarget != nil }
    touchUpYear = fade.touchUpYear
    self.threshold = threshold
    self.width = width
    self.height = height
    left = 44
    right = 32
    top = Self.stripHeight + 22
    bottom = 34
  }

  /// Last year on the axis (≥ 1 so the axis has a length).
  package var lastYear: Int { max(1, entries.last?.year ?? 1) }

  /// Top of the ΔE00 axis: the largest value drawn (curves and threshold) rounded up to a whole
  /// step of `deltaE00Step(for:)`, with some headroom.
  package var maximumDeltaE00: Double {
    var values: [Double] = [threshold]
    for entry in entries {
      values.append(entry.deltaE00ToStart)
      if let toTarget = entry.deltaE00ToTarget { values.append(toTarget) }
    }
    let top = (values.filter { $0.isFinite }.max() ?? threshold) * 1.1
    let step = deltaE00Step(for: top)
    return max(step, (top / step).rounded(.up) * step)
  }

  /// Grid spacing of the ΔE00 axis for a top value (about 4–8 lines).
  func deltaE00Step(for top: Double) -> Double {
    for step in [0.5, 1, 2, 5, 10, 20, 50] where top / step <= 8 { return step }
    return 100
  }

  /// x of a year (user units): years 0…``lastYear`` span the plot width.
  package func x(year: Double) -> Double {
    left + (width - left - right) * year / Double(lastYear)
  }

  /// y of a ΔE00 value (user units): 0 at the bottom of the plot, ``maximumDeltaE00`` at its top.
  package func y(deltaE00: Double) -> Double {
    let plotTop = top
    let plotBottom = height - bottom
    let clamped = min(max(deltaE00, 0), maximumDeltaE00)
    return plotBottom - (plotBottom - plotTop) * clamped / maximumDeltaE00
  }

  /// The whole chart as an `<svg>` element; `label` becomes its accessible name (escaped here).
  package func svg(label: String = "Fade: ΔE00 by year") -> String {
    let f = ReportFormat.coordinate
    let plotBottom = height - bottom
    let plotRight = width - right
    var out = """
      <svg class="fade-chart" viewBox="0 0 \(f(width)) \(f(height))" width="100%" role="img" \
      aria-label="\(HTMLEscaping.escape(label))" xmlns="http://www.w3.org/2000/svg" font-size="11" \
      font-family="system-ui, sans-serif">
      """
    // Fade strip: one swatch per year, centred on its x.
    let years = entries.map(\.year)
    let slot = (width - left - right) / Double(max(1, years.count))
    let swatchWidth = min(slot * 0.85, 2 * (right - 4), 48)
    for entry in entries {
      let cx = x(year: Double(entry.year))
      let hex = ReportFormat.hex(entry.dotLab)
      out += """
        <rect class="fade-swatch" data-year="\(entry.year)" x="\(f(cx - swatchWidth / 2))" y="4" \
        width="\(f(swatchWidth))" height="\(f(Self.stripHeight))" rx="3" fill="\(hex)" stroke="#999" \
        stroke-width="0.5"><title>year \(entry.year): \(hex)</title></rect>
        """
    }
    // Each strip swatch labelled with its year (thinned like the axis when years are many), dark
    // text on light dots (L* > 55) and white on dark ones.
    let stripLabelEvery = max(1, Int((Double(years.count) / 12).rounded(.up)))
    for entry in entries where entry.year % stripLabelEvery == 0 || entry.year == years.last {
      out += """
        <text class="fade-year" x="\(f(x(year: Double(entry.year))))" y="\(f(4 + Self.stripHeight - 8))" \
        text-anchor="middle" fill="\(entry.dotLab.l > 55 ? "#1b1b1b" : "#ffffff")">\
        \(entry.year == 0 ? "healed" : "yr \(entry.year)")</text>
        """
    }
    // Grid and axes.
    let step = deltaE00Step(for: maximumDeltaE00)
    var value = 0.0
    while value <= maximumDeltaE00 + 1e-9 {
      let gy = y(deltaE00: value)
      out +=
        "<line x1=\"\(f(left))\" y1=\"\(f(gy))\" x2=\"\(f(plotRight))\" y2=\"\(f(gy))\" stroke=\"#e3e3e3\"/>"
      out +=
        "<text x=\"\(f(left - 6))\" y=\"\(f(gy + 4))\" text-anchor=\"end\" fill=\"#555\">\(ReportFormat.number(value, step < 1 ? 1 : 0))</text>"
      value += step
    }
    let labelEvery = max(1, Int((Double(years.count) / 12).rounded(.up)))
    for year in years where year % labelEvery == 0 || year == years.last {
      let gx = x(year: Double(year))
      out +=
        "<line x1=\"\(f(gx))\" y1=\"\(f(plotBottom))\" x2=\"\(f(gx))\" y2=\"\(f(plotBottom + 4))\" stroke=\"#555\"/>"
      out +=
        "<text x=\"\(f(gx))\" y=\"\(f(plotBottom + 16))\" text-anchor=\"middle\" fill=\"#555\">\(year)</text>"
    }
    out +=
      "<text x=\"\(f((left + plotRight) / 2))\" y=\"\(f(height - 3))\" text-anchor=\"middle\" fill=\"#555\">years after healing</text>"
    out +=
      "<text x=\"10\" y=\"\(f((top + plotBottom) / 2))\" text-anchor=\"middle\" fill=\"#555\" transform=\"rotate(-90 10 \(f((top + plotBottom) / 2)))\">ΔE00</text>"
    out +=
      "<line x1=\"\(f(left))\" y1=\"\(f(plotBottom))\" x2=\"\(f(plotRight))\" y2=\"\(f(plotBottom))\" stroke=\"#555\"/>"
    out +=
      "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(plotBottom))\" stroke=\"#555\"/>"
    // Threshold.
    let ty = y(deltaE00: threshold)
    out += """
      <line class="threshold" x1="\(f(left))" y1="\(f(ty))" x2="\(f(plotRight))" y2="\(f(ty))" stroke="#c62828" \
      stroke-width="1.2" stroke-dasharray="6 4"/><text x="\(f(left + 6))" y="\(f(ty - 5))" text-anchor="start" \
      fill="#c62828" stroke="#fff" stroke-width="3" paint-order="stroke">match threshold ΔE00 \(ReportFormat.number(threshold, 1))</text>
      """
    // Curves.
    func polyline(_ values: [Double], cls: String, colour: String, dash: String?) -> String {
      let points = zip(years, values).map { "\(f(x(year: Double($0)))),\(f(y(deltaE00: $1)))" }
      var s =
        "<polyline class=\"\(cls)\" points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
      if let dash { s += " stroke-dasharray=\"\(dash)\"" }
      s += "/>"
      for (year, value) in zip(years, values) {
        s +=
          "<circle cx=\"\(f(x(year: Double(year))))\" cy=\"\(f(y(deltaE00: value)))\" r=\"2.5\" fill=\"\(colour)\"/>"
      }
      return s
    }
    out += polyline(
      entries.map(\.deltaE00ToStart), cls: "drift", colour: "#7b8794", dash: "4 3")
    if hasTarget {
      out += polyline(
        entries.map { $0.deltaE00ToTarget ?? 0 }, cls: "to-target", colour: "#1a4d8f",
        dash: nil)
    }
    // Touch-up year.
    if let year = touchUpYear {
      let ux = x(year: Double(year))
      out += """
        <line class="touch-up" data-year="\(year)" x1="\(f(ux))" y1="\(f(top))" x2="\(f(ux))" y2="\(f(plotBottom))" \
        stroke="#e65100" stroke-width="2"/><text x="\(f(ux > width * 0.7 ? ux - 5 : ux + 5))" y="\(f(top + 12))" \
        text-anchor="\(ux > width * 0.7 ? "end" : "start")" fill="#e65100" font-weight="600" stroke="#fff" stroke-width="3" \
        paint-order="stroke">touch-up: year \(year)</text>
        """
    }
    // Legend.
    let legendY = top - 9
    if hasTarget {
      out +=
        "<line x1=\"\(f(left + 4))\" y1=\"\(f(legendY - 4))\" x2=\"\(f(left + 24))\" y2=\"\(f(legendY - 4))\" stroke=\"#1a4d8f\" stroke-width=\"2\"/>"
      out += "<text x=\"\(f(left + 28))\" y=\"\(f(legendY))\" fill=\"#333\">to the target</text>"
    }
    out +=
      "<line x1=\"\(f(left + 100))\" y1=\"\(f(legendY - 4))\" x2=\"\(f(left + 120))\" y2=\"\(f(legendY - 4))\" stroke=\"#7b8794\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
    out +=
      "<text x=\"\(f(left + 124))\" y=\"\(f(legendY))\" fill=\"#333\">drift from the healed dot</text>"
    out += "</svg>"
    return out
  }
}
