/// What one Monte Carlo run of a ``LayeredMedium`` returns: fractions of the incident power.
public struct MonteCarloResult: Sendable, Equatable {
  /// Photon packets launched.
  public let photons: Int
  /// Specular reflectance of the top surface, Rsp = ((n₀ − n₁)/(n₀ + n₁))² (exact, not sampled).
  public let specularReflectance: Double
  /// Diffuse reflectance Rd (light that entered the medium and came back out of the top).
  public let diffuseReflectance: Double
  /// Standard error of ``diffuseReflectance`` over the packets.
  public let diffuseReflectanceError: Double
  /// Total transmittance Tt out of the bottom (0 for a semi-infinite bottom layer).
  public let transmittance: Double
  /// Standard error of ``transmittance``.
  public let transmittanceError: Double
  /// Absorbed fraction.
  public let absorbed: Double

  /// Specular plus diffuse reflectance: what a reflectance measurement with the specular
  /// component included sees.
  public var totalReflectance: Double { specularReflectance + diffuseReflectance }
}
