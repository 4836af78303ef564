/// Rows mapped to small dense group numbers, for group-by and histograms by category.
public struct GroupIndex: Sendable {
  /// The group number of each row.
  public var keys: [UInt32]
  /// The value each group stands for; `.null` for the group of null rows. Groups are numbered in the
  /// order of these values: nulls last, others ascending (strings in byte order).
  public var values: [Value]

  /// Creates an index from per-row keys and the values they number.
  public init(keys: [UInt32], values: [Value]) {
    self.keys = keys
    self.values = values
  }
}

extension Column {
  /// Numbers each row's value as a dense group, so that counting is an array increment per row.
  ///
  /// Strings reuse their dictionary codes; other types are ranked by value. Lists are not grouped here
  /// (a row with several items belongs to several groups; see `SegmentCore`).
  /// - Complexity: O(n) for strings and bools, O(n log n) for numbers and dates.
  public func groupIndex() -> GroupIndex {
    switch storage {
    case .string(let codes, let dictionary):
      // Renumber the dictionary in byte order so group order never depends on load order.
      let order = dictionary.indices.sorted {
        dictionary[$0].utf8.lexicographicallyPrecedes(dictionary[$1].utf8)
      }
      var rank = [UInt32](repeating: 0, count: dictionary.count)
      for (r, code) in order.enumerated() { rank[code] = UInt32(r) }
      let nullKey = UInt32(dictionary.count)
      var keys = [UInt32](repeating: nullKey, count: count)
      // A null row's code may be anything (a column of nulls only has no dictionary at all), so only
      // valid rows' codes are read.
      codes.withUnsafeBufferPointer { c in
        rank.withUnsafeBufferPointer { r in
          if let validity {
            for row in 0..<count where validity[row] { keys[row] = r[Int(c[row])] }
          } else {
            for row in 0..<count { keys[row] = r[Int(c[row])] }
          }
        }
      }
      return GroupIndex(keys: keys, values: order.map { .string(dictionary[$0]) } + [.null])
    case .bool(let bits):
      var keys = [UInt32](repeating: 2, count: count)
      for row in 0..<count where !isNull(row) { keys[row] = bits[row] ? 1 : 0 }
      return GroupIndex(keys: keys, values: [.bool(false), .bool(true), .null])
    case .int(let buffer):
      return ranked {
        buffer[$0]
      } wrap: {
        .int($0)
      }
    case .double(let a):
      return ranked {
        a[$0]
      } wrap: {
        .double($0)
      }
    case .date(let a):
      return ranked {
        a[$0]
      } wrap: {
        .date($0)
      }
    case .timestamp(let a):
      return ranked {
        a[$0]
      } wrap: {
        .timestamp($0)
      }
    case .list:
      preconditionFailure("lists are grouped by item, not by row")
    }
  }

  private func ranked<T: Comparable & Hashable>(_ read: (Int) -> T, wrap: (T) -> Value) -> GroupIndex {
    var distinct: [T] = []
    var seen: Set<T> = []
    for row in 0..<count where !isNull(row) {
      let v = read(row)
      if seen.insert(v).inserted { distinct.append(v) }
    }
    distinct.sort()
    var rank: [T: UInt32] = [:]
    rank.reserveCapacity(distinct.count)
    for (i, v) in distinct.enumerated() { rank[v] = UInt32(i) }
    let nullKey = UInt32(distinct.count)
    var keys = [UInt32](repeating: nullKey, count: count)
    for row in 0..<count where !isNull(row) { keys[row] = rank[read(row)]! }
    return GroupIndex(keys: keys, values: distinct.map(wrap) + [.null])
  }
}
