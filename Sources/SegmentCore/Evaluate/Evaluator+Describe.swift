import Columnar

extension Workspace {
  /// `describe [TABLE]`: each column's type, nulls, distinct values, range, mean, median and most frequent
  /// values, asked of the table's engine (in memory or on a connection) so that every engine shows the
  /// same figures.
  ///
  /// The queries: one for every column's nulls, one for the figures of numbers and dates, one for the
  /// distinct values of those, one per text, bool or list column for its most frequent values (and
  /// distinct count), and one for repeated rows.
  func describe(_ schema: TableSchema) throws(EvalError) -> ResultTable {
    let columns = [
      ResultColumn("column"), ResultColumn("type"), ResultColumn("nulls", alignment: .right),
      ResultColumn("distinct", alignment: .right), ResultColumn("min", alignment: .right),
      ResultColumn("max", alignment: .right), ResultColumn("mean", alignment: .right),
      ResultColumn("median", alignment: .right), ResultColumn("top values"), ResultColumn("read as null"),
    ]
    let relation = Relation(table: schema.name)
    let nulls = try execute(
      Query(.countWhere(schema.columns.map { .isNull($0.name, negated: false) }), over: relation))
    let rowCount = nulls.integer("rows")
    let measured = schema.columns.filter { !$0.type.isCategorical }
    let figures =
      measured.isEmpty
      ? nil : try execute(Query(.summarize(measured.map(\.name), by: nil, quantiles: [0.5]), over: relation))
    let distinct =
      measured.isEmpty ? nil : try execute(Query(.valueRange(measured.map(\.name)), over: relation))
    let placeholders = nullPlaceholders[schema.name.lowercased()] ?? [:]
    let compactDates = compactDateColumns[schema.name.lowercased()] ?? []
    var rows: [[Cell]] = []
    for (i, column) in schema.columns.enumerated() {
      let nullCount = nulls.integer("n.\(i)")
      let blank = Cell.text("")
      var distinctCount = 0
      var range: (min: Cell, max: Cell, mean: Cell, median: Cell) = (blank, blank, blank, blank)
      var top = ""
      if let m = measured.firstIndex(where: { $0.name == column.name }), let figures, let distinct {
        distinctCount = distinct.integer("distinct.\(m)")
        let figure = { (f: SummaryFigure) in figures.value(Operation.summaryColumn(f, of: m), at: 0) }
        let least = distinct.value("min.\(m)", at: 0)
        let greatest = distinct.value("max.\(m)", at: 0)
        range.min = least == .null ? blank : .value(least)
        range.max = greatest == .null ? blank : .value(greatest)
        if column.type.isNumeric, case .double(let mean) = figure(.mean) {
          range.mean = .number(mean, decimals: 2)
        }
        range.median = Self.measure(figure(.quantile(0)), as: column.type).map(Cell.value) ?? blank
      } else {
        // One more than shown: the null group may be among the most frequent, and is not a value.
        let shown = Column.summaryTopCount
        let counts = try execute(
          Query(.valueCounts(column.name, conditions: [], limit: shown + 1), over: relation))
        let groups = counts.rowCount == 0 ? 0 : counts.integer("values", at: 0)
        distinctCount = groups - (nullCount > 0 ? 1 : 0)
        top = (0..<counts.rowCount).compactMap { row -> String? in
          let value = counts.columns[0].value(at: row)
          guard value != .null else { return nil }
          let n = counts.integer("rows", at: row)
          return "\(Figures.text(value, words: column.boolWords)) (\(Figures.grouped(n)))"
        }.prefix(shown).joined(separator: ", ")
      }
      let fromDigits = column.type == .date && compactDates.contains(column.name.lowercased())
      let type = column.type.displayName + (fromDigits ? " (read from yyyymmdd)" : "")
      // Ordered by text so the cell never depends on dictionary order.
      let read = (placeholders[column.name] ?? [:]).sorted { $0.key < $1.key }
      rows.append([
        .text(column.name), .text(type), .count(nullCount), .count(distinctCount), range.min, range.max,
        range.mean, range.median, .text(top),
        .text(read.map { "\($0.key) (\(Figures.grouped($0.value)))" }.joined(separator: ", ")),
      ])
    }
    // Where a grouped table came from, and how many rows repeat an earlier one, each on its line.
    let duplicates = try execute(Query(.duplicateRows, over: relation)).integer("count")
    let repeats =
      duplicates == 0
      ? nil
      : "\(Figures.grouped(duplicates)) \(duplicates == 1 ? "row repeats" : "rows repeat") an earlier row exactly "
        + "(load with distinct to drop them)"
    let notes = [tableOrigins[schema.name.lowercased()], repeats].compactMap { $0 }
    let footer = notes.isEmpty ? nil : notes.joined(separator: "\n")
    return ResultTable(
      title: "\(schema.name): \(Figures.rows(rowCount)), \(schema.columns.count) columns",
      columns: columns, rows: rows, footer: footer)
  }

  /// A figure the engine measured (a Double: a number, a date's day number, a timestamp's seconds)
  /// as a value of the column's type; a whole number's median between two values stays a decimal.
  static func measure(_ figure: Value, as type: ColumnType) -> Value? {
    guard case .double(let x) = figure else { return nil }
    switch type {
    case .int:
      return x.rounded() == x && abs(x) < 9.2e18 ? .int(Int64(x)) : .double(x)
    case .date: return .date(Int32(x.rounded(.down)))
    case .timestamp: return .timestamp(Int64(x.rounded(.down)))
    default: return .double(x)
    }
  }
}
