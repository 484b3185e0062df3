import Foundation

/// What the practitioner asked to calibrate the photo from.
public enum CalibrationRequest: Sendable, Equatable {
  /// A neutral grey card in this rectangle (full-resolution coordinates) whose true colour is
  /// `reference` (default ``GreyCard/standardLab``).
  case greyCard(RegionOfInterest, reference: Lab)
  /// A ColorChecker Classic with these outer corners, x1, y1, …, x4, y4 (full-resolution
  /// coordinates; order in `ColorCheckerFit/init(photo:corners:)`).
  case colorChecker(corners: [Double])

  /// Parses `--card-lab L,a,b` (L* 1…100: a card cannot be black).
  public static func parseCardLab(_ text: String) throws(CalibrationError) -> Lab {
    let lab: Lab
    do { lab = try ColourInput.parseLab(text) } catch { throw .invalidCardLab(text: text) }
    guard lab.l >= 1 else { throw .invalidCardLab(text: text) }
    return lab
  }

  /// Parses `--colorchecker x1,y1,x2,y2,x3,y3,x4,y4` (eight finite, non-negative numbers).
  package static func parseCorners(_ text: String) throws(CalibrationError) -> [Double] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 8 else { throw .invalidCorners(text: text, reason: "expected eight comma-separated numbers") }
    var values: [Double] = []
    for part in parts {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard trimmed.count <= 16, let value = Double(trimmed), value.isFinite, value >= 0 else {
        throw .invalidCorners(text: text, reason: "'\(part)' is not a non-negative number")
      }
      values.append(value)
    }
    return values
  }
}
