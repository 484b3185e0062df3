/// Bounds on a palette file, so a hostile or broken file is refused quickly instead of taking
/// minutes or gigabytes. Each is far above any real pigment line (the shipped palettes are 4–6 KB,
/// depth 5, six pigments; SMP lines have about 5–20 shades).
package enum PaletteLimits {
  /// Largest palette file read, bytes (1 MiB: about 1 000 pigments with full spectra).
  package static let maxFileBytes = 1 << 20
  /// Deepest nesting of JSON arrays and objects (the format needs 5: palette, pigments, pigment,
  /// reflectance, spectrum).
  package static let maxDepth = 32
  /// Most pigments in a palette (a blend solve costs about n² model evaluations per iteration).
  package static let maxPigments = 100
  /// The limits in one line, for `--help` and messages.
  package static let summary =
    "palette files: at most \(maxFileBytes >> 20) MiB, JSON nesting \(maxDepth) deep, \(maxPigments) pigments"
}
