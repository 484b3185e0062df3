import Foundation
import Testing

@testable import Colorimetry

/// Two Newton steps from Kahan's seed leave ≤ 2e-6 relative error in single precision.
let cbrtRelativeTolerance: Float = 2e-6

@Test("Fast cube root vs cbrt over the whole f(t) domain the fast path uses (ε…1.2)")
func fastCubeRootSweep() {
  var worst: Float = 0
  // Every 7th float bit pattern from ε to 1.2: ≈ 6 M values, all exponents and mantissa regions.
  let lo = Float(LabFunction.epsilon).bitPattern
  let hi = Float(1.2).bitPattern
  var bits = lo
  while bits <= hi {
    let x = Float(bitPattern: bits)
    let r = abs(FastCubeRoot.cbrt(x) - Float(cbrt(Double(x)))) / Float(cbrt(Double(x)))
    worst = max(worst, r)
    bits &+= 7
  }
  #expect(worst <= cbrtRelativeTolerance, "worst \(worst)")
}

@Test("Fast cube root vs cbrt for every 8-bit table value")
func fastCubeRootEveryTableEntry() {
  var worst: Float = 0
  for x in SRGB8Tables.shared.storage where x > Float(LabFunction.epsilon) {
    worst = max(worst, abs(FastCubeRoot.cbrt(x) - Float(cbrt(Double(x)))) / Float(cbrt(Double(x))))
  }
  #expect(worst <= cbrtRelativeTolerance)
}

/// The product's fast path must not differ visibly from the reference: 0.01 ΔE00 is 1/100 of a
/// just-noticeable difference.
let fastPathTolerance = 0.01

func maxDeltaE(_ pixels: [UInt8], threads: Int) -> Double {
  let n = pixels.count / 3
  let planes = pixels.withUnsafeBufferPointer {
    LabConversion.planes(srgb8: $0, width: n, height: 1, channels: 3, threads: threads)
  }
  var worst = 0.0
  for i in 0..<n {
    let ref = Lab(SRGB8(r: pixels[3 * i], g: pixels[3 * i + 1], b: pixels[3 * i + 2]))
    worst = max(worst, DeltaE.ciede2000(planes[i, 0], ref))
  }
  return worst
}

@Test func fastPathGreys() {
  let greys = (0..<256).flatMap { [UInt8($0), UInt8($0), UInt8($0)] }
  #expect(maxDeltaE(greys, threads: 1) <= fastPathTolerance)
}

/// Deterministic pseudo-random bytes (64-bit LCG, Knuth MMIX constants).
func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
  var s = seed
  return (0..<count).map { _ in
    s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return UInt8(truncatingIfNeeded: s >> 33)
  }
}

@Test func fastPathRandomSample() {
  let px = randomBytes(3 * 200_000, seed: 42)
  #expect(maxDeltaE(px, threads: 2) <= fastPathTolerance)
}

@Test func fastPathIsDeterministicAcrossThreadsAndLayouts() {
  let w = 257
  let h = 61
  let rgb = randomBytes(w * h * 3, seed: 7)
  var rgba = [UInt8]()
  for i in 0..<(w * h) { rgba += [rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2], 255] }
  let one = rgb.withUnsafeBufferPointer { LabConversion.planes(srgb8: $0, width: w, height: h, channels: 3, threads: 1) }
  for t in [2, 3, 8] {
    let many = rgb.withUnsafeBufferPointer { LabConversion.planes(srgb8: $0, width: w, height: h, channels: 3, threads: t) }
    #expect(one.l == many.l && one.a == many.a && one.b == many.b)
  }
  let four = rgba.withUnsafeBufferPointer { LabConversion.planes(srgb8: $0, width: w, height: h, channels: 4, threads: 2) }
  #expect(one.l == four.l && one.a == four.a && one.b == four.b)
  #expect(one.width == w && one.height == h && one.l.count == w * h)
}

@Test func linearPathMatchesAndHandlesNonFinite() {
  let px = randomBytes(3 * 5000, seed: 3)
  var lin = px.map { Float(SRGBTransfer.decode(Double($0) / 255)) }
  lin += [-0.2, 1.5, 0.3]  // out of gamut: converted as is
  lin += [.nan, 0.5, 0.5, .infinity, 0.5, 0.5, -.infinity, 0, 0]
  let n = lin.count / 3
  let planes = lin.withUnsafeBufferPointer { LabConversion.planes(linear: $0, width: n, height: 1, threads: 2) }
  for i in 0..<5000 {
    let ref = Lab(SRGB8(r: px[3 * i], g: px[3 * i + 1], b: px[3 * i + 2]))
    #expect(DeltaE.ciede2000(planes[i, 0], ref) <= fastPathTolerance)
  }
  let oog = Lab(LinearRGB(r: -0.2, g: 1.5, b: 0.3))
  #expect(DeltaE.cie76(planes[5000, 0], oog) < 0.01)
  for i in (n - 3)..<n {
    #expect(!planes.l[i].isFinite && !planes.a[i].isFinite && !planes.b[i].isFinite)
  }
}

@Test func invalidArgumentsGiveEmptyPlanes() {
  let px = [UInt8](repeating: 128, count: 12)
  px.withUnsafeBufferPointer { p in
    #expect(LabConversion.planes(srgb8: p, width: 2, height: 2, channels: 3).width == 2)
    #expect(LabConversion.planes(srgb8: p, width: 3, height: 2, channels: 3).width == 0)
    #expect(LabConversion.planes(srgb8: p, width: 2, height: 2, channels: 5).width == 0)
    #expect(LabConversion.planes(srgb8: p, width: -1, height: 2, channels: 3).width == 0)
    #expect(LabConversion.planes(srgb8: p, width: 1, height: 1, channels: 3, threads: 0).l.count == 1)
  }
}
