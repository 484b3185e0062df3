/// The container formats the decoder reads.
public enum PhotoFormat: String, Sendable, Codable, CaseIterable {
  case png
  case jpeg

  /// The conventional upper-case name ("PNG", "JPEG").
  public var name: String { rawValue.uppercased() }

  /// What a byte prefix is, by its signature.
  enum Sniffed: Equatable {
    case decodable(PhotoFormat)
    case other(String)
    case unknown
  }

  /// Identifies a file by its first bytes (signatures per each format's specification).
  static func sniff(_ bytes: some Collection<UInt8>) -> Sniffed {
    let head = Array(bytes.prefix(12))
    func starts(_ signature: [UInt8]) -> Bool { head.starts(with: signature) }
    if starts([0x89, 0x50, 0x4E, 0x47]) { return .decodable(.png) }
    if starts([0xFF, 0xD8]) { return .decodable(.jpeg) }
    if starts(Array("GIF8".utf8)) { return .other("GIF") }
    if starts(Array("BM".utf8)) { return .other("BMP") }
    if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .other("TIFF") }
    if starts(Array("RIFF".utf8)) && head.count >= 12 && Array(head[8..<12]) == Array("WEBP".utf8) {
      return .other("WebP")
    }
    if head.count >= 12 && Array(head[4..<8]) == Array("ftyp".utf8) { return .other("HEIF/AVIF") }
    return .unknown
  }
}
