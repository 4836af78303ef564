import Columnar

/// Aggregates source rows into one value per row of the current table, in one pass over the source
/// (two for `distinct_count` and `most_frequent`, which group the rows by target first).
struct TraitAggregation {
  /// For each source row, the current table's row it counts towards, or -1 (unmatched or filtered out).
  let targets: [Int32]
  /// The current table's row count.
  let rowCount: Int

  /// `count(*)`: matching rows per target, 0 for none.
  func countRows() -> [Int64] {
    var counts = [Int64](repeating: 0, count: rowCount)
    counts.withUnsafeMutableBufferPointer { c in
      for t in targets where t >= 0 { c[Int(t)] += 1 }
    }
    return counts
  }

  /// Only the source rows where `values` is not null keep their target.
  func skippingNulls(of values: Column) -> TraitAggregation {
    guard let validity = values.validity else { return self }
    var kept = targets
    (~validity).forEachSetBit { kept[$0] = -1 }
    return TraitAggregation(targets: kept, rowCount: rowCount)
  }

  /// Sums per target; `has` marks targets with at least one row.
  /// - Throws: the target row whose Int sum overflows.
  func sums(_ values: [Int64]) throws(Overflow) -> (sums: [Int64], has: Bitmap) {
    var sums = [Int64](repeating: 0, count: rowCount)
    var overflowAt: Int32 = -1
    sums.withUnsafeMutableBufferPointer { s in
      values.withUnsafeBufferPointer { v in
        for i in targets.indices where targets[i] >= 0 {
          let t = Int(targets[i])
          let (sum, o) = s[t].addingReportingOverflow(v[i])
          if o { overflowAt = targets[i] }
          s[t] = sum
        }
      }
    }
    if overflowAt >= 0 { throw Overflow(row: Int(overflowAt)) }
    return (sums, hasRows())
  }

  /// Double sums per target, compensated (Neumaier) so that sums of cents come out as the nearest
  /// Double to the exact total (731.39, not 731.3900000000001); `has` marks targets with rows.
  func sums(_ values: [Double]) -> (sums: [Double], has: Bitmap) {
    var sums = [Double](repeating: 0, count: rowCount)
    var errors = [Double](repeating: 0, count: rowCount)
    sums.withUnsafeMutableBufferPointer { s in
      errors.withUnsafeMutableBufferPointer { e in
        values.withUnsafeBufferPointer { v in
          for i in targets.indices where targets[i] >= 0 {
            let t = Int(targets[i])
            let x = v[i]
            let total = s[t] + x
            e[t] += Swift.abs(s[t]) >= Swift.abs(x) ? (s[t] - total) + x : (x - total) + s[t]
            s[t] = total
          }
        }
      }
    }
    for t in 0..<rowCount { sums[t] += errors[t] }
    return (sums, hasRows())
  }

  /// Targets with at least one row.
  func hasRows() -> Bitmap {
    var words = [UInt64](repeating: 0, count: (rowCount + 63) >> 6)
    for t in targets where t >= 0 { words[Int(t) >> 6] |= 1 << UInt64(t & 63) }
    return Bitmap(words: words, count: rowCount)
  }

  /// The first (or last) source row per target, in the source's row order; -1 for none.
  func firstRows(last: Bool) -> [Int32] {
    var rows = [Int32](repeating: -1, count: rowCount)
    rows.withUnsafeMutableBufferPointer { r in
      for i in targets.indices where targets[i] >= 0 {
        let t = Int(targets[i])
        if last || r[t] < 0 { r[t] = Int32(i) }
      }
    }
    return rows
  }

  /// The source row holding the smallest (or largest) key per target; the earliest row on ties.
  func extremeRows(_ keys: [UInt64], largest: Bool) -> [Int32] {
    var rows = [Int32](repeating: -1, count: rowCount)
    var best = [UInt64](repeating: 0, count: rowCount)
    rows.withUnsafeMutableBufferPointer { rows in
      best.withUnsafeMutableBufferPointer { best in
        keys.withUnsafeBufferPointer { keys in
          targets.withUnsafeBufferPointer { targets in
            for i in 0..<targets.count where targets[i] >= 0 {
              let t = Int(targets[i])
              let k = keys[i]
              if rows[t] < 0 || (largest ? k > best[t] : k < best[t]) {
                rows[t] = Int32(i)
                best[t] = k
              }
            }
          }
        }
      }
    }
    return rows
  }

  /// Per target, the number of distinct keys and a source row holding the commonest key (ties: the
  /// smallest key); -1 and 0 for targets without rows.
  /// - Complexity: O(m) to group the rows by target, then a sort of each target's keys.
  func distinctAndMode(_ keys: [UInt64]) -> (distinct: [Int64], modeRows: [Int32]) {
    var starts = [Int](repeating: 0, count: rowCount + 1)
    var slots: [Entry] = []
    targets.withUnsafeBufferPointer { targets in
      starts.withUnsafeMutableBufferPointer { starts in
        for t in targets where t >= 0 { starts[Int(t) + 1] += 1 }
        for t in 0..<rowCount { starts[t + 1] += starts[t] }
        var next = Array(starts)
        slots = [Entry](repeating: Entry(key: 0, row: 0), count: starts[rowCount])
        slots.withUnsafeMutableBufferPointer { slots in
          keys.withUnsafeBufferPointer { keys in
            for i in 0..<targets.count where targets[i] >= 0 {
              let t = Int(targets[i])
              slots[next[t]] = Entry(key: keys[i], row: Int32(i))
              next[t] += 1
            }
          }
        }
      }
    }
    var distinct = [Int64](repeating: 0, count: rowCount)
    var modes = [Int32](repeating: -1, count: rowCount)
    slots.withUnsafeMutableBufferPointer { all in
      distinct.withUnsafeMutableBufferPointer { distinct in
        modes.withUnsafeMutableBufferPointer { modes in
          for t in 0..<rowCount where starts[t + 1] > starts[t] {
            var slice = UnsafeMutableBufferPointer(rebasing: all[starts[t]..<starts[t + 1]])
            Entry.sort(&slice)
            var runStart = 0
            var bestLength = 0
            var count: Int64 = 0
            for j in 1...slice.count where j == slice.count || slice[j].key != slice[runStart].key {
              count += 1
              if j - runStart > bestLength {
                bestLength = j - runStart
                modes[t] = slice[runStart].row
              }
              runStart = j
            }
            distinct[t] = count
          }
        }
      }
    }
    return (distinct, modes)
  }

  /// An Int sum that does not fit in 64 bits, at a row of the current table.
  struct Overflow: Error {
    var row: Int
  }

  private struct Entry {
    var key: UInt64
    var row: Int32

    /// Sorts by key, then row: insertion sort for the few rows most targets have.
    static func sort(_ s: inout UnsafeMutableBufferPointer<Entry>) {
      guard s.count > 1 else { return }
      if s.count > 24 {
        s.sort { ($0.key, $0.row) < ($1.key, $1.row) }
        return
      }
      // Rows arrive in increasing order, so a stable sort by key alone keeps them ordered on ties.
      for i in 1..<s.count {
        let e = s[i]
        var j = i
        while j > 0, s[j - 1].key > e.key {
          s[j] = s[j - 1]
          j -= 1
        }
        s[j] = e
      }
    }
  }
}

extension Column {
  /// Keys that sort like the values: numbers and dates by value, texts in byte order, false before true.
  /// Null rows get 0; callers skip them.
  /// - Precondition: not a list column.
  /// - Complexity: O(n), plus a sort of the dictionary for texts.
  func orderKeys() -> [UInt64] {
    let flip: UInt64 = 1 << 63
    switch storage {
    case .int(let buffer): return buffer.asInt64.map { UInt64(bitPattern: $0) ^ flip }
    case .date(let a): return a.map { UInt64(bitPattern: Int64($0)) ^ flip }
    case .timestamp(let a): return a.map { UInt64(bitPattern: $0) ^ flip }
    case .double(let a):
      return a.map { v in
        let bits = (v == 0 ? 0.0 : v).bitPattern
        return bits & flip != 0 ? ~bits : bits | flip
      }
    case .bool(let bits): return (0..<count).map { bits[$0] ? 1 : 0 }
    case .string(let codes, let dictionary):
      let order = dictionary.indices.sorted {
        dictionary[$0].utf8.lexicographicallyPrecedes(dictionary[$1].utf8)
      }
      var rank = [UInt64](repeating: 0, count: dictionary.count)
      for (r, code) in order.enumerated() { rank[code] = UInt64(r) }
      return rank.withUnsafeBufferPointer { r in codes.map { r[Int($0)] } }
    case .list:
      preconditionFailure("lists have no order")
    }
  }

  /// A column of this column's values at `rows`; -1 gives a null.
  /// - Complexity: O(rows).
  func gathering(_ rows: [Int32], name: String) -> Column {
    let validity = Bitmap.from(rows) { $0 >= 0 && !isNull(Int($0)) }
    func pick<T>(_ a: [T], _ zero: T) -> [T] {
      a.withUnsafeBufferPointer { v in rows.map { $0 >= 0 ? v[Int($0)] : zero } }
    }
    let storage: ColumnStorage
    switch self.storage {
    case .int(let buffer): storage = .int(.narrowest(pick(buffer.asInt64, 0)))
    case .double(let a): storage = .double(pick(a, 0))
    case .date(let a): storage = .date(pick(a, 0))
    case .timestamp(let a): storage = .timestamp(pick(a, 0))
    case .bool(let bits): storage = .bool(Bitmap(rows.map { $0 >= 0 && bits[Int($0)] }))
    case .string(let codes, let dictionary):
      let (c, d) = Vector.compact(codes: pick(codes, 0), dictionary: dictionary, validity: validity)
      storage = .string(codes: c, dictionary: d)
    case .list:
      preconditionFailure("lists are not gathered")
    }
    return Column(name: name, storage: storage, validity: validity)
  }
}
