import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Whole-photo conversion to CIELAB (D65) planes: the hot path of tone analysis.
///
/// 8-bit input: the sRGB decoding curve and the RGB→XYZ matrix (divided by the white) are folded
/// into three 256-entry tables per channel, so X/Xn = T_R[r].x + T_G[g].x + T_B[b].x; then the
/// CIELAB f(t) uses ``FastCubeRoot``. Work is split into row bands over `threads` workers with
/// `DispatchQueue.concurrentPerform`; every pixel is computed independently by the same code, so
/// the output is bit-identical for any thread count. Within ΔE00 0.01 of the double-precision
/// ``CIELab/init(_:)-(SRGB8)`` (tested over all grey levels and a random sample).
package enum LabConversion {
  /// sRGB-encoded 8-bit pixels, interleaved, `channels` = 3 (RGB) or 4 (RGBA, alpha ignored), row-major.
  ///
  /// Returns ``LabPlanes/empty`` if `width` or `height` is not positive, `channels` is not 3 or 4,
  /// or `pixels` holds fewer than `width * height * channels` bytes. `threads` < 1 counts as 1.
  package static func planes(
    srgb8 pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) -> LabPlanes {
    guard width > 0, height > 0, channels == 3 || channels == 4,
      let base = pixels.baseAddress,
      width.multipliedReportingOverflow(by: height).overflow == false,
      (width * height).multipliedReportingOverflow(by: channels).overflow == false,
      pixels.count >= width * height * channels
    else { return .empty }
    let src = SendablePointer(base: UnsafeMutablePointer(mutating: base))
    return run(width: width, height: height, threads: threads) { row, l, a, b in
      SRGB8Tables.shared.withPointer { tab in
        convertSRGB8Row(
          src.base + row * width * channels, count: width, channels: channels, tables: tab,
          l: l, a: a, b: b)
      }
    }
  }

  /// Linear-light RGB floats (sRGB primaries, D65), interleaved 3 per pixel; values may be outside 0…1.
  ///
  /// Out-of-gamut values are converted as they are (negative t uses the linear branch of f).
  /// A pixel with any NaN or ±∞ component gets non-finite L*, a* and b* (never a trap); other
  /// pixels are unaffected. Invalid sizes return ``LabPlanes/empty`` as for the 8-bit variant.
  package static func planes(
    linear pixels: UnsafeBufferPointer<Float>, width: Int, height: Int,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) -> LabPlanes {
    guard width > 0, height > 0, let base = pixels.baseAddress,
      width.multipliedReportingOverflow(by: height).overflow == false,
      (width * height).multipliedReportingOverflow(by: 3).overflow == false,
      pixels.count >= width * height * 3
    else { return .empty }
    let src = SendablePointer(base: UnsafeMutablePointer(mutating: base))
    return run(width: width, height: height, threads: threads) { row, l, a, b in
      convertLinearRow(src.base + row * width * 3, count: width, l: l, a: a, b: b)
    }
  }

  /// One row of `count` sRGB-encoded 8-bit pixels (`channels` = 3 or 4, alpha ignored) → L*, a*, b*
  /// in `l`, `a`, `b`: the same kernel and the same values as ``planes(srgb8:width:height:channels:threads:)``,
  /// for callers that convert rows as a decoder finishes them.
  package static func convertRow(
    srgb8 src: UnsafePointer<UInt8>, count: Int, channels: Int,
    l: UnsafeMutablePointer<Float>, a: UnsafeMutablePointer<Float>, b: UnsafeMutablePointer<Float>
  ) {
    guard count > 0, channels == 3 || channels == 4 else { return }
    SRGB8Tables.shared.withPointer { tab in
      convertSRGB8Row(UnsafeMutablePointer(mutating: src), count: count, channels: channels, tables: tab, l: l, a: a, b: b)
    }
  }

  /// One row of `count` linear-light RGB pixels (3 floats each, sRGB primaries) → L*, a*, b*: the
  /// same kernel and values as ``planes(linear:width:height:threads:)``.
  package static func convertRow(
    linear src: UnsafePointer<Float>, count: Int,
    l: UnsafeMutablePointer<Float>, a: UnsafeMutablePointer<Float>, b: UnsafeMutablePointer<Float>
  ) {
    guard count > 0 else { return }
    convertLinearRow(UnsafeMutablePointer(mutating: src), count: count, l: l, a: a, b: b)
  }

  // MARK: - Driver

  /// Allocates the planes and runs `rowKernel` over every row, in `threads` static bands.
  static func run(
    width: Int, height: Int, threads: Int,
    rowKernel: @escaping @Sendable (
      Int, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>
    ) -> Void
  ) -> LabPlanes {
    let n = width * height
    let workers = max(1, min(threads, height))
    var lOut = [Float]()
    var aOut = [Float]()
    var bOut = [Float]()
    lOut = [Float](unsafeUninitializedCapacity: n) { lb, lc in
      aOut = [Float](unsafeUninitializedCapacity: n) { ab, ac in
        bOut = [Float](unsafeUninitializedCapacity: n) { bb, bc in
          guard let lp = lb.baseAddress, let ap = ab.baseAddress, let bp = bb.baseAddress else {
            return
          }
          for p in [lp, ap, bp] { adviseHugePages(p, bytes: n * MemoryLayout<Float>.stride) }
          let l = SendablePointer(base: lp)
          let a = SendablePointer(base: ap)
          let b = SendablePointer(base: bp)
          let body: @Sendable (Int) -> Void = { w in
            // Contiguous band of rows for worker w.
            let r0 = height * w / workers
            let r1 = height * (w + 1) / workers
            for row in r0..<r1 {
              let o = row * width
              rowKernel(row, l.base + o, a.base + o, b.base + o)
            }
          }
          if workers == 1 {
            body(0)
          } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: body)
          }
          bc = n
        }
        ac = n
      }
      lc = n
    }
    return LabPlanes(width: width, height: height, l: lOut, a: aOut, b: bOut)
  }

  // MARK: - Kernels

  /// Pixels per chunk: phase 1 gathers X/Xn, Y/Yn, Z/Zn into the output planes, phase 2 turns them
  /// into L*, a*, b* in place (a plain loop the compiler vectorises). 1024 px = 12 KB stays in L1.
  static let chunk = 1024

  /// ε and κ/116, 16/116 in single precision.
  @usableFromInline static let epsF: Float = Float(216.0 / 24389.0)
  @usableFromInline static let slopeF: Float = Float(24389.0 / 27.0 / 116.0)
  @usableFromInline static let offsetF: Float = Float(16.0 / 116.0)

  /// One row of 8-bit pixels → L*, a*, b*.
  @inline(__always)
  static func convertSRGB8Row(
    _ src: UnsafeMutablePointer<UInt8>, count: Int, channels: Int, tables: UnsafePointer<Float>,
    l: UnsafeMutablePointer<Float>, a: UnsafeMutablePointer<Float>, b: UnsafeMutablePointer<Float>
  ) {
    // Each table entry is (X/Xn, Y/Yn, Z/Zn, 0): one 16-byte load per channel.
    let t4 = UnsafeRawPointer(tables).assumingMemoryBound(to: SIMD4<Float>.self)
    let tr = t4
    let tg = t4 + 256
    let tb = t4 + 512
    var start = 0
    while start < count {
      let end = min(count, start + chunk)
      // Phase 1: gather. a ← X/Xn, l ← Y/Yn, b ← Z/Zn.
      var p = src + start * channels
      for i in start..<end {
        let v = tr[Int(p[0])] + tg[Int(p[1])] + tb[Int(p[2])]
        a[i] = v.x
        l[i] = v.y
        b[i] = v.z
        p += channels
      }
      labInPlace(l: l + start, a: a + start, b: b + start, count: end - start)
      start = end
    }
  }

  /// One row of linear floats → L*, a*, b*.
  @inline(__always)
  static func convertLinearRow(
    _ src: UnsafeMutablePointer<Float>, count: Int,
    l: UnsafeMutablePointer<Float>, a: UnsafeMutablePointer<Float>, b: UnsafeMutablePointer<Float>
  ) {
    let m = SRGB8Tables.matrixF
    var start = 0
    while start < count {
      let end = min(count, start + chunk)
      var p = src + start * 3
      for i in start..<end {
        let r = p[0]
        let g = p[1]
        let bl = p[2]
        a[i] = m.0 * r + m.1 * g + m.2 * bl
        l[i] = m.3 * r + m.4 * g + m.5 * bl
        b[i] = m.6 * r + m.7 * g + m.8 * bl
        p += 3
      }
      labInPlace(l: l + start, a: a + start, b: b + start, count: end - start)
      start = end
    }
  }

  /// In place: (l, a, b) hold (Y/Yn, X/Xn, Z/Zn) on entry and (L*, a*, b*) on exit.
  @inline(__always)
  static func labInPlace(
    l: UnsafeMutablePointer<Float>, a: UnsafeMutablePointer<Float>, b: UnsafeMutablePointer<Float>,
    count: Int
  ) {
    let eps = epsF
    let slope = slopeF
    let off = offsetF
    for i in 0..<count {
      let tx = a[i]
      let ty = l[i]
      let tz = b[i]
      let fx = tx > eps ? FastCubeRoot.cbrt(tx) : slope * tx + off
      let fy = ty > eps ? FastCubeRoot.cbrt(ty) : slope * ty + off
      let fz = tz > eps ? FastCubeRoot.cbrt(tz) : slope * tz + off
      l[i] = 116 * fy - 16
      a[i] = 500 * (fx - fy)
      b[i] = 200 * (fy - fz)
    }
  }
}

/// Asks the kernel to back a large, not yet touched output buffer with transparent huge pages
/// (Linux `madvise(MADV_HUGEPAGE)`): a 12 MP plane is 48 MB, i.e. 11 700 first-touch page faults
/// with 4 KB pages, which cost more than the conversion itself. Advisory only: failure is ignored.
/// Only the page-aligned interior of the buffer is advised, so no foreign memory is affected.
func adviseHugePages(_ p: UnsafeMutablePointer<Float>, bytes: Int) {
  #if os(Linux)
    let minimum = 4 << 20
    guard bytes >= minimum else { return }
    let page = 4096
    let start = (Int(bitPattern: p) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: p) + bytes) & ~(page - 1)
    guard end > start, let raw = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(raw, end - start, MADV_HUGEPAGE)
  #endif
}

/// A raw pointer that may cross into `concurrentPerform`'s closure. Audited use only: each worker
/// writes a disjoint band of rows, and the pointee outlives the call.
struct SendablePointer<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
}

/// The 8-bit decoding tables: for channel c ∈ {R, G, B} and code v, 4 floats
/// (M[0][c]·lin(v)/Xn, M[1][c]·lin(v)/Yn, M[2][c]·lin(v)/Zn, 0), computed in double precision.
final class SRGB8Tables: Sendable {
  static let shared = SRGB8Tables()
  let storage: [Float]

  /// The RGB→XYZ matrix with rows divided by the white, in single precision.
  static let matrixF: (Float, Float, Float, Float, Float, Float, Float, Float, Float) = {
    let m = SRGBPrimaries.toXYZ
    let w = [D65.xyz.x, D65.xyz.y, D65.xyz.z]
    let f = (0..<9).map { Float(m[$0] / w[$0 / 3]) }
    return (f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8])
  }()

  init() {
    let m = SRGBPrimaries.toXYZ
    let w = [D65.xyz.x, D65.xyz.y, D65.xyz.z]
    var t = [Float](repeating: 0, count: 3 * 256 * 4)
    for c in 0..<3 {
      for v in 0..<256 {
        let lin = SRGBTransfer.decode(Double(v) / 255)
        for k in 0..<3 {
          t[c * 1024 + v * 4 + k] = Float(m[3 * k + c] * lin / w[k])
        }
      }
    }
    storage = t
  }

  @inline(__always)
  func withPointer<R>(_ body: (UnsafePointer<Float>) -> R) -> R {
    storage.withUnsafeBufferPointer { buffer in
      // `storage` always holds 3072 values, so the base address exists.
      guard let base = buffer.baseAddress else { preconditionFailure("empty sRGB tables") }
      return body(base)
    }
  }
}
