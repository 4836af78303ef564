import Foundation
import Testing

@testable import SegmentCore

@Suite("Sample data: the random number generator")
struct SampleRandomTests {
  @Test("the same seed and stream repeat; other streams differ")
  func streams() {
    var a = SampleRandom(seed: 42, stream: 1, purpose: 1)
    var b = SampleRandom(seed: 42, stream: 1, purpose: 1)
    var c = SampleRandom(seed: 42, stream: 2, purpose: 1)
    var d = SampleRandom(seed: 42, stream: 1, purpose: 2)
    let first = (0..<8).map { _ in a.next() }
    #expect(first == (0..<8).map { _ in b.next() })
    #expect(first != (0..<8).map { _ in c.next() })
    #expect(first != (0..<8).map { _ in d.next() })
  }

  /// Known outputs, checked against an independent Python implementation of the same seeding and
  /// xoshiro256**: if these change, every sample table changes with them.
  @Test("known outputs for seed 0")
  func knownOutputs() {
    var rng = SampleRandom(seed: 0, stream: 0, purpose: 0)
    #expect((0..<3).map { _ in rng.next() } == Self.knownFirstOutputs)
  }

  static let knownFirstOutputs: [UInt64] = [
    10_108_759_220_886_529_493, 17_605_837_440_599_152_310, 7_682_592_763_609_621_243,
  ]

  @Test("draws stay in range and look uniform")
  func ranges() {
    var rng = SampleRandom(seed: 7, stream: 0, purpose: 0)
    var counts = [Int](repeating: 0, count: 10)
    for _ in 0..<20_000 {
      let u = rng.unit()
      #expect(u >= 0 && u < 1)
      let k = rng.below(10)
      counts[k] += 1
    }
    #expect(counts.allSatisfy { abs($0 - 2_000) < 200 }, "\(counts)")
  }

  @Test("normal, Poisson and weighted draws have the right means", arguments: [0.5, 3.0, 12.0, 40.0])
  func moments(lambda: Double) {
    var rng = SampleRandom(seed: 9, stream: 3, purpose: 0)
    let n = 20_000
    let poisson = (0..<n).map { _ in Double(rng.poisson(lambda)) }
    #expect(abs(poisson.reduce(0, +) / Double(n) - lambda) < 0.05 * lambda + 0.02)
    let normals = (0..<n).map { _ in rng.normal() }
    let m = normals.reduce(0, +) / Double(n)
    let variance = normals.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(n)
    #expect(abs(m) < 0.03 && abs(variance - 1) < 0.05)
    let table = WeightTable([1, 0, 3])
    let picks = (0..<n).map { _ in rng.pick(table) }
    #expect(!picks.contains(1))
    #expect(abs(share(picks) { $0 == 2 } - 0.75) < 0.02)
    let doublePicks = (0..<n).map { _ in rng.pick([1.0, 0, 3.0]) }
    #expect(!doublePicks.contains(1))
    #expect(abs(share(doublePicks) { $0 == 2 } - 0.75) < 0.02)
  }

  @Test("exp and log agree with the C library", arguments: [-30.0, -2.5, -0.1, 0, 0.3, 1, 2.5, 10, 50])
  func math(x: Double) {
    let e = SampleMath.exp(x)
    #expect(abs(e - Foundation.exp(x)) <= 1e-14 * Foundation.exp(x), "exp(\(x))")
    let y = Foundation.exp(x)
    #expect(abs(SampleMath.log(y) - x) <= 1e-13 * max(1, abs(x)), "log(\(y))")
  }
}
