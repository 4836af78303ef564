import Columnar
import NIOCore
import PostgresNIO
import SQLBackend
import SegmentPlan

extension PostgresEngine {
  func execute(_ query: Query, interruption: Interruption) throws(EngineError) -> Frame {
    let compiler = try compiler(for: query.relation.table)
    let schema = compiler.schema
    func type(_ name: String) -> ColumnType { schema.column(named: name)?.type ?? .string }
    switch query.operation {
    case .count:
      return try frame(compiler.statement(query)!, [("count", .int)], interruption)
    case .countWhere(let conditions):
      return try frame(
        compiler.statement(query)!, [("rows", .int)] + conditions.indices.map { ("n.\($0)", .int) },
        interruption)
    case .countBy(let keys):
      let shape = keys.map { ($0, type($0) == .list ? ColumnType.string : type($0)) } + [("count", .int)]
      return try frame(compiler.statement(query)!, shape, interruption)
    case .maxDate:
      return try frame(compiler.statement(query)!, [("max", .date)], interruption)
    case .countByPeriod:
      return try frame(compiler.statement(query)!, [("period", .int), ("count", .int)], interruption)
    case .rows(let columns, _, _):
      return try frame(compiler.statement(query)!, columns.map { ($0, type($0)) }, interruption)
    case .summarize(let columns, let by, let quantiles):
      var shape: [(String, ColumnType)] = by.map { [($0, type($0))] } ?? []
      shape.append(("rows", .int))
      for i in columns.indices {
        shape.append((Operation.summaryColumn(.count, of: i), .int))
        for figure in [SummaryFigure.sum, .min, .max] + quantiles.indices.map({ .quantile($0) }) {
          shape.append((Operation.summaryColumn(figure, of: i), .double))
        }
      }
      let fetched = try frame(compiler.statement(query)!, shape, interruption)
      return Self.withMeans(fetched, measured: columns.count)
    case .bins(let name, let bins):
      return try self.bins(name, bins, query.relation, compiler, interruption)
    }
  }

  /// Adds each measured column's mean as seg computes it (the sum over the count), in the frame's
  /// place for it, so the server rounds nothing.
  static func withMeans(_ frame: Frame, measured: Int) -> Frame {
    var columns = frame.columns
    for i in 0..<measured {
      let count = frame.column(Operation.summaryColumn(.count, of: i))
      let sum = frame.column(Operation.summaryColumn(.sum, of: i))
      let means: [Double?] = (0..<frame.rowCount).map { row in
        guard case .int(let n)? = count?.value(at: row), n > 0, case .double(let s)? = sum?.value(at: row)
        else {
          return nil
        }
        return s / Double(n)
      }
      let at =
        (columns.firstIndex { $0.name == Operation.summaryColumn(.sum, of: i) } ?? columns.count - 1) + 1
      columns.insert(Column.double(Operation.summaryColumn(.mean, of: i), means), at: at)
    }
    return Frame(columns: columns)
  }

  private func bins(
    _ name: String, _ bins: Int, _ relation: Relation, _ compiler: SQLCompiler, _ interruption: Interruption
  ) throws(EngineError) -> Frame {
    let type = compiler.schema.column(named: name)?.type ?? .int
    let isDecimal = type == .double
    let range = try frame(
      compiler.binRange(name, relation),
      [("lo", isDecimal ? .double : .int), ("hi", isDecimal ? .double : .int)],
      interruption)
    let startType: ColumnType = type == .date || type == .timestamp ? .date : type
    let empty = Frame(columns: [
      Column.of("start", type: startType, []), Column.of("end", type: startType, []), Column.int("count", []),
    ])
    switch (range.value("lo", at: 0), range.value("hi", at: 0)) {
    case (.double(let lo), .double(let hi)):
      let (width, count) = BinLayout.decimal(lo: lo, hi: hi, bins: bins)
      let counts = try binCounts(
        compiler.binCounts(name, relation, low: .double(lo), width: .double(width), count: count), count,
        interruption)
      return Frame(columns: [
        Column.double("start", (0..<count).map { lo + Double($0) * width }),
        Column.double("end", (0..<count).map { $0 == count - 1 ? hi : lo + Double($0 + 1) * width }),
        Column.int("count", counts),
      ])
    case (.int(let lo), .int(let hi)):
      let (width, count) = BinLayout.whole(lo: lo, hi: hi, bins: bins)
      let counts = try binCounts(
        compiler.binCounts(name, relation, low: .int(lo), width: .int(width), count: count), count,
        interruption)
      let box = { (v: Int64) -> Value in startType == .date ? .date(Int32(v)) : .int(v) }
      let starts = (0..<count).map { lo + Int64($0) * width }
      return Frame(columns: [
        Column.of("start", type: startType, starts.map(box)),
        Column.of("end", type: startType, starts.map { box(min(hi, $0 + width - 1)) }),
        Column.int("count", counts),
      ])
    default:
      return empty
    }
  }

  /// Rows per bin number, every bin listed (empty ones as 0).
  private func binCounts(_ sql: SQLText, _ count: Int, _ interruption: Interruption) throws(EngineError)
    -> [Int64]
  {
    let fetched = try frame(sql, [("bin", .int), ("count", .int)], interruption)
    var counts = [Int64](repeating: 0, count: count)
    for row in 0..<fetched.rowCount {
      if case .int(let bin) = fetched.value("bin", at: row),
        case .int(let n) = fetched.value("count", at: row),
        (0..<Int64(count)).contains(bin)
      {
        counts[Int(bin)] = n
      }
    }
    return counts
  }

  /// Runs a statement and reads its rows into typed columns.
  func frame(_ sql: SQLText, _ shape: [(String, ColumnType)], _ interruption: Interruption)
    throws(EngineError)
    -> Frame
  {
    let rows = try PostgresEngine.run(connection, sql, interruption: interruption, cancel: cancelRunningQuery)
    var values = [[Value]](repeating: [], count: shape.count)
    for row in rows {
      var i = 0
      for cell in row where i < shape.count {
        values[i].append(try PostgresEngine.value(cell, as: shape[i].1))
        i += 1
      }
    }
    return Frame(columns: shape.indices.map { Column.of(shape[$0].0, type: shape[$0].1, values[$0]) })
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
    var binds = PostgresBindings()
    for parameter in sql.parameters { binds.append(parameter) }
    let query = PostgresQuery(unsafeSQL: sql.withPlaceholders(PostgreSQLDialect()), binds: binds)
    // A statement sent on a closed connection would never be answered.
    guard !connection.isClosed else {
      throw EngineError(.connection("the connection to PostgreSQL was closed; connect again"))
    }
    do {
      return try Blocking.wait(
        connection.query(query, logger: logger), interruption: interruption,
        isBroken: { connection.isClosed },
        onInterrupt: cancel
      )
      .rows
    } catch let error as EngineError {
      throw error
    } catch {
      if interruption.isRequested { throw EngineError(.interrupted) }
      if let psql = error as? PSQLError, psql.code == .server {
        let message = psql.serverInfo?[.message] ?? "the server refused the statement"
        let state = psql.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
        throw EngineError(.server("PostgreSQL: \(message)\(state)"))
      }
      throw EngineError(.connection("the connection to PostgreSQL failed: \(describe(error))"))
    }
  }

  /// A client error in words: PostgresNIO's own descriptions say little, its fields say more.
  static func describe(_ error: any Error) -> String {
    guard let psql = error as? PSQLError else { return "\(error)" }
    if let message = psql.serverInfo?[.message] { return message }
    switch psql.code {
    case .connectionError:
      return psql.underlying.map { "\($0)" }.map { $0.contains("refused") ? "connection refused" : $0 }
        ?? "the server cannot be reached"
    case .serverClosedConnection: return "the server closed the connection"
    case .clientClosedConnection: return "the connection is closed; connect again"
    case .authMechanismRequiresPassword:
      return "the server asks for a password: set PGPASSWORD, put it in ~/.pgpass, or in the URL"
    default: return "\(psql.code)"
    }
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
