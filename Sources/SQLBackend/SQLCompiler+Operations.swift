import Columnar
import SegmentPlan

extension SQLCompiler {
  /// The one statement that answers a query, in the frame's column order and row order; nil for
  /// `bins`, which takes two (`binRange` then `binCounts`), for `countByInTable` (the groups, then the
  /// table's size) and for `anyWhere` (an `anyRow` per condition).
  public func statement(_ query: Query) throws(EngineError) -> SQLText? {
    let relation = query.relation
    switch query.operation {
    case .count:
      return "SELECT count(*) AS \(dialect.identifier("count"))" + (try fromWhere(relation))
    case .countWhere(let conditions):
      var counts = [SQLText("count(*) AS \(dialect.identifier("rows"))")]
      for (i, c) in conditions.enumerated() {
        counts.append(dialect.countWhere(try condition(c)) + " AS \(dialect.identifier("n.\(i)"))")
      }
      return "SELECT " + SQLText.joined(counts, separator: ", ") + (try fromWhere(relation))
    case .anyWhere:
      // One statement per condition (see `anyRow`).
      return nil
    case .countBy(let keys):
      return try countBy(keys, relation)
    case .countByInTable(let keys):
      // Two statements (see `statements(for:answer:)`), as bins are.
      for name in keys where try type(of: name) == .list {
        throw EngineError(.unsupported("a list column cannot key a count by in table: \(name)"))
      }
      return nil
    case .maxDate(let name):
      let day = try type(of: name) == .timestamp ? dialect.day(of: column(name)) : column(name)
      return SQLText("SELECT max(\(day)) AS \(dialect.identifier("max")) FROM \(from)")
    case .summarize(let columns, let by, let quantiles, let variance, let wholeDays):
      return try summarize(
        columns, by: by, quantiles: quantiles, variance: variance, wholeDays: wholeDays, relation)
    case .valueCounts(let name, let conditions, let limit):
      return try valueCounts(name, conditions, limit: limit, relation)
    case .valueRange(let names):
      var figures: [String] = []
      for (i, name) in names.enumerated() {
        let type = try type(of: name)
        guard type != .list else {
          throw EngineError(.unsupported("distinct values of list \(name) are counted by item"))
        }
        // Text is compared by bytes; a bool's least is false and its greatest true, as `bool_and` and
        // `bool_or` say (min and max take no booleans on every server).
        let x = column(name)
        let (least, greatest) =
          switch type {
          case .string: ("min(\(dialect.bytewise(x)))", "max(\(dialect.bytewise(x)))")
          case .bool: ("bool_and(\(x))", "bool_or(\(x))")
          default: ("min(\(x))", "max(\(x))")
          }
        figures.append("count(\(x)) AS \(dialect.identifier("count.\(i)"))")
        figures.append("count(DISTINCT \(x)) AS \(dialect.identifier("distinct.\(i)"))")
        figures.append("\(least) AS \(dialect.identifier("min.\(i)"))")
        figures.append("\(greatest) AS \(dialect.identifier("max.\(i)"))")
      }
      return "SELECT \(figures.joined(separator: ", "))" + (try fromWhere(relation))
    case .duplicateRows:
      // Every row less the distinct ones: DISTINCT takes nulls as equal, as seg does.
      let all = schema.columns.map { column($0.name) }.joined(separator: ", ")
      let rows = "SELECT count(*)" + (try fromWhere(relation))
      let distinct =
        "SELECT count(*) FROM (SELECT DISTINCT \(all)" + (try fromWhere(relation))
        + ") AS \(dialect.identifier("seg_distinct"))"
      return "SELECT (" + rows + ") - (" + distinct + ") AS \(dialect.identifier("count"))"
    case .firstRepeat(let name):
      // Each row numbered among the rows of its value, in row order: the second of any value repeats.
      let ties = try tieBreakers().joined(separator: ", ")
      let n = dialect.identifier("_seg_n")
      let numbered =
        "SELECT *, row_number() OVER (PARTITION BY \(column(name)) ORDER BY \(ties)) AS \(n)"
        + (try fromWhere(relation, extra: SQLText("\(column(name)) IS NOT NULL")))
      return "SELECT \(column(name)) FROM (" + numbered + ") AS \(dialect.identifier("seg_numbered")) "
        + "WHERE \(n) = 2 ORDER BY \(ties) LIMIT 1"
    case .rows(let columns, let order, let limit):
      var keys: [String] = []
      for key in order {
        keys.append("\(try sortExpression(key.column)) \(key.descending ? "DESC" : "ASC") NULLS LAST")
      }
      keys += try tieBreakers()
      let list = columns.map(column).joined(separator: ", ")
      // A limit past any table's size is left out: Spark takes only a 32-bit limit.
      let limitClause = limit >= Int(Int32.max) ? "" : " LIMIT \(max(0, limit))"
      return "SELECT \(list)" + (try fromWhere(relation))
        + " ORDER BY \(keys.joined(separator: ", "))" + limitClause
    case .countByPeriod(let name, let period):
      let date = try type(of: name) == .timestamp ? dialect.day(of: column(name)) : column(name)
      let key: String
      switch period {
      case .week: key = dialect.floorDivide("\(dialect.dayNumber(of: date)) + 3", 7)
      case .month: key = "(\(dialect.year(of: date)) * 12 + \(dialect.month(of: date)) - 1)"
      case .quarter:
        key = "(\(dialect.year(of: date)) * 4 + \(dialect.quotient("(\(dialect.month(of: date)) - 1)", "3")))"
      case .year: key = dialect.year(of: date)
      }
      let notNull = SQLText("\(column(name)) IS NOT NULL")
      return "SELECT \(key) AS \(dialect.identifier("period")), count(*) AS \(dialect.identifier("count"))"
        + (try fromWhere(relation, extra: notNull)) + " GROUP BY 1 ORDER BY 1"
    case .bins:
      return nil
    }
  }

  private func countBy(_ keys: [String], _ relation: Relation) throws(EngineError) -> SQLText {
    var selected: [String] = []
    var order: [String] = []
    var join: String?
    for name in keys {
      let key = try groupKey(name)
      if let explode = key.join { join = explode }
      selected.append("\(key.value) AS \(column(name))")
      order.append(key.order)
    }
    let groups = (1...keys.count).map(String.init).joined(separator: ", ")
    return "SELECT \(selected.joined(separator: ", ")), count(*) AS \(dialect.identifier("count"))"
      + (try fromWhere(relation, join: join))
      + " GROUP BY \(groups) ORDER BY count(*) DESC, \(order.joined(separator: ", "))"
  }

  /// What a query groups by for a key column: the value (a list's item, from the FROM item `join`
  /// that explodes it), and its ascending order with nulls last.
  private func groupKey(_ name: String) throws(EngineError) -> (value: String, join: String?, order: String) {
    let type = try self.type(of: name)
    var key = column(name)
    var join: String?
    if type == .list {
      // The item's name must be no column's, or the table's columns become ambiguous.
      let alias = unusedName("seg_exploded")
      join = dialect.explode(column(name), alias: alias)
      key = "\(alias).\(alias)"
    }
    return (key, join, "\(type == .string || type == .list ? dialect.bytewise(key) : key) ASC NULLS LAST")
  }

  /// Groups of one column with filtered counts beside each, and the number of groups in a window over
  /// the grouped rows (computed before the limit cuts them).
  private func valueCounts(_ name: String, _ conditions: [Condition], limit: Int, _ relation: Relation)
    throws(EngineError) -> SQLText
  {
    let key = try groupKey(name)
    var selected = [
      SQLText("\(key.value) AS \(column(name))"), SQLText("count(*) AS \(dialect.identifier("rows"))"),
    ]
    for (i, c) in conditions.enumerated() {
      selected.append(dialect.countWhere(try condition(c)) + " AS \(dialect.identifier("n.\(i)"))")
    }
    selected.append(SQLText("CAST(count(*) OVER () AS BIGINT) AS \(dialect.identifier("values"))"))
    return "SELECT " + SQLText.joined(selected, separator: ", ") + (try fromWhere(relation, join: key.join))
      + " GROUP BY 1 ORDER BY \(dialect.identifier("rows")) DESC, \(key.order) LIMIT \(max(0, min(limit, Int(Int32.max))))"
  }

  /// One scan of the table: groups of the whole table count the relation's rows (a filtered count) and
  /// the table's (summed over the groups in a window); groups the relation has no row of are dropped.
  private func summarize(
    _ columns: [String], by: String?, quantiles: [Double], variance: Bool, wholeDays: Bool,
    _ relation: Relation
  ) throws(EngineError) -> SQLText {
    var selected: [String] = []
    if let by { selected.append("\(column(by)) AS \(column(by))") }
    selected.append("count(*) AS \(dialect.identifier("rows"))")
    for (i, name) in columns.enumerated() {
      // Dates are measured in days, timestamps in seconds, as memory measures them.
      let measure: String
      switch try type(of: name) {
      case .date: measure = dialect.dayNumber(of: column(name))
      case .timestamp where wholeDays: measure = dialect.dayNumber(of: dialect.day(of: column(name)))
      case .timestamp: measure = dialect.epochSeconds(of: column(name))
      default: measure = column(name)
      }
      let x = dialect.cast(measure, .double)
      let named = { (f: SummaryFigure) in self.dialect.identifier(Operation.summaryColumn(f, of: i)) }
      selected.append("count(\(column(name))) AS \(named(.count))")
      selected.append("sum(\(x)) AS \(named(.sum))")
      // The mean is the sum over the count, worked out by the engine as memory does: no server rounding.
      selected.append("min(\(x)) AS \(named(.min))")
      selected.append("max(\(x)) AS \(named(.max))")
      for (j, q) in quantiles.enumerated() {
        selected.append("\(dialect.quantile(q, of: x)) AS \(named(.quantile(j)))")
      }
      if variance { selected.append("var_samp(\(x)) AS \(named(.variance))") }
    }
    var text = "SELECT \(selected.joined(separator: ", "))" + (try fromWhere(relation))
    if let by {
      let key = try type(of: by) == .string ? dialect.bytewise(column(by)) : column(by)
      text.append(" GROUP BY 1 ORDER BY count(*) DESC, \(key) ASC NULLS LAST")
    }
    return text
  }

  /// The value a histogram bins: a number, or a date's (a timestamp's day's) day number.
  private func binValue(_ name: String) throws(EngineError) -> String {
    switch try type(of: name) {
    case .date: return dialect.dayNumber(of: column(name))
    case .timestamp: return dialect.dayNumber(of: dialect.day(of: column(name)))
    default: return column(name)
    }
  }

  /// `bins`, first step: the least and greatest value (`lo`, `hi`).
  public func binRange(_ name: String, _ relation: Relation) throws(EngineError) -> SQLText {
    let x = try binValue(name)
    return "SELECT min(\(x)) AS \(dialect.identifier("lo")), max(\(x)) AS \(dialect.identifier("hi"))"
      + (try fromWhere(relation))
  }

  /// `bins`, second step: rows per bin number (`bin`, `count`) for bins of `width` from `lo`, the bin
  /// number clamped to `0..<count` (the maximum of decimals falls in the last bin).
  public func binCounts(_ name: String, _ relation: Relation, low: Value, width: Value, count: Int)
    throws(EngineError) -> SQLText
  {
    let x = try binValue(name)
    let offset = "(\(x) - \(dialect.numberLiteral(low)))"
    let bin: String
    switch width {
    case .int(let w) where Int64(count).multipliedReportingOverflow(by: w).overflow:
      // The values span more than a BIGINT holds (BinLayout.isWide): subtract as decimals.
      let wide = "(CAST(\(x) AS DECIMAL(20,0)) - \(dialect.numberLiteral(low)))"
      bin = "LEAST(CAST(floor(\(wide) / \(w)) AS BIGINT), \(count - 1))"
    case .int(let w): bin = dialect.quotient(offset, String(w))
    case .double(let w) where w == 0 || count == 1: bin = "0"
    case .double(let w) where BinLayout.isWide(width: w, count: count):
      // x - low would overflow to infinity: count in widths instead.
      let l = if case .double(let l) = low { l } else { 0.0 }
      let widths = "(\(x) / \(dialect.numberLiteral(width)) - \(dialect.numberLiteral(.double(l / w))))"
      bin = "LEAST(GREATEST(CAST(floor(\(widths)) AS BIGINT), 0), \(count - 1))"
    default:
      bin =
        "LEAST(GREATEST(CAST(floor(\(offset) / \(dialect.numberLiteral(width))) AS BIGINT), 0), \(count - 1))"
    }
    let notNull = SQLText("\(column(name)) IS NOT NULL")
    return "SELECT \(bin) AS \(dialect.identifier("bin")), count(*) AS \(dialect.identifier("count"))"
      + (try fromWhere(relation, extra: notNull)) + " GROUP BY 1 ORDER BY 1"
  }
}

extension SQLCompiler {
  /// Every row of a relation, every column: what a segment stands for.
  public func selectAll(_ relation: Relation) throws(EngineError) -> SQLText {
    "SELECT *" + (try fromWhere(relation))
  }

  /// A row of the relation that meets `condition`, if there is one: `anyWhere` runs one per condition.
  /// A LIMIT 1 that is the statement's own, not a subquery's, lets Spark read the table's first part
  /// and stop there when a row turns up (a LIMIT 1 in a subquery started a task on every part of the
  /// table: on a million rows 400 to 550 ms, where this takes 80 to 110 ms); PostgreSQL stops at the
  /// first row either way.
  public func anyRow(_ condition: Condition, _ relation: Relation) throws(EngineError) -> SQLText {
    "SELECT 1 AS \(dialect.identifier("one"))"
      + (try fromWhere(relation, extra: try self.condition(condition)))
      + " LIMIT 1"
  }

  /// The statements that answer a query, as an engine of this dialect would run them; for `bins`, the
  /// second statement uses the range found in `answer` (the frame the query returned); for
  /// `countByInTable` and a `countWhere` of one condition over a whole table, the chosen rows' counts
  /// and then the table's size; for `anyWhere`, an `anyRow` per condition.
  public func statements(for query: Query, answer: Frame) throws(EngineError) -> [SQLText] {
    if case .countWhere(let conditions) = query.operation, query.relation.filter == nil, conditions.count == 1
    {
      // As an engine runs it: the rows that meet the condition, then the table's size.
      return [
        try statement(Query(.count, over: query.relation.narrowed(by: conditions[0])))!,
        try statement(Query(.count, over: query.relation))!,
      ]
    }
    if let one = try statement(query) { return [one] }
    if case .anyWhere(let conditions) = query.operation {
      var texts: [SQLText] = []
      for condition in conditions { texts.append(try anyRow(condition, query.relation)) }
      return texts
    }
    if case .countByInTable(let keys) = query.operation {
      // The chosen rows' groups, then the table's size (counted once per catalog reading).
      return [
        try statement(Query(.countBy(keys), over: query.relation))!,
        try statement(Query(.count, over: Relation(table: query.relation.table)))!,
      ]
    }
    guard case .bins(let name, let bins) = query.operation else { return [] }
    var texts = [try binRange(name, query.relation)]
    guard answer.rowCount > 0 else { return texts }
    let lo = answer.columns[0].value(at: 0)
    let hi = answer.columns[1].value(at: answer.rowCount - 1)
    switch (lo, hi) {
    case (.double(let l), .double(let h)):
      let (width, count) = BinLayout.decimal(lo: l, hi: h, bins: bins)
      texts.append(try binCounts(name, query.relation, low: .double(l), width: .double(width), count: count))
    default:
      let l = Self.whole(lo)
      let (width, count) = BinLayout.whole(lo: l, hi: Self.whole(hi), bins: bins)
      texts.append(try binCounts(name, query.relation, low: .int(l), width: .int(width), count: count))
    }
    return texts
  }

  /// An Int, or a Date's day number.
  static func whole(_ value: Value) -> Int64 {
    switch value {
    case .int(let n): return n
    case .date(let d): return Int64(d)
    default: return 0
    }
  }
}
