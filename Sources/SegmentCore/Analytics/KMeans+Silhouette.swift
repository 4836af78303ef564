/// The mean silhouette of a clustering, to compare choices of k.
///
/// For a point i in cluster A, a(i) is its mean distance to the other points of A and b(i) the
/// lowest mean distance to the points of another cluster; s(i) = (b - a) / max(a, b), and 0 for a
/// point alone in its cluster. Computed, as scikit-learn's `silhouette_score(sample_size:)` does,
/// among the points of a sample only, since it costs O(sample² · d).
enum Silhouette {
  /// At most this many points take part.
  static let sampleLimit = 2_000

  /// The points (indices into the data) that take part: all of them up to `sampleLimit`, else a
  /// uniform sample of that size drawn with a fixed seed (Knuth's selection sampling, in order).
  /// - Complexity: O(n).
  static func sample(count n: Int, seed: UInt64) -> [Int] {
    guard n > sampleLimit else { return Array(0..<n) }
    var random = SampleRandom(seed: seed, stream: 0, purpose: 0x7369_6C68)
    var picked: [Int] = []
    picked.reserveCapacity(sampleLimit)
    for i in 0..<n where picked.count < sampleLimit {
      // Take i with probability (still needed) / (still left).
      if random.below(n - i) < sampleLimit - picked.count { picked.append(i) }
    }
    return picked
  }

  /// The mean silhouette over `sample`.
  /// - Parameters:
  ///   - points: row-major coordinates, `dimension` per point.
  ///   - labels: each point's cluster, 0..<k.
  ///   - sample: the points that take part.
  /// - Complexity: O(sample² · d).
  static func mean(points: [Double], dimension d: Int, labels: [Int32], k: Int, sample: [Int]) -> Double {
    guard !sample.isEmpty else { return 0 }
    var sampleCounts = [Int](repeating: 0, count: k)
    for i in sample { sampleCounts[Int(labels[i])] += 1 }
    var total = 0.0
    var sums = [Double](repeating: 0, count: k)
    for i in sample {
      for c in 0..<k { sums[c] = 0 }
      for j in sample where j != i {
        var s = 0.0
        for t in 0..<d {
          let delta = points[i * d + t] - points[j * d + t]
          s += delta * delta
        }
        sums[Int(labels[j])] += s.squareRoot()
      }
      let own = Int(labels[i])
      guard sampleCounts[own] > 1 else { continue }
      let a = sums[own] / Double(sampleCounts[own] - 1)
      var b = Double.infinity
      for c in 0..<k where c != own && sampleCounts[c] > 0 { b = min(b, sums[c] / Double(sampleCounts[c])) }
      guard b.isFinite, max(a, b) > 0 else { continue }
      total += (b - a) / max(a, b)
    }
    return total / Double(sample.count)
  }
}
