/// The passes behind `Column.numericAggregates`, specialised per stored type and group source.
struct GroupedAggregator<T: AggregateValue, G: GroupSource> {
  let values: UnsafeBufferPointer<T>
  let groups: G
  let groupCount: Int
  let scan: RowScan

  /// The most histogram counters (4 bytes each) worth keeping; beyond this gathering each group's
  /// values is cheaper than counting.
  static var histogramLimit: Int { 1 << 20 }
  /// The counters that stay in a core's cache: bucketed histograms aim for this many in all, since a
  /// missed counter costs more than the extra values a coarser bucket sends to the last pass.
  static var cachedCounters: Int { 1 << 15 }
  /// The most buckets per group (16 bits of each key).
  static var maxBucketBits: Int { 16 }
  /// Fewer buckets than this leave too many values per bucket; gather whole groups instead.
  static var minBucketBits: Int { 8 }

  func run(_ quantiles: [Double]) -> [NumericAggregates] {
    precondition(values.count < Int(UInt32.max), "too many rows for 32-bit counters")
    if T.keyBits <= Self.maxBucketBits, groupCount << T.keyBits <= Self.histogramLimit {
      return wholeTypeHistogram(quantiles)
    }
    let parts = scan.parts
    guard !quantiles.isEmpty else {
      let partials = RowScan.run(parts) { accumulate($1, plan: nil, codes: nil) }
      return AggregatePartial.merged(partials).results(quantiles: [], table: nil)
    }
    guard let plan = samplePlan() else {
      let partials = RowScan.run(parts) { accumulate($1, plan: nil, codes: nil) }
      let total = AggregatePartial.merged(partials)
      return total.results(quantiles: quantiles, table: gatherGroups(parts, partials, total, quantiles))
    }
    // Each chosen row's group and bucket, so the last pass reads 2 bytes a row instead of the value.
    var codes = [UInt16](unsafeUninitializedCapacity: values.count) { _, n in n = values.count }
    let partials = codes.withUnsafeMutableBufferPointer { c in
      RowScan.run(parts) { accumulate($1, plan: plan, codes: c) }
    }
    var total = AggregatePartial.merged(partials)
    let bits = plan.bucketBits
    for g in 0..<groupCount {
      total.counts[g] = total.histogram[(g << bits)..<((g + 1) << bits)].reduce(0) { $0 + Int($1) }
    }
    let table = codes.withUnsafeBufferPointer { c in
      selectRanks(parts, partials, total, plan: plan, codes: c, quantiles: quantiles)
    }
    return total.results(quantiles: quantiles, table: table, extremesInTable: true)
  }

  /// Count, sum, min and max per group over the rows of `part`; with a plan, only the sums, a
  /// histogram of bucketed keys and each row's histogram index in `codes` (counts, min and max then
  /// come from the histogram, which saves three memory updates a row).
  /// - Complexity: O(rows in the part).
  func accumulate(_ part: RowScan, plan: BucketPlan?, codes: UnsafeMutableBufferPointer<UInt16>?)
    -> AggregatePartial<T>
  {
    let groupCount = groupCount
    let buckets = plan.map { groupCount << $0.bucketBits } ?? 0
    // Plain pointers held in locals stay in registers; the buffers `withUnsafe…` lends are reloaded
    // from memory after every store.
    let c = UnsafeMutablePointer<Int>.allocate(capacity: groupCount)
    let s = UnsafeMutablePointer<T.Sum>.allocate(capacity: groupCount)
    let lo = UnsafeMutablePointer<T>.allocate(capacity: groupCount)
    let hi = UnsafeMutablePointer<T>.allocate(capacity: groupCount)
    let h = UnsafeMutablePointer<UInt32>.allocate(capacity: buckets)
    defer {
      for pointer in [UnsafeMutableRawPointer(c), .init(s), .init(lo), .init(hi), .init(h)] {
        pointer.deallocate()
      }
    }
    c.initialize(repeating: 0, count: groupCount)
    s.initialize(repeating: T.zeroSum, count: groupCount)
    lo.initialize(repeating: T.greatest, count: groupCount)
    hi.initialize(repeating: T.least, count: groupCount)
    h.initialize(repeating: 0, count: buckets)
    let values = values.baseAddress
    @inline(__always) func add(_ v: T, _ g: Int) {
      c[g] &+= 1
      T.add(v, to: &s[g])
      if v < lo[g] { lo[g] = v }
      if v > hi[g] { hi[g] = v }
    }
    if let plan, let codes = codes?.baseAddress {
      let bits = plan.bucketBits
      plan.bases.withUnsafeBufferPointer { basesBuffer in
        plan.shifts.withUnsafeBufferPointer { shiftsBuffer in
          let bases = basesBuffer.baseAddress.unsafelyUnwrapped
          let shifts = shiftsBuffer.baseAddress.unsafelyUnwrapped
          part.forEach { row in
            let g = groups.group(row)
            precondition(g < groupCount, "group number out of range")
            let v = values.unsafelyUnwrapped[row]
            T.add(v, to: &s[g])
            let index = g &<< bits | plan.bucket(v.orderKey, base: bases[g], shift: shifts[g])
            h[index] &+= 1
            codes[row] = UInt16(truncatingIfNeeded: index)
          }
        }
      }
    } else {
      part.forEach { row in
        let g = groups.group(row)
        precondition(g < groupCount, "group number out of range")
        add(values.unsafelyUnwrapped[row], g)
      }
    }
    return AggregatePartial(
      counts: Array(UnsafeBufferPointer(start: c, count: groupCount)),
      sums: Array(UnsafeBufferPointer(start: s, count: groupCount)),
      mins: Array(UnsafeBufferPointer(start: lo, count: groupCount)),
      maxs: Array(UnsafeBufferPointer(start: hi, count: groupCount)),
      histogram: Array(UnsafeBufferPointer(start: h, count: buckets)))
  }

  /// Counts per group of every value of a narrow integer type; everything else follows from them.
  /// - Complexity: O(n + g·2^w) for w-bit integers: one pass.
  func wholeTypeHistogram(_ quantiles: [Double]) -> [NumericAggregates] {
    let bits = T.keyBits
    let base = T.lowestKey
    let partCounts = RowScan.run(scan.parts) { _, part in
      var counts = [UInt32](repeating: 0, count: groupCount << bits)
      counts.withUnsafeMutableBufferPointer { h in
        part.forEach { row in
          let g = groups.group(row)
          precondition(g < groupCount, "group number out of range")
          h[g &<< bits | Int(truncatingIfNeeded: values[row].orderKey &- base)] &+= 1
        }
      }
      return counts
    }
    var counts = partCounts[0]
    for other in partCounts.dropFirst() {
      for i in counts.indices { counts[i] &+= other[i] }
    }
    var table = RankTable()
    let value = { (b: Int) in T.double(orderKey: base &+ UInt64(b)) }
    let results = counts.withUnsafeBufferPointer { h in
      (0..<groupCount).map { g in
        let row = UnsafeBufferPointer(rebasing: h[(g << bits)..<((g + 1) << bits)])
        var n = 0
        var sum: Int64 = 0
        var first = -1
        var last = -1
        for b in 0..<row.count where row[b] != 0 {
          let k = Int(row[b])
          n += k
          sum += Int64(k) * Int64(bitPattern: (base &+ UInt64(b)) ^ (1 << 63))
          if first < 0 { first = b }
          last = b
        }
        table.startGroup()
        guard n > 0 else { return NumericAggregates(count: 0, sum: 0, min: nil, max: nil, quantiles: []) }
        let ranks = RankTable.ranks(count: n, quantiles: quantiles)
        for (rank, spot) in zip(ranks, Self.locate(ranks, in: row)) { table.append(rank, value(spot.bucket)) }
        return NumericAggregates(
          count: n, sum: Double(sum), min: value(first), max: value(last), quantiles: [])
      }
    }
    table.startGroup()
    return results.enumerated().map { g, r in
      var r = r
      r.quantiles = quantiles.map { r.count == 0 ? nil : table.quantile($0, group: g, count: r.count) }
      return r
    }
  }

  /// For each rank (ascending), the bucket holding it and how many values lie in earlier buckets.
  static func locate(_ ranks: [Int], in row: UnsafeBufferPointer<UInt32>) -> [(bucket: Int, before: Int)] {
    var out: [(bucket: Int, before: Int)] = []
    out.reserveCapacity(ranks.count)
    var bucket = 0
    var before = 0
    for r in ranks {
      while before + Int(row[bucket]) <= r {
        before += Int(row[bucket])
        bucket += 1
      }
      out.append((bucket, before))
    }
    return out
  }
}

/// Per-group running figures of one pass (or one part of a pass).
struct AggregatePartial<T: AggregateValue> {
  var counts: [Int]
  var sums: [T.Sum]
  var mins: [T]
  var maxs: [T]
  /// `groupCount << bucketBits` counters, or none.
  var histogram: [UInt32]

  /// The figures of all parts together, added in part order so sums do not depend on timing.
  static func merged(_ parts: [AggregatePartial<T>]) -> AggregatePartial<T> {
    var total = parts[0]
    for other in parts.dropFirst() { total.merge(other) }
    return total
  }

  /// Adds another part's figures into these.
  mutating func merge(_ other: AggregatePartial<T>) {
    for g in counts.indices {
      counts[g] += other.counts[g]
      T.merge(other.sums[g], into: &sums[g])
      mins[g] = Swift.min(mins[g], other.mins[g])
      maxs[g] = Swift.max(maxs[g], other.maxs[g])
    }
    for i in histogram.indices { histogram[i] &+= other.histogram[i] }
  }

  /// The aggregates of each group, quantiles (and, if `extremesInTable`, min and max) read from `table`.
  func results(quantiles: [Double], table: RankTable?, extremesInTable: Bool = false) -> [NumericAggregates] {
    counts.indices.map { g in
      let n = counts[g]
      guard n > 0 else {
        return NumericAggregates(
          count: 0, sum: 0, min: nil, max: nil, quantiles: [Double?](repeating: nil, count: quantiles.count))
      }
      return NumericAggregates(
        count: n, sum: T.total(sums[g]),
        min: extremesInTable ? table!.value(rank: 0, group: g) : mins[g].double,
        max: extremesInTable ? table!.value(rank: n - 1, group: g) : maxs[g].double,
        quantiles: quantiles.map { table!.quantile($0, group: g, count: n) })
    }
  }
}

/// The values at the ranks each group's quantiles need, groups one after another.
struct RankTable {
  var groupStarts: [Int] = []
  var ranks: [Int] = []
  var values: [Double] = []

  /// Begins the next group's entries (and, called once more at the end, closes the last).
  mutating func startGroup() { groupStarts.append(ranks.count) }

  mutating func append(_ rank: Int, _ value: Double) {
    ranks.append(rank)
    values.append(value)
  }

  /// The ranks either side of each quantile's position (and, if `extremes`, the first and last),
  /// ascending and distinct.
  static func ranks(count n: Int, quantiles: [Double], extremes: Bool = false) -> [Int] {
    var out: [Int] = extremes ? [0, n - 1] : []
    for q in quantiles {
      let lower = Int((q * Double(n - 1)).rounded(.down))
      out.append(lower)
      out.append(Swift.min(lower + 1, n - 1))
    }
    out.sort()
    var distinct: [Int] = []
    for r in out where distinct.last != r { distinct.append(r) }
    return distinct
  }

  /// The continuous quantile of group `group`, as DuckDB's `quantile_cont` (and the sort-based code
  /// before it): the values at the ranks either side of q·(n−1), interpolated linearly.
  func quantile(_ q: Double, group: Int, count n: Int) -> Double {
    let position = q * Double(n - 1)
    let lower = Int(position.rounded(.down))
    let upper = Swift.min(lower + 1, n - 1)
    let fraction = position - Double(lower)
    let a = value(rank: lower, group: group)
    let b = value(rank: upper, group: group)
    let step = b - a
    // b - a overflows to infinity between -1e308 and 1e308; weighing the ends stays finite.
    return step.isFinite ? a + step * fraction : a * (1 - fraction) + b * fraction
  }

  /// The value at `rank` of group `group`, which must have been selected.
  func value(rank: Int, group: Int) -> Double {
    for i in groupStarts[group]..<groupStarts[group + 1] where ranks[i] == rank { return values[i] }
    preconditionFailure("rank \(rank) was not selected")
  }
}
