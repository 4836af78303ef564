import Columnar
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import SQLBackend
import SegmentPlan
import Synchronization

/// Opens `postgresql://` connections for `connect`.
public struct PostgresConnector: Connector {
  /// Creates the connector.
  public init() {}

  public var schemes: [String] { ["postgresql", "postgres"] }

  public func connect(_ url: String, interruption: Interruption) throws(EngineError) -> any RemoteEngine {
    try PostgresEngine.open(url, interruption: interruption)
  }
}

/// A PostgreSQL database as an engine: every query compiled to one or two statements of PostgreSQL's
/// dialect and run on the server, only the result rows coming back.
final class PostgresEngine: RemoteEngine, CatalogedSQLEngine {
  let url: PostgresURL
  let connection: PostgresConnection
  private let storedTables: Mutex<[SQLTable]>
  let backendPID: Int?
  let dialect: any SQLDialect = PostgreSQLDialect()
  let session = SessionTables()
  static let logger = Logger(label: "seg.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

  private init(url: PostgresURL, connection: PostgresConnection, tables: [SQLTable], backendPID: Int?) {
    self.url = url
    self.connection = connection
    self.storedTables = Mutex(tables)
    self.backendPID = backendPID
  }

  var displayURL: String { url.display }

  /// The tables, as last read from the server.
  var tables: [SQLTable] { storedTables.withLock { $0 } }

  /// Reads the catalog again (after seg created a table).
  public func reloadCatalog(interruption: Interruption) throws(EngineError) {
    let fresh = try PostgresEngine.readCatalog(connection, interruption: interruption)
    storedTables.withLock { $0 = fresh }
    catalogWasRead()
  }

  /// Closes the connection and waits until it is closed.
  func close() {
    PostgresEngine.close(connection)
  }

  /// Closes a connection and waits until it is closed (the client checks that in debug builds).
  static func close(_ connection: PostgresConnection) {
    guard !connection.isClosed else { return }
    let closing: EventLoopFuture<Void> = connection.close()
    _ = try? closing.wait()
  }

  deinit {
    close()
  }

  // MARK: Opening

  /// Connects, reads the catalog and the backend's process id (to cancel a query on Ctrl-C).
  static func open(_ text: String, interruption: Interruption) throws(EngineError) -> PostgresEngine {
    let url: PostgresURL
    switch PostgresURL.parse(text) {
    case .success(let parsed): url = parsed
    case .failure(let problem): throw EngineError(.connection(problem.message))
    }
    let connection = try connect(url, interruption: interruption)
    do {
      let pidRows = try run(connection, SQLText("SELECT pg_backend_pid()"), interruption: interruption)
      let pid = try pidRows.first.map { row throws(EngineError) in try value(row.first!, as: .int) }
      let tables = try readCatalog(connection, interruption: interruption)
      var backendPID: Int?
      if case .int(let n)? = pid { backendPID = Int(n) }
      return PostgresEngine(url: url, connection: connection, tables: tables, backendPID: backendPID)
    } catch {
      close(connection)
      throw error
    }
  }

  static func connect(_ url: PostgresURL, interruption: Interruption) throws(EngineError)
    -> PostgresConnection
  {
    var configuration = PostgresConnection.Configuration(
      host: url.host, port: url.port, username: url.user, password: url.resolvedPassword(),
      database: url.database, tls: try tls(url))
    configuration.options.connectTimeout = .seconds(10)
    let future = PostgresConnection.connect(
      on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration, id: 1,
      logger: logger)
    do {
      return try Blocking.wait(future, interruption: interruption) {}
    } catch let error as EngineError {
      throw error
    } catch {
      throw EngineError(.connection("cannot connect to \(url.display): \(describe(error))"))
    }
  }

  /// The TLS settings `sslmode` asks for, as libpq reads them: `prefer` and `require` encrypt without
  /// checking the certificate, `verify-ca` checks it against the roots (`sslrootcert`, else the
  /// system's), `verify-full` also checks that it names the host.
  static func tls(_ url: PostgresURL) throws(EngineError) -> PostgresConnection.Configuration.TLS {
    guard url.tls != .disable else { return .disable }
    var configuration = TLSConfiguration.makeClientConfiguration()
    switch url.tls {
    case .disable, .prefer, .require: configuration.certificateVerification = .none
    case .verifyCA: configuration.certificateVerification = .noHostnameVerification
    case .verifyFull: configuration.certificateVerification = .fullVerification
    }
    if let root = url.rootCertificate {
      guard access(root, R_OK) == 0 else {
        throw EngineError(.connection("cannot read the root certificates in \(root) (sslrootcert)"))
      }
      configuration.trustRoots = .file(root)
    }
    let context: NIOSSLContext
    do {
      context = try NIOSSLContext(configuration: configuration)
    } catch {
      throw EngineError(.connection("cannot set up TLS for \(url.display): \(error)"))
    }
    return url.tls == .prefer ? .prefer(context) : .require(context)
  }

  /// The tables and views of every schema but the system's, with the columns seg can read.
  static func readCatalog(_ connection: PostgresConnection, interruption: Interruption) throws(EngineError)
    -> [SQLTable]
  {
    let sql = SQLText(
      """
      SELECT c.table_schema, c.table_name, c.column_name, c.udt_name, \
      coalesce(col_description(format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position::int), '') \
      FROM information_schema.columns c \
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%' \
      AND c.table_schema NOT LIKE 'pg_temp%' \
      ORDER BY c.table_schema COLLATE "C", c.table_name COLLATE "C", c.ordinal_position
      """)
    let rows = try run(connection, sql, interruption: interruption)
    var order: [String] = []
    var byTable: [String: [(name: String, udt: String, comment: String)]] = [:]
    for row in rows {
      var texts: [String] = []
      for cell in row {
        guard case .string(let text) = try value(cell, as: .string) else { continue }
        texts.append(text)
      }
      guard texts.count == 5 else { continue }
      let key = texts[0] + "." + texts[1]
      if byTable[key] == nil { order.append(key) }
      byTable[key, default: []].append((texts[2], texts[3], texts[4]))
    }
    let dialect: any SQLDialect = PostgreSQLDialect()
    return order.map { key in
      let dot = key.firstIndex(of: ".")!
      let schemaName = String(key[..<dot])
      let tableName = String(key[key.index(after: dot)...])
      let quoted = dialect.identifier(schemaName) + "." + dialect.identifier(tableName)
      var columns: [ColumnSchema] = []
      var selected: [String] = []
      var rowOrder: String?
      var casts = false
      for (name, udt, comment) in byTable[key] ?? [] {
        if name == SQLTable.rowOrderColumn {
          rowOrder = name
          selected.append(dialect.identifier(name))
          continue
        }
        guard let (type, read) = columnType(udt: udt, column: dialect.identifier(name)) else { continue }
        columns.append(ColumnSchema(name: name, type: type, boolWords: SQLTable.boolWords(comment: comment)))
        if read != dialect.identifier(name) { casts = true }
        selected.append(read == dialect.identifier(name) ? read : "\(read) AS \(dialect.identifier(name))")
      }
      let shown = schemaName == "public" ? tableName : "\(schemaName).\(tableName)"
      let from =
        casts
        ? "(SELECT \(selected.joined(separator: ", ")) FROM \(quoted)) AS \(dialect.identifier(tableName))"
        : quoted
      return SQLTable(schema: TableSchema(name: shown, columns: columns), from: from, rowOrder: rowOrder)
    }
  }

  /// The seg type of a PostgreSQL column and how to read it as that type; nil for types seg leaves out.
  static func columnType(udt: String, column: String) -> (ColumnType, String)? {
    switch udt {
    case "int2", "int4", "int8": return (.int, column)
    case "float4", "float8": return (.double, column)
    case "numeric": return (.double, "CAST(\(column) AS DOUBLE PRECISION)")
    case "bool": return (.bool, column)
    case "date": return (.date, column)
    case "timestamp": return (.timestamp, column)
    case "timestamptz": return (.timestamp, "(\(column) AT TIME ZONE 'UTC')")
    case "text", "varchar", "bpchar", "name", "citext": return (.string, column)
    case "_text": return (.list, column)
    case "_varchar", "_bpchar": return (.list, "CAST(\(column) AS TEXT[])")
    default: return nil
    }
  }
}
