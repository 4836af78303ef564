import Columnar

/// The aggregates `rank segments by` orders segments with.
public enum RankAggregate: String, Sendable, Equatable, CaseIterable {
  case sum
  case mean
  case median
  case count

  /// The aggregate a word names, `avg` and `average` standing for `mean`.
  init?(word: String) {
    switch word.lowercased() {
    case "avg", "average": self = .mean
    default: self.init(rawValue: word.lowercased())
    }
  }

  /// Whether the segments' values are parts of a table-wide total (a mean or a median is not).
  var hasShare: Bool { self == .sum || self == .count }
}

/// A parsed `rank segments by AGG(c)`.
public struct RankCommand: Sendable, Equatable {
  /// The aggregate.
  public var aggregate: RankAggregate
  /// Its column; nil for `count(*)`, which counts rows.
  public var column: Name?
  /// Where the aggregate stands in the command.
  public var range: SourceRange

  /// Creates a rank command.
  public init(aggregate: RankAggregate, column: Name?, range: SourceRange) {
    self.aggregate = aggregate
    self.column = column
    self.range = range
  }
}

extension Workspace {
  /// Every segment of the current table ordered by an aggregate of its rows, largest first, with its
  /// share of the table's total for sums and counts.
  func rank(_ command: RankCommand) throws(EvalError) -> ResultTable {
    let table = try resolveSchema(nil)
    let aggregate = command.aggregate
    var column: ColumnSchema?
    if let name = command.column {
      let c = try Binder(workspace: self, table: table).column(name)
      guard aggregate == .count || c.type == .int || c.type == .double else {
        throw EvalError(
          .wrongType(command: aggregate.rawValue, wants: .numbers, value: c.name, type: c.type.displayName),
          at: name.range)
      }
      column = c
    }
    let chosen = segments.filter { $0.tableName.lowercased() == table.name.lowercased() }
    guard !chosen.isEmpty else {
      throw EvalError(
        .noSegmentsToRank(table: table.name))
    }
    let label =
      "\(aggregate.rawValue)(\(command.column?.text ?? "*"))"
    let total = try measure(aggregate, of: column, over: Relation(table: table.name))
    var ranked: [(order: Int, segment: Segment, size: Int, value: Double?)] = []
    for (order, segment) in chosen.enumerated() {
      let rows = Relation(table: table.name, filter: try condition(of: segment))
      let size = try execute(Query(.count, over: rows)).integer("count")
      ranked.append((order, segment, size, try measure(aggregate, of: column, over: rows)))
    }
    ranked.sort { a, b in
      switch (a.value, b.value) {
      case (let x?, let y?) where x != y: return x > y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.order < b.order
      }
    }
    let isWhole = aggregate == .count || column?.type == .int && aggregate == .sum
    let cell = { (value: Double?) -> Cell in
      guard let value else { return .text("") }
      return isWhole ? .count(Int(value)) : .number(value, decimals: 2)
    }
    let largest = ranked.compactMap(\.value).max() ?? 0
    let scale = largest > 0 ? 1_000_000 / largest : 0
    var header = [
      ResultColumn("rank", alignment: .right), ResultColumn("segment"),
      ResultColumn("size", alignment: .right),
      ResultColumn(label, alignment: .right),
    ]
    if aggregate.hasShare { header.append(ResultColumn("share", alignment: .right)) }
    header.append(ResultColumn("", isDecoration: true))
    let rows: [[Cell]] = ranked.enumerated().map { i, entry in
      var row: [Cell] = [
        .count(i + 1), .text(entry.segment.name), .count(entry.size), cell(entry.value),
      ]
      if aggregate.hasShare {
        row.append(
          entry.value.flatMap { v in total.map { $0 == 0 ? .text("") : .share(v / $0) } } ?? .text(""))
      }
      let bar = entry.value.map { Histogram.bar(Int(max(0, $0) * scale), of: Int(largest * scale)) } ?? ""
      row.append(.text(bar))
      return row
    }
    let totalText =
      total.map { isWhole ? Figures.grouped(Int($0)) : Figures.fixed($0, decimals: 2) } ?? "none"
    let footer =
      aggregate.hasShare
      ? "share = of the \(label) of all \(table.name), \(totalText); segments may overlap, so shares need not add up"
      : "a \(aggregate.rawValue) has no share of a total; \(table.name) as a whole: \(totalText)"
    return ResultTable(
      title: "segments of \(table.name) by \(label)", columns: header, rows: rows, footer: footer,
      chart: .bars(labels: [1], value: 3, note: aggregate.hasShare ? 4 : nil))
  }

  /// An aggregate of a column (or, for count with no column, of rows) over a relation; nil when a mean
  /// or median has no values.
  private func measure(_ aggregate: RankAggregate, of column: ColumnSchema?, over rows: Relation)
    throws(EvalError) -> Double?
  {
    guard let column else { return Double(try execute(Query(.count, over: rows)).integer("count")) }
    if aggregate == .count {
      let valid = rows.narrowed(by: .isNull(column.name, negated: true))
      return Double(try execute(Query(.count, over: valid)).integer("count"))
    }
    let quantiles = aggregate == .median ? [0.5] : []
    let frame = try execute(Query(.summarize([column.name], by: nil, quantiles: quantiles), over: rows))
    let figure: SummaryFigure
    switch aggregate {
    case .sum:
      // A sum of no values is 0 here, as a total.
      guard case .double(let sum) = frame.value(Operation.summaryColumn(.sum, of: 0), at: 0) else { return 0 }
      return sum
    case .mean: figure = .mean
    case .median: figure = .quantile(0)
    case .count: figure = .count
    }
    guard case .double(let x) = frame.value(Operation.summaryColumn(figure, of: 0), at: 0) else { return nil }
    return x
  }
}
