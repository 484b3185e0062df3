import Colorimetry
import PhotoIO

/// A label-free PNG of a match's colours: square swatches on white, in three rows.
///
/// Layout (all sizes in pixels; ``cell`` = 64, ``gap`` = 8, ``margin`` = 16):
/// - Row 0: skin · hair target · healed dot · stubble impression (dots and skin by area, year 0).
/// - Row 1: the fade strip — the healed dot's colour in year 0, 1, …, N of the timeline.
/// - Row 2: the stubble impression during healing, with the hyperpigmentation halo, at the
///   weeks of ``Hyperpigmentation/healing`` (0, 4, 8, 12).
///
/// Swatch *i* of row *r* covers x ∈ [margin + i·(cell + gap), … + cell), y ∈ [margin + r·(cell + gap),
/// … + cell) (``frame(row:index:)``). The width fits the longest row; the height is three rows.
/// Rows shorter than the longest leave white to their right. Colours are Lab clamped into sRGB
/// (`SRGB8(clamping:)`).
public struct SwatchSheet: Sendable, Equatable {
  /// Swatch side, pixels.
  public static let cell = 64
  /// Space between swatches, pixels.
  public static let gap = 8
  /// White border, pixels.
  public static let margin = 16

  /// The colours, row by row, as documented above.
  public let rows: [[SRGB8]]

  /// The sheet of `report`.
  public init(report: MatchReport) {
    let year0 = report.fade.entries.first?.stubbleLab ?? report.solution.blend.dotLab
    rows = [
      [report.skinFit.target, report.target, report.solution.blend.dotLab, year0].map(
        SRGB8.init(clamping:)),
      report.fade.entries.map { SRGB8(clamping: $0.dotLab) },
      report.hyperpigmentation.healing.map { SRGB8(clamping: $0.stubbleLab) },
    ]
  }

  /// Sheet width, pixels.
  public var width: Int {
    let longest = max(1, rows.map(\.count).max() ?? 1)
    return 2 * Self.margin + longest * Self.cell + (longest - 1) * Self.gap
  }

  /// Sheet height, pixels.
  public var height: Int {
    2 * Self.margin + rows.count * Self.cell + max(0, rows.count - 1) * Self.gap
  }

  /// The pixel rectangle of swatch `index` in row `row`.
  public func frame(row: Int, index: Int) -> (x: Int, y: Int, width: Int, height: Int) {
    (
      Self.margin + index * (Self.cell + Self.gap), Self.margin + row * (Self.cell + Self.gap),
      Self.cell, Self.cell
    )
  }

  /// Interleaved 8-bit sRGB samples (3 per pixel), row-major.
  public func pixels() -> [UInt8] {
    let w = width
    var out = [UInt8](repeating: 255, count: w * height * 3)
    for (r, colours) in rows.enumerated() {
      for (i, colour) in colours.enumerated() {
        let box = frame(row: r, index: i)
        for y in box.y..<(box.y + box.height) {
          for x in box.x..<(box.x + box.width) {
            let o = 3 * (y * w + x)
            out[o] = colour.r
            out[o + 1] = colour.g
            out[o + 2] = colour.b
          }
        }
      }
    }
    return out
  }

  /// The sheet as PNG bytes (`PNGEncoder`).
  public func png() throws(PhotoError) -> [UInt8] {
    try PNGEncoder.encode(srgb8: pixels(), width: width, height: height, channels: 3)
  }
}
