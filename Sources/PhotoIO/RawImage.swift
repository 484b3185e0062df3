/// Samples exactly as the file stores them, expanded to RGB or RGBA at 8 or 16 bits, before any
/// colour management: what a conformance test compares against reference decodes.
package struct RawImage: Sendable {
  package let width: Int
  package let height: Int
  /// 3 (RGB) or 4 (RGBA; PNG always gives 4, with alpha at full where the file has none).
  package let channels: Int
  package let samples: Samples

  /// Interleaved samples, row-major.
  package enum Samples: Sendable, Equatable {
    case eight([UInt8])
    case sixteen([UInt16])  // native-endian
  }
}
