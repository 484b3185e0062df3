import Foundation
internal import CPhotoCodecs

/// One row of a PNG streamed by ``PhotoDecoder/streamPNGRows(contentsOf:options:rows:)`` (and,
/// internally, of a PNG or JPEG streamed into an opacity or label plane): `count` pixels of stored
/// row `y`, pixel k at column `x0 + k·dx` (an interlaced PNG's Adam7 pass rows, PNG §8.2; `x0` = 0
/// and `dx` = 1 otherwise). Valid only during the call that receives it.
public struct StreamedPNGRow {
  /// The stored row and the pass geometry of its pixels.
  public let y, x0, dx, count: Int
  /// Interleaved RGBA as decoded (8 or 16 bits, native-endian; alpha full where the file has none).
  let samples: UnsafeRawPointer
  let sixteen: Bool
  /// Colour-managed linear-light RGB (sRGB primaries, D65), 3 floats a pixel; empty unless asked for.
  public let linear: UnsafeBufferPointer<Float>
  /// The file's EXIF orientation (1…8; 1 when it has none).
  let orientation: Int

  /// Column of pixel `k`.
  public func x(_ k: Int) -> Int { x0 + k * dx }

  /// Stored sample `c` (0…3: R, G, B, A) of pixel `k`.
  func sample(_ k: Int, _ c: Int) -> Int {
    sixteen
      ? Int(samples.load(fromByteOffset: 2 * (4 * k + c), as: UInt16.self))
      : Int(samples.load(fromByteOffset: 4 * k + c, as: UInt8.self))
  }

  /// Opacity of pixel `k` in 0…1 (as ``Photo/alpha(at:)`` reads it).
  public func alpha(_ k: Int) -> Float { sixteen ? Float(sample(k, 3)) / 65535 : Float(sample(k, 3)) / 255 }

  /// Whether pixel `k` is fully opaque.
  public func isOpaque(_ k: Int) -> Bool { sample(k, 3) == (sixteen ? 65535 : 255) }

  /// Whether pixel `k` is marked in an opacity plane: not fully transparent and any colour sample
  /// non-zero, as stored.
  func isMarked(_ k: Int) -> Bool {
    sample(k, 3) != 0 && (sample(k, 0) != 0 || sample(k, 1) != 0 || sample(k, 2) != 0)
  }
}

/// Runs `pmc_decode_png_rows_file` or `pmc_decode_jpeg_rows_file`, handing each row to a Swift
/// closure: the one bridge for every photo read row by row (opacity planes, label planes, streamed
/// statistics).
enum RowStream {
  /// The closure the C sink calls (through the context pointer).
  private final class Sink {
    let body: (StreamedPNGRow) -> Void
    init(_ body: @escaping (StreamedPNGRow) -> Void) { self.body = body }
  }

  /// Whether `format` streams row by row (PNG and JPEG; HEIF is decoded whole: libheif has no row API).
  static func streams(_ format: PhotoFormat) -> Bool { format == .png || format == .jpeg }

  /// The C row reader of `format` (PNG or JPEG).
  private static func read(
    _ format: PhotoFormat, _ file: UnsafeMutablePointer<FILE>, _ options: inout pmc_options, _ target: inout pmc_rows,
    _ image: inout pmc_image
  ) -> Int32 {
    format == .jpeg
      ? pmc_decode_jpeg_rows_file(file, &options, &target, &image)
      : pmc_decode_png_rows_file(file, &options, &target, &image)
  }

  /// Reads and checks only the header of the `format` file `file` (then rewinds it): its stored size.
  static func header(_ file: UnsafeMutablePointer<FILE>, format: PhotoFormat, path: String, options: DecodeOptions)
    throws(PhotoError) -> (width: Int, height: Int)
  {
    var c = DecodedImage.cOptions(options)
    var target = pmc_rows(sink: nil, context: nil, linearize: 0)
    let decoded = DecodedImage()
    let status = read(format, file, &c, &target, &decoded.image)
    guard status == Int32(PMC_OK) else { throw DecodedImage.error(status: status, path: path, decoded: decoded) }
    guard fseek(file, 0, SEEK_SET) == 0 else { throw .unreadable(path: path, reason: "cannot seek") }
    let (width, height) = (Int(decoded.image.file_width), Int(decoded.image.file_height))
    guard width > 0, height > 0 else { throw .corrupt(path: path, format: format, detail: "empty image") }
    return (width, height)
  }

  /// Decodes the `format` file `file` row by row into `rows` (with linear light when `linearize`);
  /// returns the C image (no pixels: its size, colour fields, orientation and row-buffer bytes).
  static func run(
    _ file: UnsafeMutablePointer<FILE>, format: PhotoFormat, path: String, options: DecodeOptions, linearize: Bool,
    rows: (StreamedPNGRow) -> Void
  ) throws(PhotoError) -> DecodedImage {
    var c = DecodedImage.cOptions(options)
    let decoded = DecodedImage()
    let status = withoutActuallyEscaping(rows) { rows -> Int32 in
      let sink = Sink(rows)
      return withExtendedLifetime(sink) {
        var target = pmc_rows(
          sink: { context, row in
            guard let context, let row else { return }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let r = row.pointee
            let count = Int(r.count)
            sink.body(
              StreamedPNGRow(
                y: Int(r.y), x0: Int(r.x0), dx: Int(r.dx), count: count, samples: UnsafeRawPointer(r.samples),
                sixteen: r.sample_bits == 16,
                linear: UnsafeBufferPointer(start: r.linear, count: r.linear == nil ? 0 : 3 * count),
                orientation: (1...8).contains(r.orientation) ? Int(r.orientation) : 1))
          },
          context: Unmanaged.passUnretained(sink).toOpaque(), linearize: linearize ? 1 : 0)
        return read(format, file, &c, &target, &decoded.image)
      }
    }
    guard status == Int32(PMC_OK) else { throw DecodedImage.error(status: status, path: path, decoded: decoded) }
    return decoded
  }
}

extension RowStream {
  /// One value a pixel of a streamed photo, upright (EXIF orientation applied, as for ``Photo``).
  struct Plane<Value> {
    let width, height: Int
    let values: [Value]
    /// The plane and the decoder's row buffers, in bytes.
    let decoderBytes: Int
  }

  /// Streams the PNG or JPEG `file` into a plane of `classify(row, k)` for every pixel, holding the
  /// plane and one row: the header is checked first (the plane is allocated only within the
  /// limits), then every row (pass row, when interlaced) writes its pixels where the upright
  /// picture shows them (the stored row turned by its EXIF orientation, no second plane). Pixels
  /// start as `empty`.
  static func plane<Value>(
    _ file: UnsafeMutablePointer<FILE>, format: PhotoFormat, path: String, options: DecodeOptions, linearize: Bool,
    empty: Value, classify: (StreamedPNGRow, Int) -> Value
  ) throws(PhotoError) -> Plane<Value> {
    let (width, height) = try header(file, format: format, path: path, options: options)
    var values = [Value](repeating: empty, count: width * height)
    var orientation = 1
    let decoded = try values.withUnsafeMutableBufferPointer { (plane) throws(PhotoError) -> DecodedImage in
      try run(file, format: format, path: path, options: options, linearize: linearize) { row in
        guard row.y < height else { return }
        orientation = row.orientation
        // Upright index of stored (x, row.y) is first + x·step: each orientation maps a stored row to
        // an upright row or column, walked forwards or backwards.
        let uprightWidth = ExifOrientation.swapsSides(orientation) ? height : width
        func index(_ x: Int) -> Int {
          let p = ExifOrientation.uprightPixel(x: x, y: row.y, width: width, height: height, orientation: orientation)
          return p.y * uprightWidth + p.x
        }
        let first = index(0), step = width > 1 ? index(1) - first : 0
        for k in 0..<row.count where row.x(k) < width { plane[first + row.x(k) * step] = classify(row, k) }
      }
    }
    let swap = ExifOrientation.swapsSides(orientation)
    return Plane(
      width: swap ? height : width, height: swap ? width : height, values: values,
      decoderBytes: MemoryLayout<Value>.stride * width * height + Int(clamping: decoded.image.pixel_bytes))
  }
}
