import Columnar
import SegmentPlan

extension SQLTable {
  /// The table with a trait's column added: each row joined (LEFT JOIN, so no row is lost or repeated,
  /// the key being unique) to its key's aggregate over the source's rows.
  /// - Parameter source: the source table, with the columns the trait reads.
  /// - Throws: `EngineError` when the trait reads a column either table lacks.
  func adding(_ trait: TraitRecipe, source: SQLTable, dialect: any SQLDialect) throws(EngineError) -> SQLTable
  {
    guard schema.column(named: trait.key) != nil else {
      throw EngineError(.unsupported("no column '\(trait.key)' in table \(schema.name)"))
    }
    let compiler = SQLCompiler(
      dialect: dialect, schema: source.schema, from: source.from, rowOrder: source.rowOrder)
    let values = dialect.identifier("seg_trait")
    let key = "\(values).\(dialect.identifier(SQLCompiler.traitKey))"
    var value = "\(values).\(dialect.identifier(SQLCompiler.traitValue))"
    if trait.aggregate.isCount { value = "COALESCE(\(value), 0)" }
    let join =
      "LEFT JOIN (\(try compiler.traitValues(trait))) AS \(values) "
      + "ON \(SQLTable.joinedBase(dialect)).\(dialect.identifier(trait.key)) = \(key)"
    return adding(
      [(ColumnSchema(name: trait.name, type: trait.type), dialect.cast(value, trait.type))], dialect: dialect,
      join: join)
  }
}

extension SQLCompiler {
  /// The names of the key and the value in `traitValues`' rows: names no user column of the joined table
  /// can clash with, as the joined table's own columns are read through its alias.
  static let traitKey = "_seg_key"
  static let traitValue = "_seg_value"

  /// `SELECT key, aggregate ... GROUP BY key` over this (the source) table: one row per non-null key
  /// that has rows, the rows the filter keeps and, but for `count(*)`, where the argument is not null
  /// (every aggregate skips nulls, as memory's do).
  func traitValues(_ trait: TraitRecipe) throws(EngineError) -> String {
    _ = try type(of: trait.sourceKey)
    let key = column(trait.sourceKey)
    let (k, v) = (dialect.identifier(Self.traitKey), dialect.identifier(Self.traitValue))
    var tests = ["\(key) IS NOT NULL"]
    if let filter = trait.filter { tests.append(try condition(filter).inlined(dialect)) }
    var value = ""
    if let argument = trait.argument {
      value = try formula(argument)
      tests.append("\(value) IS NOT NULL")
    }
    let rows = " FROM \(from) WHERE \(tests.joined(separator: " AND "))"
    func grouped(_ aggregate: String) -> String {
      "SELECT \(key) AS \(k), \(aggregate) AS \(v)\(rows) GROUP BY \(key)"
    }
    // Per key, the value of the first row in `order` (of the rows, or the groups after `rest`).
    func firstRanked(order: String, rest: String = "") -> String {
      let n = dialect.identifier("_seg_n")
      return
        "SELECT \(k), \(v) FROM (SELECT \(key) AS \(k), \(value) AS \(v), "
        + "row_number() OVER (PARTITION BY \(key) ORDER BY \(order)) AS \(n)\(rows)\(rest)) AS "
        + "\(dialect.identifier("seg_ranked")) WHERE \(n) = 1"
    }
    let type = trait.argument?.type
    switch trait.aggregate {
    case .countRows, .count: return grouped("count(*)")
    case .distinctCount: return grouped("count(DISTINCT \(value))")
    // An Int sum in 38 digits: only the sums of the table's keys must fit in BIGINT (the join's cast
    // checks them), as memory sums only those; Spark's BIGINT sum would fail on any key's.
    case .sum where type == .int: return grouped("sum(CAST(\(value) AS DECIMAL(38,0)))")
    case .sum, .mean:
      return try compensatedSum(key, dialect.cast(value, .double), rows, mean: trait.aggregate == .mean)
    case .min, .max:
      let f = trait.aggregate == .min ? "min" : "max"
      switch type {
      // Text in byte order; a Bool as 0 or 1, as PostgreSQL has no min of booleans.
      case .string: return grouped("\(f)(\(dialect.bytewise(value)))")
      case .bool: return grouped("\(f)(CASE WHEN \(value) THEN 1 ELSE 0 END) = 1")
      default: return grouped("\(f)(\(value))")
      }
    case .first, .last:
      return firstRanked(order: try tieBreakers(descending: trait.aggregate == .last).joined(separator: ", "))
    case .mostFrequent:
      // Ties go to the smallest value: text in byte order; both servers order NaN above every number, as
      // memory does.
      let ordered = type == .string ? dialect.bytewise(value) : value
      return firstRanked(order: "count(*) DESC, \(ordered) ASC", rest: " GROUP BY \(key), \(value)")
    }
  }
  /// Per key, the sum (or mean) of doubles exactly as memory adds them: Neumaier's compensated sum, in
  /// the source's row order, step by step. A running `sum` over a window that grows a row at a time is
  /// that order's plain sum on both servers; the compensation is computed from it row by row and summed
  /// the same way. Any other way (a plain `sum`, a decimal sum) differs from memory in the last bits.
  private func compensatedSum(_ key: String, _ x: String, _ rows: String, mean: Bool) throws(EngineError)
    -> String
  {
    let (k, v) = (dialect.identifier(Self.traitKey), dialect.identifier(Self.traitValue))
    let name = { (n: String) in self.dialect.identifier("_seg_" + n) }
    let (i, n, xs, s, p, e) = (name("i"), name("n"), name("x"), name("s"), name("p"), name("e"))
    let order = try tieBreakers().joined(separator: ", ")
    let running = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
    let steps =
      "SELECT \(key) AS \(k), \(x) AS \(xs), "
      + "sum(\(x)) OVER (PARTITION BY \(key) ORDER BY \(order) \(running)) AS \(s), "
      + "row_number() OVER (PARTITION BY \(key) ORDER BY \(order)) AS \(i), "
      + "count(*) OVER (PARTITION BY \(key)) AS \(n)\(rows)"
    let before =
      "SELECT \(k), \(i), \(n), \(xs), \(s), "
      + "COALESCE(lag(\(s)) OVER (PARTITION BY \(k) ORDER BY \(i)), \(dialect.cast("0", .double))) AS \(p) "
      + "FROM (\(steps)) AS \(name("steps"))"
    let errors =
      "SELECT \(k), \(i), \(n), \(s), CASE WHEN abs(\(p)) >= abs(\(xs)) THEN (\(p) - \(s)) + \(xs) "
      + "ELSE (\(xs) - \(s)) + \(p) END AS \(e) FROM (\(before)) AS \(name("before"))"
    let total = "\(s) + sum(\(e)) OVER (PARTITION BY \(k) ORDER BY \(i) \(running))"
    let totals =
      "SELECT \(k), \(i), \(n), \(mean ? "(\(total)) / \(n)" : total) AS \(v) FROM (\(errors)) AS \(name("errors"))"
    return "SELECT \(k), \(v) FROM (\(totals)) AS \(name("totals")) WHERE \(i) = \(n)"
  }
}
