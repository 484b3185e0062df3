import Colorimetry
import Foundation

/// What a palette can do under one skin when the target is out of reach (ΔE00 above
/// ``FadeModel/matchThreshold``): how close it gets, what is missing, and the lightness-first
/// alternative — stubble is read at talking distance by its lightness contrast with the skin, so
/// a dot of the right L* in the wrong hue is the practitioner's fallback.
public struct PaletteReach: Sendable {
  /// One pigment at one dilution, and its healed dot.
  public struct Dot: Sendable, Equatable {
    /// Pigment id.
    public let pigment: String
    /// How much water.
    public let dilution: Dilution
    /// Fractions in component order (pigments, then water).
    package let fractions: [Double]
    /// The healed dot.
    public let lab: Lab
  }

  /// Something the palette lacks to reach the target.
  public enum Missing: Sendable, Equatable, CustomStringConvertible {
    /// The target is darker than the darkest undiluted dot by `deltaL` L*.
    case darker(deltaL: Double)
    /// The target is lighter than the most dilute practical dot by `deltaL` L*.
    case lighter(deltaL: Double)
    /// The target is yellower (b* higher) than the closest dot by `deltaB`.
    case warmer(deltaB: Double)
    /// The target is bluer (b* lower) than the closest dot by `deltaB`.
    case cooler(deltaB: Double)
    /// The target is redder (a* higher) than the closest dot by `deltaA`.
    case redder(deltaA: Double)
    /// The target is greener (a* lower) than the closest dot by `deltaA`.
    case greener(deltaA: Double)

    /// A practitioner-readable phrase.
    public var description: String {
      func f(_ x: Double) -> String { String(format: "%.1f", x) }
      switch self {
      case .darker(let d): return "a darker pigment (the target is \(f(d)) L* darker than the darkest undiluted dot)"
      case .lighter(let d): return "more water than 1:\(Int(PaletteReach.mostDilute)) (the target is \(f(d)) L* lighter)"
      case .warmer(let d): return "a warmer, yellower pigment (b* \(f(d)) short)"
      case .cooler(let d): return "a cooler, bluer pigment (b* \(f(d)) too high)"
      case .redder(let d): return "a redder pigment (a* \(f(d)) short)"
      case .greener(let d): return "a greener pigment (a* \(f(d)) too high)"
      }
    }

    /// A short machine-readable code for JSON.
    public var code: String {
      switch self {
      case .darker: "darker"
      case .lighter: "lighter"
      case .warmer: "warmer"
      case .cooler: "cooler"
      case .redder: "redder"
      case .greener: "greener"
      }
    }
  }

  /// The lightness-first alternative: one pigment diluted so its dot has the target's L*
  /// (or as close as the pigment goes), the pigment chosen by the lowest ΔE00 among those.
  public struct LightnessFirst: Sendable, Equatable {
    /// The pigment, its dilution and its dot.
    public let dot: Dot
    /// L*(dot) − L*(target).
    public let deltaL: Double
    /// ΔE00(dot, target).
    public let deltaE00: Double
  }

  /// Most water per ml pigment considered practical: 30 (SMP practice dilutes to about 1:20 and
  /// more for light hair; DESIGN.md).
  package static let mostDilute = 30.0
  /// A coordinate difference (a*, b*, L*) counted as missing: 3, about a just-noticeable difference
  /// of a dark colour in CIELAB units.
  package static let shortfall = 3.0

  /// The darkest dot: the undiluted pigment whose dot has the lowest L*.
  public let darkest: Dot
  /// The lightest practical dot: the pigment at 1:`mostDilute` whose dot has the highest L*.
  public let lightest: Dot
  /// What is missing, largest shortfall first.
  public let missing: [Missing]
  /// The best-lightness alternative.
  public let lightnessFirst: LightnessFirst

  /// The reach of `model`'s palette toward `target`, given the closest blend's dot `closest`;
  /// nil for an empty palette.
  package init?(model: DotModel, target: Lab, closest: Lab) {
    let n = model.palette.pigments.count
    guard n > 0 else { return nil }
    let dots = (0..<n).map { Self.dot(model, pigment: $0, waterPerPigment: 0) }
    let dilute = (0..<n).map { Self.dot(model, pigment: $0, waterPerPigment: Self.mostDilute) }
    guard let darkest = dots.min(by: { $0.lab.l < $1.lab.l }),
      let lightest = dilute.max(by: { $0.lab.l < $1.lab.l })
    else { return nil }
    self.darkest = darkest
    self.lightest = lightest
    var missing: [(Double, Missing)] = []
    if target.l < darkest.lab.l - Self.shortfall { missing.append((darkest.lab.l - target.l, .darker(deltaL: darkest.lab.l - target.l))) }
    if target.l > lightest.lab.l + Self.shortfall { missing.append((target.l - lightest.lab.l, .lighter(deltaL: target.l - lightest.lab.l))) }
    let db = target.b - closest.b
    if db > Self.shortfall { missing.append((db, .warmer(deltaB: db))) }
    if -db > Self.shortfall { missing.append((-db, .cooler(deltaB: -db))) }
    let da = target.a - closest.a
    if da > Self.shortfall { missing.append((da, .redder(deltaA: da))) }
    if -da > Self.shortfall { missing.append((-da, .greener(deltaA: -da))) }
    self.missing = missing.sorted { $0.0 > $1.0 }.map(\.1)
    let options = (0..<n).map { Self.lightnessMatch(model, pigment: $0, target: target) }
    let best = options.min { a, b in
      let ka = (abs(a.deltaL).rounded(), a.deltaE00)
      let kb = (abs(b.deltaL).rounded(), b.deltaE00)
      return ka < kb
    }
    guard let best else { return nil }
    lightnessFirst = best
  }

  /// Pigment `index` with `waterPerPigment` ml water per ml.
  static func dot(_ model: DotModel, pigment index: Int, waterPerPigment: Double) -> Dot {
    var c = [Double](repeating: 0, count: model.componentCount)
    let f = 1 / (1 + waterPerPigment)
    c[index] = f
    c[model.componentCount - 1] = 1 - f
    return Dot(
      pigment: model.palette.pigments[index].id,
      dilution: Dilution(clamping: waterPerPigment), fractions: c,
      lab: model.lab(c))
  }

  /// Pigment `index` diluted so its dot's L* equals the target's (bisection on ln(1 + N), 40 steps:
  /// a dot darkens monotonically with more pigment), clamped to undiluted…1:``mostDilute``.
  static func lightnessMatch(_ model: DotModel, pigment index: Int, target: Lab) -> LightnessFirst {
    var lo = 0.0  // ln(1 + N): darkest
    var hi = log(1 + mostDilute)
    let darkL = dot(model, pigment: index, waterPerPigment: 0).lab.l
    let lightL = dot(model, pigment: index, waterPerPigment: mostDilute).lab.l
    var chosen: Double
    if target.l <= darkL {
      chosen = 0
    } else if target.l >= lightL {
      chosen = hi
    } else {
      for _ in 0..<40 {
        let mid = (lo + hi) / 2
        if dot(model, pigment: index, waterPerPigment: exp(mid) - 1).lab.l < target.l { lo = mid } else { hi = mid }
      }
      chosen = (lo + hi) / 2
    }
    let d = dot(model, pigment: index, waterPerPigment: exp(chosen) - 1)
    return LightnessFirst(dot: d, deltaL: d.lab.l - target.l, deltaE00: DeltaE.ciede2000(d.lab, target))
  }
}
