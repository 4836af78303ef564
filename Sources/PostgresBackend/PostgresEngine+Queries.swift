import Columnar
import NIOCore
import NIOSSL
import PostgresNIO
import SQLBackend
import SegmentPlan

extension PostgresEngine {
  /// Runs a statement and reads its rows into typed columns as they arrive.
  func run(_ sql: SQLText, _ shape: [(String, ColumnType)], _ interruption: Interruption)
    throws(EngineError)
    -> Frame
  {
    let columns = TypedColumns(shape)
    let meter = interruption.progress
    try PostgresEngine.stream(connection, sql, interruption: interruption, cancel: cancelRunningQuery) {
      row in
      try columns.append(row)
      meter.advance(by: 1)
    }
    return columns.frame()
  }

  /// Asks the server, over a second connection, to cancel the statement running on this one.
  func cancelRunningQuery() {
    guard let backendPID else { return }
    guard let other = try? PostgresEngine.connect(url, interruption: Interruption()) else { return }
    _ = try? PostgresEngine.run(
      other, SQLText("SELECT pg_cancel_backend(\(backendPID))"), interruption: Interruption())
    PostgresEngine.close(other)
  }

  /// Runs a statement, its text parameters bound, and returns every row.
  static func run(
    _ connection: PostgresConnection, _ sql: SQLText, interruption: Interruption,
    cancel: @escaping () -> Void = {}
  ) throws(EngineError) -> [PostgresRow] {
    let rows = RowList()
    try stream(connection, sql, interruption: interruption, cancel: cancel) { rows.append($0) }
    return rows.rows
  }

  /// Runs a statement, its text parameters bound, and hands each row to `onRow` on the connection's
  /// event loop as it arrives. (postgres-nio's collected `rows` copy the whole list on every network
  /// read, quadratic in the rows: a million-row table took half a minute.)
  static func stream(
    _ connection: PostgresConnection, _ sql: SQLText, interruption: Interruption,
    cancel: @escaping () -> Void = {}, onRow: @escaping @Sendable (PostgresRow) throws -> Void
  ) throws(EngineError) {
    var binds = PostgresBindings()
    for parameter in sql.parameters { binds.append(parameter) }
    let query = PostgresQuery(unsafeSQL: sql.withPlaceholders(PostgreSQLDialect()), binds: binds)
    // A statement sent on a closed connection would never be answered.
    guard !connection.isClosed else {
      throw EngineError(.connection("the connection to PostgreSQL was closed; connect again"))
    }
    do {
      _ = try Blocking.wait(
        connection.query(query, logger: logger, onRow), interruption: interruption,
        isBroken: { connection.isClosed },
        onInterrupt: cancel
      )
    } catch let error as EngineError {
      throw error
    } catch {
      if interruption.isRequested { throw EngineError(.interrupted) }
      if let psql = error as? PSQLError, psql.code == .server {
        let message = psql.serverInfo?[.message] ?? "the server refused the statement"
        let code = psql.serverInfo?[.sqlState]
        let said = "PostgreSQL: \(message)\(code.map { " (SQLSTATE \($0))" } ?? "")"
        // 22003: a number out of its type's range; 22008: a date or time out of range.
        throw EngineError(code == "22003" || code == "22008" ? .outOfRange(said) : .server(said), code: code)
      }
      throw EngineError(.connection("the connection to PostgreSQL failed: \(describe(error))"))
    }
  }

  /// A client error in words: PostgresNIO's own descriptions say little, its fields say more.
  static func describe(_ error: any Error) -> String {
    if let tls = tlsProblem(error) { return tls }
    guard let psql = error as? PSQLError else { return "\(error)" }
    if let message = psql.serverInfo?[.message] { return message }
    switch psql.code {
    case .connectionError:
      return psql.underlying.map { "\($0)" }.map { $0.contains("refused") ? "connection refused" : $0 }
        ?? "the server cannot be reached"
    case .sslUnsupported:
      return "the server does not offer TLS, and sslmode asks for it: use sslmode=prefer or disable"
    case .serverClosedConnection: return "the server closed the connection"
    case .clientClosedConnection: return "the connection is closed; connect again"
    case .authMechanismRequiresPassword:
      return "the server asks for a password: set PGPASSWORD, put it in ~/.pgpass, or in the URL"
    default: return "\(psql.code)"
    }
  }

  /// A failed TLS handshake in words, with what to do; nil for other errors. BoringSSL's own text names
  /// the reason (`CERTIFICATE_VERIFY_FAILED`) among file paths and error numbers.
  static func tlsProblem(_ error: any Error) -> String? {
    let underlying = (error as? PSQLError)?.underlying ?? error
    let text = "\(underlying)"
    guard text.contains("handshakeFailed") || text.contains("NIOSSL") else { return nil }
    if text.contains("CERTIFICATE_VERIFY_FAILED") {
      return "the server's TLS certificate could not be verified: name its root with sslrootcert=FILE, "
        + "or use sslmode=require to encrypt without checking it"
    }
    if let extra = underlying as? NIOSSLExtraError, extra == .failedToValidateHostname {
      return "the server's TLS certificate does not name the host in the URL: connect by a name it holds, "
        + "or use sslmode=verify-ca"
    }
    return "the TLS handshake failed (\(text.prefix(120)))"
  }

  /// A cell as a value of the type the frame wants; nil bytes are null.
  static func value(_ cell: PostgresCell, as type: ColumnType) throws(EngineError) -> Value {
    guard var bytes = cell.bytes else { return .null }
    do {
      switch type {
      case .int: return .int(try cell.decode(Int64.self))
      case .double: return .double(try cell.decode(Double.self))
      case .bool: return .bool(try cell.decode(Bool.self))
      case .string: return .string(try cell.decode(String.self))
      case .list: return .list(try cell.decode([String].self))
      case .date, .timestamp:
        // Binary dates count days, timestamps microseconds, from 2000-01-01 (day 10957 since 1970).
        let epochDays: Int64 = 10_957
        if cell.dataType == .date, cell.format == .binary, let days = bytes.readInteger(as: Int32.self) {
          let day = Int64(days) + epochDays
          return type == .date ? .date(Int32(clamping: day)) : .timestamp(day * 86_400)
        }
        if cell.dataType == .timestamp, cell.format == .binary, let micros = bytes.readInteger(as: Int64.self)
        {
          let seconds =
            (micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000) + epochDays * 86_400
          return type == .timestamp ? .timestamp(seconds) : .date(CivilDate.splitTimestamp(seconds).days)
        }
        throw EngineError(.server("PostgreSQL sent a \(cell.dataType) where a date was expected"))
      }
    } catch let error as EngineError {
      throw error
    } catch {
      throw EngineError(
        .server("cannot read column \(cell.columnName) (\(cell.dataType)) as \(type.displayName): \(error)"))
    }
  }
}
