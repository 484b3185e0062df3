import Colorimetry

/// Free-form regions painted by the practitioner: a label-mask image (PNG) the size of the photo,
/// one colour per role.
///
/// | colour | role |
/// |---|---|
/// | red `#ff0000` | skin: measured here directly |
/// | green `#00ff00` | hair: measured here directly |
/// | blue `#0000ff` | grey card: white balance and exposure (with ``GreyCard/standardLab`` or `--card-lab`) |
/// | white `#ffffff` | ignore: never analysed (backdrop, clothes, jewellery) |
/// | black `#000000` or transparent | unlabelled: the automatic analysis may use it |
///
/// A pixel takes a role when each of its 8-bit channels is within `tolerance` of the role's
/// colour (anti-aliased brush edges in between stay unlabelled).
public struct RegionLabels: Sendable, Equatable {
  /// A pixel's label.
  public enum Label: UInt8, Sendable, CaseIterable {
    case unlabelled = 0
    case skin, hair, card, ignore

    /// The colour that paints it (nil for unlabelled, which is black or transparent).
    public var colour: SRGB8? {
      switch self {
      case .unlabelled: nil
      case .skin: SRGB8(r: 255, g: 0, b: 0)
      case .hair: SRGB8(r: 0, g: 255, b: 0)
      case .card: SRGB8(r: 0, g: 0, b: 255)
      case .ignore: SRGB8(r: 255, g: 255, b: 255)
      }
    }
  }

  /// Largest per-channel difference (8-bit codes) from a role's colour that still takes the role.
  package static let tolerance = 64

  /// Full-resolution size (must equal the photo's).
  public let width, height: Int
  /// Row-major labels (``Label`` raw values).
  public let labels: [UInt8]

  /// Labels from raw values; nil unless `labels.count == width × height` (both positive) and every
  /// value is a ``Label``.
  public init?(width: Int, height: Int, labels: [UInt8]) {
    guard width > 0, height > 0, labels.count == width * height,
      labels.allSatisfy({ Label(rawValue: $0) != nil })
    else { return nil }
    self.width = width
    self.height = height
    self.labels = labels
  }

  /// The label of an 8-bit sRGB colour with opacity `alpha` (0…1).
  package static func label(of colour: SRGB8, alpha: Float) -> Label {
    guard alpha >= 0.5 else { return .unlabelled }
    for label in Label.allCases {
      guard let c = label.colour else { continue }
      if abs(Int(c.r) - Int(colour.r)) <= tolerance, abs(Int(c.g) - Int(colour.g)) <= tolerance,
        abs(Int(c.b) - Int(colour.b)) <= tolerance
      {
        return label
      }
    }
    return .unlabelled
  }

  /// Reads a label image. A PNG or JPEG streams row by row into one byte a pixel
  /// (`PhotoDecoder.decodeLabels(contentsOf:options:label:)` in PhotoIO); each pixel's colour is
  /// taken back to 8-bit sRGB after colour management. Throws ``ToneAnalysisError/maskUnreadable(_:)``
  /// when it cannot be decoded.
  public static func load(contentsOf path: String) throws(ToneAnalysisError) -> RegionLabels {
    let plane: LabelPlane
    do {
      plane = try PhotoDecoder.decodeLabels(contentsOf: path) { r, g, b, alpha in
        let colour = SRGB8(clamping: SRGB(LinearRGB(r: Double(r), g: Double(g), b: Double(b))))
        return label(of: colour, alpha: alpha).rawValue
      }
    } catch { throw .maskUnreadable(error) }
    guard let labels = RegionLabels(width: plane.width, height: plane.height, labels: plane.labels) else {
      throw .maskUnreadable(.corrupt(path: path, format: .png, detail: "empty image"))
    }
    return labels
  }

  /// The label at full-resolution pixel (x, y) (unlabelled outside).
  public func label(x: Int, y: Int) -> Label {
    guard x >= 0, y >= 0, x < width, y < height else { return .unlabelled }
    return Label(rawValue: labels[y * width + x]) ?? .unlabelled
  }

  /// Whether any pixel has `label`.
  public func contains(_ label: Label) -> Bool { labels.contains(label.rawValue) }

  /// Decoded indices of `photo` (opaque) whose centre falls on a pixel labelled `label`.
  func indices(of label: Label, in photo: Photo) -> [Int] {
    let (sx, sy) = RegionPixels.scale(of: photo)
    var out: [Int] = []
    for y in 0..<photo.height {
      let fy = min(height - 1, Int((Double(y) + 0.5) * sy))
      for x in 0..<photo.width {
        let fx = min(width - 1, Int((Double(x) + 0.5) * sx))
        if labels[fy * width + fx] == label.rawValue, photo.isOpaque(at: y * photo.width + x) {
          out.append(y * photo.width + x)
        }
      }
    }
    return out
  }
}
