import Columnar

extension Workspace {
  func stats(_ command: StatsCommand) throws(EvalError) -> ResultTable {
    let selection = try select(command.source)
    var columns: [(Name, Column)] = []
    for name in command.columns {
      let column = try resolveColumn(name, in: selection.table)
      guard column.type == .int || column.type == .double else {
        throw EvalError(
          .unsupported("stats needs numbers; \(column.name) is \(column.type.displayName)"), at: name.range)
      }
      columns.append((name, column))
    }
    var groups: [(label: Value?, mask: Bitmap?)] = [(nil, nil)]
    var groupColumn: Column?
    if let by = command.group {
      let column = try resolveColumn(by, in: selection.table)
      guard column.type != .list else {
        throw EvalError(
          .unsupported("stats cannot group by a list column; use count by \(column.name)"), at: by.range)
      }
      groupColumn = column
      let index = column.groupIndex()
      groups = try GroupCounter.count(selection, by: [column]).map { group in
        let key = group.keys[0]
        let mask = Bitmap.from(index.keys) { $0 == key }
        return (group.values[0], selection.mask.map { $0 & mask } ?? mask)
      }
    }
    var header: [ResultColumn] = []
    if let groupColumn { header.append(ResultColumn(groupColumn.name)) }
    header.append(ResultColumn("column"))
    for name in ["count", "mean", "median", "p25", "p75", "min", "max", "sum"] {
      header.append(ResultColumn(name, alignment: .right))
    }
    var rows: [[Cell]] = []
    for group in groups {
      let mask = group.mask ?? selection.mask
      for (_, column) in columns {
        let summary = NumericSummary(column, rows: mask)
        var row: [Cell] = []
        if let label = group.label { row.append(.value(label)) }
        row.append(.text(column.name))
        row.append(.count(summary.count))
        let decimals = 2
        for figure in [summary.mean, summary.quantile(0.5), summary.quantile(0.25), summary.quantile(0.75)] {
          row.append(figure.map { .number($0, decimals: decimals) } ?? .text(""))
        }
        row.append(
          summary.min.map { .value(column.type == .int ? .int(Int64($0)) : .double($0)) } ?? .text(""))
        row.append(
          summary.max.map { .value(column.type == .int ? .int(Int64($0)) : .double($0)) } ?? .text(""))
        row.append(
          summary.count == 0
            ? .text("")
            : column.type == .int ? .value(.int(Int64(summary.sum))) : .number(summary.sum, decimals: 2))
        rows.append(row)
      }
    }
    return ResultTable(
      columns: header, rows: rows, footer: "\(Figures.rows(selection.count)) of \(selection.label)")
  }
}

/// Count, sum, mean and quantiles of a numeric column over chosen rows, nulls left out.
struct NumericSummary {
  var count = 0
  var sum = 0.0
  var min: Double?
  var max: Double?
  private var sorted: [Double] = []

  /// - Complexity: O(k log k) for the k chosen non-null rows.
  init(_ column: Column, rows mask: Bitmap?) {
    var values: [Double] = []
    values.reserveCapacity(mask?.popcount() ?? column.count)
    let read: (Int) -> Double
    switch column.storage {
    case .int(let buffer): read = { Double(buffer[$0]) }
    case .double(let a): read = { a[$0] }
    default: return
    }
    if let mask {
      mask.forEachSetBit { row in if !column.isNull(row) { values.append(read(row)) } }
    } else {
      for row in 0..<column.count where !column.isNull(row) { values.append(read(row)) }
    }
    values.sort()
    count = values.count
    // Kahan summation keeps sums of money exact to the cent over a million rows.
    var total = 0.0
    var compensation = 0.0
    for v in values {
      let y = v - compensation
      let t = total + y
      compensation = (t - total) - y
      total = t
    }
    sum = total
    min = values.first
    max = values.last
    sorted = values
  }

  var mean: Double? { count == 0 ? nil : sum / Double(count) }

  /// The continuous quantile (linear interpolation between closest ranks), as DuckDB's `quantile_cont`.
  func quantile(_ q: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = Swift.min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }
}
