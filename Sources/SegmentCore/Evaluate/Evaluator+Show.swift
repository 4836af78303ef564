import Columnar

extension Workspace {
  /// Rows shown when `show` has no `limit`.
  static let defaultShowLimit = 20

  func show(_ command: ShowCommand) throws(EvalError) -> ResultTable {
    let selection = try select(command.source)
    let table = selection.table
    let columns = try chosenColumns(command.columns, of: table)
    var sortColumns: [(Column, Bool)] = []
    for key in command.sort {
      sortColumns.append((try resolveColumn(key.column, in: table), key.descending))
    }
    let limit = command.limit ?? Workspace.defaultShowLimit
    let rows = RowOrder.first(limit, of: selection, sortedBy: sortColumns)
    let footer =
      "\(Figures.grouped(rows.count)) of \(Figures.rows(selection.count))"
      + (selection.mask == nil
        ? "" : " (\(selection.label), of \(Figures.grouped(table.rowCount)) in \(table.name))")
    return rowsTable(rows, columns: columns, footer: footer)
  }

  func top(_ command: TopCommand) throws(EvalError) -> ResultTable {
    let selection = try select(command.source)
    let column = try resolveColumn(command.column, in: selection.table)
    guard column.type != .list else {
      throw EvalError(.unsupported("top cannot rank by a list column"), at: command.column.range)
    }
    let columns = try chosenColumns(command.columns, of: selection.table)
    let rows = TopN.rows(command.count, of: selection, by: column)
    return rowsTable(
      rows, columns: columns,
      footer:
        "top \(Figures.grouped(rows.count)) by \(column.name) of \(Figures.rows(selection.count)) (\(selection.label))"
    )
  }

  func chosenColumns(_ names: [Name]?, of table: Table) throws(EvalError) -> [Column] {
    guard let names else { return table.columns }
    var columns: [Column] = []
    var seen: Set<String> = []
    for name in names {
      let column = try resolveColumn(name, in: table)
      guard seen.insert(column.name).inserted else {
        throw EvalError(.duplicateColumn(column.name), at: name.range)
      }
      columns.append(column)
    }
    return columns
  }

  func rowsTable(_ rows: [Int], columns: [Column], footer: String) -> ResultTable {
    let cells = rows.map { row in columns.map { Cell.value($0.value(at: row)) } }
    let header = columns.map { ResultColumn($0.name, alignment: $0.type.isNumeric ? .right : .left) }
    return ResultTable(columns: header, rows: cells, footer: footer)
  }
}

/// Row orderings for `show ... sort by`.
enum RowOrder {
  /// The first `limit` chosen rows in the order of the sort keys (nulls last, ties in row order so the
  /// output never depends on the sort algorithm).
  ///
  /// Each key column is first turned into dense ranks (`Column.groupIndex`, which orders values with
  /// nulls last), so rows compare as small integers rather than boxed values.
  /// - Complexity: O(n log n) for the ranks; O(k log limit) to pick the first `limit` of k chosen rows.
  static func first(_ limit: Int, of selection: RowSelection, sortedBy keys: [(Column, Bool)]) -> [Int] {
    guard !keys.isEmpty else {
      var rows: [Int] = []
      if let mask = selection.mask {
        for row in mask.setIndices() where rows.count < limit { rows.append(row) }
        return rows
      }
      return Array(0..<min(limit, selection.table.rowCount))
    }
    let ranks = keys.map { column, descending in rankKeys(column, descending: descending) }
    func precedes(_ a: Int, _ b: Int) -> Bool {
      for r in ranks where r[a] != r[b] { return r[a] < r[b] }
      return a < b
    }
    var best = BestOf<Int>(limit, by: precedes)
    selection.forEachRow { best.offer($0) }
    return best.sorted()
  }

  /// Per-row ranks of a column in sort order: ascending or descending by value, nulls last either way.
  static func rankKeys(_ column: Column, descending: Bool) -> [UInt32] {
    guard column.type != .list else {
      // Lists sort by their items joined with ';', as they print.
      let texts = (0..<column.count).map { column.isNull($0) ? nil : Figures.text(column.value(at: $0)) }
      return rankKeys(Column.string(column.name, texts), descending: descending)
    }
    let index = column.groupIndex()
    guard descending else { return index.keys }
    // The null group is the last group number; keep it last and reverse the others.
    let nullKey = UInt32(index.values.count - 1)
    return index.keys.map { $0 == nullKey ? nullKey : nullKey - 1 - $0 }
  }
}

/// The N rows with the highest values of a column, by a bounded selection instead of a full sort.
enum TopN {
  /// Highest first; equal values in row order; nulls never ranked.
  /// - Complexity: O(k log N) for k chosen rows.
  static func rows(_ n: Int, of selection: RowSelection, by column: Column) -> [Int] {
    guard n > 0 else { return [] }
    switch column.storage {
    case .int(let buffer): return best(n, selection, column) { Double(buffer[$0]) }
    case .double(let a): return best(n, selection, column) { a[$0] }
    case .date(let a): return best(n, selection, column) { Double(a[$0]) }
    case .timestamp(let a): return best(n, selection, column) { Double(a[$0]) }
    case .bool(let bits): return best(n, selection, column) { bits[$0] ? 1 : 0 }
    case .string:
      return RowOrder.first(n, of: selection, sortedBy: [(column, true)]).filter { !column.isNull($0) }
    case .list: return []
    }
  }

  private static func best(_ n: Int, _ selection: RowSelection, _ column: Column, _ key: (Int) -> Double)
    -> [Int]
  {
    // Higher values first; equal values in row order.
    var best = BestOf<(Double, Int)>(n) { a, b in a.0 != b.0 ? a.0 > b.0 : a.1 < b.1 }
    selection.forEachRow { row in
      if !column.isNull(row) { best.offer((key(row), row)) }
    }
    return best.sorted().map(\.1)
  }
}
