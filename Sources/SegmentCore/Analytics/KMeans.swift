import Columnar

/// Points for k-means: the rows of some number columns with no null among them, each column put on
/// one scale (see `ClusterScaling`: z-scores by default) so that no column outweighs the others by its
/// units.
struct KMeansData: Sendable {
  /// Row-major scaled values: point i is `points[i * dimension ..< (i + 1) * dimension]`.
  var points: [Double]
  /// The number of columns.
  var dimension: Int
  /// The table row of each point, ascending.
  var rows: [Int32]
  /// Per column: the centre and scale used (the mean and standard deviation unless robust; a constant
  /// column gets 1), with robust scaling's fences.
  var columnScales: [ColumnScale]
  /// Per column: true when it holds one value in every point (it cannot separate clusters).
  var constant: [Bool]
  /// The table's row count.
  var tableRows: Int
  /// How the columns were scaled.
  var scaling: ClusterScaling
  /// Per column: how many values robust scaling held at a fence.
  var clipped: [Int]
  /// Per column: true when robust scaling met an IQR of 0 and used the mean and standard deviation.
  var fellBack: [Bool]
  /// Row-major values in the columns' own units, kept only when scaling is not reversible (robust
  /// clips), to report each cluster's true mean.
  var raw: [Double]

  /// The number of points.
  var count: Int { rows.count }

  /// Scales the rows of `columns` (Int or Double, equally long) that hold a value in each.
  /// - Complexity: O(n · d), and a sort per column when robust.
  init(columns: [Column], scaling: ClusterScaling = .standard) {
    let n = columns.first?.count ?? 0
    let rows = KMeansData.clusterableRows(columns)
    let d = columns.count
    var points = [Double](repeating: 0, count: rows.count * d)
    var raw = [Double](repeating: 0, count: scaling == .robust ? rows.count * d : 0)
    var columnScales: [ColumnScale] = []
    var constant: [Bool] = []
    var clipped: [Int] = []
    var fellBack: [Bool] = []
    for (j, column) in columns.enumerated() {
      let values = KMeansData.doubles(column, rows: rows)
      let scale = ColumnScale.of(values, scaling: scaling)
      var held = 0
      for (i, v) in values.enumerated() { points[i * d + j] = scale.scaled(v, clipped: &held) }
      if !raw.isEmpty { for (i, v) in values.enumerated() { raw[i * d + j] = v } }
      columnScales.append(scale)
      constant.append(!values.contains { $0 != values[0] })
      clipped.append(held)
      fellBack.append(scale.fellBack)
    }
    self.points = points
    self.dimension = d
    self.rows = rows
    self.columnScales = columnScales
    self.constant = constant
    self.tableRows = n
    self.scaling = scaling
    self.clipped = clipped
    self.fellBack = fellBack
    self.raw = raw
  }

  /// The rows that hold a value in every column: no null, and no NaN, which has no distance to
  /// anything.
  static func clusterableRows(_ columns: [Column]) -> [Int32] {
    var valid = Bitmap(count: columns.first?.count ?? 0, allSet: true)
    for column in columns {
      valid = valid & column.validMask
      if case .double(let a) = column.storage { valid = valid & Bitmap.from(a) { !$0.isNaN } }
    }
    var rows: [Int32] = []
    rows.reserveCapacity(valid.popcount())
    valid.forEachSetBit { rows.append(Int32($0)) }
    return rows
  }

  /// A number column's values on `rows`, as doubles.
  static func doubles(_ column: Column, rows: [Int32]) -> [Double] {
    switch column.storage {
    case .int(let b): return rows.map { Double(b[Int($0)]) }
    case .double(let a): return rows.map { a[Int($0)] }
    default: return rows.map { _ in 0 }
    }
  }

  /// A centre in standardised units, back in the columns' own units.
  func original(_ centre: ArraySlice<Double>) -> [Double] {
    centre.enumerated().map { j, z in z * columnScales[j].scale + columnScales[j].centre }
  }

  /// Per cluster, the mean of its points in the columns' own units, from `raw`; nil when `raw` is not
  /// kept (the scaling is reversed exactly by `original`).
  /// - Complexity: O(n · d).
  func memberMeans(labels: [Int32], k: Int) -> [[Double]]? {
    guard !raw.isEmpty else { return nil }
    let d = dimension
    let (sums, counts) = KMeansFit.clusterSums(raw, d: d, k: k, labels: labels)
    return (0..<k).map { c in (0..<d).map { j in sums[c * d + j] / Double(max(1, counts[c])) } }
  }
}

/// A k-means clustering of `KMeansData`: k-means++ seeding, then Lloyd's iterations.
struct KMeansFit: Sendable, Equatable {
  /// Per point: its cluster, 0..<k, numbered from the largest cluster down.
  var labels: [Int32]
  /// Row-major centres in standardised units, in label order.
  var centres: [Double]
  /// Per cluster: its number of points.
  var sizes: [Int]
  /// The clusters in the order their centres were seeded, which is the order a tie of distances goes
  /// in (the first nearest centre wins): labels, largest cluster first.
  var seedOrder: [Int32]
  /// The sum of squared standardised distances from each point to its centre.
  var inertia: Double
  /// How many assignment passes ran.
  var iterations: Int
  /// False when the iteration limit stopped it before the assignment settled.
  var converged: Bool

  /// At most this many Lloyd iterations.
  static let iterationLimit = 100

  /// How many k-means++ starts `fit` runs, keeping the one of lowest inertia.
  static let starts = 3

  /// Clusters `data` into `k` groups, the same way every time for the same seed.
  ///
  /// Runs `starts` times from greedy k-means++ seeds (see `seedCentres`) and keeps the clustering of
  /// lowest inertia (the earliest on a tie): Lloyd's iterations only reach a local optimum, and one
  /// start alone can land in a poor one, which showed as inertia rising with k (issue 20). Draws come
  /// from `SampleRandom`, whose draws never change between toolchains. A cluster left empty moves to
  /// the point farthest from its centre.
  /// - Parameter stop: polled once per iteration; when it returns true the fit gives up and returns nil.
  /// - Precondition: `1 <= k <= data.count`.
  /// - Complexity: O(starts · iterations · n · k · d).
  static func fit(_ data: KMeansData, k: Int, seed: UInt64, stop: () -> Bool = { false }) -> KMeansFit? {
    precondition(k >= 1 && k <= data.count, "k-means needs 1 <= k <= points")
    var best: KMeansFit?
    for start in 0..<starts {
      let centres = seedCentres(data, k: k, seed: seed, start: start)
      guard let fit = lloyd(data, k: k, centres: centres, stop: stop) else { return nil }
      if best.map({ fit.inertia < $0.inertia }) ?? true { best = fit }
    }
    return best
  }

  /// Lloyd's iterations from `centres`, then clusters numbered from the largest down.
  private static func lloyd(_ data: KMeansData, k: Int, centres start: [Double], stop: () -> Bool)
    -> KMeansFit?
  {
    let n = data.count
    let d = data.dimension
    var centres = start
    var labels = [Int32](repeating: -1, count: n)
    var distances = [Double](repeating: 0, count: n)
    var iterations = 0
    var converged = false
    while iterations < iterationLimit {
      if stop() { return nil }
      iterations += 1
      let changed = assign(data.points, d: d, centres: centres, labels: &labels, distances: &distances)
      if changed == 0 && iterations > 1 {
        converged = true
        break
      }
      centres = update(data.points, d: d, k: k, labels: &labels, distances: distances, old: centres)
    }
    if !converged {
      // Stopped by the limit: label by the last centres so labels, sizes and inertia agree.
      _ = assign(data.points, d: d, centres: centres, labels: &labels, distances: &distances)
    }
    // Number clusters from the largest down (ties: the earlier seed first), so output reads in order.
    var sizes = [Int](repeating: 0, count: k)
    for label in labels { sizes[Int(label)] += 1 }
    let order = (0..<k).sorted { sizes[$0] > sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }
    var rank = [Int32](repeating: 0, count: k)
    for (newLabel, old) in order.enumerated() { rank[old] = Int32(newLabel) }
    var inertia = 0.0
    for i in 0..<n { inertia += distances[i] }
    return KMeansFit(
      labels: labels.map { rank[Int($0)] },
      centres: order.flatMap { centres[$0 * d..<($0 + 1) * d] },
      sizes: order.map { sizes[$0] }, seedOrder: rank, inertia: inertia, iterations: iterations,
      converged: converged)
  }

  /// Greedy k-means++ seeding, as scikit-learn's: the first centre is a point drawn uniformly; each
  /// next one is the best of 2 + ⌊ln k⌋ points drawn with probability proportional to their squared
  /// distance from the nearest centre so far, best being the one that leaves the smallest sum of those
  /// distances. Plain k-means++ takes the first draw, and with a few extreme values it often lands on
  /// one and leaves a poor start.
  /// - Complexity: O(k · (2 + ln k) · n · d).
  private static func seedCentres(_ data: KMeansData, k: Int, seed: UInt64, start: Int) -> [Double] {
    let n = data.count
    let d = data.dimension
    var random = SampleRandom(
      seed: seed, stream: UInt64(k) | UInt64(start) << 32, purpose: 0x6B6D_6561_6E73)
    var tries = 2
    var power = 2.718281828459045
    while power <= Double(k) {
      tries += 1
      power *= 2.718281828459045
    }
    var chosen = [random.below(n)]
    var nearest = [Double](repeating: 0, count: n)
    var trial = [Double](repeating: 0, count: n)
    var kept = [Double](repeating: 0, count: n)
    var total = 0.0
    data.points.withUnsafeBufferPointer { p in
      // The squared distance of each point from `centre`, or its nearest so far when that is closer.
      func distances(to centre: Int, into out: inout [Double], first: Bool) -> Double {
        let c = centre * d
        var sum = 0.0
        for i in 0..<n {
          var s = 0.0
          for j in 0..<d {
            let delta = p[i * d + j] - p[c + j]
            s += delta * delta
          }
          out[i] = first || s < nearest[i] ? s : nearest[i]
          sum += out[i]
        }
        return sum
      }
      total = distances(to: chosen[0], into: &trial, first: true)
      swap(&nearest, &trial)
      while chosen.count < k {
        // All points sit on chosen centres (fewer distinct points than k): any point will do.
        guard total > 0 else {
          chosen.append(random.below(n))
          continue
        }
        var best = -1
        var bestTotal = Double.infinity
        for _ in 0..<tries {
          var target = random.unit() * total
          var pick = n - 1
          for i in 0..<n {
            target -= nearest[i]
            if target < 0 {
              pick = i
              break
            }
          }
          let sum = distances(to: pick, into: &trial, first: false)
          if sum < bestTotal {
            bestTotal = sum
            best = pick
            swap(&trial, &kept)
          }
        }
        chosen.append(best)
        swap(&nearest, &kept)
        total = bestTotal
      }
    }
    return chosen.flatMap { data.points[$0 * d..<($0 + 1) * d] }
  }

  /// Labels each point with its nearest centre (ties: the lower index); returns how many changed.
  private static func assign(
    _ points: [Double], d: Int, centres: [Double], labels: inout [Int32], distances: inout [Double]
  ) -> Int {
    let k = centres.count / d
    var changed = 0
    points.withUnsafeBufferPointer { p in
      centres.withUnsafeBufferPointer { c in
        labels.withUnsafeMutableBufferPointer { l in
          distances.withUnsafeMutableBufferPointer { dist in
            for i in 0..<l.count {
              var best = 0
              var bestDistance = Double.infinity
              for cluster in 0..<k {
                var s = 0.0
                for j in 0..<d {
                  let delta = p[i * d + j] - c[cluster * d + j]
                  s += delta * delta
                }
                if s < bestDistance {
                  bestDistance = s
                  best = cluster
                }
              }
              if l[i] != Int32(best) {
                changed += 1
                l[i] = Int32(best)
              }
              dist[i] = bestDistance
            }
          }
        }
      }
    }
    return changed
  }

  /// Per cluster, the sum of its points (`d` values each, cluster after cluster) and its size.
  static func clusterSums(_ points: [Double], d: Int, k: Int, labels: [Int32]) -> (sums: [Double], counts: [Int]) {
    var sums = [Double](repeating: 0, count: k * d)
    var counts = [Int](repeating: 0, count: k)
    for i in 0..<labels.count {
      let cluster = Int(labels[i])
      counts[cluster] += 1
      for j in 0..<d { sums[cluster * d + j] += points[i * d + j] }
    }
    return (sums, counts)
  }

  /// The mean of each cluster; an empty cluster takes the point farthest from its own centre.
  private static func update(
    _ points: [Double], d: Int, k: Int, labels: inout [Int32], distances: [Double], old: [Double]
  ) -> [Double] {
    var (sums, counts) = clusterSums(points, d: d, k: k, labels: labels)
    var taken = Set<Int>()
    for cluster in 0..<k where counts[cluster] == 0 {
      var far = -1
      for i in 0..<labels.count where !taken.contains(i) && counts[Int(labels[i])] > 1 {
        if far < 0 || distances[i] > distances[far] { far = i }
      }
      guard far >= 0 else {
        for j in 0..<d { sums[cluster * d + j] = old[cluster * d + j] }
        counts[cluster] = 1
        continue
      }
      taken.insert(far)
      let from = Int(labels[far])
      counts[from] -= 1
      for j in 0..<d {
        sums[from * d + j] -= points[far * d + j]
        sums[cluster * d + j] = points[far * d + j]
      }
      counts[cluster] = 1
      labels[far] = Int32(cluster)
    }
    for cluster in 0..<k {
      for j in 0..<d { sums[cluster * d + j] /= Double(counts[cluster]) }
    }
    return sums
  }
}
