import Foundation

extension Photo {
  /// The photo's pixels as CIELAB (D65) planes, through Colorimetry's fast whole-photo path.
  package func labPlanes(threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> LabPlanes {
    switch pixels {
    case .srgb8(let samples):
      return samples.withUnsafeBufferPointer {
        LabConversion.planes(srgb8: $0, width: width, height: height, channels: 3, threads: threads)
      }
    case .linear(let samples):
      return samples.withUnsafeBufferPointer {
        LabConversion.planes(linear: $0, width: width, height: height, threads: threads)
      }
    case .srgb16:
      return linearRGBSamples().withUnsafeBufferPointer {
        LabConversion.planes(linear: $0, width: width, height: height, threads: threads)
      }
    }
  }

  /// Whether pixel `index` is fully opaque.
  public func isOpaque(at index: Int) -> Bool {
    switch opacity {
    case .opaque: return true
    case .alpha8(let values): return values[index] == .max
    case .alpha16(let values): return values[index] == .max
    }
  }

  /// Mean CIELAB over all fully opaque pixels, or nil when there are none. Converted in blocks of
  /// 64 K pixels (on `threads` cores when more than one), so the cost in memory is a few blocks
  /// whatever the photo's size or shape, not three whole-photo planes.
  public func meanLab(threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Lab? {
    let block = 65_536
    let blocks = (pixelCount + block - 1) / block
    let photo = self
    let sum: @Sendable (Int) -> LabSum = { k in photo.labSum(of: k * block..<min(photo.pixelCount, (k + 1) * block)) }
    let parts = threads > 1 ? ParallelMap.map(count: blocks, sum) : (0..<blocks).map(sum)
    return parts.reduce(LabSum()) { $0 + $1 }.mean
  }

  /// Sums of L*, a*, b* over the opaque pixels of `range` (and their count).
  struct LabSum: Sendable {
    var l = 0.0, a = 0.0, b = 0.0
    var count = 0
    static func + (x: LabSum, y: LabSum) -> LabSum {
      LabSum(l: x.l + y.l, a: x.a + y.a, b: x.b + y.b, count: x.count + y.count)
    }
    /// The mean, or nil when nothing was summed.
    var mean: Lab? {
      guard count > 0 else { return nil }
      let n = Double(count)
      return Lab(l: l / n, a: a / n, b: b / n)
    }
  }

  /// The opaque pixels of `range` converted by Colorimetry's row kernel and summed.
  func labSum(of range: Range<Int>) -> LabSum {
    let count = range.count
    guard count > 0 else { return LabSum() }
    var l = [Float](repeating: 0, count: count), a = l, b = l
    l.withUnsafeMutableBufferPointer { pl in
      a.withUnsafeMutableBufferPointer { pa in
        b.withUnsafeMutableBufferPointer { pb in
          let (lp, ap, bp) = (pl.baseAddress!, pa.baseAddress!, pb.baseAddress!)
          switch pixels {
          case .srgb8(let samples):
            samples.withUnsafeBufferPointer {
              LabConversion.convertRow(srgb8: $0.baseAddress! + 3 * range.lowerBound, count: count, channels: 3, l: lp, a: ap, b: bp)
            }
          case .linear(let samples):
            samples.withUnsafeBufferPointer {
              LabConversion.convertRow(linear: $0.baseAddress! + 3 * range.lowerBound, count: count, l: lp, a: ap, b: bp)
            }
          case .srgb16:
            var linear = [Float](repeating: 0, count: 3 * count)
            for (k, i) in range.enumerated() {
              (linear[3 * k], linear[3 * k + 1], linear[3 * k + 2]) = linearRGB(at: i)
            }
            linear.withUnsafeBufferPointer {
              LabConversion.convertRow(linear: $0.baseAddress!, count: count, l: lp, a: ap, b: bp)
            }
          }
        }
      }
    }
    var sum = LabSum()
    for (k, i) in range.enumerated() where isOpaque(at: i) {
      sum.l += Double(l[k])
      sum.a += Double(a[k])
      sum.b += Double(b[k])
      sum.count += 1
    }
    return sum
  }
}
