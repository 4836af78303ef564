import Columnar

/// The groups of `group TABLE by KEY`: each source row's group, the groups numbered in key order
/// (numbers, dates and times ascending, text in byte order, false before true), so that the new table's
/// rows never depend on hash order or on the order of the source's rows.
struct GroupKeys {
  /// For each source row, its group, or -1 for a null key.
  var targets: [Int32]
  /// The number of groups (distinct non-null keys).
  var count: Int
  /// The source rows with a null key.
  var nullRows: Int

  /// Groups the rows of `key`.
  /// - Precondition: not a list column.
  /// - Complexity: O(n + d log d) for text with d dictionary entries; O(n + span) for integers, dates and
  ///   other keys whose range is small next to n (customer ids), else O(n + k log k) with a hash map
  ///   from each of the k distinct keys to its place in their sorted order.
  init(_ key: Column) {
    let n = key.count
    nullRows = key.nullCount
    if case .string(let codes, let dictionary) = key.storage {
      var used = [Bool](repeating: false, count: dictionary.count)
      used.withUnsafeMutableBufferPointer { used in
        for row in 0..<n where !key.isNull(row) { used[Int(codes[row])] = true }
      }
      let sorted = dictionary.indices.filter { used[$0] }.sorted {
        dictionary[$0].utf8.lexicographicallyPrecedes(dictionary[$1].utf8)
      }
      var group = [Int32](repeating: -1, count: dictionary.count)
      for (g, code) in sorted.enumerated() { group[code] = Int32(g) }
      targets = group.withUnsafeBufferPointer { g in codes.map { g[Int($0)] } }
      count = sorted.count
      Self.clearNulls(&targets, key.validity)
      return
    }
    let keys = key.orderKeys()
    var low = UInt64.max
    var high = UInt64.min
    for row in 0..<n where !key.isNull(row) {
      low = min(low, keys[row])
      high = max(high, keys[row])
    }
    guard low <= high else {
      targets = [Int32](repeating: -1, count: n)
      count = 0
      return
    }
    if high - low < UInt64(max(4 * n, 1 << 16)) {
      // A dense array over the keys' range: a key's slot holds its group once all are known.
      var slots = [Int32](repeating: -1, count: Int(high - low) + 1)
      slots.withUnsafeMutableBufferPointer { s in
        for row in 0..<n where !key.isNull(row) { s[Int(keys[row] - low)] = 0 }
      }
      var groups: Int32 = 0
      for i in slots.indices where slots[i] == 0 {
        slots[i] = groups
        groups += 1
      }
      targets = slots.withUnsafeBufferPointer { s in
        keys.map { k in k >= low && k <= high ? s[Int(k - low)] : -1 }
      }
      count = Int(groups)
    } else {
      var distinct: [UInt64] = []
      var seen = Set<UInt64>(minimumCapacity: min(n, 1 << 20))
      for row in 0..<n where !key.isNull(row) && seen.insert(keys[row]).inserted {
        distinct.append(keys[row])
      }
      distinct.sort()
      var group = [UInt64: Int32](minimumCapacity: distinct.count)
      for (g, k) in distinct.enumerated() { group[k] = Int32(g) }
      targets = keys.map { group[$0] ?? -1 }
      count = distinct.count
    }
    Self.clearNulls(&targets, key.validity)
  }

  private static func clearNulls(_ targets: inout [Int32], _ validity: Bitmap?) {
    guard let validity else { return }
    (~validity).forEachSetBit { targets[$0] = -1 }
  }
}
