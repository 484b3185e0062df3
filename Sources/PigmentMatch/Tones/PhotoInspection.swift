/// What `pigmatch inspect` reports about a photo: its metadata and mean colour.
package struct PhotoInspection: Sendable {
  package let path: String
  package let metadata: PhotoMetadata
  /// Mean CIELAB over all fully opaque pixels at full resolution; nil when none is opaque.
  package let meanLab: Lab?
  package let warnings: [String]

  /// Measures `path` at full resolution. A PNG streams row by row (an interlaced file pass by pass),
  /// each row colour-managed and summed as it comes, so memory holds a row whatever the image's size
  /// or interlacing; other formats are decoded whole.
  package init(path: String, options: DecodeOptions = .full) throws(PhotoError) {
    self.path = path
    var sum = Photo.LabSum()
    var l: [Float] = [], a: [Float] = [], b: [Float] = []
    let streamed = try PhotoDecoder.streamPNGRows(contentsOf: path, options: options) { row in
      sum = sum + Self.labSum(of: row, l: &l, a: &a, b: &b)
    }
    let found: [String]
    if let streamed {
      metadata = streamed.metadata
      meanLab = sum.mean
      found = streamed.warnings
    } else {
      let photo = try PhotoDecoder.decode(contentsOf: path, options: options)
      metadata = photo.metadata
      meanLab = photo.meanLab()
      found = photo.warnings
    }
    warnings = found + (meanLab == nil ? ["no fully opaque pixel: no mean colour"] : [])
  }

  /// The fully opaque pixels of `row` converted by Colorimetry's row kernel (into `l`, `a`, `b`,
  /// grown as needed) and summed.
  static func labSum(of row: StreamedPNGRow, l: inout [Float], a: inout [Float], b: inout [Float]) -> Photo.LabSum {
    guard row.count > 0, let linear = row.linear.baseAddress else { return Photo.LabSum() }
    if l.count < row.count {
      l = [Float](repeating: 0, count: row.count)
      (a, b) = (l, l)
    }
    l.withUnsafeMutableBufferPointer { pl in
      a.withUnsafeMutableBufferPointer { pa in
        b.withUnsafeMutableBufferPointer { pb in
          LabConversion.convertRow(
            linear: linear, count: row.count, l: pl.baseAddress!, a: pa.baseAddress!, b: pb.baseAddress!)
        }
      }
    }
    var sum = Photo.LabSum()
    for k in 0..<row.count where row.isOpaque(k) {
      sum.l += Double(l[k])
      sum.a += Double(a[k])
      sum.b += Double(b[k])
      sum.count += 1
    }
    return sum
  }
}
