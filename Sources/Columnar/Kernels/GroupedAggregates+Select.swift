/// Exact rank selection without sorting: a histogram narrows each wanted rank to one bucket of keys,
/// and only those buckets' values are collected and selected.
extension GroupedAggregator {
  /// Rows sampled to choose the histogram's key range.
  static var sampleSize: Int { 4096 }

  /// Histogram buckets sized to the key range of a sample of the chosen rows, or `nil` when there
  /// are too many groups for histograms (group and bucket must fit a 16-bit code).
  func samplePlan() -> BucketPlan? {
    var bits = Self.maxBucketBits
    while bits > Self.minBucketBits && groupCount << bits > Self.cachedCounters { bits -= 1 }
    guard groupCount << bits <= 1 << 16 else { return nil }
    var low = UInt64.max
    var high: UInt64 = 0
    let step = Swift.max(1, scan.rows.count / Self.sampleSize)
    var next = scan.rows.lowerBound
    while let row = scan.next(from: next) {
      let key = values[row].orderKey
      low = Swift.min(low, key)
      high = Swift.max(high, key)
      next = row + step
    }
    guard low <= high else { return BucketPlan(base: 0, shift: 0, bucketBits: bits) }
    let span = high - low
    let shift = Swift.max(0, 64 - span.leadingZeroBitCount - bits)
    // Centre the sample in the buckets, so values just outside it still get buckets of their own.
    let spare = ((1 << UInt64(bits)) - 1 - (span >> UInt64(shift))) / 2
    let margin = spare << UInt64(shift)
    return BucketPlan(base: low >= margin ? low - margin : 0, shift: shift, bucketBits: bits)
  }

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
          if plan.holdsOneKey(spot.bucket) {
            table.append(rank, T.double(orderKey: plan.base &+ UInt64(spot.bucket)))
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
    var wanted = [UInt64](repeating: 0, count: ((groupCount << bits) + 63) >> 6)
    for index in slots.indices { wanted[index >> 6] |= 1 << UInt64(index & 63) }
    // Each part writes its rows' keys after those of the parts before it.
    var fills: [[Int]] = []
    var next = slots.starts
    for partial in partials {
      fills.append(next)
      for (s, index) in slots.indices.enumerated() { next[s] += Int(partial.histogram[index]) }
    }
    var keys = [UInt64](repeating: 0, count: slots.totalSize)
    keys.withUnsafeMutableBufferPointer { k in
      wanted.withUnsafeBufferPointer { w in
        slots.indices.withUnsafeBufferPointer { slotIndices in
          _ = RowScan.run(parts) { p, part in
            var fill = fills[p]
            fill.withUnsafeMutableBufferPointer { f in
              part.forEach { row in
                let index = Int(codes[row])
                if w[index >> 6] & (1 << UInt64(index & 63)) != 0 {
                  let s = Self.search(slotIndices, index)
                  k[f[s]] = values[row].orderKey
                  f[s] += 1
                }
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

  /// The position of `index` in the ascending `indices`, which holds it.
  @inline(__always)
  static func search(_ indices: UnsafeBufferPointer<Int>, _ index: Int) -> Int {
    var lo = 0
    var hi = indices.count - 1
    while lo < hi {
      let mid = (lo + hi) >> 1
      if indices[mid] < index { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

/// How keys map to histogram buckets: `(key − base) >> shift`, keys outside the range clamped into
/// the first and last bucket.
struct BucketPlan {
  let base: UInt64
  let shift: UInt64
  let bucketBits: Int
  let top: UInt64

  init(base: UInt64, shift: Int, bucketBits: Int) {
    self.base = base
    self.shift = UInt64(shift)
    self.bucketBits = bucketBits
    top = (1 << UInt64(bucketBits)) - 1
  }

  @inline(__always) func bucket(_ key: UInt64) -> Int {
    let b = Swift.min((key &- base) &>> shift, top)
    return key < base ? 0 : Int(truncatingIfNeeded: b)
  }

  /// Whether bucket `b` can hold only one key: buckets are one key wide and `b` is not an end
  /// bucket, which also holds the clamped keys.
  func holdsOneKey(_ b: Int) -> Bool {
    shift == 0 && b != 0 && UInt64(b) != top
  }
}
