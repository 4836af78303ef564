import Columnar
import NIOCore
import PostgresNIO
import SQLBackend
import SegmentPlan

extension PostgresEngine {
  func store(_ rows: Frame, as table: String, replace: Bool, interruption: Interruption) throws(EngineError) {
    var definitions = ["\(dialect.identifier(SQLTable.rowOrderColumn)) BIGINT NOT NULL"]
    for column in rows.columns {
      definitions.append("\(dialect.identifier(column.name)) \(dialect.typeName(column.type))")
    }
    try replacingTable(table, replace: replace, interruption) { (name: String) throws(EngineError) in
      try runStatement("CREATE TABLE \(name) (\(definitions.joined(separator: ", ")))", interruption)
      for column in rows.columns {
        guard let words = column.boolWords else { continue }
        let comment = dialect.stringLiteral(SQLTable.comment(for: words))
        try runStatement(
          "COMMENT ON COLUMN \(name).\(dialect.identifier(column.name)) IS \(comment)", interruption)
      }
      try copyRows(rows, into: table, interruption)
    }
  }

  /// A grouped table made on the server by `CREATE TABLE ... AS` (see `groupedSelect`).
  func storeGroup(_ group: GroupRecipe, as table: String, replace: Bool, interruption: Interruption)
    throws(EngineError)
  {
    try replacingTable(table, replace: replace, interruption) { (name: String) throws(EngineError) in
      try runStatement(dialect.createTable(name, as: try groupedSelect(group)), interruption)
    }
  }

  /// Makes a table with `make` (given its quoted name) in one transaction with the drop of the table it
  /// replaces, so a refused or interrupted one leaves the old table as it was; then the session forgets
  /// the columns it had added to the old one and the catalog is read again.
  private func replacingTable(
    _ table: String, replace: Bool, _ interruption: Interruption,
    _ make: (String) throws(EngineError) -> Void
  ) throws(EngineError) {
    if holds(table) && !replace { throw EngineError(.tableExists(table)) }
    let name = dialect.identifier(table)
    try runStatement("BEGIN", interruption)
    do throws(EngineError) {
      if replace { try runStatement("DROP TABLE IF EXISTS \(name)", interruption) }
      try make(name)
      try runStatement("COMMIT", interruption)
    } catch {
      try? runStatement("ROLLBACK", Interruption())
      throw error
    }
    session.forget(table)
    try reloadCatalog(interruption: interruption)
  }

  /// PostgreSQL reads files only as a superuser, on the server's own disk: seg loads them instead.
  func createTable(_ name: String, from path: String, replace: Bool, interruption: Interruption)
    throws(EngineError)
  {
    throw EngineError(
      .unsupported(
        "PostgreSQL does not read files for seg: load the file into memory, then copy it to the connection"))
  }

  /// Streams the rows into the new table with `COPY ... FROM STDIN` in PostgreSQL's text format, about
  /// 1 MiB per message, `_seg_row` first as the table declares it. Ctrl-C fails the copy between
  /// messages, and the caller's transaction rolls the table back.
  private func copyRows(_ rows: Frame, into table: String, _ interruption: Interruption) throws(EngineError) {
    // postgres-nio writes the table's name between double quotes as it is: seg's table names are
    // letters, digits and `_`, but a quote here would end the name early.
    guard !table.contains("\""), !table.contains("\0") else {
      throw EngineError(.unsupported("a table name for PostgreSQL cannot hold a double quote: \(table)"))
    }
    let connection = self.connection
    let future = connection.eventLoop.makeFutureWithTask {
      try await connection.copyFrom(table: table, logger: PostgresEngine.logger) { writer in
        var text = CopyText(rows)
        var row = 0
        while row < rows.rowCount {
          if interruption.isRequested { throw EngineError(.interrupted) }
          var buffer = ByteBuffer()
          buffer.reserveCapacity(CopyText.messageBytes + 4096)
          while row < rows.rowCount && buffer.readableBytes < CopyText.messageBytes {
            text.append(row: row, to: &buffer)
            row += 1
          }
          try await writer.write(buffer)
        }
      }
    }
    do {
      guard !connection.isClosed else {
        throw EngineError(.connection("the connection to PostgreSQL was closed; connect again"))
      }
      try Blocking.wait(future, interruption: interruption, isBroken: { connection.isClosed }) {}
    } catch let error as EngineError {
      throw error
    } catch {
      throw EngineError(.server("PostgreSQL refused the rows: \(PostgresEngine.describe(error))"))
    }
  }

  /// Runs a statement that returns no rows.
  func runStatement(_ statement: String, _ interruption: Interruption) throws(EngineError) {
    _ = try PostgresEngine.run(connection, SQLText(statement), interruption: interruption)
  }

  /// A temporary table: the connection's own, holding its rows (so the copy it was made from can go),
  /// dropped with the connection at the latest. One statement, so a failed or interrupted one leaves none.
  func keepCopy(named name: String, of query: String, _ interruption: Interruption) throws(EngineError)
    -> KeptCopy
  {
    let table = dialect.identifier(name)
    try runStatement("CREATE TEMPORARY TABLE \(table) AS \(query)", interruption)
    return KeptCopy(from: table)
  }

  func dropCopy(_ copy: KeptCopy) {
    try? runStatement("DROP TABLE IF EXISTS \(copy.from)", Interruption())
  }
}
