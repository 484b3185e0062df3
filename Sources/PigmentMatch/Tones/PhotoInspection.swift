/// What `pigmatch inspect` reports about a photo: its metadata and mean colour.
package struct PhotoInspection: Sendable {
  package let path: String
  package let metadata: PhotoMetadata
  /// Mean CIELAB over all fully opaque pixels at full resolution; nil when none is opaque.
  package let meanLab: Lab?
  package let warnings: [String]

  /// Decodes `path` at full resolution and measures it.
  package init(path: String, options: DecodeOptions = .full) throws(PhotoError) {
    let photo = try PhotoDecoder.decode(contentsOf: path, options: options)
    self.path = path
    metadata = photo.metadata
    meanLab = photo.meanLab()
    warnings = photo.warnings + (meanLab == nil ? ["no fully opaque pixel: no mean colour"] : [])
  }
}
