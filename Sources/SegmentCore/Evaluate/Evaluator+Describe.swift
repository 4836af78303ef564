import Columnar

extension Workspace {
  func describe(_ table: Table) throws(EvalError) -> ResultTable {
    let columns = [
      ResultColumn("column"), ResultColumn("type"), ResultColumn("nulls", alignment: .right),
      ResultColumn("distinct", alignment: .right), ResultColumn("min", alignment: .right),
      ResultColumn("max", alignment: .right), ResultColumn("mean", alignment: .right),
      ResultColumn("median", alignment: .right), ResultColumn("top values"), ResultColumn("read as null"),
    ]
    let placeholders = nullPlaceholders[table.name.lowercased()] ?? [:]
    let compactDates = compactDateColumns[table.name.lowercased()] ?? []
    var rows: [[Cell]] = []
    for column in table.columns {
      let s = column.summary()
      let numeric = column.type == .int || column.type == .double
      let top = s.topValues.map { "\(Figures.text($0.value, words: column.boolWords)) (\(Figures.grouped($0.count)))" }
        .joined(separator: ", ")
      let blank = Cell.text("")
      let fromDigits = column.type == .date && compactDates.contains(column.name.lowercased())
      let type = column.type.displayName + (fromDigits ? " (read from yyyymmdd)" : "")
      var row: [Cell] = [.text(column.name), .text(type)]
      row.append(.count(s.nullCount))
      row.append(.count(s.distinctCount))
      row.append(s.min.map { Cell.value($0) } ?? blank)
      row.append(s.max.map { Cell.value($0) } ?? blank)
      let mean: Cell? = numeric ? s.mean.map { Cell.number($0, decimals: 2) } : nil
      row.append(mean ?? blank)
      row.append(s.median.map { Cell.value($0) } ?? blank)
      row.append(.text(top))
      // Ordered by text so the cell never depends on dictionary order.
      let nulls = (placeholders[column.name] ?? [:]).sorted { $0.key < $1.key }
      row.append(.text(nulls.map { "\($0.key) (\(Figures.grouped($0.value)))" }.joined(separator: ", ")))
      rows.append(row)
    }
    // Where a grouped table came from, and how many rows repeat an earlier one, each on its line.
    let duplicates = table.duplicateRows().popcount()
    let repeats =
      duplicates == 0
      ? nil
      : "\(Figures.grouped(duplicates)) \(duplicates == 1 ? "row repeats" : "rows repeat") an earlier row exactly "
        + "(load with distinct to drop them)"
    let notes = [tableOrigins[table.name.lowercased()], repeats].compactMap { $0 }
    let footer = notes.isEmpty ? nil : notes.joined(separator: "\n")
    return ResultTable(
      title: "\(table.name): \(Figures.rows(table.rowCount)), \(table.columns.count) columns",
      columns: columns, rows: rows, footer: footer)
  }
}
