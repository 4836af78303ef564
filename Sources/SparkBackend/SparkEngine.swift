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
final class SparkEngine: RemoteEngine, CatalogedSQLEngine {
  /// Cells per request when a table is written: each request carries its rows inline, and Spark
  /// refuses messages over 128 MiB, which 2 million cells stay under unless texts average 60 bytes.
  static let cellsPerWrite = 2_000_000

  let client: SparkConnectClient
  let dialect: any SQLDialect = SparkSQLDialect()
  let session = SessionTables()
  private let storedTables: Mutex<[SQLTable]>

  private init(client: SparkConnectClient, tables: [SQLTable]) {
    self.client = client
    self.storedTables = Mutex(tables)
  }

  var displayURL: String { client.url.displayURL }

  /// The tables, as last read from the server.
  var tables: [SQLTable] { storedTables.withLock { $0 } }

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
  public func reloadCatalog(interruption: Interruption) throws(EngineError) {
    let listing = try run(
      SQLText("SHOW TABLES"), [("namespace", .string), ("tableName", .string), ("isTemporary", .bool)],
      interruption)
    var fresh: [SQLTable] = []
    for row in 0..<listing.rowCount {
      guard case .string(let name) = listing.value("tableName", at: row) else { continue }
      // The session's own copies of costly columns (see KeptTable) are no tables of the user's.
      if case .bool(true) = listing.value("isTemporary", at: row), name.hasPrefix(KeptTable.namePrefix) {
        continue
      }
      let result: SparkResult
      do {
        result = try client.executeSQL(
          "SELECT * FROM \(dialect.identifier(name)) LIMIT 0", interruption: interruption)
      } catch {
        // Another session dropped or renamed it since SHOW TABLES: it is no longer there to list.
        if error.code == "TABLE_OR_VIEW_NOT_FOUND" { continue }
        throw error
      }
      guard !result.arrowBatches.isEmpty else { continue }
      let schema: ArrowSchema
      do {
        schema = try ArrowStreamReader.readTable(fromStreams: result.arrowBatches).schema
      } catch {
        throw EngineError(.server("cannot read the columns of Spark's table \(name): \(error)"))
      }
      let comments: [String: String]
      do {
        comments = try boolComments(name, schema, interruption)
      } catch {
        // Dropped or renamed between the two statements, as above.
        if error.code == "TABLE_OR_VIEW_NOT_FOUND" { continue }
        throw error
      }
      fresh.append(storedTable(name, schema, comments: comments))
    }
    fresh.sort { Array($0.schema.name.utf8).lexicographicallyPrecedes(Array($1.schema.name.utf8)) }
    storedTables.withLock { $0 = fresh }
    catalogWasRead()
  }

  /// The comments of a table's Bool columns, by column name, where seg records the words a file wrote
  /// for true and false; empty (and no statement) for a table without Bool columns.
  private func boolComments(_ name: String, _ arrow: ArrowSchema, _ interruption: Interruption)
    throws(EngineError) -> [String: String]
  {
    guard arrow.fields.contains(where: { $0.type == .bool }) else { return [:] }
    let description = try run(
      SQLText("DESCRIBE TABLE \(dialect.identifier(name))"),
      [("col_name", .string), ("data_type", .string), ("comment", .string)], interruption)
    var comments: [String: String] = [:]
    for row in 0..<description.rowCount {
      guard case .string(let column) = description.value("col_name", at: row),
        case .string(let comment) = description.value("comment", at: row)
      else { continue }
      // Partition and detail sections follow the columns and repeat or describe them: the first wins.
      if comments[column] == nil { comments[column] = comment }
    }
    return comments
  }

  /// A table's schema and FROM item from the Arrow schema Spark gives it, and its columns' comments.
  func storedTable(_ name: String, _ arrow: ArrowSchema, comments: [String: String]) -> SQLTable {
    var columns: [ColumnSchema] = []
    var selected: [String] = []
    var rewritten = false
    var rowOrder: String?
    for field in arrow.fields {
      let quoted = dialect.identifier(field.name)
      if field.name == SQLTable.rowOrderColumn {
        rowOrder = field.name
        selected.append(quoted)
        continue
      }
      guard let type = ArrowFrames.columnType(field.type) else {
        rewritten = true
        continue
      }
      columns.append(
        ColumnSchema(
          name: field.name, type: type, boolWords: SQLTable.boolWords(comment: comments[field.name])))
      if case .decimal128 = field.type {
        rewritten = true
        selected.append("CAST(\(quoted) AS DOUBLE) AS \(quoted)")
      } else {
        selected.append(quoted)
      }
    }
    let table = dialect.identifier(name)
    let from = rewritten ? "(SELECT \(selected.joined(separator: ", ")) FROM \(table)) AS \(table)" : table
    return SQLTable(schema: TableSchema(name: name, columns: columns), from: from, rowOrder: rowOrder)
  }
}
