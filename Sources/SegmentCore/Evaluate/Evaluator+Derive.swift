import Columnar

extension Workspace {
  /// `derive NAME = EXPR`: adds (or redefines) a column computed from the current table's columns, on
  /// whichever engine holds the table.
  mutating func derive(_ command: DeriveCommand) throws(EvalError) -> CommandResult {
    let table = try resolveSchema(nil)
    let replacing = try checkComputedName(command.name, in: table)
    let formula = try ExpressionBinder(workspace: self, table: table).bind(command.expression)
    guard let type = formula.type else {
      throw EvalError(.nullEverywhere(expression: command.expression.text), at: command.expression.range)
    }
    let name = command.name.text
    let undo = try addColumns(.derived(name, formula), to: table.name)
    let (rows, nulls) = try countAdded(
      .isNull(name, negated: false), on: table.name, undo: undo, computing: command.expression.text,
      at: command.expression.range)
    computedColumns[table.name.lowercased(), default: [:]][name.lowercased()] =
      "derive \(name) = \(command.expression.text)"
    let nullText = nulls == 0 ? "" : ", \(Figures.grouped(nulls)) null"
    return .message(
      "\(replacing ? "replaced" : "derived") \(name) (\(type.displayName)) on \(table.name): "
        + "\(Figures.rows(rows))\(nullText)")
  }

  /// The rows of a table whose columns `addColumns` just changed, and those where `condition` holds:
  /// the count reads every row's new value, so a server finds here an Int that overflows in what the
  /// command computes (`computing`, at `range`). On any failure the columns are taken back.
  func countAdded(
    _ condition: Condition, on table: String, undo: ComputedUndo, computing: String, at range: SourceRange
  ) throws(EvalError) -> (rows: Int, hits: Int) {
    do {
      let counts = try engine.execute(
        Query(.countWhere([condition]), over: Relation(table: table)), interruption: interruption)
      return (counts.integer("rows", at: 0), counts.integer("n.0", at: 0))
    } catch {
      undo.run()
      guard case .outOfRange(let said) = error.kind else { throw EvalError(engine: error) }
      throw EvalError(.integerOverflow(.onServer(computing, said: said)), at: range)
    }
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
}
