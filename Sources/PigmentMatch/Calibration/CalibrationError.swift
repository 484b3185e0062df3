/// Why a calibration could not be made. ``description`` is one line a practitioner understands.
public enum CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The grey-card region is too dark, clipped or empty: no white balance can be read from it.
  case cardUnusable(reason: String)
  /// `--card-lab` is not `L,a,b` with L* in 1…100.
  case invalidCardLab(text: String)
  /// `--colorchecker` is not eight numbers x1,y1,…,x4,y4.
  case invalidCorners(text: String, reason: String)
  /// The four corners do not make a convex quadrilateral.
  case degenerateChart
  /// A patch of the chart falls outside the photo.
  case chartOutsidePhoto(patch: Int)
  /// Too few patches are neither clipped nor black.
  case tooFewPatches(usable: Int)
  /// The patches do not determine a correction (e.g. all the same colour).
  case singularFit

  public var description: String {
    switch self {
    case .cardUnusable(let reason): return "grey card: \(reason)"
    case .invalidCardLab(let text): return "\(text): not a card colour L,a,b (three numbers, L* 1…100)"
    case .invalidCorners(let text, let reason): return "\(text): not ColorChecker corners x1,y1,…,x4,y4 (\(reason))"
    case .degenerateChart:
      return
        "ColorChecker: the four corners do not make a convex chart (give top-left, top-right, bottom-right, bottom-left)"
    case .chartOutsidePhoto(let patch): return "ColorChecker: patch \(patch) lies outside the photo"
    case .tooFewPatches(let usable):
      return
        "ColorChecker: only \(usable) patches are usable (neither clipped nor black); at least \(ColorCheckerFit.minimumPatches) needed"
    case .singularFit: return "ColorChecker: the patches do not determine a colour correction (all alike?)"
    }
  }
}
