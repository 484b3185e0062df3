/// A small, fast, seedable PRNG (SplitMix64, Steele, Lea & Flood 2014) so every sample photo is
/// reproducible bit for bit from its seed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in `range`.
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * Double(next() >> 11) / Double(1 << 53)
  }

  /// Standard normal by the Box–Muller transform (Box & Muller 1958).
  mutating func gaussian() -> Double {
    let u1 = max(uniform(0...1), 1e-300)
    let u2 = uniform(0...1)
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}

import Foundation
