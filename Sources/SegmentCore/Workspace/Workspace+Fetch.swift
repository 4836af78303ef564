import Columnar

extension Workspace {
  /// Every row of a relation on a connection, brought into memory through the engine that holds it:
  /// all the table's columns, in the engine's row order (the order `copy` wrote), a Bool column keeping
  /// the words its file wrote for true and false.
  ///
  /// `load pg.t` and `export` of a server's table or segment both fetch through here, so both see the
  /// same rows in the same order as a copy in memory would.
  /// - Parameters:
  ///   - relation: The table, and the segment's condition when only its members are wanted.
  ///   - name: The name the table in memory gets.
  ///   - title: What the progress line says is happening ("loading pg.t").
  ///   - range: Where the command named the table, for an error.
  /// - Throws: `EvalError` when the engine cannot answer or its columns make no table; `.interrupted`
  ///   on Ctrl-C.
  /// - Complexity: a count and a scan on the server; O(rows × columns) to hold the rows.
  func fetchRows(
    of relation: Relation, as name: String, progress title: String, at range: SourceRange?,
    interruption: Interruption
  ) throws(EvalError) -> Table {
    let schema = try catalogSchema(of: relation.table)
    let everything = Operation.rows(schema.columns.map(\.name), order: [], limit: Int.max)
    // The rows are counted first so that the progress line can say how far the fetch has got.
    let meter = interruption.progress
    meter.start(title, unit: .rows)
    defer { meter.finish() }
    meter.expect(try execute(Query(.count, over: relation)).integer("count"))
    let frame = try execute(Query(everything, over: relation))
    // A column seg copied there keeps the words its file wrote for true and false.
    let columns = zip(schema.columns, frame.columns).map { schema, column in
      var column = column
      column.boolWords = schema.boolWords
      return column
    }
    do {
      return try Table(name: name, columns: columns)
    } catch {
      throw EvalError(.unsupported(error.message), at: range)
    }
  }
}
