import ArrowIPC
import Columnar
import SQLBackend
import SegmentPlan

extension SparkEngine {
  /// Writes rows as a managed table, in chunks of at most `cellsPerWrite` cells, first under a scratch
  /// name that is renamed at the end: a copy that fails or is interrupted leaves the old table as it was.
  func store(_ rows: Frame, as table: String, replace: Bool, interruption: Interruption) throws(EngineError) {
    let ddl = ([(SQLTable.rowOrderColumn, ColumnType.int)] + rows.columns.map { ($0.name, $0.type) })
      .map { "\(dialect.identifier($0.0)) \(dialect.typeName($0.1))" }.joined(separator: ", ")
    let client = self.client
    try replacingTable(table, replace: replace, interruption) { (scratch: String) throws(EngineError) in
      var start = 0
      repeat {
        if interruption.isRequested { throw EngineError(.interrupted) }
        let end = min(rows.rowCount, start + max(1, Self.cellsPerWrite / (rows.columns.count + 1)))
        let bytes: [UInt8]
        do {
          bytes = try ArrowStreamWriter().write(
            ArrowFrames.table(rows, rows: start..<end, rowOrder: SQLTable.rowOrderColumn))
        } catch {
          throw EngineError(.unsupported("cannot write the rows as Arrow: \(error)"))
        }
        let mode: SparkSaveMode = start == 0 ? .overwrite : .append
        try SparkBlocking.run(interruption: interruption) { () async throws(SparkError) in
          try await client.saveTable(name: scratch, arrowIPC: bytes, schemaDDL: ddl, mode: mode)
        }
        start = end
      } while start < rows.rowCount
      // Bool columns keep the words their file wrote, in a column comment the catalog reads back.
      for column in rows.columns {
        guard let words = column.boolWords else { continue }
        try runStatement(
          "ALTER TABLE \(scratch) ALTER COLUMN \(dialect.identifier(column.name)) COMMENT "
            + dialect.stringLiteral(SQLTable.comment(for: words)), interruption)
      }
    }
  }

  /// A grouped table made on the cluster by `CREATE TABLE ... AS` (see `groupedSelect`).
  func storeGroup(_ group: GroupRecipe, as table: String, replace: Bool, interruption: Interruption)
    throws(EngineError)
  {
    try replacingTable(table, replace: replace, interruption) { (scratch: String) throws(EngineError) in
      try runStatement("DROP TABLE IF EXISTS \(scratch)", interruption)
      try runStatement(dialect.createTable(scratch, as: try groupedSelect(group)), interruption)
    }
  }

  /// Makes a table with `make`, first under a scratch name (given to `make` quoted) that is renamed at
  /// the end: one that fails or is interrupted leaves the old table as it was. Then the session forgets
  /// the columns it had added to the old one and the catalog is read again.
  private func replacingTable(
    _ table: String, replace: Bool, _ interruption: Interruption,
    _ make: (String) throws(EngineError) -> Void
  ) throws(EngineError) {
    let exists = holds(table)
    if exists && !replace { throw EngineError(.tableExists(table)) }
    let scratch = dialect.identifier("\(table)_seg_partial")
    do throws(EngineError) {
      try make(scratch)
      if exists { try runStatement("DROP TABLE IF EXISTS \(dialect.identifier(table))", interruption) }
      try runStatement("ALTER TABLE \(scratch) RENAME TO \(dialect.identifier(table))", interruption)
    } catch {
      try? runStatement("DROP TABLE IF EXISTS \(scratch)", Interruption())
      throw error
    }
    session.forget(table)
    try reloadCatalog(interruption: interruption)
  }

  /// Declares a table over a CSV file (with a header line; types inferred by Spark) or a Parquet file
  /// the cluster reads itself. The path is written as an escaped literal, since Spark takes no
  /// parameters in a table's options.
  func createTable(_ name: String, from path: String, replace: Bool, interruption: Interruption)
    throws(EngineError)
  {
    let exists = holds(name)
    if exists && !replace { throw EngineError(.tableExists(name)) }
    let table = dialect.identifier(name)
    let options =
      path.lowercased().hasSuffix(".parquet")
      ? "USING parquet OPTIONS (path \(dialect.stringLiteral(path)))"
      : "USING csv OPTIONS (path \(dialect.stringLiteral(path)), header 'true', inferSchema 'true')"
    if exists {
      try runStatement("DROP TABLE IF EXISTS \(table)", interruption)
      // Gone, whether or not the new one can be made.
      session.forget(name)
    }
    do {
      try runStatement("CREATE TABLE \(table) \(options)", interruption)
    } catch {
      // Spark says it cannot infer a schema when the path has no file at all.
      guard let code = error.code, ["PATH_NOT_FOUND", "UNABLE_TO_INFER_SCHEMA"].contains(code) else {
        throw error
      }
      throw EngineError(
        .server(
          "Spark cannot read \"\(path)\": no such file, or an empty one (the cluster reads the path, not seg)"
        ))
    }
    session.forget(name)
    try reloadCatalog(interruption: interruption)
  }

  /// Runs a statement that returns no rows.
  func runStatement(_ statement: String, _ interruption: Interruption) throws(EngineError) {
    try client.executeCommand(statement, interruption: interruption)
  }

  /// A temporary view of rows checkpointed on the executors (`SparkConnectClient.keepRows`). Not a
  /// cached view (`CACHE TABLE v AS ...`): such a view keeps its query's plan, one cached over another
  /// inlines the other's, and after a dozen traits on 2,500 customers each query planned for seconds
  /// longer until the server ran out of Java heap. A checkpoint's plan is its rows alone.
  func keepCopy(named name: String, of query: String, _ interruption: Interruption) throws(EngineError)
    -> KeptCopy
  {
    let operationID = SparkConnectClient.newOperationID()
    let client = client
    let rows = try SparkBlocking.run(
      interruption: interruption,
      onInterrupt: { _ = try? await client.interrupt(operationID: operationID) },
      { () async throws(SparkError) -> String in
        try await client.keepRows(of: query, asView: name, operationID: operationID)
      })
    return KeptCopy(from: dialect.identifier(name), handle: rows)
  }

  func dropCopy(_ copy: KeptCopy) {
    let client = client
    _ = try? SparkBlocking.run(interruption: Interruption()) { () async throws(SparkError) in
      try await client.dropKeptView(copy.from, rows: copy.handle)
    }
  }
}
