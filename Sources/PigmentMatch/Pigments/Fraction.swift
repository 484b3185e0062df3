/// A proportion in 0…1 (finite), e.g. a component's share of a blend by volume.
public struct Fraction: Sendable, Hashable, Comparable, Codable {
  /// The value, 0…1.
  public let value: Double

  /// A fraction; nil unless `value` is finite and in 0…1.
  public init?(_ value: Double) {
    guard value.isFinite, value >= 0, value <= 1 else { return nil }
    self.value = value
  }

  /// 0.
  public static let zero = Fraction(unchecked: 0)
  /// 1.
  public static let one = Fraction(unchecked: 1)

  /// Clamps a finite value into 0…1 (NaN becomes 0).
  public init(clamping value: Double) {
    self.value = value.isNaN ? 0 : min(max(value, 0), 1)
  }

  private init(unchecked value: Double) { self.value = value }

  public static func < (lhs: Fraction, rhs: Fraction) -> Bool { lhs.value < rhs.value }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let value = try container.decode(Double.self)
    guard let fraction = Fraction(value) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a fraction must be in 0…1, got \(value)")
    }
    self = fraction
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}
