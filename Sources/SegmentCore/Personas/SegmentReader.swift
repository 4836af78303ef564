import Columnar

/// Reads the figures personas are drafted from and checked against (`SegmentFigures`) from a segment's
/// table, asking its engine: in memory or on a connection, the same figures.
struct SegmentReader {
  /// The workspace whose engines answer.
  let workspace: Workspace
  /// The segment's table.
  let schema: TableSchema
  /// Its members.
  let members: Condition

  /// A reader of `segment`'s figures.
  /// - Throws: when the segment's table or definition cannot be read.
  init(_ segment: Segment, in workspace: Workspace) throws(EvalError) {
    self.workspace = workspace
    schema = try workspace.catalogSchema(of: segment.tableName)
    members = try workspace.condition(of: segment)
  }

  /// The table's rows.
  private var table: Relation { Relation(table: schema.name) }

  /// The first column named one of `names` (case-insensitive) whose type `accepts` allows.
  func column(_ names: [String], where accepts: (ColumnType) -> Bool) -> ColumnSchema? {
    for name in names {
      if let column = schema.column(named: name), accepts(column.type) { return column }
    }
    return nil
  }

  /// The 25th, 50th and 75th percentiles of a number column over the members, or over every row, with
  /// how many rows had a value; nil when none had. Continuous quantiles, as `stats`.
  func quartiles(_ column: ColumnSchema, membersOnly: Bool) throws(EvalError) -> Quartiles? {
    let rows = Relation(table: schema.name, filter: membersOnly ? members : nil)
    let frame = try workspace.execute(
      Query(.summarize([column.name], by: nil, quantiles: [0.25, 0.5, 0.75]), over: rows))
    let figure = { (j: Int) in frame.double(Operation.summaryColumn(.quantile(j), of: 0), at: 0) }
    let count = frame.integer(Operation.summaryColumn(.count, of: 0))
    guard count > 0, let p25 = figure(0), let median = figure(1), let p75 = figure(2) else { return nil }
    return Quartiles(count: count, p25: p25, median: median, p75: p75)
  }

  /// Every value of a category column (text, bool, or list items) the members hold, with its index
  /// among the members with a value against the table's rows with a value, the most over-represented
  /// first (ties: more members, then value order); and how many distinct values the table holds.
  func traits(_ column: ColumnSchema) throws(EvalError) -> (traits: [TraitIndex], distinct: Int) {
    let present = Condition.isNull(column.name, negated: true)
    let rows = try workspace.execute(Query(.countWhere([present, .and(present, members)]), over: table))
    let baseRows = rows.integer("n.0")
    let segmentRows = rows.integer("n.1")
    let counts = try workspace.execute(
      Query(.valueCounts(column.name, conditions: [members], limit: .max), over: table))
    var found: [TraitIndex] = []
    var distinct = 0
    for row in 0..<counts.rowCount {
      let value = counts.columns[0].value(at: row)
      guard value != .null else { continue }
      distinct += 1
      let mine = counts.integer("n.0", at: row)
      guard mine > 0 else { continue }
      let share = Double(mine) / Double(segmentRows)
      let baseShare = Double(counts.integer("rows", at: row)) / Double(baseRows)
      let spread = (baseShare * (1 - baseShare) / Double(segmentRows)).squareRoot()
      found.append(
        TraitIndex(
          column: column.name, value: Figures.text(value), count: mine, share: share, baseShare: baseShare,
          index: 100 * share / baseShare, z: spread == 0 ? 0 : (share - baseShare) / spread))
    }
    let ordered = found.sorted {
      if $0.index != $1.index { return $0.index > $1.index }
      if $0.count != $1.count { return $0.count > $1.count }
      return $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
    }
    return (ordered, distinct)
  }

  /// The value most members hold (ties in value order), when any member has one.
  func mostCommon(_ column: ColumnSchema) throws(EvalError) -> TraitIndex? {
    try traits(column).traits.max {
      $0.count != $1.count ? $0.count < $1.count : $1.value.utf8.lexicographicallyPrecedes($0.value.utf8)
    }
  }

  /// The members' share of a number column's sum over the table (0 when the sum is 0).
  func shareOfSum(_ column: ColumnSchema) throws(EvalError) -> Double {
    let sum = Operation.summarize([column.name], by: nil, quantiles: [])
    let total = { (frame: Frame) in frame.double(Operation.summaryColumn(.sum, of: 0), at: 0) ?? 0 }
    let all = total(try workspace.execute(Query(sum, over: table)))
    let mine = total(try workspace.execute(Query(sum, over: Relation(table: schema.name, filter: members))))
    return all == 0 ? 0 : mine / all
  }

  /// The members' number of rows and the table's.
  func sizes() throws(EvalError) -> (members: Int, rows: Int) {
    let frame = try workspace.execute(Query(.countWhere([members]), over: table))
    return (frame.integer("n.0"), frame.integer("rows"))
  }
}

/// A number column's quartiles over some rows, and how many rows had a value.
struct Quartiles {
  var count: Int
  var p25: Double
  var median: Double
  var p75: Double
}
