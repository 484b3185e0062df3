import Foundation
internal import CPhotoCodecs

/// One row of a PNG streamed by ``PhotoDecoder/streamPNGRows(contentsOf:options:rows:)``: `count`
/// pixels of stored row `y`, pixel k at column `x0 + k·dx` (an interlaced file's Adam7 pass rows,
/// PNG §8.2; `x0` = 0 and `dx` = 1 otherwise). Valid only during the call that receives it.
public struct StreamedPNGRow {
  /// The stored row and the pass geometry of its pixels.
  public let y, x0, dx, count: Int
  /// Interleaved RGBA as decoded (8 or 16 bits, native-endian; alpha full where the file has none).
  let samples: UnsafeRawPointer
  let sixteen: Bool
  /// Colour-managed linear-light RGB (sRGB primaries, D65), 3 floats a pixel; empty unless asked for.
  public let linear: UnsafeBufferPointer<Float>

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

/// Runs `pmc_decode_png_rows_file`, handing each row to a Swift closure: the one bridge for every
/// PNG read row by row (opacity planes, label planes, streamed statistics).
enum PNGRowStream {
  /// The closure the C sink calls (through the context pointer).
  private final class Sink {
    let body: (StreamedPNGRow) -> Void
    init(_ body: @escaping (StreamedPNGRow) -> Void) { self.body = body }
  }

  static func options(_ options: DecodeOptions) -> pmc_options {
    var c = pmc_options()
    c.max_pixels = UInt64(max(options.maxPixels, 0))
    c.max_file_pixels = UInt64(max(options.maxFilePixels, 0))
    return c
  }

  /// Reads and checks only the header of the PNG `file` (then rewinds it): its stored size.
  static func header(_ file: UnsafeMutablePointer<FILE>, path: String, options: DecodeOptions) throws(PhotoError)
    -> (width: Int, height: Int)
  {
    var c = Self.options(options)
    var target = pmc_png_rows(sink: nil, context: nil, linearize: 0)
    let decoded = DecodedImage()
    let status = pmc_decode_png_rows_file(file, &c, &target, &decoded.image)
    guard status == Int32(PMC_OK) else { throw DecodedImage.error(status: status, path: path, decoded: decoded) }
    guard fseek(file, 0, SEEK_SET) == 0 else { throw .unreadable(path: path, reason: "cannot seek") }
    let (width, height) = (Int(decoded.image.file_width), Int(decoded.image.file_height))
    guard width > 0, height > 0 else { throw .corrupt(path: path, format: .png, detail: "empty image") }
    return (width, height)
  }

  /// Decodes the PNG `file` row by row into `rows` (with linear light when `linearize`); returns the
  /// C image (no pixels: its size, colour fields, orientation and row-buffer bytes).
  static func run(
    _ file: UnsafeMutablePointer<FILE>, path: String, options: DecodeOptions, linearize: Bool,
    rows: (StreamedPNGRow) -> Void
  ) throws(PhotoError) -> DecodedImage {
    var c = Self.options(options)
    let decoded = DecodedImage()
    let status = withoutActuallyEscaping(rows) { rows -> Int32 in
      let sink = Sink(rows)
      return withExtendedLifetime(sink) {
        var target = pmc_png_rows(
          sink: { context, row in
            guard let context, let row else { return }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let r = row.pointee
            let count = Int(r.count)
            sink.body(
              StreamedPNGRow(
                y: Int(r.y), x0: Int(r.x0), dx: Int(r.dx), count: count, samples: UnsafeRawPointer(r.samples),
                sixteen: r.sample_bits == 16,
                linear: UnsafeBufferPointer(start: r.linear, count: r.linear == nil ? 0 : 3 * count)))
          },
          context: Unmanaged.passUnretained(sink).toOpaque(), linearize: linearize ? 1 : 0)
        return pmc_decode_png_rows_file(file, &c, &target, &decoded.image)
      }
    }
    guard status == Int32(PMC_OK) else { throw DecodedImage.error(status: status, path: path, decoded: decoded) }
    return decoded
  }
}

extension PNGRowStream {
  /// One value a pixel of a streamed PNG, upright (EXIF orientation applied, as for ``Photo``).
  struct Plane<Value> {
    let width, height: Int
    let values: [Value]
    /// The plane and the decoder's row buffers, in bytes.
    let decoderBytes: Int
  }

  /// Streams the PNG `file` into a plane of `classify(row, k)` for every pixel, holding the plane
  /// and one row: the header is checked first (the plane is allocated only within the limits),
  /// then every row (pass row, when interlaced) writes its pixels where they belong. Pixels start
  /// as `empty`.
  static func plane<Value>(
    _ file: UnsafeMutablePointer<FILE>, path: String, options: DecodeOptions, linearize: Bool, empty: Value,
    classify: (StreamedPNGRow, Int) -> Value
  ) throws(PhotoError) -> Plane<Value> {
    let (width, height) = try header(file, path: path, options: options)
    var stored = [Value](repeating: empty, count: width * height)
    let decoded = try stored.withUnsafeMutableBufferPointer { (plane) throws(PhotoError) -> DecodedImage in
      try run(file, path: path, options: options, linearize: linearize) { row in
        let line = row.y * width
        guard row.y < height else { return }
        for k in 0..<row.count where row.x(k) < width { plane[line + row.x(k)] = classify(row, k) }
      }
    }
    let orientation = decoded.image.orientation == 0 ? 1 : Int(decoded.image.orientation)
    let values = ExifOrientation.upright(stored, channels: 1, width: width, height: height, orientation: orientation)
    let swap = ExifOrientation.swapsSides(orientation)
    return Plane(
      width: swap ? height : width, height: swap ? width : height, values: values,
      decoderBytes: MemoryLayout<Value>.stride * width * height + Int(clamping: decoded.image.pixel_bytes))
  }
}
