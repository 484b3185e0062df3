import Foundation

/// Individual Typology Angle: ITA° = atan2(L* − 50, b*)·180/π (Chardon, Cretois & Hourseau 1991;
/// classes per Del Bino et al. 2006). Range −90…90° for b* ≥ 0 skin colours, −180…180 in general.
public struct ITA: Sendable, Hashable {
  /// The angle in degrees; NaN when L* or b* is NaN.
  public let degrees: Double

  /// ITA° of a D65 CIELAB colour (the studies measured under D65/10° or D65/2°).
  public init(_ lab: Lab) {
    degrees = atan2(lab.l - 50, lab.b) * 180 / .pi
  }

  /// Whether the angle is a number (false for NaN Lab input).
  public var isDefined: Bool { !degrees.isNaN }

  /// Del Bino (2006) class; see ``ITACategory/init(degrees:)`` for NaN.
  public var category: ITACategory { ITACategory(degrees: degrees) }

  /// Fitzpatrick type by convention (not validated); see ``FitzpatrickConvention/note-type.property``.
  public var fitzpatrick: FitzpatrickConvention { FitzpatrickConvention(category) }
}
