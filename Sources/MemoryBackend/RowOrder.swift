import Columnar
import SegmentPlan

/// The rows of `Operation.rows`: the first `limit` chosen rows in the order of the sort keys, nulls last
/// whichever way a key sorts, ties in row order so the output never depends on the sort algorithm.
enum RowOrder {
  /// - Complexity: O(k log limit) for k chosen rows with one number or date key; with other keys
  ///   O(n log n) first, to turn each key column into dense ranks.
  static func first(_ limit: Int, of chosen: Chosen, sortedBy keys: [(Column, descending: Bool)]) -> [Int] {
    guard !keys.isEmpty else {
      var rows: [Int] = []
      rows.reserveCapacity(min(limit, chosen.rowCount))
      chosen.forEachRow { if rows.count < limit { rows.append($0) } }
      return rows
    }
    if keys.count == 1 {
      let (column, descending) = keys[0]
      switch column.storage {
      case .int(let buffer): return best(limit, chosen, column, descending) { buffer[$0] }
      case .double(let a): return best(limit, chosen, column, descending) { a[$0] }
      case .date(let a): return best(limit, chosen, column, descending) { a[$0] }
      case .timestamp(let a): return best(limit, chosen, column, descending) { a[$0] }
      default: break
      }
    }
    let ranks = keys.map { column, descending in rankKeys(column, descending: descending) }
    func precedes(_ a: Int, _ b: Int) -> Bool {
      for r in ranks where r[a] != r[b] { return r[a] < r[b] }
      return a < b
    }
    var best = BestOf<Int>(limit, by: precedes)
    chosen.forEachRow { best.offer($0) }
    return best.sorted()
  }

  /// One number or date key read straight from its buffer: a bounded heap of the non-null rows, then
  /// the null rows in row order if fewer than `limit` had values (nulls sort last either way).
  private static func best<Key: Comparable>(
    _ limit: Int, _ chosen: Chosen, _ column: Column, _ descending: Bool, _ key: (Int) -> Key
  ) -> [Int] {
    var best = BestOf<(key: Key, row: Int)>(limit) { a, b in
      a.key != b.key ? (descending ? a.key > b.key : a.key < b.key) : a.row < b.row
    }
    var nulls: [Int] = []
    chosen.forEachRow { row in
      if column.isNull(row) {
        if nulls.count < limit { nulls.append(row) }
      } else {
        best.offer((key(row), row))
      }
    }
    let rows = best.sorted().map(\.row)
    return rows + nulls.prefix(limit - rows.count)
  }

  /// Per-row ranks of a column in sort order: ascending or descending by value, nulls last either way.
  static func rankKeys(_ column: Column, descending: Bool) -> [UInt32] {
    guard column.type != .list else {
      // Lists sort by their items joined with ';', as they print.
      let texts = (0..<column.count).map { column.isNull($0) ? nil : column.value(at: $0).description }
      return rankKeys(Column.string(column.name, texts), descending: descending)
    }
    let index = column.groupIndex()
    guard descending else { return index.keys }
    // The null group is the last group number; keep it last and reverse the others.
    let nullKey = UInt32(index.values.count - 1)
    return index.keys.map { $0 == nullKey ? nullKey : nullKey - 1 - $0 }
  }
}
