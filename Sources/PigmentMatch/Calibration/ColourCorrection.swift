import Colorimetry

/// A colour correction of a photo: one 3×3 matrix applied to linear-light sRGB (D65), so it acts
/// before any tone is converted to CIELAB or measured.
///
/// Both calibrations produce one: a grey card gives a chromatic adaptation plus exposure
/// (``GreyCard``), a ColorChecker a least-squares fit (``ColorCheckerFit``). Linear in light, so a
/// camera's white-balance gains and exposure (themselves per-channel scalings of linear RGB) are
/// undone exactly when the matrix is their inverse.
public struct ColourCorrection: Sendable, Equatable {
  /// Row-major 3×3 matrix: corrected = M · observed, both linear sRGB.
  public let matrix: [Double]

  /// The identity (no correction).
  public static let identity = ColourCorrection(unchecked: [1, 0, 0, 0, 1, 0, 0, 0, 1])

  /// A correction from a row-major matrix; nil unless it has 9 finite entries.
  public init?(matrix: [Double]) {
    guard matrix.count == 9, matrix.allSatisfy(\.isFinite) else { return nil }
    self.matrix = matrix
  }

  private init(unchecked matrix: [Double]) { self.matrix = matrix }

  /// The corrected linear RGB of an observed one.
  public func apply(_ rgb: LinearRGB) -> LinearRGB {
    let m = matrix
    return LinearRGB(
      r: m[0] * rgb.r + m[1] * rgb.g + m[2] * rgb.b,
      g: m[3] * rgb.r + m[4] * rgb.g + m[5] * rgb.b,
      b: m[6] * rgb.r + m[7] * rgb.g + m[8] * rgb.b)
  }

  /// The photo with every pixel corrected, as linear-light samples (opacity, metadata and
  /// warnings kept).
  public func apply(to photo: Photo) -> Photo {
    var samples = photo.linearRGBSamples()
    let m = matrix.map(Float.init)
    var i = 0
    while i + 2 < samples.count {
      let (r, g, b) = (samples[i], samples[i + 1], samples[i + 2])
      samples[i] = m[0] * r + m[1] * g + m[2] * b
      samples[i + 1] = m[3] * r + m[4] * g + m[5] * b
      samples[i + 2] = m[6] * r + m[7] * g + m[8] * b
      i += 3
    }
    return Photo(
      width: photo.width, height: photo.height, pixels: .linear(samples), opacity: photo.opacity,
      metadata: photo.metadata, warnings: photo.warnings)
  }
}
