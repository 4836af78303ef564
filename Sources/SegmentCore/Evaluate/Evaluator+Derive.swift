import Columnar

extension Workspace {
  /// `derive NAME = EXPR`: adds (or redefines) a column computed from the current table's columns.
  mutating func derive(_ command: DeriveCommand) throws(EvalError) -> CommandResult {
    let table = try resolveTable(nil)
    let replacing = try checkComputedName(command.name, in: try catalogSchema(of: table.name))
    let vector = try ExpressionEvaluator(table: table, workspace: self).evaluate(command.expression)
    guard let column = vector.column(named: command.name.text) else {
      throw EvalError(
        .nullEverywhere(expression: command.expression.text),
        at: command.expression.range)
    }
    try putComputed(column, on: table, definition: "derive \(command.name.text) = \(command.expression.text)")
    return .message(computedSummary(column, on: table, verb: replacing ? "replaced" : "derived"))
  }

  /// Whether `name` may hold a computed column of `table`: true when it replaces one made earlier.
  /// - Throws: `EvalError` when it would overwrite a loaded column or share a segment's name.
  func checkComputedName(_ name: Name, in table: TableSchema) throws(EvalError) -> Bool {
    if let segment = segment(named: name.text), segment.tableName == table.name {
      throw EvalError(
        .columnIsSegmentName(segment.name, table: table.name),
        at: name.range)
    }
    guard let existing = table.column(named: name.text) else { return false }
    guard computedColumns[table.name.lowercased()]?[existing.name.lowercased()] != nil else {
      throw EvalError(.loadedColumn(existing.name, table: table.name), at: name.range)
    }
    return true
  }

  /// Adds a computed column to `table`, records how it was made, and recomputes the table's segments.
  /// - Throws: `EvalError` when the change would break a segment (nothing changes: callers run on a copy).
  mutating func putComputed(_ column: Column, on table: Table, definition: String) throws(EvalError) {
    var updated = table
    do {
      try updated.addColumn(column)
    } catch {
      throw EvalError(.table(error))
    }
    // The table is the current one, so `put` leaves the current table as it was.
    try put(updated)
    computedColumns[table.name.lowercased(), default: [:]][column.name.lowercased()] = definition
  }

  /// "derived spend_per_order (Double) on customers: 5,000 rows, 389 null".
  func computedSummary(_ column: Column, on table: Table, verb: String) -> String {
    let nulls = column.nullCount == 0 ? "" : ", \(Figures.grouped(column.nullCount)) null"
    return "\(verb) \(column.name) (\(column.type.displayName)) on \(table.name): "
      + "\(Figures.rows(column.count))\(nulls)"
  }
}
