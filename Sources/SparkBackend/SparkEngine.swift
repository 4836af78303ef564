import ArrowIPC
import Columnar
import SQLBackend
import SegmentPlan
import Synchronization

/// Opens `sc://` connections (Spark Connect) for `connect`.
public struct SparkConnector: Connector {
  /// Creates the connector.
  public init() {}

  public var schemes: [String] { ["sc"] }

  public func connect(_ url: String, interruption: Interruption) throws(EngineError) -> any RemoteEngine {
    try SparkEngine.open(url, interruption: interruption)
  }
}

/// A Spark cluster as an engine: every query compiled to Spark SQL and run through Spark Connect, where
/// the cluster's executors do the work; only result rows come back, as Arrow batches.
final class SparkEngine: RemoteEngine, SQLEngine {
  /// A table of the session's current database as seg sees it.
  struct StoredTable: Sendable {
    /// Its schema, by Spark's own name for the table.
    var schema: TableSchema
    /// The FROM item: the quoted table, or a subquery that reads decimals as doubles and leaves out
    /// columns of types seg does not hold (binary, maps, structs).
    var from: String
    /// `_seg_row` when the table keeps seg's row order (tables seg wrote), else nil.
    var rowOrder: String?
  }

  /// The name of the column that keeps a copied table's row order.
  static let rowOrderColumn = "_seg_row"
  /// Rows per request when a table is written: each request carries its rows inline, and Spark
  /// refuses messages over 128 MiB.
  static let rowsPerWrite = 250_000

  let client: SparkConnectClient
  let dialect = SparkSQLDialect()
  private let storedTables: Mutex<[StoredTable]>

  private init(client: SparkConnectClient, tables: [StoredTable]) {
    self.client = client
    self.storedTables = Mutex(tables)
  }

  var displayURL: String { client.url.displayURL }

  /// The tables, as last read from the server.
  var tables: [StoredTable] { storedTables.withLock { $0 } }

  var catalog: Catalog { Catalog(tables: tables.map(\.schema)) }

  func schema(of table: String) throws(EngineError) -> TableSchema {
    try stored(table).schema
  }

  func compiler(for table: String) throws(EngineError) -> SQLCompiler {
    let stored = try stored(table)
    return SQLCompiler(dialect: dialect, schema: stored.schema, from: stored.from, rowOrder: stored.rowOrder)
  }

  func run(_ sql: SQLText, _ shape: [(String, ColumnType)], _ interruption: Interruption) throws(EngineError)
    -> Frame
  {
    let result = try client.executeSQL(
      sql.withPlaceholders(dialect), arguments: sql.parameters, interruption: interruption)
    guard !result.arrowBatches.isEmpty else {
      return Frame(columns: shape.map { Column.of($0.0, type: $0.1, []) })
    }
    let table: ArrowTable
    do {
      table = try ArrowStreamReader.readTable(fromStreams: result.arrowBatches)
    } catch {
      throw EngineError(.server("cannot read Spark's answer: \(error)"))
    }
    return try ArrowFrames.frame(table, shape: shape)
  }

  func close() {
    let client = self.client
    _ = try? SparkBlocking.run(interruption: Interruption()) { () async throws(SparkError) in
      await client.close()
    }
  }

  private func stored(_ name: String) throws(EngineError) -> StoredTable {
    guard let table = tables.first(named: name, by: \.schema.name) else {
      throw EngineError(.unknownTable(name))
    }
    return table
  }

  // MARK: Opening

  /// Connects, sets the session so that answers match memory's (UTC days, names case-sensitive), and
  /// reads the catalog.
  static func open(_ text: String, interruption: Interruption) throws(EngineError) -> SparkEngine {
    let url: SparkURL
    switch SparkURL.parse(text) {
    case .success(let parsed): url = parsed
    case .failure(let problem): throw EngineError(.connection(problem.message))
    }
    let settings = SparkConnectClient.deterministicSettings + [("spark.sql.caseSensitive", "true")]
    let client = try SparkBlocking.run(interruption: interruption) { () async throws(SparkError) in
      try await SparkConnectClient.connect(url, settings: settings)
    }
    do {
      let engine = SparkEngine(client: client, tables: [])
      try engine.reloadCatalog(interruption: interruption)
      return engine
    } catch {
      _ = try? SparkBlocking.run(interruption: Interruption()) { () async throws(SparkError) in
        await client.close()
      }
      throw error
    }
  }

  /// Reads the catalog again: the tables of the current database, each table's columns from the schema
  /// of an empty query on it.
  func reloadCatalog(interruption: Interruption) throws(EngineError) {
    let listing = try run(
      SQLText("SHOW TABLES"), [("namespace", .string), ("tableName", .string), ("isTemporary", .bool)],
      interruption)
    var fresh: [StoredTable] = []
    for row in 0..<listing.rowCount {
      guard case .string(let name) = listing.value("tableName", at: row) else { continue }
      let result: SparkResult
      do {
        result = try client.executeSQL(
          "SELECT * FROM \(dialect.identifier(name)) LIMIT 0", interruption: interruption)
      } catch {
        // Another session dropped or renamed it since SHOW TABLES: it is no longer there to list.
        if case .server(let message) = error.kind, message.contains("[TABLE_OR_VIEW_NOT_FOUND]") { continue }
        throw error
      }
      guard !result.arrowBatches.isEmpty else { continue }
      let schema: ArrowSchema
      do {
        schema = try ArrowStreamReader.readTable(fromStreams: result.arrowBatches).schema
      } catch {
        throw EngineError(.server("cannot read the columns of Spark's table \(name): \(error)"))
      }
      fresh.append(storedTable(name, schema))
    }
    fresh.sort { Array($0.schema.name.utf8).lexicographicallyPrecedes(Array($1.schema.name.utf8)) }
    storedTables.withLock { $0 = fresh }
  }

  /// A table's schema and FROM item from the Arrow schema Spark gives it.
  func storedTable(_ name: String, _ arrow: ArrowSchema) -> StoredTable {
    var columns: [ColumnSchema] = []
    var selected: [String] = []
    var rewritten = false
    var rowOrder: String?
    for field in arrow.fields {
      let quoted = dialect.identifier(field.name)
      if field.name == Self.rowOrderColumn {
        rowOrder = field.name
        selected.append(quoted)
        continue
      }
      guard let type = ArrowFrames.columnType(field.type) else {
        rewritten = true
        continue
      }
      columns.append(ColumnSchema(name: field.name, type: type))
      if case .decimal128 = field.type {
        rewritten = true
        selected.append("CAST(\(quoted) AS DOUBLE) AS \(quoted)")
      } else {
        selected.append(quoted)
      }
    }
    let table = dialect.identifier(name)
    let from = rewritten ? "(SELECT \(selected.joined(separator: ", ")) FROM \(table)) AS \(table)" : table
    return StoredTable(schema: TableSchema(name: name, columns: columns), from: from, rowOrder: rowOrder)
  }
}
