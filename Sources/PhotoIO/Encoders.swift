internal import CPhotoCodecs

/// 8-bit PNG encoding for reports and swatch sheets: sRGB (with an sRGB chunk), or tagged with an
/// ICC profile (iCCP) for pixels encoded in another colour space.
package enum PNGEncoder {
  /// Encodes interleaved sRGB-encoded samples; `channels` is 3 (RGB) or 4 (RGBA).
  package static func encode(srgb8 pixels: [UInt8], width: Int, height: Int, channels: Int = 3) throws(PhotoError)
    -> [UInt8]
  {
    try encode(pixels, width: width, height: height, channels: channels, iccProfile: nil)
  }

  /// Encodes interleaved 8-bit samples in the colour space of `iccProfile` (sRGB when nil).
  package static func encode(_ pixels: [UInt8], width: Int, height: Int, channels: Int = 3, iccProfile: [UInt8]?)
    throws(PhotoError) -> [UInt8]
  {
    guard width > 0, height > 0, channels == 3 || channels == 4, pixels.count == width * height * channels else {
      throw .encodingFailed(detail: "expected \(width)×\(height)×\(channels) samples, got \(pixels.count)")
    }
    let icc = iccProfile ?? []
    return try EncodedBuffer.make { out, length, message, messageLength in
      pixels.withUnsafeBufferPointer { samples in
        icc.withUnsafeBufferPointer { profile in
          pmc_encode_png(
            samples.baseAddress, Int32(width), Int32(height), Int32(channels), icc.isEmpty ? nil : profile.baseAddress,
            UInt32(icc.count), out, length, message, messageLength)
        }
      }
    }
  }
}

/// Baseline JPEG encoding (4:2:0), optionally tagged with an ICC profile. Used by the Samples
/// generator and the benchmark's generated photos.
package enum JPEGEncoder {
  /// Encodes interleaved 8-bit RGB samples at `quality` 1…100.
  package static func encode(rgb8 pixels: [UInt8], width: Int, height: Int, quality: Int = 90, iccProfile: [UInt8]? = nil)
    throws(PhotoError) -> [UInt8]
  {
    guard width > 0, height > 0, pixels.count == width * height * 3, (1...100).contains(quality) else {
      throw .encodingFailed(detail: "expected \(width)×\(height)×3 samples and quality 1…100")
    }
    let icc = iccProfile ?? []
    return try EncodedBuffer.make { out, length, message, messageLength in
      pixels.withUnsafeBufferPointer { rgb in
        icc.withUnsafeBufferPointer { profile in
          pmc_encode_jpeg(
            rgb.baseAddress, Int32(width), Int32(height), Int32(quality), icc.isEmpty ? nil : profile.baseAddress,
            UInt32(icc.count), out, length, message, messageLength)
        }
      }
    }
  }
}

/// Calls a C encoder that mallocs its output, copies it into a Swift array and frees it.
private enum EncodedBuffer {
  static func make(
    _ call: (
      UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<CChar>?, Int
    ) -> Int32
  ) throws(PhotoError) -> [UInt8] {
    var out: UnsafeMutablePointer<UInt8>?
    var length = 0
    var message = [CChar](repeating: 0, count: 256)
    let status = message.withUnsafeMutableBufferPointer { text in
      call(&out, &length, text.baseAddress, text.count)
    }
    guard status == Int32(PMC_OK), let out else {
      throw .encodingFailed(detail: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    defer { pmc_free(out) }
    return Array(UnsafeBufferPointer(start: out, count: length))
  }
}
