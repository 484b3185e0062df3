/// What one Monte Carlo run of a ``LayeredMedium`` returns: fractions of the incident power.
package struct MonteCarloResult: Sendable, Equatable {
  /// Photon packets launched.
  package let photons: Int
  /// Specular reflectance of the top surface, Rsp = ((n₀ − n₁)/(n₀ + n₁))² (exact, not sampled).
  package let specularReflectance: Double
  /// Diffuse reflectance Rd (light that entered the medium and came back out of the top).
  package let diffuseReflectance: Double
  /// Standard error of ``diffuseReflectance`` over the packets.
  package let diffuseReflectanceError: Double
  /// Total transmittance Tt out of the bottom (0 for a semi-infinite bottom layer).
  package let transmittance: Double
  /// Standard error of ``transmittance``.
  package let transmittanceError: Double
  /// Absorbed fraction.
  package let absorbed: Double

  /// Specular plus diffuse reflectance: what a reflectance measurement with the specular
  /// component included sees.
  package var totalReflectance: Double { specularReflectance + diffuseReflectance }
}
