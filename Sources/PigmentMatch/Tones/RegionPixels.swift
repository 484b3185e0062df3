import Colorimetry

/// Which decoded pixels of a (possibly downscaled) photo lie in a region given in full-resolution
/// coordinates, and robust colours over them. Full resolution is the photo's stored size
/// (`PhotoMetadata.width`/`height`); a decoded pixel covers `scale` × `scale` full-resolution pixels.
enum RegionPixels {
  /// Full-resolution pixels per decoded pixel, horizontally and vertically (1 when not downscaled).
  static func scale(of photo: Photo) -> (x: Double, y: Double) {
    let (fw, fh) = fullSize(of: photo)
    return (Double(fw) / Double(max(photo.width, 1)), Double(fh) / Double(max(photo.height, 1)))
  }

  /// Full-resolution size of the photo as shown (upright): the stored size, swapped when the
  /// decoded pixels were turned a quarter (EXIF orientations 5–8 applied on decode).
  static func fullSize(of photo: Photo) -> (width: Int, height: Int) {
    let w = photo.metadata.width > 0 ? photo.metadata.width : photo.width
    let h = photo.metadata.height > 0 ? photo.metadata.height : photo.height
    let turned = (w > h && photo.width < photo.height) || (w < h && photo.width > photo.height)
    return turned ? (h, w) : (w, h)
  }

  /// Row-major decoded indices of every decoded pixel overlapping `rect` (at least one when the
  /// rectangle is inside the photo), opaque ones only.
  static func indices(of rect: RegionOfInterest, in photo: Photo) -> [Int] {
    guard photo.width > 0, photo.height > 0 else { return [] }
    let (sx, sy) = scale(of: photo)
    let x0 = min(photo.width - 1, Int(Double(rect.x) / sx))
    let y0 = min(photo.height - 1, Int(Double(rect.y) / sy))
    let x1 = max(x0 + 1, min(photo.width, Int((Double(rect.x + rect.width) / sx).rounded(.up))))
    let y1 = max(y0 + 1, min(photo.height, Int((Double(rect.y + rect.height) / sy).rounded(.up))))
    var out: [Int] = []
    out.reserveCapacity((x1 - x0) * (y1 - y0))
    for y in y0..<y1 {
      for x in x0..<x1 where photo.isOpaque(at: y * photo.width + x) { out.append(y * photo.width + x) }
    }
    return out
  }

  /// The decoded index holding full-resolution point (`x`, `y`); nil outside the photo.
  static func index(x: Double, y: Double, in photo: Photo) -> Int? {
    let (sx, sy) = scale(of: photo)
    let (dx, dy) = (x / sx, y / sy)
    guard dx.isFinite, dy.isFinite, dx >= 0, dy >= 0, dx < Double(photo.width), dy < Double(photo.height) else {
      return nil
    }
    return Int(dy) * photo.width + Int(dx)
  }

  /// Per-channel median linear RGB of `indices`; nil when empty.
  static func medianLinearRGB(_ photo: Photo, _ indices: [Int]) -> LinearRGB? {
    guard !indices.isEmpty else { return nil }
    var r: [Float] = []
    var g: [Float] = []
    var b: [Float] = []
    r.reserveCapacity(indices.count)
    g.reserveCapacity(indices.count)
    b.reserveCapacity(indices.count)
    for i in indices {
      let p = photo.linearRGB(at: i)
      guard p.r.isFinite, p.g.isFinite, p.b.isFinite else { continue }
      r.append(p.r)
      g.append(p.g)
      b.append(p.b)
    }
    guard !r.isEmpty else { return nil }
    return LinearRGB(
      r: Double(Statistics.median(r)), g: Double(Statistics.median(g)), b: Double(Statistics.median(b)))
  }
}
