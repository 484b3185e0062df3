import Dispatch

/// `map` over `0..<count` on all cores (`DispatchQueue.concurrentPerform`), results in index order.
///
/// Each index is computed independently by the same code and written to its own slot, so the
/// result does not depend on scheduling. For independent tasks of some weight (the blur bands of
/// ``FractionCascade``, the k values of ``KMeans``, blocks of 64 K pixels), never one per pixel.
enum ParallelMap {
  /// `(0..<count).map(transform)`, with the calls spread over the cores.
  static func map<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
      slots.deinitialize()
      slots.deallocate()
    }
    let shared = Slots(base: slots)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      // Each iteration writes only its own slot.
      shared.base[index] = transform(index)
    }
    return slots.compactMap { $0 }
  }

  /// The result slots, shared with the workers. Audited: every worker writes a distinct index,
  /// and the buffer outlives `concurrentPerform`, which returns only after every worker is done.
  private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T?>
  }
}
