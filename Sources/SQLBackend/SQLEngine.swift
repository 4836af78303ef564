import Columnar
import SegmentPlan

/// An engine that answers queries by running SQL: it says how it compiles a query on one of its tables,
/// so `sql` shows what it runs (with the session's copies of costly columns spelt out as their
/// definitions), and how it runs one statement; the rest (which statements, the
/// frame's shape, the means and the bins worked out as memory does) is written once, below.
public protocol SQLEngine: Engine {
  /// The compiler for one of its tables (by the engine's own name for it): the table and the columns
  /// the session added, as their definitions (what `sql` shows, to run anywhere).
  func compiler(for table: String) throws(EngineError) -> SQLCompiler

  /// The compiler the engine runs a query with: as `compiler(for:)` of its table, but reading the costly
  /// added columns from the session's copy of them (see `KeptTable`), made here when the query is the
  /// second to read them.
  func runningCompiler(for query: Query, _ interruption: Interruption) throws(EngineError) -> SQLCompiler

  /// What the session knows of its tables beyond the server's catalog: added columns, sizes.
  var session: SessionTables { get }

  /// Runs one statement and reads its rows into columns of the given names and seg types, in order.
  /// - Throws: `EngineError`: `.interrupted` when stopped, `.server` when refused, `.connection`.
  func run(_ sql: SQLText, _ shape: [(String, ColumnType)], _ interruption: Interruption) throws(EngineError)
    -> Frame
}

extension SQLEngine {
  /// Answers a query by compiling it for the table's dialect and running the statements: the one way
  /// every SQL engine executes, so the frames of all of them have the same shape and order.
  public func execute(_ query: Query, interruption: Interruption) throws(EngineError) -> Frame {
    let compiler = try runningCompiler(for: query, interruption)
    let schema = compiler.schema
    func type(_ name: String) -> ColumnType { schema.column(named: name)?.type ?? .string }
    switch query.operation {
    case .count where query.relation.filter == nil:
      // A whole table's size, as counted once per catalog reading (`use` counts it first, and the
      // shares of the commands after it divide by it).
      let size = try tableSize(compiler, interruption, atLeast: 0)
      return Frame(columns: [Column.int("count", [Int64(size)])])
    case .count:
      return try run(compiler.statement(query)!, [("count", .int)], interruption)
    case .countWhere(let conditions) where query.relation.filter == nil && conditions.count == 1:
      // The table's size as counted once per catalog reading, and a count of the rows that meet the
      // condition, which the server filters as it scans rather than testing inside an aggregate.
      let meeting = Query(.count, over: query.relation.narrowed(by: conditions[0]))
      let n = try run(compiler.statement(meeting)!, [("count", .int)], interruption).integer("count")
      let size = try tableSize(compiler, interruption, atLeast: n)
      return Frame(columns: [Column.int("rows", [Int64(size)]), Column.int("n.0", [Int64(n)])])
    case .countWhere(let conditions):
      return try run(
        compiler.statement(query)!, [("rows", .int)] + conditions.indices.map { ("n.\($0)", .int) },
        interruption)
    case .anyWhere(let conditions):
      var found: [Column] = []
      for (i, condition) in conditions.enumerated() {
        let first = try run(compiler.anyRow(condition, query.relation), [("one", .int)], interruption)
        found.append(Column.int("n.\(i)", [first.rowCount > 0 ? 1 : 0]))
      }
      return Frame(columns: found)
    case .countBy(let keys):
      let shape = keys.map { ($0, type($0) == .list ? ColumnType.string : type($0)) } + [("count", .int)]
      return try run(compiler.statement(query)!, shape, interruption)
    case .countByInTable(let keys):
      // The chosen rows' groups, and the table's size as counted once per catalog reading: asking
      // for both in one statement meant grouping every row of the table, not only the chosen ones.
      var groups = try execute(Query(.countBy(keys), over: query.relation), interruption: interruption)
      var chosen = 0
      for row in 0..<groups.rowCount { chosen += groups.integer("count", at: row) }
      let size = try tableSize(compiler, interruption, atLeast: chosen)
      groups.columns.append(Column.int("rows", [Int64](repeating: Int64(size), count: groups.rowCount)))
      return groups
    case .maxDate:
      return try run(compiler.statement(query)!, [("max", .date)], interruption)
    case .countByPeriod:
      return try run(compiler.statement(query)!, [("period", .int), ("count", .int)], interruption)
    case .rows(let columns, _, _):
      return try run(compiler.statement(query)!, columns.map { ($0, type($0)) }, interruption)
    case .summarize(let columns, let by, let quantiles, let variance, _):
      var shape: [(String, ColumnType)] = by.map { [($0, type($0))] } ?? []
      shape.append(("rows", .int))
      for i in columns.indices {
        shape.append((Operation.summaryColumn(.count, of: i), .int))
        var figures = [SummaryFigure.sum, .min, .max] + quantiles.indices.map { .quantile($0) }
        if variance { figures.append(.variance) }
        for figure in figures { shape.append((Operation.summaryColumn(figure, of: i), .double)) }
      }
      let fetched = try run(compiler.statement(query)!, shape, interruption)
      return Self.withMeans(fetched, measured: columns.count)
    case .valueCounts(let name, let conditions, _):
      let key = type(name) == .list ? ColumnType.string : type(name)
      let counts = ["rows"] + conditions.indices.map { "n.\($0)" } + ["values"]
      return try run(compiler.statement(query)!, [(name, key)] + counts.map { ($0, .int) }, interruption)
    case .valueRange(let names):
      let shape = names.enumerated().flatMap { i, name in
        [
          ("count.\(i)", ColumnType.int), ("distinct.\(i)", .int), ("min.\(i)", type(name)),
          ("max.\(i)", type(name)),
        ]
      }
      return try run(compiler.statement(query)!, shape, interruption)
    case .duplicateRows:
      return try run(compiler.statement(query)!, [("count", .int)], interruption)
    case .firstRepeat(let name):
      return try run(compiler.statement(query)!, [(name, try compiler.type(of: name))], interruption)
    case .bins(let name, let bins):
      return try self.bins(name, bins, query.relation, compiler, interruption)
    }
  }

  /// Adds each measured column's mean as seg computes it (the sum over the count), in the frame's
  /// place for it, so the server rounds nothing.
  public static func withMeans(_ frame: Frame, measured: Int) -> Frame {
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
    let range = try run(
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
        Column.double(
          "start", (0..<count).map { BinLayout.start(ofBin: $0, lo: lo, hi: hi, width: width, count: count) }),
        Column.double(
          "end",
          (0..<count).map {
            $0 == count - 1 ? hi : BinLayout.start(ofBin: $0 + 1, lo: lo, hi: hi, width: width, count: count)
          }),
        Column.int("count", counts),
      ])
    case (.int(let lo), .int(let hi)):
      let (width, count) = BinLayout.whole(lo: lo, hi: hi, bins: bins)
      let counts = try binCounts(
        compiler.binCounts(name, relation, low: .int(lo), width: .int(width), count: count), count,
        interruption)
      let box = { (v: Int64) -> Value in startType == .date ? .date(Int32(v)) : .int(v) }
      let bounds = (0..<count).map { BinLayout.bounds(ofBin: $0, lo: lo, hi: hi, width: width) }
      return Frame(columns: [
        Column.of("start", type: startType, bounds.map { box($0.start) }),
        Column.of("end", type: startType, bounds.map { box($0.end) }),
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
    let fetched = try run(sql, [("bin", .int), ("count", .int)], interruption)
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
}

extension SQLEngine {
  /// A table's rows, counted on the server the first time they are asked for after the catalog was
  /// read (see `SessionTables`), and again when the rows a query just chose outnumber them: another
  /// client wrote to the table since, and a share over 100% would be nonsense.
  func tableSize(_ compiler: SQLCompiler, _ interruption: Interruption, atLeast chosen: Int)
    throws(EngineError)
    -> Int
  {
    let table = compiler.schema.name
    if let size = session.size(of: table), size >= chosen { return size }
    let counted = try run(
      compiler.statement(Query(.count, over: Relation(table: table)))!, [("count", .int)], interruption)
    let size = counted.integer("count")
    session.set(size: size, for: table)
    return size
  }

}
