import Columnar
import SegmentPlan
import Synchronization

/// The embedded engine: tables held in memory as Columnar's typed columns, queries answered with its
/// vectorised kernels (DESIGN §6).
///
/// A value type, so a command can work on a copy that is dropped when it fails. Every version of a
/// table gets a number never used before, so the selection cache, shared by all copies, can never
/// confuse two of them.
public struct MemoryEngine: Engine {
  /// The tables, in the order they were first added.
  public private(set) var tables: [Table] = []
  /// Each table's version number, parallel to `tables`.
  private var versions: [UInt64] = []
  private let cache = SelectionCache()
  private static let lastVersion = Atomic<UInt64>(0)

  /// Creates an engine with no tables.
  public init() {}

  /// The table called `name`: an exact match first, then one that matches ignoring case.
  public func table(named name: String) -> Table? {
    index(of: name).map { tables[$0] }
  }

  /// Adds a table, or replaces the one of the same name (ignoring case); returns true when it replaced.
  @discardableResult
  public mutating func put(_ table: Table) -> Bool {
    let version = MemoryEngine.lastVersion.add(1, ordering: .relaxed).newValue
    if let i = tables.firstIndex(where: { $0.name.lowercased() == table.name.lowercased() }) {
      tables[i] = table
      versions[i] = version
      return true
    }
    tables.append(table)
    versions.append(version)
    return false
  }

  public var catalog: Catalog {
    Catalog(tables: tables.map(MemoryEngine.schema(of:)))
  }

  public func schema(of table: String) throws(EngineError) -> TableSchema {
    MemoryEngine.schema(of: try stored(table).table)
  }

  public func execute(_ query: Query, interruption: Interruption) throws(EngineError) -> Frame {
    let (table, version) = try stored(query.relation.table)
    switch query.operation {
    case .maxDate(let name):
      let column = try MemoryEngine.column(name, of: table)
      let latest = cache.maxDate(version: version, column: name) { MemoryEngine.latestDay(in: column) }
      return Frame(columns: [Column.date("max", days: [latest])])
    case .count:
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      return Frame(columns: [Column.int("count", [Int64(rows?.popcount() ?? table.rowCount)])])
    case .countBy(let keys):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      return try GroupCounter.count(table, rows: rows, by: keys)
    case .countByInTable(let keys):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      let groups = try GroupCounter.count(table, rows: rows, by: keys)
      let size = [Int64](repeating: Int64(table.rowCount), count: groups.rowCount)
      return Frame(columns: groups.columns + [Column.int("rows", size)])
    case .countWhere(let conditions):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      var counts = [Column.int("rows", [Int64(rows?.popcount() ?? table.rowCount)])]
      for (i, condition) in conditions.enumerated() {
        let meets = try filtered(condition, table: table, version: version, interruption: interruption)
        counts.append(Column.int("n.\(i)", [Int64((rows.map { $0 & meets } ?? meets).popcount())]))
      }
      return Frame(columns: counts)
    case .anyWhere(let conditions):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      var found: [Column] = []
      for (i, condition) in conditions.enumerated() {
        // Whether a table holds a text at all (case hints ask it of every `=` a command types): the
        // first row that holds it answers, where a filter would read every row.
        if rows == nil, case .oneOf(let name, let values, negated: false) = condition,
          let any = Filters.holdsAny(try MemoryEngine.column(name, of: table), values)
        {
          found.append(Column.int("n.\(i)", [any ? 1 : 0]))
          continue
        }
        let meets = try filtered(condition, table: table, version: version, interruption: interruption)
        let any = (rows.map { $0 & meets } ?? meets).popcount() > 0
        found.append(Column.int("n.\(i)", [any ? 1 : 0]))
      }
      return Frame(columns: found)
    case .countByPeriod(let name, let period):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      return try Periods.count(
        try MemoryEngine.column(name, of: table), by: period,
        chosen: Chosen(rowCount: table.rowCount, mask: rows))
    case .summarize(let columns, let by, let quantiles, let variance, let wholeDays):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      return try Summarizer.frame(
        table, chosen: Chosen(rowCount: table.rowCount, mask: rows), columns: columns, by: by,
        quantiles: quantiles, variance: variance, wholeDays: wholeDays)
    case .valueCounts(let name, let conditions, let limit):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      var within: [Bitmap] = []
      for condition in conditions {
        let meets = try filtered(condition, table: table, version: version, interruption: interruption)
        within.append(rows.map { $0 & meets } ?? meets)
      }
      // The whole table's counts are the same for every segment profiled against it: counted once.
      let groups =
        rows == nil
        ? try cache.wholeTableCounts(version: version, column: name) { () throws(EngineError) -> Frame in
          try GroupCounter.count(table, rows: nil, by: [name])
        } : try GroupCounter.count(table, rows: rows, by: [name])
      return try GroupCounter.valueCounts(table, name, groups: groups, within: within, limit: limit)
    case .valueRange(let names):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      var figures: [Column] = []
      for (i, name) in names.enumerated() {
        let column = try MemoryEngine.column(name, of: table)
        guard column.type != .list else {
          throw EngineError(.unsupported("distinct values of list \(column.name) are counted by item"))
        }
        let picked = rows.map { column.taking($0.setIndices()) } ?? column
        let (distinct, least, greatest) = MemoryEngine.range(of: picked)
        figures.append(Column.int("count.\(i)", [Int64(picked.count - picked.nullCount)]))
        figures.append(Column.int("distinct.\(i)", [Int64(distinct)]))
        figures.append(Column.of("min.\(i)", type: column.type, [least]))
        figures.append(Column.of("max.\(i)", type: column.type, [greatest]))
      }
      return Frame(columns: figures)
    case .duplicateRows:
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      var duplicates = table.duplicateRows()
      if let rows {
        // Only repeats among the chosen rows count: keep those rows alone before looking.
        let picked = rows.setIndices()
        guard let part = try? Table(name: table.name, columns: table.columns.map { $0.taking(picked) }) else {
          throw EngineError(.unsupported("cannot take rows of \(table.name)"))
        }
        duplicates = part.duplicateRows()
      }
      return Frame(columns: [Column.int("count", [Int64(duplicates.popcount())])])
    case .firstRepeat(let name):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      var column = try MemoryEngine.column(name, of: table)
      if let rows { column = column.taking(rows.setIndices()) }
      guard let alone = try? Table(name: table.name, columns: [column]) else {
        throw EngineError(.unsupported("cannot read \(name) of \(table.name)"))
      }
      // Nulls repeat too, as in DISTINCT; they are no key.
      let repeats = alone.duplicateRows().setIndices().lazy.filter { !column.isNull(Int($0)) }
      return Frame(columns: [
        Column.of(name, type: column.type, repeats.first.map { [column.value(at: Int($0))] } ?? [])
      ])
    case .rows(let names, let order, let limit):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      var keys: [(Column, descending: Bool)] = []
      for key in order { keys.append((try MemoryEngine.column(key.column, of: table), key.descending)) }
      var columns: [Column] = []
      for name in names { columns.append(try MemoryEngine.column(name, of: table)) }
      let picked = RowOrder.first(limit, of: Chosen(rowCount: table.rowCount, mask: rows), sortedBy: keys)
      return Frame(columns: columns.map { $0.taking(picked) })
    case .bins(let name, let count):
      let rows = try chosen(query.relation, table: table, version: version, interruption: interruption)
      return try Bins.frame(
        try MemoryEngine.column(name, of: table), count: count,
        chosen: Chosen(rowCount: table.rowCount, mask: rows))
    }
  }

  /// A column a query names; a name the binder did not check is the caller's mistake, reported as such.
  static func column(_ name: String, of table: Table) throws(EngineError) -> Column {
    guard let column = table.column(named: name) else {
      throw EngineError(.unsupported("no column '\(name)' in table \(table.name)"))
    }
    return column
  }

  /// The rows of a relation as a bitmap over its table (nil for every row), for the analytics that
  /// still read memory directly; they move onto queries one command at a time.
  /// - Complexity: O(n) per condition not already cached.
  public func rows(_ relation: Relation, interruption: Interruption) throws(EngineError) -> Bitmap? {
    let (table, version) = try stored(relation.table)
    return try chosen(relation, table: table, version: version, interruption: interruption)
  }

  private func chosen(_ relation: Relation, table: Table, version: UInt64, interruption: Interruption)
    throws(EngineError) -> Bitmap?
  {
    guard let filter = relation.filter else { return nil }
    return try filtered(filter, table: table, version: version, interruption: interruption)
  }

  /// The rows where a condition is true, computed once per command (a count and then its groups ask
  /// for the same rows).
  private func filtered(_ condition: Condition, table: Table, version: UInt64, interruption: Interruption)
    throws(EngineError) -> Bitmap
  {
    if let known = cache.commandFilter(condition, version: version) { return known }
    if interruption.isRequested { throw EngineError(.interrupted) }
    let rows = ConditionEvaluator(table: table, version: version, cache: cache).members(condition)
    cache.storeCommandFilter(rows, for: condition, version: version)
    return rows
  }

  /// Tells the engine a new command begins: filters computed for the previous one are forgotten
  /// (segments stay cached until their table changes).
  public func beginCommand() {
    cache.beginCommand()
  }

  private func index(of name: String) -> Int? {
    tables.firstIndex(named: name, by: \.name)
  }

  private func stored(_ name: String) throws(EngineError) -> (table: Table, version: UInt64) {
    guard let i = index(of: name) else { throw EngineError(.unknownTable(name)) }
    return (tables[i], versions[i])
  }

  static func schema(of table: Table) -> TableSchema {
    TableSchema(
      name: table.name,
      columns: table.columns.map { ColumnSchema(name: $0.name, type: $0.type, boolWords: $0.boolWords) })
  }

  /// A column's distinct non-null values, least and greatest (nulls when it has none): whole numbers,
  /// dates and timestamps in one pass and a bitmap over their range, decimals from their summary, text
  /// in byte order, false before true.
  /// - Complexity: O(n + range / 64) for whole numbers, dates and timestamps whose range is under 2^26
  ///   (O(n log n) otherwise, and for decimals), O(n + distinct values) for text.
  static func range(of column: Column) -> (distinct: Int, min: Value, max: Value) {
    switch column.storage {
    case .int(.int8(let a)): return wholeRange(a, column, Value.int)
    case .int(.int16(let a)): return wholeRange(a, column, Value.int)
    case .int(.int32(let a)): return wholeRange(a, column, Value.int)
    case .int(.int64(let a)): return wholeRange(a, column, Value.int)
    case .date(let days): return wholeRange(days, column) { .date(Int32($0)) }
    case .timestamp(let seconds): return wholeRange(seconds, column, Value.timestamp)
    default: break
    }
    let summary = column.summary()
    switch column.storage {
    case .string(let codes, let dictionary):
      var used = [Bool](repeating: false, count: dictionary.count)
      for row in 0..<column.count where !column.isNull(row) { used[Int(codes[row])] = true }
      let present = dictionary.indices.filter { used[$0] }.map { dictionary[$0] }
      let least = present.min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      let greatest = present.max { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      return (summary.distinctCount, least.map(Value.string) ?? .null, greatest.map(Value.string) ?? .null)
    case .bool:
      let values = summary.topValues.map(\.value).sorted { $0 == .bool(false) && $1 == .bool(true) }
      return (summary.distinctCount, values.first ?? .null, values.last ?? .null)
    default:
      return (summary.distinctCount, summary.min ?? .null, summary.max ?? .null)
    }
  }

  /// `range(of:)` of whole numbers: the extremes in one pass, then the distinct values marked in a
  /// bitmap over `min...max` when that is narrow, else counted in a sorted copy.
  private static func wholeRange<T: FixedWidthInteger>(
    _ values: [T], _ column: Column, _ wrap: (Int64) -> Value
  ) -> (distinct: Int, min: Value, max: Value) {
    var low = Int64.max
    var high = Int64.min
    for row in values.indices where !column.isNull(row) {
      let x = Int64(values[row])
      low = Swift.min(low, x)
      high = Swift.max(high, x)
    }
    guard low <= high else { return (0, .null, .null) }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    if !overflow, span < 1 << 26 {
      var seen = Bitmap(count: Int(span) + 1, allSet: false)
      for row in values.indices where !column.isNull(row) { seen[Int(Int64(values[row]) - low)] = true }
      return (seen.popcount(), wrap(low), wrap(high))
    }
    var sorted: [Int64] = []
    for row in values.indices where !column.isNull(row) { sorted.append(Int64(values[row])) }
    sorted.sort()
    var distinct = 1
    for i in 1..<sorted.count where sorted[i] != sorted[i - 1] { distinct += 1 }
    return (distinct, wrap(low), wrap(high))
  }

  /// The latest day in a date or timestamp column, nulls left out; nil for other columns.
  /// - Complexity: O(n).
  static func latestDay(in column: Column) -> Int32? {
    var latest: Int32?
    switch column.storage {
    case .date(let days):
      for row in 0..<column.count where !column.isNull(row) { latest = max(latest ?? days[row], days[row]) }
    case .timestamp(let seconds):
      for row in 0..<column.count where !column.isNull(row) {
        let day = CivilDate.splitTimestamp(seconds[row]).days
        latest = max(latest ?? day, day)
      }
    default: break
    }
    return latest
  }
}
