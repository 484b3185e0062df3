import PigmentMatch
import Testing

/// k-means++ (Arthur & Vassilvitskii 2007): separated blobs are recovered, runs are deterministic,
/// and the elbow rule picks the number of blobs.
@Suite struct KMeansTests {
  /// Three tight blobs (±0.5) around far-apart centres, 200 points each, from a fixed LCG.
  static let centres: [(Float, Float, Float)] = [(70, 12, 18), (15, 1, 2), (45, 8, 12)]
  static let points: [Float] = {
    var state: UInt32 = 12345
    func jitter() -> Float {
      state = state &* 1_664_525 &+ 1_013_904_223
      return Float(state >> 8) / Float(1 << 24) - 0.5
    }
    var out: [Float] = []
    for c in centres {
      for _ in 0..<200 { out += [c.0 + jitter(), c.1 + jitter(), c.2 + jitter()] }
    }
    return out
  }()

  /// Centres of well-separated blobs are recovered to within the jitter's mean (≤ 0.2).
  static let centreTolerance = 0.2

  @Test func recoversSeparatedBlobs() {
    let result = KMeans.cluster(Self.points, k: 3, seed: 1)
    for c in Self.centres {
      let lab = Lab(l: Double(c.0), a: Double(c.1), b: Double(c.2))
      let nearest = result.centres.map { DeltaE.cie76($0, lab) }.min() ?? .infinity
      #expect(nearest < Self.centreTolerance)
    }
    #expect(Set(result.assignments).count == 3)
  }

  @Test func deterministicForASeed() {
    let a = KMeans.cluster(Self.points, k: 4, seed: 7)
    let b = KMeans.cluster(Self.points, k: 4, seed: 7)
    #expect(a.assignments == b.assignments)
    #expect(a.centres == b.centres)
  }

  @Test func elbowChoosesThree() {
    let result = KMeans.clusterChoosingK(Self.points, range: 2...6, seed: 3)
    #expect(result.centres.count == 3)
  }

  @Test func degenerateInputs() {
    #expect(KMeans.cluster([], k: 3, seed: 0).centres.isEmpty)
    let same = KMeans.cluster([Float](repeating: 50, count: 30), k: 4, seed: 0)
    #expect(same.centres.count == 1)
    #expect(same.inertia == 0)
  }
}
