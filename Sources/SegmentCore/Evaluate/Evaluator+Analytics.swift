import Columnar

extension Workspace {
  /// The segment a command names, with did-you-mean when there is none; a table's name is not one.
  func namedSegment(_ name: Name, for command: String) throws(EvalError) -> Segment {
    guard let segment = segment(named: name.text) else {
      if engine.catalog.table(named: name.text) != nil {
        throw EvalError(
          .tableNotSegment(name.text, command: command), at: name.range,
          suggestions: Suggestions.closest(to: name.text, among: segments.map(\.name)))
      }
      throw EvalError(
        .unknownSegment(name.text), at: name.range,
        suggestions: Suggestions.closest(to: name.text, among: segments.map(\.name)))
    }
    return segment
  }

  /// A segment's traits against the base: one table of categories and one of numbers and dates, the
  /// most distinctive first (see `ProfileScope` for the statistics), asked of the table's engine.
  ///
  /// The queries: the sizes; the nulls of every categorical column; per categorical column its values'
  /// counts in the table and the segments; the figures of the numbers and dates in the segment, the
  /// base and the rest; and, to leave ids out, the distinct values and range of whole numbers.
  func profile(_ command: ProfileCommand) throws(EvalError) -> CommandResult {
    let segment = try namedSegment(command.segment, for: "profile")
    var base: Segment?
    if let baseName = command.base {
      let other = try namedSegment(baseName, for: "profile ... vs")
      guard other.tableName.lowercased() == segment.tableName.lowercased() else {
        throw EvalError(
          .segmentOnOtherTable(other.name, table: other.tableName, current: segment.tableName),
          at: baseName.range)
      }
      base = other
    }
    let schema = try catalogSchema(of: segment.tableName)
    var defining = [(segment: segment.name, columns: definingColumns(of: segment))]
    if let base { defining.append((base.name, definingColumns(of: base))) }
    var named: [ColumnSchema]?
    if let names = command.columns {
      let binder = Binder(workspace: self, table: schema)
      var resolved: [ColumnSchema] = []
      for name in names { resolved.append(try binder.column(name)) }
      named = resolved
    }
    let candidates =
      named ?? Self.profileCandidates(schema, defining: defining, all: command.includesAll)
    let (scope, counts) = try profileScope(segment, against: base, counting: candidates)
    if let base, scope.comparisonCount == 0 {
      return .message("segment \(base.name) is empty: there is nothing to compare with")
    }
    if scope.segmentCount == 0 {
      return .message("segment \(segment.name) is empty: there is nothing to profile")
    }
    let columns: ProfileColumns
    if let named {
      columns = ProfileColumns(named: named)
    } else {
      columns = try defaultProfileColumns(scope, defining: defining, all: command.includesAll, counts: counts)
    }
    let (categories, numbers, narrowed) = try profileLines(scope, columns: columns, counts: counts)
    var notes: [String] = []
    let again = "profile \(command.segment.text)" + (command.base.map { " vs \($0.text)" } ?? "") + " all"
    if let skipped = columns.note(including: again) { notes.append(skipped) }
    if !narrowed.isEmpty { notes.append("narrowed: " + narrowed.joined(separator: ", ")) }
    return .sequence(profileTables(scope, categories, numbers, notes))
  }

  /// A segment and what it is profiled against (another segment of its table, or the whole table),
  /// with the value counts of the categorical columns among `candidates` (`categoryCounts`) and the
  /// sizes of the table, the segment and the comparison: added up from one column's complete counts
  /// when a column not a list has them, else counted in one more query.
  func profileScope(_ segment: Segment, against base: Segment?, counting candidates: [ColumnSchema])
    throws(EvalError) -> (ProfileScope, [String: CategoryCounts])
  {
    let schema = try catalogSchema(of: segment.tableName)
    var groups = [try condition(of: segment)]
    if let base { groups.append(try condition(of: base)) }
    var scope = ProfileScope(
      table: schema.name, segment: groups[0], segmentLabel: segment.name,
      comparison: groups.dropFirst().first,
      baseLabel: base?.name ?? schema.name, rowCount: 0, segmentCount: 0, comparisonCount: 0)
    let counts = try categoryCounts(of: candidates, in: scope)
    if let whole = candidates.lazy.compactMap({ counts[$0.name] }).first(where: { $0.sizes != nil }),
      let sizes = whole.sizes
    {
      (scope.rowCount, scope.segmentCount, scope.comparisonCount) = sizes
    } else {
      let sizes = try execute(Query(.countWhere(groups), over: Relation(table: schema.name)))
      scope.rowCount = sizes.integer("rows")
      scope.segmentCount = sizes.integer("n.0")
      scope.comparisonCount = sizes.integer("n.1")
    }
    return (scope, counts)
  }

  /// The columns a profile reads when none are named, before ids are left out: every column less those
  /// the segments' definitions test (`defining`), unless `all`.
  static func profileCandidates(
    _ schema: TableSchema, defining: [(segment: String, columns: [String])], all: Bool
  ) -> [ColumnSchema] {
    let left = Set(defining.flatMap(\.columns).map { $0.lowercased() })
    return schema.columns.filter { all || !left.contains($0.name.lowercased()) }
  }

  /// The columns a profile reads when none are named: the candidates (`profileCandidates`) less ids,
  /// which are told by the categorical columns' `counts` and by one query of the whole numbers.
  func defaultProfileColumns(
    _ scope: ProfileScope, defining: [(segment: String, columns: [String])], all: Bool,
    counts: [String: CategoryCounts]
  ) throws(EvalError) -> ProfileColumns {
    let schema = try catalogSchema(of: scope.table)
    let left = Set(defining.flatMap(\.columns).map { $0.lowercased() })
    let facts = try idFacts(
      ProfileColumns.needingFacts(schema, defining: left, all: all), counts: counts, in: scope)
    return ProfileColumns(table: schema, defining: defining, all: all, facts: facts)
  }

  /// The lines of the chosen columns, categories apart from numbers and dates, in table order (not yet
  /// sorted), and a note for each wide column narrowed to its most frequent values. `counts` holds the
  /// categorical columns' counts (`categoryCounts`).
  func profileLines(_ scope: ProfileScope, columns: ProfileColumns, counts: [String: CategoryCounts])
    throws(EvalError) -> (categories: [ProfileLine], numbers: [ProfileLine], narrowed: [String])
  {
    let schema = try catalogSchema(of: scope.table)
    var categories: [ProfileLine] = []
    var narrowed: [String] = []
    var measured: [(column: ColumnSchema, position: Int)] = []
    for (column, _) in columns.chosen {
      let position = schema.columnIndex(named: column.name) ?? 0
      if let tally = counts[column.name] {
        let (lines, note) = scope.categoryLines(column, position: position, counts: tally)
        categories += lines
        if let note { narrowed.append(note) }
      } else if ProfileScope.isNumeric(column.type) {
        measured.append((column, position))
      }
    }
    guard !measured.isEmpty else { return (categories, [], narrowed) }
    // The segment, the base and the group the segment is tested against (the rest, or the base).
    let figures = Operation.summarize(measured.map(\.column.name), by: nil, quantiles: [0.5], variance: true)
    let inSegment = try execute(Query(figures, over: Relation(table: scope.table, filter: scope.segment)))
    let inBase = try execute(Query(figures, over: scope.base))
    let numbers = measured.enumerated().map { i, chosen in
      let segment = MeasuredGroup(inSegment, column: i)
      let base = MeasuredGroup(inBase, column: i)
      // Against the whole table the segment is tested against the rest: the table less the segment.
      let other = scope.comparison == nil ? base.without(segment) : base
      return scope.numberLine(
        chosen.column, position: chosen.position, segment: segment, base: base, other: other)
    }
    return (categories, numbers, narrowed)
  }

  /// The counts a profile reads of its categorical columns (text, bools, lists) among `columns`: each
  /// column's most frequent values with their rows in the segment and the comparison, one query per
  /// column; then, for the columns with more values than were fetched, their nulls in one more query
  /// (the others' null group came with their values).
  func categoryCounts(of columns: [ColumnSchema], in scope: ProfileScope) throws(EvalError)
    -> [String: CategoryCounts]
  {
    let table = Relation(table: scope.table)
    let groups = [scope.segment] + (scope.comparison.map { [$0] } ?? [])
    var counts: [String: CategoryCounts] = [:]
    var partial: [ColumnSchema] = []
    for column in columns where column.type.isCategorical {
      let frame = try execute(
        Query(.valueCounts(column.name, conditions: groups, limit: CategoryCounts.fetched), over: table))
      var values: [CategoryCounts.Tally] = []
      var nulls = CategoryCounts.Tally(value: .null, table: 0, segment: 0, comparison: 0)
      for row in 0..<frame.rowCount {
        let tally = CategoryCounts.Tally(
          value: frame.columns[0].value(at: row), table: frame.integer("rows", at: row),
          segment: frame.integer("n.0", at: row), comparison: frame.integer("n.1", at: row))
        if tally.value == .null { nulls = tally } else { values.append(tally) }
      }
      let groupCount = frame.rowCount == 0 ? 0 : frame.integer("values", at: 0)
      var sizes: (rows: Int, segment: Int, comparison: Int)?
      if groupCount > frame.rowCount {
        partial.append(column)
      } else if column.type != .list {
        let all = values + [nulls]
        sizes = (
          all.reduce(0) { $0 + $1.table }, all.reduce(0) { $0 + $1.segment },
          all.reduce(0) { $0 + $1.comparison }
        )
      }
      counts[column.name] = CategoryCounts(values: values, nulls: nulls, distinct: groupCount, sizes: sizes)
    }
    // A column cut short may have nulls its fetched groups do not show: counted apart.
    var nullTests: [Condition] = []
    for column in partial {
      let null = Condition.isNull(column.name, negated: false)
      nullTests.append(null)
      for group in groups { nullTests.append(.and(null, group)) }
    }
    let nulls = partial.isEmpty ? nil : try execute(Query(.countWhere(nullTests), over: table))
    let stride = 1 + groups.count
    for (c, column) in partial.enumerated() {
      guard let nulls, var tally = counts[column.name] else { continue }
      let null = { (k: Int) in nulls.integer("n.\(c * stride + k)") }
      tally.nulls = CategoryCounts.Tally(
        value: .null, table: null(0), segment: null(1), comparison: groups.count > 1 ? null(2) : 0)
      counts[column.name] = tally
    }
    // The distinct values are the groups less the null one.
    for (name, tally) in counts where tally.nulls.table > 0 {
      counts[name]?.distinct = tally.distinct - 1
    }
    return counts
  }

  /// What the id rule reads of `columns` (text and whole numbers): text from its counts, whole numbers
  /// from one query of their distinct values and range.
  private func idFacts(_ columns: [ColumnSchema], counts: [String: CategoryCounts], in scope: ProfileScope)
    throws(EvalError) -> [String: ProfileColumns.Facts]
  {
    var facts: [String: ProfileColumns.Facts] = [:]
    for column in columns {
      if let tally = counts[column.name] {
        facts[column.name] = ProfileColumns.Facts(
          values: scope.rowCount - tally.nulls.table, distinct: tally.distinct)
      }
    }
    let whole = columns.filter { $0.type == .int }
    guard !whole.isEmpty else { return facts }
    let table = Relation(table: scope.table)
    let range = try execute(Query(.valueRange(whole.map(\.name)), over: table))
    for (i, column) in whole.enumerated() {
      facts[column.name] = ProfileColumns.Facts(
        values: range.integer("count.\(i)"), distinct: range.integer("distinct.\(i)"),
        min: Double(range.integer("min.\(i)", at: 0)), max: Double(range.integer("max.\(i)", at: 0)))
    }
    return facts
  }

  private func profileTables(
    _ scope: ProfileScope, _ categories: [ProfileLine], _ numbers: [ProfileLine], _ notes: [String]
  ) -> [CommandResult] {
    let s = scope.segmentLabel
    let b = scope.baseLabel
    let other = scope.comparison == nil ? "the rest of \(b)" : b
    let whole = scope.comparison == nil && scope.segmentCount == scope.rowCount
    var tables: [ResultTable] = []
    if !categories.isEmpty {
      tables.append(
        ResultTable(
          title: "profile of \(s) vs \(b): categories",
          columns: [
            ResultColumn("column"), ResultColumn("value"), ResultColumn("count", alignment: .right),
            ResultColumn("share in \(s)", alignment: .right),
            ResultColumn("share in \(b)", alignment: .right),
            ResultColumn("index", alignment: .right), ResultColumn("z", alignment: .right),
            ResultColumn("note"),
          ],
          rows: categories.sorted(by: ProfileLine.distinctiveFirst).map(\.cells),
          footer: "\(Figures.rows(scope.segmentCount)) in \(s)"
            + (whole ? ", the whole table: nothing to test against" : "")
            + "; index = 100 × share in \(s) ÷ share in \(b); z = two-proportion test (pooled) of \(s) "
            + "against \(other); small = a group under \(ProfileStatistics.smallCount) rows, or under 5 "
            + "rows expected with or without the value in either group: z is unreliable",
          chart: .index(labels: [0, 1], index: 5, flag: 7)))
    }
    if !numbers.isEmpty {
      tables.append(
        ResultTable(
          title: "profile of \(s) vs \(b): numbers and dates",
          columns: [
            ResultColumn("column"), ResultColumn("count", alignment: .right),
            ResultColumn("mean in \(s)", alignment: .right), ResultColumn("mean in \(b)", alignment: .right),
            ResultColumn("mean diff", alignment: .right), ResultColumn("median in \(s)", alignment: .right),
            ResultColumn("median in \(b)", alignment: .right), ResultColumn("median diff", alignment: .right),
            ResultColumn("z", alignment: .right), ResultColumn("note"),
          ],
          rows: numbers.sorted(by: ProfileLine.distinctiveFirst).map(\.cells),
          footer: "count = non-null values in \(s); z = Welch's test of the mean of \(s) against \(other)"))
    }
    guard let last = tables.indices.last else {
      return [.message((["no columns to profile"] + notes).joined(separator: "; "))]
    }
    if !notes.isEmpty {
      tables[last].footer = ([tables[last].footer].compactMap { $0 } + notes).joined(separator: "\n")
    }
    return tables.map { .table($0) }
  }

  /// Sizes, pairwise overlaps and exclusive parts of two or three segments of one table.
  func compare(_ names: [Name]) throws(EvalError) -> CommandResult {
    var chosen: [Segment] = []
    for name in names {
      let segment = try namedSegment(name, for: "compare")
      if chosen.contains(where: { $0.name.lowercased() == segment.name.lowercased() }) {
        throw EvalError(.segmentNamedTwice(segment.name), at: name.range)
      }
      if let first = chosen.first, first.tableName.lowercased() != segment.tableName.lowercased() {
        throw EvalError(
          .segmentOnOtherTable(segment.name, table: segment.tableName, current: first.tableName),
          at: name.range)
      }
      chosen.append(segment)
    }
    let table = try catalogSchema(of: chosen[0].tableName)
    // Every part of the Venn diagram in one query: rows inside exactly the segments of a region's bits.
    var conditions: [Condition] = []
    for segment in chosen { conditions.append(try condition(of: segment)) }
    let regions: [Condition] = (0..<(1 << chosen.count)).map { region in
      let parts = conditions.indices.map { i in region & (1 << i) != 0 ? conditions[i] : .not(conditions[i]) }
      return parts.dropFirst().reduce(parts[0]) { .and($0, $1) }
    }
    let frame = try execute(Query(.countWhere(regions), over: Relation(table: table.name)))
    let counts = (0..<regions.count).map { frame.integer("n.\($0)") }
    return .sequence(
      SegmentComparison(names: chosen.map(\.name), regionCounts: counts, table: table.name).tables.map {
        .table($0)
      })
  }
}
