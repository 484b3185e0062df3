import Foundation
internal import CPhotoCodecs

/// Runs a JPEG decode on a second thread and hands its finished rows to the calling thread, so
/// work on the first rows overlaps the decoding of the rest.
///
/// The decoder (C, libjpeg) writes rows into the caller's buffer and publishes how many are done
/// through a `pmc_progress` (mutex and condition variable); the caller reads only rows it was told
/// about, so the two threads never touch the same bytes at once.
enum RowStreamingDecode {
  /// Decoded and stored size of the photo, its embedded ICC profile, and whether its rows may be
  /// handed out as they are decoded (no EXIF turn needed).
  struct Size {
    let width, height, fileWidth, fileHeight: Int
    let icc: [UInt8]?
    let streams: Bool
  }

  /// What the decode thread owns until it finishes. Audited `@unchecked Sendable`: the caller
  /// starts the thread and then touches `image` and `status` only after `pmc_progress_wait`
  /// reported the decode finished (the progress mutex orders the writes before those reads).
  private final class Job: @unchecked Sendable {
    let source: DecodedImage.Source
    var options: pmc_options
    let image: DecodedImage
    let progress: OpaquePointer
    var status = Int32(PMC_OK)

    init(source: DecodedImage.Source, options: pmc_options, image: DecodedImage, progress: OpaquePointer) {
      self.source = source
      self.options = options
      self.image = image
      self.progress = progress
    }

    /// Runs on the decode thread.
    func run() {
      status = DecodedImage.decodeJPEG(source, &options, &image.image)
      pmc_progress_finish(progress)
    }

    // Whichever thread lets go of the job last frees the progress object.
    deinit { pmc_progress_destroy(progress) }
  }

  /// Runs `job` on a new detached POSIX thread; false when none can be created (then nothing runs).
  private static func start(_ job: Job) -> Bool {
    let context = Unmanaged.passRetained(job).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(
      &thread, nil,
      { argument in
        guard let argument else { return nil }
        Unmanaged<Job>.fromOpaque(argument).takeRetainedValue().run()
        return nil
      }, context)
    guard status == 0 else {
      Unmanaged<Job>.fromOpaque(context).release()
      return false
    }
    pthread_detach(thread)
    return true
  }

  /// Decodes into `pixels` (3 × width × height bytes) on a new thread, calling `deliver` here for
  /// every band of finished rows; returns the decoder's status and, for a JPEG with a usable ICC
  /// profile, the photo in linear light (its rows converted here as they came, and delivered so).
  /// Without memory for the progress object it decodes on this thread, and rows are still
  /// delivered (all at once at the end).
  static func run(
    source: DecodedImage.Source, options: pmc_options, image: DecodedImage, pixels: UnsafeMutablePointer<UInt8>,
    size: Size, deliver: (DecodedRows) -> Void
  ) -> (status: Int32, linear: [Float]?) {
    // Made once the decoder is running (off the critical path): the profile's converter and the
    // linear-light photo it fills.
    var converter: OpaquePointer?
    defer { pmc_row_converter_free(converter) }
    var linear: [Float] = []
    func prepareConversion() {
      converter = size.icc.flatMap { icc in
        icc.withUnsafeBufferPointer { pmc_row_converter_create($0.baseAddress, UInt32($0.count), nil, 0) }
      }
      if converter != nil { linear = [Float](repeating: 0, count: size.width * size.height * 3) }
    }
    func hand(_ rows: Range<Int>) {
      guard !rows.isEmpty else { return }
      let offset = rows.lowerBound * size.width * 3
      let count = rows.count * size.width * 3
      let band: DecodedRows.Samples
      if let converter {
        band = linear.withUnsafeMutableBufferPointer { out -> DecodedRows.Samples in
          for row in rows {
            let o = row * size.width * 3
            pmc_row_converter_run(converter, pixels + o, out.baseAddress! + o, size.width)
          }
          return .linear(UnsafeBufferPointer(start: out.baseAddress! + offset, count: count))
        }
      } else {
        band = .srgb8(UnsafeBufferPointer(start: UnsafePointer(pixels + offset), count: count))
      }
      deliver(
        DecodedRows(
          width: size.width, height: size.height, fileWidth: size.fileWidth, fileHeight: size.fileHeight,
          rows: rows, samples: band))
    }
    /// The decode's status and, when it succeeded through a profile, the linear-light photo.
    func outcome(_ status: Int32) -> (status: Int32, linear: [Float]?) {
      (status, converter == nil || status != Int32(PMC_OK) ? nil : linear)
    }
    // Without a progress object or a thread: decode here, then hand out every row at once.
    var options = options
    let job = pmc_progress_create().map { progress in
      options.progress = progress
      return Job(source: source, options: options, image: image, progress: progress)
    }
    guard let job, Self.start(job) else {
      options.progress = nil
      prepareConversion()
      let status = DecodedImage.decodeJPEG(source, &options, &image.image)
      if status == Int32(PMC_OK) { hand(0..<size.height) }
      return outcome(status)
    }
    let progress = job.progress
    prepareConversion()
    var seen: Int32 = 0
    var done: Int32 = 0
    while done == 0 {
      let ready = pmc_progress_wait(progress, seen, &done)
      if done == 0 {
        hand(Int(seen)..<Int(ready))
        seen = ready
      }
    }
    // Finished: the rest of the rows (or none, if the decode failed).
    if job.status == Int32(PMC_OK) { hand(Int(seen)..<size.height) }
    return outcome(job.status)
  }
}
