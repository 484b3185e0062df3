/// Small robust statistics for tone estimates.
///
/// Medians and quantiles use selection (Hoare's FIND with three-way partitioning, expected O(n))
/// instead of a full sort: the same values as sorting, at a fraction of the cost on the
/// hundreds of thousands of pixels of a 12 MP photo (the sort was a third of `analyze`'s time).
enum Statistics {
  /// Median (mean of the two middle values for an even count); 0 for an empty input.
  static func median(_ values: [Float]) -> Float {
    guard !values.isEmpty else { return 0 }
    var work = values
    let n = work.count
    return work.withUnsafeMutableBufferPointer { buffer -> Float in
      let upper = select(buffer, n / 2)
      guard n % 2 == 0 else { return upper }
      // After selection every element left of n/2 is ≤ the selected one: the lower middle is their maximum.
      var lower = buffer[0]
      for i in 1..<(n / 2) where buffer[i] > lower { lower = buffer[i] }
      return (lower + upper) / 2
    }
  }

  /// The `q`-quantile (0…1) by the nearest-rank method (Hyndman & Fan 1996, definition 1).
  static func quantile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let rank = Int((q * Double(values.count)).rounded(.up)) - 1
    var work = values
    return work.withUnsafeMutableBufferPointer { select($0, min(max(rank, 0), values.count - 1)) }
  }

  /// Per-channel (marginal) median CIELAB of the pixels at `indices`.
  /// The three channels run on separate cores when there are many pixels.
  static func medianLab(pixels: TonePixels.Buffer, indices: [Int]) -> Lab {
    let channel: @Sendable (Int) -> Float = { c in
      let plane = c == 0 ? pixels.l : c == 1 ? pixels.a : pixels.b
      return median(indices.map { plane[$0] })
    }
    let m = indices.count >= 20_000 ? ParallelMap.map(count: 3, channel) : (0..<3).map(channel)
    return Lab(l: Double(m[0]), a: Double(m[1]), b: Double(m[2]))
  }

  /// The element that would sit at `k` if `buffer` were sorted ascending; reorders `buffer` so that
  /// everything before `k` is ≤ it and everything after is ≥ it. `buffer` must not contain NaN.
  static func select<T: Comparable>(_ buffer: UnsafeMutableBufferPointer<T>, _ k: Int) -> T {
    var low = 0
    var high = buffer.count - 1
    while low < high {
      // Median of three as the pivot; three-way partition so runs of equal values (8-bit
      // pixels give many) cost one pass.
      let mid = low + (high - low) / 2
      let x = buffer[low]
      let y = buffer[mid]
      let z = buffer[high]
      let pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y))
      var lt = low
      var i = low
      var gt = high
      while i <= gt {
        let v = buffer[i]
        if v < pivot {
          buffer.swapAt(lt, i)
          lt += 1
          i += 1
        } else if pivot < v {
          buffer.swapAt(i, gt)
          gt -= 1
        } else {
          i += 1
        }
      }
      if k < lt {
        high = lt - 1
      } else if k > gt {
        low = gt + 1
      } else {
        return pivot
      }
    }
    return buffer[k]
  }
}
