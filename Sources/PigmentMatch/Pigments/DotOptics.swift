/// The forward optics of one healed SMP dot: pigment-layer Kubelka–Munk constants in, measured
/// reflectance out (surface reflection included).
///
/// The blend solver only sees this protocol, so a layered skin model (epidermis over the pigment
/// layer over dermis; DESIGN.md "Seen through skin") plugs in without changing the solver.
public protocol DotOptics: Sendable {
  /// Measured reflectance (31 values, 400…700 nm / 10 nm, 0…1) of a dot whose pigment layer has the
  /// mixture's absorption `k` and scattering `s` (mm⁻¹, 31 values each, ≥ 0).
  func dotReflectance(k: [Double], s: [Double]) -> [Double]

  /// Measured reflectance (31 values, 0…1) of the bare skin between the dots.
  var skinReflectance: [Double] { get }
}
