import Columnar

extension Workspace {
  /// The quantiles `stats` reports: median, p25, p75 (continuous, as DuckDB's `quantile_cont`).
  static let statsQuantiles = [0.5, 0.25, 0.75]

  /// `stats c, d [in SEG] [by c]`: a `summarize` query, shaped here.
  func stats(_ command: StatsCommand) throws(EvalError) -> ResultTable {
    let (relation, label) = try self.relation(command.source)
    let schema = try catalogSchema(of: relation.table)
    let binder = Binder(workspace: self, table: schema)
    var columns: [ColumnSchema] = []
    for name in command.columns {
      let column = try binder.column(name)
      guard column.type.isNumeric else {
        throw EvalError(
          .wrongType(command: "stats", wants: .numbers, value: column.name, type: column.type.displayName),
          at: name.range)
      }
      columns.append(column)
    }
    var header: [ResultColumn] = []
    var group: ColumnSchema?
    if let by = command.group {
      let column = try binder.column(by)
      guard column.type != .list else {
        throw EvalError(
          .listNotAllowed(column: column.name, in: .statsGroup), at: by.range)
      }
      group = column
      header.append(ResultColumn(column.name))
    }
    header.append(ResultColumn("column"))
    for name in ["count", "mean", "median", "p25", "p75", "min", "max", "sum"] {
      header.append(ResultColumn(name, alignment: .right))
    }
    let quantiles = Workspace.statsQuantiles
    let frame = try execute(
      Query(.summarize(columns.map(\.name), by: group?.name, quantiles: quantiles), over: relation))
    var rows: [[Cell]] = []
    for row in 0..<frame.rowCount {
      for (i, column) in columns.enumerated() {
        var cells: [Cell] = []
        if group != nil { cells.append(.value(frame.columns[0].value(at: row))) }
        cells.append(.text(column.name))
        cells.append(
          contentsOf: Workspace.statsCells(frame, row: row, measure: i, isInt: column.type == .int))
        rows.append(cells)
      }
    }
    // Every chosen row is in exactly one group (the key is never a list), so the groups' rows add up.
    var chosen = 0
    for row in 0..<frame.rowCount {
      if case .int(let n) = frame.value("rows", at: row) { chosen += Int(n) }
    }
    return ResultTable(columns: header, rows: rows, footer: "\(Figures.rows(chosen)) of \(label)")
  }

  /// count, mean, median, p25, p75, min, max, sum of the i-th measured column of a `summarize` frame;
  /// blank where there are no values.
  static func statsCells(_ frame: Frame, row: Int, measure i: Int, isInt: Bool) -> [Cell] {
    let blank = Cell.text("")
    func figure(_ f: SummaryFigure) -> Double? {
      guard case .double(let x) = frame.value(Operation.summaryColumn(f, of: i), at: row) else { return nil }
      return x
    }
    func value(_ x: Double?) -> Cell {
      guard let x else { return blank }
      // A whole figure past Int64 (a sum, or Int64.max rounded up as a Double) stays a decimal.
      if isInt, let whole = Int64(exactly: x) { return .value(.int(whole)) }
      return .value(.double(x))
    }
    guard case .int(let count) = frame.value(Operation.summaryColumn(.count, of: i), at: row) else {
      return []
    }
    var cells: [Cell] = [.count(Int(count))]
    for f in [SummaryFigure.mean] + statsQuantiles.indices.map({ .quantile($0) }) {
      cells.append(figure(f).map { .number($0, decimals: 2) } ?? blank)
    }
    cells.append(value(figure(.min)))
    cells.append(value(figure(.max)))
    if let sum = figure(.sum) {
      cells.append(isInt ? value(sum) : .number(sum, decimals: 2))
    } else {
      cells.append(blank)
    }
    return cells
  }
}

/// Count, sum, mean and quantiles of a numeric column over chosen rows, nulls left out: one group of
/// Columnar's grouped aggregates, for callers that need a single column's figures.
struct NumericSummary {
  private let column: Column
  private let rows: Bitmap?
  private let figures: NumericAggregates

  /// - Complexity: O(n) over the column.
  init(_ column: Column, rows: Bitmap?) {
    self.column = column
    self.rows = rows
    figures =
      column.numericAggregates(
        groups: nil, groupCount: 1, rows: rows, quantiles: Workspace.statsQuantiles)[0]
  }

  var count: Int { figures.count }
  var sum: Double { figures.sum }
  var min: Double? { figures.min }
  var max: Double? { figures.max }
  var mean: Double? { figures.mean }

  /// The continuous quantile (as DuckDB's `quantile_cont`).
  func quantile(_ q: Double) -> Double? {
    if let i = Workspace.statsQuantiles.firstIndex(of: q) { return figures.quantiles[i] }
    return column.numericAggregates(groups: nil, groupCount: 1, rows: rows, quantiles: [q])[0].quantiles[0]
  }
}
