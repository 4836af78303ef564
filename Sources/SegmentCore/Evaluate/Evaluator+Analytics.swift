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

  /// The table a segment belongs to, checked to still have the rows the segment was made on.
  func table(of segment: Segment) throws(EvalError) -> Table {
    if isRemote(segment.tableName) { throw EvalError.needsMemory(segment.tableName) }
    guard let table = table(named: segment.tableName) else {
      throw EvalError(.unknownTable(segment.tableName))
    }
    if let frozen = segment.frozen, frozen.count != table.rowCount {
      throw EvalError(
        .brokenSegment(
          segment.name,
          reason:
            "it has \(Figures.rows(frozen.count)) and \(table.name) now has \(Figures.rows(table.rowCount))"
        ))
    }
    return table
  }

  /// A segment's traits against the base: one table of categories and one of numbers and dates, the
  /// most distinctive first (see `ProfileScope` for the statistics).
  /// - Complexity: O(columns × (n / 64 + segment and base rows)).
  func profile(_ command: ProfileCommand, interruption: Interruption) throws(EvalError) -> CommandResult {
    let segment = try namedSegment(command.segment, for: "profile")
    let table = try self.table(of: segment)
    var scope = ProfileScope(
      table: table, segment: try members(of: segment), segmentLabel: segment.name, comparison: nil,
      baseLabel: table.name)
    if let baseName = command.base {
      let base = try namedSegment(baseName, for: "profile ... vs")
      guard base.tableName.lowercased() == segment.tableName.lowercased() else {
        throw EvalError(
          .segmentOnOtherTable(base.name, table: base.tableName, current: segment.tableName),
          at: baseName.range)
      }
      scope.comparison = try members(of: base)
      scope.baseLabel = base.name
      if try size(of: base) == 0 {
        return .message("segment \(base.name) is empty: there is nothing to compare with")
      }
    }
    if try size(of: segment) == 0 {
      return .message("segment \(segment.name) is empty: there is nothing to profile")
    }
    let columns: ProfileColumns
    if let names = command.columns {
      var named: [Column] = []
      for name in names { named.append(try resolveColumn(name, in: table)) }
      columns = ProfileColumns(named: named)
    } else {
      var defining = [(segment.name, definingColumns(of: segment))]
      if let baseName = command.base, let base = self.segment(named: baseName.text) {
        defining.append((base.name, definingColumns(of: base)))
      }
      columns = ProfileColumns(table: table, defining: defining, all: command.includesAll)
    }
    let (categories, numbers, narrowed) = try scope.lines(of: columns, interruption: interruption)
    var notes: [String] = []
    let again = "profile \(command.segment.text)" + (command.base.map { " vs \($0.text)" } ?? "") + " all"
    if let skipped = columns.note(including: again) { notes.append(skipped) }
    if !narrowed.isEmpty { notes.append("narrowed: " + narrowed.joined(separator: ", ")) }
    return .sequence(profileTables(scope, categories, numbers, notes))
  }

  private func profileTables(
    _ scope: ProfileScope, _ categories: [ProfileLine], _ numbers: [ProfileLine], _ notes: [String]
  ) -> [CommandResult] {
    let s = scope.segmentLabel
    let b = scope.baseLabel
    let other = scope.comparison == nil ? "the rest of \(b)" : b
    let whole = scope.comparison == nil && scope.segmentCount == scope.table.rowCount
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
