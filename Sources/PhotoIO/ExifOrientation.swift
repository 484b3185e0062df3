/// EXIF orientation (EXIF 2.32 §4.6.4 A, tag 0x0112, after TIFF 6.0 "Orientation"): which corner of
/// the picture a viewer shows the stored rows and columns start from. Decoding applies it, so every
/// ``Photo`` is upright.
///
/// | value | stored row 0 is the picture's | stored column 0 is the picture's |
/// |---|---|---|
/// | 1 | top | left |
/// | 2 | top | right |
/// | 3 | bottom | right |
/// | 4 | bottom | left |
/// | 5 | left | top |
/// | 6 | right | top |
/// | 7 | right | bottom |
/// | 8 | left | bottom |
enum ExifOrientation {
  /// Whether the upright picture is the stored one turned a quarter (5–8: width and height swap).
  static func swapsSides(_ orientation: Int) -> Bool { (5...8).contains(orientation) }

  /// The stored pixel a viewer shows at upright (`x`, `y`), for a stored image `width` × `height`
  /// (the table above, read backwards).
  @inline(__always)
  static func storedPixel(x: Int, y: Int, width: Int, height: Int, orientation: Int) -> (x: Int, y: Int) {
    switch orientation {
    case 2: return (width - 1 - x, y)
    case 3: return (width - 1 - x, height - 1 - y)
    case 4: return (x, height - 1 - y)
    case 5: return (y, x)
    case 6: return (y, height - 1 - x)
    case 7: return (width - 1 - y, height - 1 - x)
    case 8: return (width - 1 - y, x)
    default: return (x, y)
    }
  }

  /// Where a viewer shows stored (`x`, `y`) of a stored image `width` × `height`: the upright
  /// position ``storedPixel(x:y:width:height:orientation:)`` maps back to it. The turn back is itself
  /// an orientation of the upright picture (6 and 8 undo each other; every other one undoes itself).
  @inline(__always)
  static func uprightPixel(x: Int, y: Int, width: Int, height: Int, orientation: Int) -> (x: Int, y: Int) {
    let back = orientation == 6 ? 8 : orientation == 8 ? 6 : orientation
    let (uprightWidth, uprightHeight) = swapsSides(orientation) ? (height, width) : (width, height)
    return storedPixel(x: x, y: y, width: uprightWidth, height: uprightHeight, orientation: back)
  }

  /// `samples` (row-major, `channels` per pixel, stored `width` × `height`) rearranged upright.
  static func upright<T>(_ samples: [T], channels: Int, width: Int, height: Int, orientation: Int) -> [T] {
    guard (2...8).contains(orientation), width > 0, height > 0, samples.count == width * height * channels else {
      return samples
    }
    let (outWidth, outHeight) = swapsSides(orientation) ? (height, width) : (width, height)
    return [T](unsafeUninitializedCapacity: samples.count) { out, initialized in
      samples.withUnsafeBufferPointer { source in
        guard let to = out.baseAddress, let from = source.baseAddress else { return }
        for y in 0..<outHeight {
          for x in 0..<outWidth {
            let s = storedPixel(x: x, y: y, width: width, height: height, orientation: orientation)
            let i = (s.y * width + s.x) * channels, o = (y * outWidth + x) * channels
            for c in 0..<channels { (to + o + c).initialize(to: from[i + c]) }
          }
        }
      }
      initialized = samples.count
    }
  }

  /// The photo's pixels and opacity upright.
  static func upright(_ pixels: PixelStorage, _ opacity: Opacity, width: Int, height: Int, orientation: Int)
    -> (PixelStorage, Opacity)
  {
    func turn<T>(_ samples: [T], _ channels: Int) -> [T] {
      upright(samples, channels: channels, width: width, height: height, orientation: orientation)
    }
    let turnedPixels: PixelStorage
    switch pixels {
    case .srgb8(let samples): turnedPixels = .srgb8(turn(samples, 3))
    case .srgb16(let samples): turnedPixels = .srgb16(turn(samples, 3))
    case .linear(let samples): turnedPixels = .linear(turn(samples, 3))
    }
    let turnedOpacity: Opacity
    switch opacity {
    case .opaque: turnedOpacity = .opaque
    case .alpha8(let values): turnedOpacity = .alpha8(turn(values, 1))
    case .alpha16(let values): turnedOpacity = .alpha16(turn(values, 1))
    }
    return (turnedPixels, turnedOpacity)
  }
}
