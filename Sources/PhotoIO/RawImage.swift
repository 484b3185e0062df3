/// Samples exactly as the file stores them, expanded to RGB or RGBA at 8 or 16 bits, before any
/// colour management: what a conformance test compares against reference decodes.
public struct RawImage: Sendable {
  public let width: Int
  public let height: Int
  /// 3 (RGB) or 4 (RGBA; PNG always gives 4, with alpha at full where the file has none).
  public let channels: Int
  public let samples: Samples

  /// Interleaved samples, row-major.
  public enum Samples: Sendable, Equatable {
    case eight([UInt8])
    case sixteen([UInt16])  // native-endian
  }
}
