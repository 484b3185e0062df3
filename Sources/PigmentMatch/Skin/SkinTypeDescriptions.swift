import Colorimetry

// `CustomStringConvertible` for the skin-type types of the match (the colour and ITA° types have
// theirs in Colorimetry): short text for logs; the outputs use ``SkinTypeAssessment/summary``.

extension SkinTypeAssessment: CustomStringConvertible {
  /// `Fitzpatrick IV (stated)`, `Fitzpatrick III (measured)`, or for an uncertain measurement
  /// `Fitzpatrick VI (unconfirmed; plausible IV, V, VI)`.
  public var description: String {
    switch source {
    case .stated, .measured: "\(fitzpatrick) (\(source.rawValue))"
    case .unconfirmed:
      "\(fitzpatrick) (unconfirmed; plausible \(plausible.map(\.roman).joined(separator: ", ")))"
    }
  }
}

extension HyperpigmentationRisk: CustomStringConvertible {
  /// `low`, `moderate` or `high`.
  public var description: String { rawValue }
}
