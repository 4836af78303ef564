import Columnar

extension Workspace {
  /// The quantiles `stats` reports: median, p25, p75 (continuous, as DuckDB's `quantile_cont`).
  static let statsQuantiles = [0.5, 0.25, 0.75]

  func stats(_ command: StatsCommand) throws(EvalError) -> ResultTable {
    let selection = try select(command.source)
    var columns: [Column] = []
    for name in command.columns {
      let column = try resolveColumn(name, in: selection.table)
      guard column.type.isNumeric else {
        throw EvalError(
          .unsupported("stats needs numbers; \(column.name) is \(column.type.displayName)"), at: name.range)
      }
      columns.append(column)
    }
    var header: [ResultColumn] = []
    // One pass per column computes every group's figures (Columnar's grouped aggregates kernel).
    var index: GroupIndex?
    var order: [Int] = [0]
    if let by = command.group {
      let column = try resolveColumn(by, in: selection.table)
      guard column.type != .list else {
        throw EvalError(
          .unsupported("stats cannot group by a list column; use count by \(column.name)"), at: by.range)
      }
      let groups = column.groupIndex()
      order = Workspace.groupsBySize(groups, in: selection)
      index = groups
      header.append(ResultColumn(column.name))
    }
    header.append(ResultColumn("column"))
    for name in ["count", "mean", "median", "p25", "p75", "min", "max", "sum"] {
      header.append(ResultColumn(name, alignment: .right))
    }
    let figures = columns.map { column in
      column.numericAggregates(
        groups: index?.keys, groupCount: index?.values.count ?? 1, rows: selection.mask,
        quantiles: Workspace.statsQuantiles)
    }
    var rows: [[Cell]] = []
    for group in order {
      for (c, column) in columns.enumerated() {
        var row: [Cell] = []
        if let index { row.append(.value(index.values[group])) }
        row.append(.text(column.name))
        row.append(contentsOf: Workspace.statsCells(figures[c][group], isInt: column.type == .int))
        rows.append(row)
      }
    }
    return ResultTable(
      columns: header, rows: rows, footer: "\(Figures.rows(selection.count)) of \(selection.label)")
  }

  /// Groups that hold chosen rows, largest first, equal sizes in value order (nulls last).
  static func groupsBySize(_ index: GroupIndex, in selection: RowSelection) -> [Int] {
    var sizes = [Int](repeating: 0, count: index.values.count)
    index.keys.withUnsafeBufferPointer { keys in selection.forEachRow { sizes[Int(keys[$0])] += 1 } }
    return sizes.indices.filter { sizes[$0] > 0 }.sorted {
      sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1
    }
  }

  /// count, mean, median, p25, p75, min, max, sum; blank where there are no values.
  static func statsCells(_ a: NumericAggregates, isInt: Bool) -> [Cell] {
    let blank = Cell.text("")
    func value(_ x: Double?) -> Cell {
      guard let x else { return blank }
      return .value(isInt ? .int(Int64(x)) : .double(x))
    }
    var cells: [Cell] = [.count(a.count)]
    for figure in [a.mean] + a.quantiles { cells.append(figure.map { .number($0, decimals: 2) } ?? blank) }
    cells.append(value(a.min))
    cells.append(value(a.max))
    if a.count == 0 {
      cells.append(blank)
    } else {
      cells.append(isInt ? .value(.int(Int64(a.sum))) : .number(a.sum, decimals: 2))
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
