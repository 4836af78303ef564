import Columnar

extension Workspace {
  /// Rows shown when `show` has no `limit`.
  static let defaultShowLimit = 20
  /// The most rows `show` draws as a table, whatever its limit: a terminal cannot use more, and
  /// `show limit 100000000` on a big table would build the whole drawing in memory first. The data
  /// formats (csv, json, markdown) and `export` give every row.
  static let tableRowCap = 10_000

  /// `show [NAME] [columns a, b] [where P] [sort by c [desc]] [limit N]`: a `rows` query.
  func show(_ command: ShowCommand) throws(EvalError) -> ResultTable {
    let (relation, label) = try self.relation(command.source)
    let schema = try catalogSchema(of: relation.table)
    let columns = try chosenColumns(command.columns, of: schema)
    var order: [SortColumn] = []
    for key in command.sort {
      order.append(
        SortColumn(
          try Binder(workspace: self, table: schema).column(key.column).name, descending: key.descending))
    }
    let asked = command.limit ?? Workspace.defaultShowLimit
    let limit = settings.format == .table ? min(asked, Workspace.tableRowCap) : asked
    let rows = try execute(Query(.rows(columns.map(\.name), order: order, limit: limit), over: relation))
    let sizes = try execute(
      Query(.countWhere(relation.filter.map { [$0] } ?? []), over: Relation(table: relation.table)))
    let total = sizes.integer("rows")
    let chosen = relation.filter == nil ? total : sizes.integer("n.0")
    var footer =
      "\(Figures.grouped(rows.rowCount)) of \(Figures.rows(chosen))"
      + (relation.filter == nil ? "" : " (\(label), of \(Figures.grouped(total)) in \(schema.name))")
    if limit < asked && chosen > limit {
      footer +=
        "; a table shows at most \(Figures.grouped(Workspace.tableRowCap)) rows: 'export' writes them all, "
        + "and 'set format csv' prints them all"
    }
    return rowsTable(rows, columns: columns, footer: footer)
  }

  /// `top N by c [in SEG] [columns a, b]`: the rows with the highest values of c, nulls never ranked.
  func top(_ command: TopCommand) throws(EvalError) -> ResultTable {
    let (relation, label) = try self.relation(command.source)
    let schema = try catalogSchema(of: relation.table)
    let column = try Binder(workspace: self, table: schema).column(command.column)
    guard column.type != .list else {
      throw EvalError(.listNotAllowed(column: column.name, in: .topRank), at: command.column.range)
    }
    let columns = try chosenColumns(command.columns, of: schema)
    let chosen = try execute(Query(.count, over: relation)).integer("count")
    let ranked = relation.narrowed(by: .isNull(column.name, negated: true))
    let rows = try execute(
      Query(
        .rows(
          columns.map(\.name), order: [SortColumn(column.name, descending: true)],
          limit: settings.format == .table ? min(max(0, command.count), Workspace.tableRowCap) : max(0, command.count)),
        over: ranked))
    var footer = "top \(Figures.grouped(rows.rowCount)) by \(column.name) of \(Figures.rows(chosen)) (\(label))"
    if rows.rowCount == Workspace.tableRowCap && command.count > Workspace.tableRowCap && settings.format == .table {
      footer += "; a table shows at most \(Figures.grouped(Workspace.tableRowCap)) rows: 'set format csv' prints them all"
    }
    return rowsTable(rows, columns: columns, footer: footer)
  }

  /// The columns a command names (every column when it names none), each once.
  func chosenColumns(_ names: [Name]?, of table: TableSchema) throws(EvalError) -> [ColumnSchema] {
    guard let names else { return table.columns }
    let binder = Binder(workspace: self, table: table)
    var columns: [ColumnSchema] = []
    var seen: Set<String> = []
    for name in names {
      let column = try binder.column(name)
      guard seen.insert(column.name).inserted else {
        throw EvalError(.duplicateColumn(column.name), at: name.range)
      }
      columns.append(column)
    }
    return columns
  }

  /// A `rows` frame as a result table, numbers aligned right.
  func rowsTable(_ frame: Frame, columns: [ColumnSchema], footer: String) -> ResultTable {
    let cells = (0..<frame.rowCount).map { row in
      zip(columns, frame.columns).map { schema, column in schema.cell(column.value(at: row)) }
    }
    let header = columns.map { ResultColumn($0.name, alignment: $0.type.isNumeric ? .right : .left) }
    return ResultTable(columns: header, rows: cells, footer: footer)
  }
}
