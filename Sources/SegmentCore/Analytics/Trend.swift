import Columnar

/// A parsed `trend SEG by PERIOD of c`.
public struct TrendCommand: Sendable, Equatable {
  /// The segment (or table) whose rows are counted.
  public var source: Name
  /// The length of a period.
  public var period: TrendPeriod
  /// The date or timestamp column that places a row in a period.
  public var column: Name

  /// Creates a trend command.
  public init(source: Name, period: TrendPeriod, column: Name) {
    self.source = source
    self.period = period
    self.column = column
  }
}

extension Workspace {
  /// How many of a segment's rows fall in each period of a date column, beside every row of the table
  /// in that period; the periods between the segment's first and last are all listed, empty or not.
  /// - Complexity: O(n): one pass over the table's dates and one over the segment's.
  func trend(_ command: TrendCommand) throws(EvalError) -> ResultTable {
    let (relation, label) = try self.relation(RowSource(name: command.source))
    let schema = try catalogSchema(of: relation.table)
    let column = try Binder(workspace: self, table: schema).column(command.column)
    guard column.type == .date || column.type == .timestamp else {
      throw EvalError(
        .wrongType(command: "trend", wants: .dateColumn, value: column.name, type: column.type.displayName),
        at: command.column.range)
    }
    let period = command.period
    let mine = try periodCounts(Query(.countByPeriod(column.name, period), over: relation))
    let undated = try execute(
      Query(.count, over: relation.narrowed(by: .isNull(column.name, negated: false)))
    )
    .integer("count")
    let columns = [
      ResultColumn(period.rawValue), ResultColumn(command.source.text, alignment: .right),
      ResultColumn("all \(schema.name)", alignment: .right),
      ResultColumn("share", alignment: .right),
      ResultColumn("", isDecoration: true),
    ]
    let undatedNote = undated > 0 ? "; \(Figures.rows(undated)) with no \(column.name)" : ""
    guard let first = mine.first?.key, let last = mine.last?.key else {
      return ResultTable(
        title: "\(label) by \(period.rawValue) of \(column.name)", columns: columns, rows: [],
        footer: "no dated rows in \(label)\(undatedNote)")
    }
    // Every period between the segment's first and last is listed, empty or not.
    var counts = [Int](repeating: 0, count: last - first + 1)
    var all = counts
    for (key, n) in mine { counts[key - first] = n }
    let everyone = try periodCounts(
      Query(.countByPeriod(column.name, period), over: Relation(table: schema.name)))
    for (key, n) in everyone where key >= first && key <= last { all[key - first] = n }
    let largest = counts.max() ?? 0
    let rows: [[Cell]] = counts.indices.map { i in
      [
        .text(period.label(first + i)), .count(counts[i]), .count(all[i]),
        .share(all[i] == 0 ? 0 : Double(counts[i]) / Double(all[i])),
        .text(Histogram.bar(counts[i], of: largest)),
      ]
    }
    let dated = counts.reduce(0, +)
    return ResultTable(
      title: "\(label) by \(period.rawValue) of \(column.name)", columns: columns, rows: rows,
      footer:
        "\(Figures.rows(dated)) in \(counts.count) \(period.rawValue)s\(undatedNote); "
        + "share = of all \(schema.name) rows in the \(period.rawValue)",
      chart: .lines(x: 0, series: [1, 2]))
  }

  /// A `countByPeriod` frame as (period key, rows) pairs, ascending.
  private func periodCounts(_ query: Query) throws(EvalError) -> [(key: Int, count: Int)] {
    let frame = try execute(query)
    var pairs: [(key: Int, count: Int)] = []
    for row in 0..<frame.rowCount {
      if case .int(let key) = frame.columns[0].value(at: row),
        case .int(let n) = frame.columns[1].value(at: row)
      {
        pairs.append((Int(key), Int(n)))
      }
    }
    return pairs
  }
}
