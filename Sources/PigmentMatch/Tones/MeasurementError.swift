/// Why a photo could not be measured: the analysis, the regions or the calibration.
public enum MeasurementError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Decoding, the automatic analysis, or a region/mask problem.
  case analysis(ToneAnalysisError)
  /// The grey card or ColorChecker could not be used; `path` is the photo.
  case calibration(path: String, CalibrationError)
  /// A marked role region holds no usable pixel (all clipped or transparent).
  case emptyRole(path: String, role: String)

  public var description: String {
    switch self {
    case .analysis(let error): return error.description
    case .calibration(let path, let error): return "\(path): \(error.description)"
    case .emptyRole(let path, let role):
      return "\(path): the \(role) region holds no usable pixels (clipped white, transparent or empty)"
    }
  }
}
