import Foundation

/// A batch over a folder of photos: which photos to run, running them on several cores, and
/// writing one JSON line per photo, sorted by path, to the output file.
///
/// - **Resume.** Photos with a result line made with this run's ``settings`` (the same palette
///   file, by its fingerprint, and the same options) are skipped and their lines kept as they are;
///   photos whose line was made with another palette or other options, or does not say
///   (``BatchLedger``), are recomputed; photos with an error line are retried. Lines of photos no
///   longer in the folder are kept.
/// - **Concurrency.** `jobs` workers (default: all cores) each take the next photo in path order
///   until none is left, so at most `jobs` photos are decoded at a time (bounded memory).
/// - **Order.** Lines are sorted by photo path when written, so the file does not depend on
///   which worker finished first.
/// - **Never half-written.** The whole file is rewritten atomically (``BatchOutputFile``) every
///   ``checkpointSeconds`` while running and once at the end, so an interrupted batch keeps what
///   it had finished and a re-run goes on from there.
package struct BatchRun: Sendable {
  /// Every photo found, sorted by path.
  package let photos: [String]
  /// What the existing output already holds.
  package let ledger: BatchLedger
  /// The JSONL output file.
  package let output: String
  /// Photos run at the same time (≥ 1).
  package let jobs: Int
  /// The palette and options of this run: done lines made with others are recomputed.
  package let settings: JSONContract.BatchSettings
  /// Seconds between checkpoint writes of the output while running.
  package var checkpointSeconds: Double = 5

  /// Saves the lines to the output; ``BatchOutputFile/write(_:to:)`` unless replaced (tests of a
  /// failing save).
  package var save: @Sendable ([BatchLine], String) throws(BatchError) -> Void = {
    (lines, path) throws(BatchError) in try BatchOutputFile.write(lines, to: path)
  }

  /// Finds the photos in `folder` (never the output itself, when it lies inside) and reads the
  /// earlier results in `output`. Hold a ``BatchOutputLock`` on `output` from before this until
  /// ``run(_:progress:)`` returns.
  package init(
    folder: String, recursive: Bool = false, output: String, jobs: Int? = nil, settings: JSONContract.BatchSettings
  ) throws(BatchError) {
    let ownOutput = OutputTarget.canonical(output).map { Set([$0]) } ?? []
    let photos = try BatchPhotos.discover(in: folder, recursive: recursive, excluding: ownOutput)
    self.init(
      photos: photos, ledger: try BatchLedger(contentsOf: output).convertingOldKeys(folder: folder, photos: photos),
      output: output, jobs: jobs, settings: settings)
  }

  /// A batch over the given photos (sorted here) with an explicit ledger.
  package init(
    photos: [String], ledger: BatchLedger, output: String, jobs: Int? = nil, settings: JSONContract.BatchSettings
  ) {
    self.settings = settings
    self.photos = photos.sorted()
    self.ledger = ledger
    self.output = output
    self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
  }

  /// The photos this run will process: those without a result line made with ``settings``.
  package var pending: [String] { photos.filter { !isCurrent($0) } }

  /// The photos whose result line was made with other settings (or does not say): recomputed.
  package var stale: [String] { photos.filter { ledger.done[$0] != nil && !isCurrent($0) } }

  /// Whether `photo` has a result line made with ``settings``.
  private func isCurrent(_ photo: String) -> Bool {
    ledger.done[photo] != nil && ledger.settings[photo] == settings
  }

  /// Runs `work` on every pending photo (concurrently, from several threads) and writes the output.
  /// `progress(done, total)` is called after each photo, one call at a time. When a save fails
  /// (full disk), no further photo is started and the error is thrown as soon as the photos in
  /// progress end; the output keeps what the last good save wrote.
  package func run(
    _ work: @Sendable (String) -> BatchLine, progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) throws(BatchError) -> BatchSummary {
    let start = DispatchTime.now().uptimeNanoseconds
    let pending = self.pending
    let recomputed = Set(pending)
    let kept = ledger.done.values.filter { !recomputed.contains($0.photo) }
    let state = BatchState(count: pending.count, kept: kept, start: start)
    let workers = min(jobs, pending.count)
    if workers > 0 {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = state.next() {
          let line = work(pending[index])
          state.finish(index, line, checkpointSeconds: checkpointSeconds) { done in
            progress(done, pending.count)
          } write: { lines throws(BatchError) in
            try save(lines, output)
          }
        }
      }
    }
    if let error = state.writeError { throw Self.stopped(error, state.finished, pending.count) }
    do { try save(state.lines(), output) } catch {
      throw Self.stopped(error, state.finished, pending.count)
    }
    let results = state.results
    let failed = results.reduce(0) { $0 + (($1?.isError ?? false) ? 1 : 0) }
    return BatchSummary(
      photos: photos.count, processed: pending.count, skipped: photos.count - pending.count,
      failed: failed, recomputed: stale.count,
      seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }

  /// A failed save, saying how far the batch got and that the output keeps its last good save.
  static func stopped(_ error: BatchError, _ done: Int, _ total: Int) -> BatchError {
    guard case .output(let path, let reason) = error else { return error }
    return .output(
      path: path,
      reason: "\(reason); the batch stopped after \(done) of \(total) photos "
        + "(the output keeps the results saved before; a re-run goes on from there)")
  }
}

/// The shared state of a running batch: the next photo to take and the finished lines.
/// Audited `@unchecked Sendable`: every access goes through `lock`.
private final class BatchState: @unchecked Sendable {
  private let lock = NSLock()
  private var cursor = 0
  private(set) var results: [BatchLine?]
  private let kept: [BatchLine]
  private var done = 0
  private var lastWrite: UInt64
  private(set) var writeError: BatchError?

  init(count: Int, kept: [BatchLine], start: UInt64) {
    results = [BatchLine?](repeating: nil, count: count)
    self.kept = kept
    lastWrite = start
  }

  /// The next pending index, or nil when all are taken or a save has failed.
  func next() -> Int? {
    lock.withLock {
      guard cursor < results.count, writeError == nil else { return nil }
      defer { cursor += 1 }
      return cursor
    }
  }

  /// Records `line` for `index`, reports progress and writes a checkpoint when one is due, all
  /// under the lock (so progress calls and writes never overlap).
  func finish(
    _ index: Int, _ line: BatchLine, checkpointSeconds: Double, progress: (Int) -> Void,
    write: ([BatchLine]) throws(BatchError) -> Void
  ) {
    lock.withLock {
      results[index] = line
      done += 1
      progress(done)
      let now = DispatchTime.now().uptimeNanoseconds
      guard writeError == nil, done < results.count,
        Double(now - lastWrite) / 1e9 >= checkpointSeconds
      else { return }
      do throws(BatchError) { try write(sortedLines()) } catch { writeError = error }
      lastWrite = DispatchTime.now().uptimeNanoseconds
    }
  }

  /// Photos finished so far.
  var finished: Int { lock.withLock { done } }

  /// Kept and finished lines, sorted by photo path.
  func lines() -> [BatchLine] { lock.withLock { sortedLines() } }

  private func sortedLines() -> [BatchLine] {
    (kept + results.compactMap { $0 }).sorted { $0.photo < $1.photo }
  }
}
