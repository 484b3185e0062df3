/// Single-precision cube root for the whole-photo fast path: Kahan's bit-trick seed (the exponent
/// divided by three, as in FreeBSD `cbrtf`, B1 = 709958130) refined by two Newton steps
/// y ← (2y + x/y²)/3 (Press et al., Numerical Recipes §9.4). Relative error ≤ 2e-6 for positive
/// normal x (checked against `cbrt` over every input the Lab path can produce, see tests).
///
/// Domain: positive normal floats. Zero, negatives, subnormals, ∞ and NaN give unspecified
/// (possibly non-finite) results but never trap.
package enum FastCubeRoot {
  /// ∛x for positive normal x.
  @inlinable @inline(__always)
  package static func cbrt(_ x: Float) -> Float {
    let seed = Float(bitPattern: x.bitPattern / 3 &+ 709_958_130)
    var y = seed
    y = (2 * y + x / (y * y)) * (1 / 3 as Float)
    y = (2 * y + x / (y * y)) * (1 / 3 as Float)
    return y
  }
}
