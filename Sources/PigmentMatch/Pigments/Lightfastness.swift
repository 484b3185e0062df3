/// Light fastness on the Blue Wool scale, 1 (very poor) … 8 (excellent) (ISO 105-B02).
public struct Lightfastness: Sendable, Hashable, Codable, Comparable {
  /// Blue Wool rating, 1…8.
  public let blueWool: Int

  /// A rating in 1…8; nil otherwise.
  public init?(blueWool: Int) {
    guard (1...8).contains(blueWool) else { return nil }
    self.blueWool = blueWool
  }

  public static func < (lhs: Lightfastness, rhs: Lightfastness) -> Bool {
    lhs.blueWool < rhs.blueWool
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let value = try container.decode(Int.self)
    guard let rating = Lightfastness(blueWool: value) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "Blue Wool rating must be 1…8, got \(value)")
    }
    self = rating
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(blueWool)
  }
}
