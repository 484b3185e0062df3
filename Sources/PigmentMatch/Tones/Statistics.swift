/// Small robust statistics for tone estimates.
enum Statistics {
  /// Median (mean of the two middle values for an even count); 0 for an empty input.
  static func median(_ values: [Float]) -> Float {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }

  /// The `q`-quantile (0…1) by the nearest-rank method (Hyndman & Fan 1996, definition 1).
  static func quantile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }

  /// Per-channel (marginal) median CIELAB of the pixels at `indices`.
  static func medianLab(pixels: TonePixels.Buffer, indices: [Int]) -> Lab {
    Lab(
      l: Double(median(indices.map { pixels.l[$0] })), a: Double(median(indices.map { pixels.a[$0] })),
      b: Double(median(indices.map { pixels.b[$0] })))
  }
}
