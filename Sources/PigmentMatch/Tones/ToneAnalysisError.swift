/// Why a photo could not be analysed. Every case names the file or argument; ``description`` is one
/// line a practitioner understands, e.g. `scalp.jpg: no skin-like pixels in the analysed area`.
public enum ToneAnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The photo could not be decoded.
  case photo(PhotoError)
  /// The mask file could not be decoded.
  case maskUnreadable(PhotoError)
  /// The mask's size differs from the photo's (both full-resolution, width × height).
  case maskSizeMismatch(path: String, maskWidth: Int, maskHeight: Int, photoWidth: Int, photoHeight: Int)
  /// `--roi` text is not `x,y,w,h` with non-negative integers and a positive size.
  case invalidRegion(text: String, reason: String)
  /// The region of interest does not lie inside the photo.
  case regionOutsideImage(path: String, region: RegionOfInterest, width: Int, height: Int)
  /// Fewer usable pixels than the analysis needs.
  case tooFewPixels(path: String, count: Int, minimum: Int)
  /// Practically every pixel is black (or white): nothing to measure.
  case uniformPhoto(path: String, white: Bool)
  /// No pixel in the analysed area looks like skin (all background, all saturated colour).
  case noSkinPixels(path: String)

  /// What is wrong, with the file or argument it concerns first.
  public var description: String {
    switch self {
    case .photo(let error): return error.description
    case .maskUnreadable(let error): return "\(error.description) (mask)"
    case .maskSizeMismatch(let path, let mw, let mh, let pw, let ph):
      return "\(path): the mask is \(mw)×\(mh) pixels but the photo is \(pw)×\(ph); they must be the same size"
    case .invalidRegion(let text, let reason):
      return "\(text): not a region x,y,w,h (\(reason))"
    case .regionOutsideImage(let path, let r, let w, let h):
      return "\(path): the region \(r.x),\(r.y),\(r.width),\(r.height) is not inside the \(w)×\(h) photo"
    case .tooFewPixels(let path, let count, let minimum):
      return "\(path): only \(count) usable pixels in the analysed area (at least \(minimum) needed)"
    case .uniformPhoto(let path, let white):
      return
        "\(path): the photo is practically all \(white ? "white (over-exposed)" : "black (under-exposed)"); nothing to measure"
    case .noSkinPixels(let path):
      return "\(path): no skin-like pixels in the analysed area"
    }
  }
}
