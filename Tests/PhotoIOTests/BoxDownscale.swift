import PhotoIO

/// Test oracle for PNG's downscaled decode (which the C decoder does while rows stream): each
/// output pixel is the mean of a factor × factor block of a full decode, in linear light, weighted
/// by opacity so transparent pixels do not darken edges. Written separately, in Swift, in float.
enum BoxDownscale {
  static func reduce(_ photo: Photo, by factor: Int) -> Photo {
    let width = photo.width / factor
    let height = photo.height / factor
    guard factor > 1, width > 0, height > 0 else { return photo }
    var rgb = [Float](repeating: 0, count: width * height * 3)
    var alphaOut = [Float](repeating: 1, count: width * height)
    let hasAlpha = photo.opacity != .opaque
    let area = Float(factor * factor)
    for y in 0..<height {
      for x in 0..<width {
        var sum: (Float, Float, Float) = (0, 0, 0)
        var weight: Float = 0
        for dy in 0..<factor {
          let row = (y * factor + dy) * photo.width
          for dx in 0..<factor {
            let index = row + x * factor + dx
            let a = hasAlpha ? photo.alpha(at: index) : 1
            let (r, g, b) = photo.linearRGB(at: index)
            sum = (sum.0 + a * r, sum.1 + a * g, sum.2 + a * b)
            weight += a
          }
        }
        let out = y * width + x
        if weight > 0 {
          rgb[3 * out] = sum.0 / weight
          rgb[3 * out + 1] = sum.1 / weight
          rgb[3 * out + 2] = sum.2 / weight
        }
        alphaOut[out] = weight / area
      }
    }
    let opacity: Opacity =
      hasAlpha ? .alpha8(alphaOut.map { UInt8((min(max($0, 0), 1) * 255).rounded()) }) : .opaque
    return Photo(
      width: width, height: height, pixels: .linear(rgb), opacity: opacity, metadata: photo.metadata,
      warnings: photo.warnings)
  }
}
