import Colorimetry

/// A pigment's Kubelka–Munk absorption K(λ) and scattering S(λ) per unit stock concentration
/// (mm⁻¹), 31 samples at 400…700 nm / 10 nm, with where they came from.
public struct PigmentOptics: Sendable, Equatable {
  /// How the constants were obtained, in decreasing confidence.
  public enum Provenance: String, Sendable, Codable {
    /// K and S given directly in the palette.
    case coefficients
    /// Derived from masstone and tint reflectance (two-constant method; Allen 1980).
    case masstoneAndTint
    /// Derived from a single Lab swatch via a smooth recovered reflectance and an assumed S:
    /// a labelled, lower-confidence fallback.
    case labSwatch
  }

  /// Absorption K(λ) ≥ 0, mm⁻¹ per unit concentration, 31 values.
  public let k: [Double]
  /// Scattering S(λ) ≥ 0, mm⁻¹ per unit concentration, 31 values.
  public let s: [Double]
  /// Where K and S came from.
  public let provenance: Provenance

  /// Validates: 31 finite, nonnegative values each; nil otherwise.
  public init?(k: [Double], s: [Double], provenance: Provenance) {
    guard k.count == Spectrum.count, s.count == Spectrum.count,
      k.allSatisfy({ $0.isFinite && $0 >= 0 }), s.allSatisfy({ $0.isFinite && $0 >= 0 })
    else { return nil }
    self.k = k
    self.s = s
    self.provenance = provenance
  }

  /// True for the Lab-swatch fallback.
  public var isLowConfidence: Bool { provenance == .labSwatch }

  /// Water: K = S = 0 at every wavelength.
  public static let water = PigmentOptics(
    uncheckedK: [Double](repeating: 0, count: Spectrum.count),
    s: [Double](repeating: 0, count: Spectrum.count), provenance: .coefficients)

  private init(uncheckedK k: [Double], s: [Double], provenance: Provenance) {
    self.k = k
    self.s = s
    self.provenance = provenance
  }
}
