/// The counts and time of one batch run.
package struct BatchSummary: Sendable, Equatable {
  /// Photos found in the folder.
  package let photos: Int
  /// Photos analysed and matched this run.
  package let processed: Int
  /// Photos skipped because an earlier run had done them.
  package let skipped: Int
  /// Photos processed again because their earlier line was made with another palette or other
  /// options (counted in ``processed``).
  package let recomputed: Int
  /// Photos that failed this run (recorded as error lines; retried next run).
  package let failed: Int
  /// Wall-clock seconds of the run.
  package let seconds: Double

  /// A summary with the given counts.
  package init(photos: Int, processed: Int, skipped: Int, failed: Int, recomputed: Int, seconds: Double) {
    self.photos = photos
    self.processed = processed
    self.skipped = skipped
    self.failed = failed
    self.recomputed = recomputed
    self.seconds = seconds
  }
}
