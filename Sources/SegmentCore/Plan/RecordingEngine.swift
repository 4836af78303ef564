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
  let inner: any Engine
  let dialect: any SQLDialect
  let log: SQLLog

  var catalog: Catalog { inner.catalog }

  func schema(of table: String) throws(EngineError) -> TableSchema {
    try inner.schema(of: table)
  }

  func execute(_ query: Query, interruption: Interruption) throws(EngineError) -> Frame {
    let frame = try inner.execute(query, interruption: interruption)
    let schema = try inner.schema(of: query.relation.table)
    let compiler = SQLCompiler(dialect: dialect, schema: schema, from: dialect.identifier(schema.name))
    log.append(try compiler.statements(for: query, answer: frame).map { $0.inlined(dialect) + ";" })
    return frame
  }
}
