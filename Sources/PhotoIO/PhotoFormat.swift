/// The container formats the decoder reads.
public enum PhotoFormat: String, Sendable, Codable, CaseIterable {
  case png
  case jpeg
  /// HEIF (ISO/IEC 23008-12): HEIC as phones write it (HEVC), or another HEIF codec.
  case heif
  /// AVIF (AV1 Image File Format): HEIF with AV1-coded images.
  case avif

  /// The conventional upper-case name ("PNG", "JPEG", "HEIF", "AVIF").
  public var name: String { rawValue.uppercased() }

  /// What a byte prefix is, by its signature.
  enum Sniffed: Equatable {
    case decodable(PhotoFormat)
    case other(String)
    case unknown
  }

  /// How many leading bytes ``sniff(_:)`` looks at (enough for an ISO BMFF `ftyp` box with a few
  /// compatible brands).
  static let signatureLength = 64

  /// Identifies a file by its first bytes (signatures per each format's specification).
  static func sniff(_ bytes: some Collection<UInt8>) -> Sniffed {
    let head = Array(bytes.prefix(signatureLength))
    func starts(_ signature: [UInt8]) -> Bool { head.starts(with: signature) }
    if starts([0x89, 0x50, 0x4E, 0x47]) { return .decodable(.png) }
    if starts([0xFF, 0xD8]) { return .decodable(.jpeg) }
    if starts(Array("GIF8".utf8)) { return .other("GIF") }
    if starts(Array("BM".utf8)) { return .other("BMP") }
    if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .other("TIFF") }
    if starts(Array("RIFF".utf8)) && head.count >= 12 && Array(head[8..<12]) == Array("WEBP".utf8) {
      return .other("WebP")
    }
    if let brands = ftypBrands(head) {
      if let format = heifFormat(brands) { return .decodable(format) }
      // Name the major brand only when it is printable (a four-character code).
      let major = brands.first ?? ""
      let printable = major.utf8.allSatisfy { (0x20...0x7E).contains($0) }
      return .other(printable ? "ISO media (\(major))" : "ISO media")
    }
    return .unknown
  }

  /// Brands of HEIF image files (ISO/IEC 23008-12 Annex B and D; AV1 Image File Format §4; MIAF
  /// ISO/IEC 23000-22 §7.2): still images and image sequences.
  static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "miaf"]
  static let avifBrands: Set<String> = ["avif", "avis"]

  /// HEIF or AVIF from the major brand, then the compatible brands; nil for other ISO media
  /// (MP4, QuickTime …).
  static func heifFormat(_ brands: [String]) -> PhotoFormat? {
    for brand in brands {
      if avifBrands.contains(brand) { return .avif }
      if heifBrands.contains(brand) && brand != "mif1" && brand != "msf1" && brand != "miaf" { return .heif }
    }
    // Only the generic image brands: HEIF, unless an AV1 brand follows.
    return brands.contains { heifBrands.contains($0) } ? .heif : nil
  }

  /// The major and compatible brands of an ISO base media `ftyp` box at the start of `head`
  /// (ISO/IEC 14496-12 §4.3: size, "ftyp", major brand, minor version, compatible brands), as far
  /// as `head` holds them; nil when `head` does not start with one.
  static func ftypBrands(_ head: [UInt8]) -> [String]? {
    guard head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) else { return nil }
    let size = head[0..<4].reduce(0) { $0 << 8 | Int($1) }
    guard size >= 16 || size == 0 else { return nil }
    func brand(at offset: Int) -> String { String(decoding: head[offset..<offset + 4], as: UTF8.self) }
    var brands = [brand(at: 8)]
    var offset = 16
    let end = size == 0 ? head.count : min(size, head.count)
    while offset + 4 <= end {
      brands.append(brand(at: offset))
      offset += 4
    }
    return brands
  }
}
