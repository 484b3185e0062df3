import Dispatch
import Foundation
import Testing

@testable import Colorimetry

@Test func hexParsingAndPrinting() {
  #expect(SRGB8(hex: "#A07E56") == SRGB8(r: 160, g: 126, b: 86))
  #expect(SRGB8(hex: "a07e56") == SRGB8(r: 160, g: 126, b: 86))
  #expect(SRGB8(r: 160, g: 126, b: 86).hex == "#a07e56")
  for bad in ["", "#", "#12345", "1234567", "#12345g", "##123456", "+12345", "#12 456", "é12345"] {
    #expect(SRGB8(hex: bad) == nil, "\(bad)")
  }
}

/// Double-precision round trip error must stay far below half a code (0.5/255).
@Test("sRGB8 → Lab → sRGB8 is exact for all 2²⁴ codes (double precision)")
func roundTripAllCodes() {
  let failures = Failures()
  DispatchQueue.concurrentPerform(iterations: 256) { r in
    var bad = 0
    for g in 0..<256 {
      for b in 0..<256 {
        let c = SRGB8(r: UInt8(r), g: UInt8(g), b: UInt8(b))
        if SRGB8(clamping: Lab(c)) != c { bad += 1 }
      }
    }
    failures.add(bad)
  }
  #expect(failures.total == 0)
}

final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
  var total: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// Derived matrices and whites are exact to double rounding.
let exactTolerance = 1e-12

@Test func whitesAndMatrices() {
  // Linear white (1,1,1) is the D65 white, L* = 100, a* = b* = 0.
  let w = Lab(LinearRGB(r: 1, g: 1, b: 1))
  #expect(abs(w.l - 100) < exactTolerance && abs(w.a) < exactTolerance && abs(w.b) < exactTolerance)
  #expect(Lab(SRGB8(r: 0, g: 0, b: 0)) == Lab(l: 0, a: 0, b: 0))
  // Bradford maps white onto white, both ways, and round-trips.
  let d50 = Bradford.adapt(CIEXYZ<D65>.white)
  #expect(abs(d50.x - D50.xyz.x) < exactTolerance && abs(d50.z - D50.xyz.z) < exactTolerance)
  let p = XYZ(x: 0.3, y: 0.2, z: 0.7)
  let back = Bradford.adapt(Bradford.adapt(p))
  #expect(abs(back.x - p.x) < exactTolerance && abs(back.y - p.y) < exactTolerance && abs(back.z - p.z) < exactTolerance)
  // The standard sRGB matrix entries (IEC 61966-2-1 to 4 decimals).
  let m = SRGBPrimaries.toXYZ
  let published = [0.4124, 0.3576, 0.1805, 0.2126, 0.7152, 0.0722, 0.0193, 0.1192, 0.9505]
  for i in 0..<9 { #expect(abs(m[i] - published[i]) < 1e-4) }
}

@Test("Lab ⇄ LCh ⇄ XYZ ⇄ linear ⇄ sRGB round trips", arguments: [
  Lab(l: 50, a: 20, b: -30), Lab(l: 75, a: -40, b: 10), Lab(l: 10, a: 0, b: 0), Lab(l: 60, a: 0, b: -5),
])
func roundTrips(_ lab: Lab) {
  let lch = lab.lch
  #expect(lch.h >= 0 && lch.h < 360)
  let back = Lab(lch)
  #expect(abs(back.a - lab.a) < 1e-10 && abs(back.b - lab.b) < 1e-10)
  let viaXYZ = Lab(XYZ(lab))
  #expect(DeltaE.cie76(viaXYZ, lab) < 1e-10)
  let viaRGB = Lab(LinearRGB(SRGB(LinearRGB(lab))))
  #expect(DeltaE.cie76(viaRGB, lab) < 1e-9)
  let d50 = Bradford.adapt(lab)
  #expect(DeltaE.cie76(Bradford.adapt(d50), lab) < 1e-10)
}

@Test func nonFiniteInputsNeverTrap() {
  let nan = Double.nan
  let inf = Double.infinity
  // SRGB8(clamping:) defines non-finite codes: NaN → 0, +∞ → 255, −∞ → 0.
  #expect(SRGB8(clamping: SRGB(r: nan, g: inf, b: -inf)) == SRGB8(r: 0, g: 255, b: 0))
  #expect(SRGB8(clamping: Lab(l: nan, a: 0, b: 0)) == SRGB8(r: 0, g: 0, b: 0))
  // Conversions propagate NaN.
  #expect(Lab(LinearRGB(r: nan, g: 0.5, b: 0.5)).l.isNaN)
  #expect(XYZ(Lab(l: nan, a: 0, b: 0)).y.isNaN)
  #expect(Lab(LinearRGB(r: inf, g: inf, b: inf)).l == inf)
  // Differences with NaN are NaN, never a trap.
  let ok = Lab(l: 50, a: 0, b: 0)
  for bad in [Lab(l: nan, a: 0, b: 0), Lab(l: 50, a: inf, b: 0), Lab(l: -inf, a: nan, b: inf)] {
    #expect(!DeltaE.ciede2000(ok, bad).isFinite)
    #expect(!DeltaE.cie76(ok, bad).isFinite)
    #expect(!DeltaE.cie94(ok, bad).isFinite)
    _ = bad.lch
    _ = MonkSkinTone.nearest(to: bad)
  }
  // ITA of NaN is undefined; its class is the documented fall-through.
  let ita = ITA(Lab(l: nan, a: 0, b: 10))
  #expect(!ita.isDefined && ita.category == .dark)
  #expect(MonkSkinTone.nearest(to: Lab(l: nan, a: 0, b: 0)).index == 1)
  // Spectra reject non-finite values with a typed error.
  var values = [Double](repeating: 0.5, count: 31)
  values[3] = nan
  #expect(throws: SpectrumError.nonFinite(wavelength: 430)) { try Spectrum(values) }
  #expect(throws: SpectrumError.wrongCount(30)) { try Spectrum(Array(values.prefix(30))) }
}
