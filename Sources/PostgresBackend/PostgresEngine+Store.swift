import Columnar
import NIOCore
import PostgresNIO
import SQLBackend
import SegmentPlan

extension PostgresEngine {
  /// Values bound per INSERT: well under PostgreSQL's limit of 65,535 parameters.
  static let valuesPerInsert = 20_000

  func store(_ rows: Frame, as table: String, replace: Bool, interruption: Interruption) throws(EngineError) {
    let name = dialect.identifier(table)
    let exists = holds(table)
    if exists && !replace {
      throw EngineError(.tableExists(table))
    }
    var definitions = ["\(dialect.identifier(SQLTable.rowOrderColumn)) BIGINT NOT NULL"]
    for column in rows.columns {
      definitions.append("\(dialect.identifier(column.name)) \(Self.sqlType(column.type))")
    }
    try execute(SQLText("BEGIN"), interruption)
    do throws(EngineError) {
      if replace { try execute(SQLText("DROP TABLE IF EXISTS \(name)"), interruption) }
      try execute(SQLText("CREATE TABLE \(name) (\(definitions.joined(separator: ", ")))"), interruption)
      for column in rows.columns {
        guard let words = column.boolWords else { continue }
        let comment = dialect.stringLiteral(SQLTable.comment(for: words))
        try execute(
          SQLText("COMMENT ON COLUMN \(name).\(dialect.identifier(column.name)) IS \(comment)"), interruption)
      }
      var start = 0
      while start < rows.rowCount {
        if interruption.isRequested { throw EngineError(.interrupted) }
        let end = min(rows.rowCount, start + max(1, Self.valuesPerInsert / max(1, rows.columns.count)))
        try insert(rows, start..<end, into: name, interruption)
        start = end
      }
      try execute(SQLText("COMMIT"), interruption)
    } catch {
      try? execute(SQLText("ROLLBACK"), Interruption())
      throw error
    }
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

  private func insert(_ rows: Frame, _ range: Range<Int>, into name: String, _ interruption: Interruption)
    throws(EngineError)
  {
    var binds = PostgresBindings()
    var tuples: [String] = []
    var n = 0
    for row in range {
      var slots = ["\(row)"]
      for column in rows.columns {
        let value = column.value(at: row)
        if value == .null {
          slots.append("NULL")
          continue
        }
        n += 1
        switch value {
        case .int(let x): binds.append(x)
        case .double(let x): binds.append(x)
        case .bool(let x): binds.append(x)
        case .string(let x): binds.append(x)
        case .list(let items): binds.append(items)
        case .date(let d): binds.append(CivilDate.format(days: d))
        case .timestamp(let s): binds.append(CivilDate.formatTimestamp(s))
        case .null: break
        }
        switch column.type {
        case .date: slots.append("CAST($\(n) AS DATE)")
        case .timestamp: slots.append("CAST($\(n) AS TIMESTAMP)")
        default: slots.append("$\(n)")
        }
      }
      tuples.append("(" + slots.joined(separator: ", ") + ")")
    }
    let query = PostgresQuery(
      unsafeSQL: "INSERT INTO \(name) VALUES " + tuples.joined(separator: ", "), binds: binds)
    do {
      guard !connection.isClosed else {
        throw EngineError(.connection("the connection to PostgreSQL was closed; connect again"))
      }
      _ = try Blocking.wait(
        connection.query(query, logger: PostgresEngine.logger), interruption: interruption,
        isBroken: { self.connection.isClosed }
      ) {}
    } catch let error as EngineError {
      throw error
    } catch {
      throw EngineError(.server("PostgreSQL refused the rows: \(PostgresEngine.describe(error))"))
    }
  }

  private func execute(_ sql: SQLText, _ interruption: Interruption) throws(EngineError) {
    _ = try PostgresEngine.run(connection, sql, interruption: interruption)
  }

  /// The PostgreSQL type a column of seg's type is stored as.
  static func sqlType(_ type: ColumnType) -> String {
    switch type {
    case .int: "BIGINT"
    case .double: "DOUBLE PRECISION"
    case .bool: "BOOLEAN"
    case .date: "DATE"
    case .timestamp: "TIMESTAMP"
    case .string: "TEXT"
    case .list: "TEXT[]"
    }
  }
}
