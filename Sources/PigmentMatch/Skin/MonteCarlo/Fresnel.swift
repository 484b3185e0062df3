import Foundation

/// Fresnel reflection of unpolarised light at a plane interface.
enum Fresnel {
  /// Reflectance for incidence cosine `cosIncident` (0…1) from index `ni` into `nt`, and the
  /// cosine of the transmitted ray (0 under total internal reflection):
  /// R = ½[sin²(αi − αt)/sin²(αi + αt) + tan²(αi − αt)/tan²(αi + αt)] (Born & Wolf §1.5; the
  /// form of Wang, Jacques & Zheng 1995, eq. 3.25, with normal and grazing limits).
  static func reflectance(cosIncident ca1: Double, from ni: Double, to nt: Double)
    -> (reflectance: Double, cosTransmitted: Double)
  {
    if ni == nt { return (0, ca1) }
    if ca1 > 1 - 1e-12 {
      let r = (ni - nt) / (ni + nt)
      return (r * r, ca1)
    }
    if ca1 < 1e-6 { return (1, 0) }
    let sa1 = (1 - ca1 * ca1).squareRoot()
    let sa2 = ni * sa1 / nt
    if sa2 >= 1 { return (1, 0) }
    let ca2 = (1 - sa2 * sa2).squareRoot()
    let cap = ca1 * ca2 - sa1 * sa2  // cos(αi + αt)
    let cam = ca1 * ca2 + sa1 * sa2  // cos(αi − αt)
    let sap = sa1 * ca2 + ca1 * sa2  // sin(αi + αt)
    let sam = sa1 * ca2 - ca1 * sa2  // sin(αi − αt)
    let r = 0.5 * sam * sam * (cam * cam + cap * cap) / (sap * sap * cam * cam)
    return (min(max(r, 0), 1), ca2)
  }
}
