import Columnar
import SegmentPlan

/// Counts rows per combination of group values (`Operation.countBy`).
enum GroupCounter {
  /// Groups ordered by count (largest first), ties by value so the order never depends on hashing.
  /// - Complexity: O(n) array increments when the group space is small, a hash map otherwise.
  static func count(_ table: Table, rows: Bitmap?, by names: [String]) throws(EngineError) -> Frame {
    var columns: [Column] = []
    for name in names { columns.append(try MemoryEngine.column(name, of: table)) }
    if columns.count == 1, let counts = codeCounts(columns[0], Chosen(rowCount: table.rowCount, mask: rows)) {
      return counts
    }
    if columns.count == 1, case .bool(let bits) = columns[0].storage {
      return boolCounts(columns[0], bits, rows: rows)
    }
    // A list column explodes: each item of a row is a group of its own.
    var indexes: [GroupIndex] = []
    var listColumn: Int?
    for (i, column) in columns.enumerated() {
      if column.type == .list {
        guard listColumn == nil else { throw EngineError(.unsupported("group by one list column at a time")) }
        listColumn = i
        indexes.append(GroupIndex(keys: [], values: []))
      } else {
        indexes.append(column.groupIndex())
      }
    }
    let chosen = Chosen(rowCount: table.rowCount, mask: rows)
    var found: [(key: [UInt32], count: Int)]
    if let li = listColumn, case .list(let offsets, let codes, let dictionary) = columns[li].storage {
      let order = dictionary.indices.sorted {
        dictionary[$0].utf8.lexicographicallyPrecedes(dictionary[$1].utf8)
      }
      var rank = [UInt32](repeating: 0, count: dictionary.count)
      for (r, code) in order.enumerated() { rank[code] = UInt32(r) }
      indexes[li].values = order.map { .string(dictionary[$0]) } + [.null]
      let list = columns[li]
      let explode: (Int, (UInt32) -> Void) -> Void = { row, emit in
        if list.isNull(row) {
          emit(UInt32(dictionary.count))
          return
        }
        for i in Int(offsets[row])..<Int(offsets[row + 1]) { emit(rank[Int(codes[i])]) }
      }
      found = tally(chosen, indexes, explode: explode, listAt: li)
    } else {
      found = tally(chosen, indexes, explode: nil, listAt: nil)
    }
    var keyValues = [[Value]](repeating: [], count: indexes.count)
    for (key, _) in found {
      for i in indexes.indices { keyValues[i].append(indexes[i].values[Int(key[i])]) }
    }
    var frame: [Column] = []
    for (i, column) in columns.enumerated() {
      frame.append(Column.of(column.name, type: i == listColumn ? .string : column.type, keyValues[i]))
    }
    frame.append(Column.int("count", found.map { Int64($0.count) }))
    return Frame(columns: frame)
  }

  /// `count` by one text or list column, tallied straight into an array by dictionary code (the
  /// common case, kept free of the general path's group keys and closures): the values (a list's
  /// items) and the null, largest first, equal counts in byte order, null last. Nil for other types.
  /// - Complexity: O(chosen rows (+ their items) + distinct values × log).
  private static func codeCounts(_ column: Column, _ chosen: Chosen) -> Frame? {
    let dictionary: [String]
    var counts: [Int]
    switch column.storage {
    case .string(let codes, let values):
      dictionary = values
      counts = [Int](repeating: 0, count: values.count + 1)
      let null = values.count
      codes.withUnsafeBufferPointer { c in
        counts.withUnsafeMutableBufferPointer { n in
          if column.validity == nil {
            chosen.forEachRow { n[Int(c[$0])] += 1 }
          } else {
            chosen.forEachRow { row in n[column.isNull(row) ? null : Int(c[row])] += 1 }
          }
        }
      }
    case .list(let offsets, let codes, let values):
      dictionary = values
      counts = [Int](repeating: 0, count: values.count + 1)
      let null = values.count
      offsets.withUnsafeBufferPointer { o in
        codes.withUnsafeBufferPointer { c in
          counts.withUnsafeMutableBufferPointer { n in
            chosen.forEachRow { row in
              if column.isNull(row) {
                n[null] += 1
              } else {
                for i in Int(o[row])..<Int(o[row + 1]) { n[Int(c[i])] += 1 }
              }
            }
          }
        }
      }
    default:
      return nil
    }
    let null = dictionary.count
    let byItem = dictionary.indices.sorted {
      dictionary[$0].utf8.lexicographicallyPrecedes(dictionary[$1].utf8)
    }
    let slots = (byItem + [null]).filter { counts[$0] > 0 }.enumerated().sorted {
      counts[$0.element] != counts[$1.element]
        ? counts[$0.element] > counts[$1.element] : $0.offset < $1.offset
    }.map(\.element)
    return Frame(columns: [
      Column.of(column.name, type: .string, slots.map { $0 == null ? .null : .string(dictionary[$0]) }),
      Column.int("count", slots.map { Int64(counts[$0]) }),
    ])
  }

  /// `count` by one Bool column from whole-word bitmap operations: false, true and null, largest first,
  /// equal counts in that order.
  private static func boolCounts(_ column: Column, _ bits: Bitmap, rows: Bitmap?) -> Frame {
    let chosen = rows?.popcount() ?? column.count
    let valid = column.validRows(within: rows)
    let known = valid?.popcount() ?? column.count
    let trues = (valid.map { $0 & bits } ?? bits).popcount()
    let groups = [(Value.bool(false), known - trues), (.bool(true), trues), (.null, chosen - known)]
      .enumerated().filter { $0.element.1 > 0 }
      .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
      .map(\.element)
    return Frame(columns: [
      Column.of(column.name, type: .bool, groups.map(\.0)), Column.int("count", groups.map { Int64($0.1) }),
    ])
  }

  /// Rows per group, largest first, each group as its values' ranks column by column.
  private static func tally(
    _ chosen: Chosen, _ indexes: [GroupIndex],
    explode: ((Int, (UInt32) -> Void) -> Void)?, listAt: Int?
  ) -> [(key: [UInt32], count: Int)] {
    let sizes = indexes.map { UInt64($0.values.count) }
    var space: UInt64 = 1
    for size in sizes {
      let (product, overflow) = space.multipliedReportingOverflow(by: size)
      // Combined keys no longer fit 64 bits: hash the ranks themselves.
      if overflow { return tallyWide(chosen, indexes, explode: explode, listAt: listAt) }
      space = product
    }
    let found = tallyNarrow(chosen, indexes, space: space, explode: explode, listAt: listAt)
    return found.map { key, count in
      var rest = key
      var parts = [UInt32](repeating: 0, count: sizes.count)
      for i in stride(from: sizes.count - 1, through: 0, by: -1) {
        parts[i] = UInt32(rest % sizes[i])
        rest /= sizes[i]
      }
      return (parts, count)
    }
  }

  /// `tally` with each group's ranks combined into one number below `space`.
  private static func tallyNarrow(
    _ chosen: Chosen, _ indexes: [GroupIndex], space: UInt64,
    explode: ((Int, (UInt32) -> Void) -> Void)?, listAt: Int?
  ) -> [(key: UInt64, count: Int)] {
    let sizes = indexes.map { UInt64($0.values.count) }
    var dense = space <= 4_000_000 ? [Int](repeating: 0, count: Int(space)) : []
    var sparse: [UInt64: Int] = [:]
    func key(_ row: Int, list item: UInt32?) -> UInt64 {
      var k: UInt64 = 0
      for (i, index) in indexes.enumerated() {
        let part = i == listAt ? UInt64(item ?? 0) : UInt64(index.keys[row])
        k = k * sizes[i] + part
      }
      return k
    }
    func add(_ k: UInt64) {
      if space <= 4_000_000 { dense[Int(k)] += 1 } else { sparse[k, default: 0] += 1 }
    }
    if indexes.count == 1, listAt == nil, space <= 4_000_000 {
      let keys = indexes[0].keys
      keys.withUnsafeBufferPointer { k in
        dense.withUnsafeMutableBufferPointer { d in chosen.forEachRow { d[Int(k[$0])] += 1 } }
      }
    } else if let explode {
      chosen.forEachRow { row in explode(row) { add(key(row, list: $0)) } }
    } else {
      chosen.forEachRow { add(key($0, list: nil)) }
    }
    var found: [(key: UInt64, count: Int)] = []
    if space <= 4_000_000 {
      for (k, n) in dense.enumerated() where n > 0 { found.append((UInt64(k), n)) }
    } else {
      found = sparse.map { ($0.key, $0.value) }
    }
    // Largest first; equal counts in key order, which is value order with nulls last.
    found.sort { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    return found
  }

  /// `tally` for groups whose combined key space passes 64 bits: a hash map keyed by the ranks, in
  /// the same order (ranks compared column by column are the combined keys compared).
  private static func tallyWide(
    _ chosen: Chosen, _ indexes: [GroupIndex],
    explode: ((Int, (UInt32) -> Void) -> Void)?, listAt: Int?
  ) -> [(key: [UInt32], count: Int)] {
    var groups: [[UInt32]: Int] = [:]
    var parts = [UInt32](repeating: 0, count: indexes.count)
    func add(_ row: Int, list item: UInt32?) {
      for (i, index) in indexes.enumerated() { parts[i] = i == listAt ? item ?? 0 : index.keys[row] }
      groups[parts, default: 0] += 1
    }
    if let explode {
      chosen.forEachRow { row in explode(row) { add(row, list: $0) } }
    } else {
      chosen.forEachRow { add($0, list: nil) }
    }
    var found = groups.map { (key: $0.key, count: $0.value) }
    found.sort { $0.count != $1.count ? $0.count > $1.count : $0.key.lexicographicallyPrecedes($1.key) }
    return found
  }
}

/// The rows a kernel visits: every row of a table, or those set in a mask.
struct Chosen {
  let rowCount: Int
  let mask: Bitmap?

  /// Calls `body` with each chosen row number, in order, without building an array.
  @inline(__always)
  func forEachRow(_ body: (Int) -> Void) {
    guard let mask else {
      for row in 0..<rowCount { body(row) }
      return
    }
    mask.forEachSetBit(body)
  }
}

extension GroupCounter {
  /// `Operation.valueCounts`: the groups of one column among the chosen rows (`groups`, their `count`,
  /// which the caller may have kept from an earlier query), each with how many of its rows lie in each
  /// of `within` (subsets of the chosen rows), at most `limit` groups.
  /// - Complexity: one `count` per subset.
  static func valueCounts(_ table: Table, _ name: String, groups: Frame, within: [Bitmap], limit: Int)
    throws(EngineError) -> Frame
  {
    let keys = groups.columns[0]
    let kept = min(max(0, limit), groups.rowCount)
    var columns = [
      keys.taking(Array(0..<kept)),
      Column.int("rows", (0..<kept).map { Int64(groups.integer("count", at: $0)) }),
    ]
    for (i, subset) in within.enumerated() {
      let part = try count(table, rows: subset, by: [name])
      var found: [Value: Int64] = [:]
      for row in 0..<part.rowCount {
        found[part.columns[0].value(at: row)] = Int64(part.integer("count", at: row))
      }
      columns.append(Column.int("n.\(i)", (0..<kept).map { found[keys.value(at: $0)] ?? 0 }))
    }
    columns.append(Column.int("values", [Int64](repeating: Int64(groups.rowCount), count: kept)))
    return Frame(columns: columns)
  }
}
