import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): the one small, fast, seedable generator behind every
/// deterministic stream here — k-means++ seeding, the sample photos, benchmark data and report
/// patterns — so a seed reproduces its output bit for bit.
package struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  package init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1), from the top 53 bits.
  package mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  /// Uniform in `range`.
  package mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * Double(next() >> 11) / Double(1 << 53)
  }

  /// Standard normal by the Box–Muller transform (Box & Muller 1958).
  package mutating func gaussian() -> Double {
    let u1 = max(uniform(0...1), 1e-300)
    let u2 = uniform(0...1)
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
