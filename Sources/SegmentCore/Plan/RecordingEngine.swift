import SQLBackend
import Synchronization

/// The SQL statements a command ran, written down by `RecordingEngine` for `sql COMMAND`.
final class SQLLog: Sendable {
  private let statements = Mutex<[String]>([])

  /// Appends statements.
  func append(_ more: [String]) {
    statements.withLock { $0.append(contentsOf: more) }
  }

  /// The statements so far, in the order they ran.
  var all: [String] { statements.withLock { $0 } }
}

/// An engine that answers each query with another engine and writes down the SQL that query stands
/// for, in a dialect, so that `sql COMMAND` shows exactly what the command asks, whatever engine runs it.
struct RecordingEngine: Engine {
  let router: EngineRouter
  let log: SQLLog

  var catalog: Catalog { router.catalog }

  func schema(of table: String) throws(EngineError) -> TableSchema {
    try router.schema(of: table)
  }

  func execute(_ query: Query, interruption: Interruption) throws(EngineError) -> Frame {
    let frame = try router.execute(query, interruption: interruption)
    let compiler = try Self.compiler(for: query.relation.table, in: router)
    log.append(try compiler.statements(for: query, answer: frame).map { $0.inlined(compiler.dialect) + ";" })
    return frame
  }

  /// The compiler of the engine that holds a table, in its own dialect; for a table in memory,
  /// PostgreSQL's over the table's name.
  static func compiler(for table: String, in router: EngineRouter) throws(EngineError) -> SQLCompiler {
    let (engine, local, _) = router.route(table)
    if let sql = engine as? any SQLEngine { return try sql.compiler(for: local) }
    let schema = try engine.schema(of: local)
    let dialect = Workspace.defaultDialect
    return SQLCompiler(dialect: dialect, schema: schema, from: dialect.identifier(schema.name))
  }
}
