/// Why a spectrum was rejected.
public enum SpectrumError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The number of samples is not 31 (400…700 nm at 10 nm).
  case wrongCount(Int)
  /// A sample is NaN or infinite; `wavelength` in nm.
  case nonFinite(wavelength: Double)

  /// A practitioner-readable message.
  public var description: String {
    switch self {
    case .wrongCount(let n):
      return "a spectrum needs 31 values (400–700 nm every 10 nm), got \(n)"
    case .nonFinite(let w):
      return "the spectrum value at \(Int(w)) nm is not a finite number"
    }
  }
}

/// A spectral distribution (typically reflectance factor, 0…1) sampled at 400, 410, …, 700 nm.
public struct Spectrum: Sendable, Hashable, Codable {
  /// 400, 410, …, 700 nm (31 samples).
  public static let wavelengths: [Double] = (0..<31).map { 400 + 10 * Double($0) }
  /// Number of samples, 31.
  public static let count = 31

  /// The samples, one per entry of ``wavelengths``.
  public let values: [Double]

  /// Validates: exactly 31 finite values (any sign or magnitude).
  public init(_ values: [Double]) throws(SpectrumError) {
    guard values.count == Self.count else { throw .wrongCount(values.count) }
    for (i, v) in values.enumerated() where !v.isFinite {
      throw .nonFinite(wavelength: Self.wavelengths[i])
    }
    self.values = values
  }

  /// Decoding validates like ``init(_:)``.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    let v = try c.decode([Double].self)
    do {
      try self.init(v)
    } catch {
      throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
    }
  }

  /// Encodes as a plain array of 31 numbers.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(values)
  }

  /// Tristimulus values X = k Σ R S x̄ etc. under `illuminant`, CIE 1931 2° observer, with
  /// k = 100/Σ S ȳ so a perfect reflector has **Y = 100** (CIE 015:2018 eqs. 7.1–7.3, 10 nm sums).
  @inlinable
  public func xyz(under illuminant: Illuminant) -> (x: Double, y: Double, z: Double) {
    Self.integrate(values, illuminant.weights)
  }

  /// CIELAB under D65 relative to the tabulated D65's own white, as ``Lab`` (D65). Precomputed
  /// weights, no allocation: this is the pigment solver's hot call.
  @inlinable
  public func lab() -> Lab {
    let t = lab(under: .d65)
    return Lab(l: t.l, a: t.a, b: t.b)
  }

  /// CIELAB under `illuminant`, relative to that illuminant's white computed from the same tables
  /// (so a perfect reflector is exactly L* = 100, a* = b* = 0) (CIE 015:2018 eqs. 8.1–8.3).
  @inlinable
  public func lab(under illuminant: Illuminant) -> (l: Double, a: Double, b: Double) {
    let w = illuminant.weights
    let t = Self.integrate(values, w)
    let fx = LabFunction.forward(t.x / w.white.x)
    let fy = LabFunction.forward(t.y / w.white.y)
    let fz = LabFunction.forward(t.z / w.white.z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
  }

  @inlinable
  static func integrate(_ r: [Double], _ w: SpectralWeights) -> (x: Double, y: Double, z: Double) {
    var x = 0.0
    var y = 0.0
    var z = 0.0
    for i in 0..<count {
      x += r[i] * w.x[i]
      y += r[i] * w.y[i]
      z += r[i] * w.z[i]
    }
    return (x, y, z)
  }

  /// Linear resampling of samples at `wavelengths` (ascending, nm) onto 400…700 nm / 10 nm; values
  /// outside the given range are held at the end values. Use for 5 nm or 380–780 nm data.
  public static func resampling(wavelengths: [Double], values: [Double]) throws(SpectrumError)
    -> Spectrum
  {
    guard wavelengths.count == values.count, wavelengths.count >= 2 else {
      throw .wrongCount(values.count)
    }
    var out = [Double]()
    out.reserveCapacity(count)
    var j = 0
    for w in Self.wavelengths {
      if w <= wavelengths[0] {
        out.append(values[0])
        continue
      }
      if w >= wavelengths[wavelengths.count - 1] {
        out.append(values[values.count - 1])
        continue
      }
      while wavelengths[j + 1] < w { j += 1 }
      let t = (w - wavelengths[j]) / (wavelengths[j + 1] - wavelengths[j])
      out.append(values[j] + t * (values[j + 1] - values[j]))
    }
    return try Spectrum(out)
  }
}
