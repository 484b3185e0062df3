import Foundation

extension Photo {
  /// The photo's pixels as CIELAB (D65) planes, through Colorimetry's fast whole-photo path.
  public func labPlanes(threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> LabPlanes {
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

  /// Mean CIELAB over all fully opaque pixels, or nil when there are none.
  public func meanLab(threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Lab? {
    let planes = labPlanes(threads: threads)
    var sum = (0.0, 0.0, 0.0)
    var count = 0
    for i in 0..<pixelCount where isOpaque(at: i) {
      sum.0 += Double(planes.l[i])
      sum.1 += Double(planes.a[i])
      sum.2 += Double(planes.b[i])
      count += 1
    }
    guard count > 0 else { return nil }
    let n = Double(count)
    return Lab(l: sum.0 / n, a: sum.1 / n, b: sum.2 / n)
  }
}
