import Columnar

/// SQL's `ntile(N) OVER (ORDER BY key, rowid)` without sorting the whole column.
///
/// Only the rows that straddle a tile boundary need their exact order. The keys are histogrammed on
/// their top bits; a bucket that holds no boundary gets one tile for all its rows, and the few buckets
/// that hold one are refined the same way on the next bits until each holds a single key, whose rows
/// then stand in row order (the `rowid` tie-break). Small integers such as order counts or dates take
/// one histogram pass; doubles take a few.
enum NTile {
  /// Bits per histogram pass.
  private static let bucketBits = 16
  /// Below this many rows a bucket is sorted outright.
  private static let sortBelow = 48

  /// The tile (1...N) of each key, with ties broken by position in `keys`, exactly as DuckDB's
  /// `ntile(N)`: the first `n % N` tiles hold `n / N + 1` rows, the rest `n / N`; with fewer than N
  /// rows, row i of the order gets tile i + 1.
  /// - Parameters:
  ///   - keys: order keys (compared as unsigned integers, ascending) of the rows to rank, in row order.
  ///   - buckets: N, at most 255.
  /// - Complexity: O(n) passes; a sort only of boundary buckets smaller than a few dozen rows.
  static func tiles(_ keys: [UInt64], buckets: Int) -> [UInt8] {
    precondition(buckets > 0 && buckets < 256, "ntile needs 1...255 tiles")
    var out = [UInt8](repeating: 0, count: keys.count)
    guard !keys.isEmpty else { return out }
    let starts = tileStarts(count: keys.count, buckets: buckets)
    keys.withUnsafeBufferPointer { k in
      out.withUnsafeMutableBufferPointer { o in
        refine(keys: k, rows: nil, base: 0, starts: starts, out: o)
      }
    }
    return out
  }

  /// The ordered positions (0-based) where tiles 2, 3, ... begin.
  static func tileStarts(count n: Int, buckets: Int) -> [Int] {
    let tiles = min(buckets, n)
    let size = n / tiles
    let large = n % tiles
    return (1..<max(tiles, 1)).map { t in
      t <= large ? t * (size + 1) : large * (size + 1) + (t - large) * size
    }
  }

  /// The tile of ordered position `p`.
  @inline(__always)
  private static func tile(at p: Int, starts: [Int]) -> UInt8 {
    var t: UInt8 = 1
    for s in starts where s <= p { t += 1 }
    return t
  }

  /// Assigns tiles to `keys`, which occupy ordered positions `base..<base + keys.count`; `rows` maps
  /// each key to its output row (nil: the identity), ascending so that ties keep row order.
  private static func refine(
    keys: UnsafeBufferPointer<UInt64>, rows: UnsafeBufferPointer<Int32>?, base: Int, starts: [Int],
    out: UnsafeMutableBufferPointer<UInt8>
  ) {
    let m = keys.count
    @inline(__always) func row(_ i: Int) -> Int { rows.map { Int($0[i]) } ?? i }
    // No boundary inside: every row has the same tile.
    if !starts.contains(where: { $0 > base && $0 < base + m }) {
      let t = tile(at: base, starts: starts)
      for i in 0..<m { out[row(i)] = t }
      return
    }
    var lo = UInt64.max
    var hi = UInt64.min
    for k in keys {
      lo = min(lo, k)
      hi = max(hi, k)
    }
    if lo == hi || m < sortBelow {
      // Equal keys stay in row order; a stable sort of a few rows settles the rest.
      let order =
        lo == hi ? Array(0..<m) : (0..<m).sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
      for (q, i) in order.enumerated() { out[row(i)] = tile(at: base + q, starts: starts) }
      return
    }
    let span = hi - lo
    let shift = max(0, (64 - span.leadingZeroBitCount) - bucketBits)
    let bucketCount = Int(span >> UInt64(shift)) + 1
    var counts = [Int](repeating: 0, count: bucketCount)
    for k in keys { counts[Int((k - lo) >> UInt64(shift))] += 1 }
    // Per bucket: its tile when no boundary falls inside, else 0 and a slot to refine.
    var bucketTile = [UInt8](repeating: 0, count: bucketCount)
    var slotOf = [Int](repeating: -1, count: bucketCount)
    var slotBase: [Int] = []
    var position = base
    for b in 0..<bucketCount where counts[b] > 0 {
      let end = position + counts[b]
      if starts.contains(where: { $0 > position && $0 < end }) {
        slotOf[b] = slotBase.count
        slotBase.append(position)
      } else {
        bucketTile[b] = tile(at: position, starts: starts)
      }
      position = end
    }
    var slotKeys = [[UInt64]](repeating: [], count: slotBase.count)
    var slotRows = [[Int32]](repeating: [], count: slotBase.count)
    for i in 0..<m {
      let b = Int((keys[i] - lo) >> UInt64(shift))
      let t = bucketTile[b]
      if t != 0 {
        out[row(i)] = t
      } else {
        let s = slotOf[b]
        slotKeys[s].append(keys[i])
        slotRows[s].append(Int32(truncatingIfNeeded: row(i)))
      }
    }
    for s in slotBase.indices {
      slotKeys[s].withUnsafeBufferPointer { k in
        slotRows[s].withUnsafeBufferPointer { r in
          refine(keys: k, rows: r, base: slotBase[s], starts: starts, out: out)
        }
      }
    }
  }
}

/// Order keys: unsigned integers whose ascending order is the column's SQL order.
enum OrderKey {
  private static let signBit: UInt64 = 1 << 63

  /// The key of a signed integer.
  @inline(__always)
  static func int(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) ^ signBit }

  /// The key of a double, in DuckDB's order: -0.0 equals 0.0 and NaN sorts above +infinity.
  @inline(__always)
  static func double(_ v: Double) -> UInt64 {
    if v.isNaN { return UInt64.max }
    let bits = (v == 0 ? 0.0 : v).bitPattern
    return bits & signBit != 0 ? ~bits : bits | signBit
  }

  /// The keys of the rows of `column` listed in `rows` (every row when nil), ascending or descending.
  /// Returns nil for a column that has no numeric order (text, lists, booleans).
  /// - Complexity: O(rows).
  static func keys(_ column: Column, rows: [Int32]?, descending: Bool) -> [UInt64]? {
    let flip: UInt64 = descending ? .max : 0
    func gather(_ key: (Int) -> UInt64) -> [UInt64] {
      if let rows { return rows.map { key(Int($0)) ^ flip } }
      return (0..<column.count).map { key($0) ^ flip }
    }
    switch column.storage {
    case .int(.int8(let a)): return gather { int(Int64(a[$0])) }
    case .int(.int16(let a)): return gather { int(Int64(a[$0])) }
    case .int(.int32(let a)): return gather { int(Int64(a[$0])) }
    case .int(.int64(let a)): return gather { int(a[$0]) }
    case .double(let a): return gather { double(a[$0]) }
    case .date(let a): return gather { int(Int64(a[$0])) }
    case .timestamp(let a): return gather { int(a[$0]) }
    case .bool, .string, .list: return nil
    }
  }
}
