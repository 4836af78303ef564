/// Exact rank selection without sorting: a histogram narrows each wanted rank to one bucket of keys,
/// and only those buckets' values are collected and selected.
extension GroupedAggregator {
  /// Rows sampled to choose the histogram's key range.
  static var sampleSize: Int { 4096 }

  /// Histogram buckets sized, group by group, to the key range of a sample of the chosen rows, or
  /// `nil` when there are too many groups for histograms (group and bucket must fit a 16-bit code).
  /// Each group gets its own range because groups often cover different ranges of the column
  /// (tiers cut from spend): one shared range would put each group's values in a few buckets and
  /// leave the last pass many values to select from. A group with too few sampled rows to say
  /// where its values lie takes the range of the whole sample.
  func samplePlan() -> BucketPlan? {
    var bits = Self.maxBucketBits
    while bits > Self.minBucketBits && groupCount << bits > Self.cachedCounters { bits -= 1 }
    guard groupCount << bits <= 1 << 16 else { return nil }
    var low = [UInt64](repeating: .max, count: groupCount)
    var high = [UInt64](repeating: 0, count: groupCount)
    var sampled = [Int](repeating: 0, count: groupCount)
    var allLow = UInt64.max
    var allHigh: UInt64 = 0
    let step = Swift.max(1, scan.rows.count / Self.sampleSize)
    var next = scan.rows.lowerBound
    while let row = scan.next(from: next) {
      let key = values[row].orderKey
      let g = groups.group(row)
      precondition(g < groupCount, "group number out of range")
      low[g] = Swift.min(low[g], key)
      high[g] = Swift.max(high[g], key)
      sampled[g] += 1
      allLow = Swift.min(allLow, key)
      allHigh = Swift.max(allHigh, key)
      next = row + step
    }
    var bases = [UInt64](repeating: 0, count: groupCount)
    var shifts = [UInt64](repeating: 0, count: groupCount)
    for g in 0..<groupCount {
      let own = sampled[g] >= Self.minGroupSample
      (bases[g], shifts[g]) = BucketPlan.range(
        low: own ? low[g] : allLow, high: own ? high[g] : allHigh, bucketBits: bits)
    }
    return BucketPlan(bases: bases, shifts: shifts, bucketBits: bits)
  }

  /// Sampled rows a group needs for a key range of its own.
  static var minGroupSample: Int { 32 }

  /// The values at the ranks each group's quantiles need and at its first and last rank, from the
  /// histograms of the parts.
  /// - Complexity: O(g·2^b) to locate the ranks, then one pass over the 16-bit codes of the rows.
  func selectRanks(
    _ parts: [RowScan], _ partials: [AggregatePartial<T>], _ total: AggregatePartial<T>, plan: BucketPlan,
    codes: UnsafeBufferPointer<UInt16>, quantiles: [Double]
  ) -> RankTable {
    let bits = plan.bucketBits
    var table = RankTable()
    var slots = SlotTable()
    total.histogram.withUnsafeBufferPointer { h in
      for g in 0..<groupCount {
        table.startGroup()
        let n = total.counts[g]
        guard n > 0 else { continue }
        let row = UnsafeBufferPointer(rebasing: h[(g << bits)..<((g + 1) << bits)])
        let ranks = RankTable.ranks(count: n, quantiles: quantiles, extremes: true)
        for (rank, spot) in zip(ranks, Self.locate(ranks, in: row)) {
          if plan.holdsOneKey(spot.bucket, group: g) {
            table.append(rank, T.double(orderKey: plan.bases[g] &+ UInt64(spot.bucket)))
          } else {
            slots.want(
              rank: rank - spot.before, at: g << bits | spot.bucket, size: Int(row[spot.bucket]),
              output: table.values.count)
            table.append(rank, 0)
          }
        }
      }
    }
    table.startGroup()
    guard !slots.indices.isEmpty else { return table }
    // Each histogram index's slot, or -1: one load a row, where a bitmap test needed a search of the
    // slots for every collected row (buckets of a popular value hold thousands).
    var slotOf = [Int32](repeating: -1, count: groupCount << bits)
    for (s, index) in slots.indices.enumerated() { slotOf[index] = Int32(s) }
    // Each part writes its rows' keys after those of the parts before it.
    var fills: [[Int]] = []
    var next = slots.starts
    for partial in partials {
      fills.append(next)
      for (s, index) in slots.indices.enumerated() { next[s] += Int(partial.histogram[index]) }
    }
    var keys = [UInt64](repeating: 0, count: slots.totalSize)
    keys.withUnsafeMutableBufferPointer { k in
      slotOf.withUnsafeBufferPointer { slotOf in
        _ = RowScan.run(parts) { p, part in
          var fill = fills[p]
          fill.withUnsafeMutableBufferPointer { f in
            part.forEach { row in
              let s = Int(slotOf[Int(codes[row])])
              if s >= 0 {
                k[f[s]] = values[row].orderKey
                f[s] += 1
              }
            }
          }
        }
      }
    }
    for (output, key) in zip(slots.outputs, slots.select(&keys)) {
      table.values[output] = T.double(orderKey: key)
    }
    return table
  }

  /// Selection when there are too many groups for histograms: each group's keys gathered, then selected.
  /// - Complexity: O(n) plus selection within each group.
  func gatherGroups(
    _ parts: [RowScan], _ partials: [AggregatePartial<T>], _ total: AggregatePartial<T>, _ quantiles: [Double]
  ) -> RankTable {
    var table = RankTable()
    var slots = SlotTable()
    for g in 0..<groupCount {
      table.startGroup()
      let n = total.counts[g]
      guard n > 0 else { continue }
      slots.open(at: g, size: n)
      for rank in RankTable.ranks(count: n, quantiles: quantiles) {
        if rank == 0 {
          table.append(rank, total.mins[g].double)
        } else if rank == n - 1 {
          table.append(rank, total.maxs[g].double)
        } else {
          slots.want(rank: rank, at: g, size: n, output: table.values.count)
          table.append(rank, 0)
        }
      }
    }
    table.startGroup()
    // Every non-empty group has a slot; each part writes its rows after those of the parts before it.
    var next = [Int](repeating: 0, count: groupCount)
    for (g, start) in zip(slots.indices, slots.starts) { next[g] = start }
    var fills: [[Int]] = []
    for partial in partials {
      fills.append(next)
      for g in 0..<groupCount { next[g] += partial.counts[g] }
    }
    var keys = [UInt64](repeating: 0, count: slots.totalSize)
    keys.withUnsafeMutableBufferPointer { k in
      _ = RowScan.run(parts) { p, part in
        var fill = fills[p]
        fill.withUnsafeMutableBufferPointer { f in
          part.forEach { row in
            let g = groups.group(row)
            k[f[g]] = values[row].orderKey
            f[g] += 1
          }
        }
      }
    }
    for (output, key) in zip(slots.outputs, slots.select(&keys)) {
      table.values[output] = T.double(orderKey: key)
    }
    return table
  }
}

/// How keys map to histogram buckets, per group: `(key − base) >> shift`, keys outside the range
/// clamped into the first and last bucket.
struct BucketPlan {
  let bases: [UInt64]
  let shifts: [UInt64]
  let bucketBits: Int
  let top: UInt64

  init(bases: [UInt64], shifts: [UInt64], bucketBits: Int) {
    self.bases = bases
    self.shifts = shifts
    self.bucketBits = bucketBits
    top = (1 << UInt64(bucketBits)) - 1
  }

  /// The base and shift that spread keys `low...high` over `2^bucketBits` buckets, centred so that
  /// keys just outside the range still get buckets of their own (`low > high`: no keys).
  static func range(low: UInt64, high: UInt64, bucketBits bits: Int) -> (base: UInt64, shift: UInt64) {
    guard low <= high else { return (0, 0) }
    let span = high - low
    let shift = Swift.max(0, 64 - span.leadingZeroBitCount - bits)
    let spare = ((1 << UInt64(bits)) - 1 - (span >> UInt64(shift))) / 2
    let margin = spare << UInt64(shift)
    return (low >= margin ? low - margin : 0, UInt64(shift))
  }

  @inline(__always) func bucket(_ key: UInt64, base: UInt64, shift: UInt64) -> Int {
    let b = Swift.min((key &- base) &>> shift, top)
    return key < base ? 0 : Int(truncatingIfNeeded: b)
  }

  /// Whether bucket `b` of group `g` can hold only one key: its buckets are one key wide and `b` is
  /// not an end bucket, which also holds the clamped keys.
  func holdsOneKey(_ b: Int, group g: Int) -> Bool {
    shifts[g] == 0 && b != 0 && UInt64(b) != top
  }
}
