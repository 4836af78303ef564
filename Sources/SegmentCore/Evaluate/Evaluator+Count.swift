import Columnar

extension Workspace {
  func count(_ command: CountCommand) throws(EvalError) -> ResultTable {
    let selection = try select(command.source)
    let total = selection.table.rowCount
    let matched = selection.count
    guard !command.groups.isEmpty else {
      return ResultTable(
        columns: [ResultColumn("count", alignment: .right), ResultColumn("share", alignment: .right)],
        rows: [[.count(matched), .share(total == 0 ? 0 : Double(matched) / Double(total))]],
        footer: "share of \(Figures.rows(total)) in \(selection.table.name)")
    }
    var columns: [Column] = []
    for name in command.groups { columns.append(try resolveColumn(name, in: selection.table)) }
    let groups = try GroupCounter.count(selection, by: columns)
    var rows: [[Cell]] = []
    for group in groups {
      rows.append(
        group.values.map { Cell.value($0) } + [
          .count(group.count), .share(matched == 0 ? 0 : Double(group.count) / Double(matched)),
        ])
    }
    let header =
      columns.map { ResultColumn($0.name) } + [
        ResultColumn("count", alignment: .right), ResultColumn("share", alignment: .right),
      ]
    let note = columns.contains { $0.type == .list } ? "; a row counts once per item of a list" : ""
    let of = matched == total ? Figures.rows(total) : "\(Figures.rows(matched)) of \(Figures.grouped(total))"
    return ResultTable(columns: header, rows: rows, footer: "\(groups.count) groups, \(of)\(note)")
  }
}

/// Counts rows per combination of group values.
enum GroupCounter {
  struct Group {
    var values: [Value]
    var count: Int
    var keys: [UInt32]
  }

  /// Groups ordered by count (largest first), ties by value so the order never depends on hashing.
  /// - Complexity: O(n) array increments when the group space is small, a hash map otherwise.
  static func count(_ selection: RowSelection, by columns: [Column]) throws(EvalError) -> [Group] {
    // A list column explodes: each item of a row is a group of its own.
    var indexes: [GroupIndex] = []
    var listColumn: Int?
    for (i, column) in columns.enumerated() {
      if column.type == .list {
        guard listColumn == nil else {
          throw EvalError(.unsupported("group by one list column at a time"))
        }
        listColumn = i
        indexes.append(GroupIndex(keys: [], values: []))
      } else {
        indexes.append(column.groupIndex())
      }
    }
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
      return tally(selection, indexes, explode: explode, listAt: li)
    }
    return tally(selection, indexes, explode: nil, listAt: nil)
  }

  private static func tally(
    _ selection: RowSelection, _ indexes: [GroupIndex],
    explode: ((Int, (UInt32) -> Void) -> Void)?, listAt: Int?
  ) -> [Group] {
    let sizes = indexes.map { UInt64($0.values.count) }
    let space = sizes.reduce(1, *)
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
    if indexes.count == 1, listAt == nil {
      let keys = indexes[0].keys
      keys.withUnsafeBufferPointer { k in
        dense.withUnsafeMutableBufferPointer { d in selection.forEachRow { d[Int(k[$0])] += 1 } }
      }
    } else if let explode {
      selection.forEachRow { row in explode(row) { add(key(row, list: $0)) } }
    } else {
      selection.forEachRow { add(key($0, list: nil)) }
    }
    var found: [(UInt64, Int)] = []
    if space <= 4_000_000 {
      for (k, n) in dense.enumerated() where n > 0 { found.append((UInt64(k), n)) }
    } else {
      found = sparse.map { ($0.key, $0.value) }
    }
    // Largest first; equal counts in key order, which is value order with nulls last.
    found.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    return found.map { k, n in
      var rest = k
      var parts = [UInt32](repeating: 0, count: indexes.count)
      for i in stride(from: indexes.count - 1, through: 0, by: -1) {
        parts[i] = UInt32(rest % sizes[i])
        rest /= sizes[i]
      }
      return Group(
        values: parts.enumerated().map { indexes[$0.offset].values[Int($0.element)] }, count: n, keys: parts)
    }
  }
}
