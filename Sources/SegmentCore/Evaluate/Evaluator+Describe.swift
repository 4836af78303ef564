import Columnar

extension Workspace {
  func describe(_ table: Table) throws(EvalError) -> ResultTable {
    let columns = [
      ResultColumn("column"), ResultColumn("type"), ResultColumn("nulls", alignment: .right),
      ResultColumn("distinct", alignment: .right), ResultColumn("min", alignment: .right),
      ResultColumn("max", alignment: .right), ResultColumn("mean", alignment: .right),
      ResultColumn("median", alignment: .right), ResultColumn("top values"),
    ]
    var rows: [[Cell]] = []
    for column in table.columns {
      let s = column.summary()
      let numeric = column.type == .int || column.type == .double
      let top = s.topValues.map { "\(Figures.text($0.value)) (\(Figures.grouped($0.count)))" }
        .joined(separator: ", ")
      let blank = Cell.text("")
      var row: [Cell] = [.text(column.name), .text(column.type.displayName)]
      row.append(.value(.int(Int64(s.nullCount))))
      row.append(.value(.int(Int64(s.distinctCount))))
      row.append(s.min.map { Cell.value($0) } ?? blank)
      row.append(s.max.map { Cell.value($0) } ?? blank)
      let mean: Cell? = numeric ? s.mean.map { Cell.number($0, decimals: 2) } : nil
      row.append(mean ?? blank)
      row.append(s.median.map { Cell.value($0) } ?? blank)
      row.append(.text(top))
      rows.append(row)
    }
    return ResultTable(
      title: "\(table.name): \(Figures.rows(table.rowCount)), \(table.columns.count) columns",
      columns: columns, rows: rows)
  }
}
