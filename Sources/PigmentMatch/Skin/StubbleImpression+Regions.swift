import Foundation

extension StubbleImpression {
  /// Yule–Nielsen mixing of any number of regions R = (Σ aᵢ·Rᵢ^(1/n))ⁿ, areas aᵢ ≥ 0 summing to 1
  /// (Yule & Nielsen 1951): dots, hyperpigmented halos and bare skin.
  package static func reflectance(
    regions: [(reflectance: [Double], area: Double)], n: Double = yuleNielsenN
  ) -> [Double] {
    guard let count = regions.first?.reflectance.count else { return [] }
    return (0..<count).map { l in
      pow(regions.reduce(0) { $0 + $1.area * pow(max($1.reflectance[l], 0), 1 / n) }, n)
    }
  }
}
