import Columnar

extension Workspace {
  /// Bins shown when `histogram` has no `bins`.
  static let defaultBins = 10
  /// Categories shown before the rest are summed as "(other)".
  static let maxCategories = 20

  /// `histogram c [in SEG] [bins N]`: `bins` for numbers and dates, `countBy` for categories.
  func histogram(_ command: HistogramCommand) throws(EvalError) -> ResultTable {
    let (relation, label) = try self.relation(command.source)
    let column = try Binder(workspace: self, table: try catalogSchema(of: relation.table)).column(
      command.column)
    let bins = command.bins ?? Workspace.defaultBins
    var labeled: [(String, Int)] = []
    switch column.type {
    case .int, .double, .date, .timestamp:
      let frame = try execute(Query(.bins(column.name, count: bins), over: relation))
      // Whole-number bins are one value wide exactly when the first (always full) bin is.
      let single = frame.rowCount > 0 && frame.columns[0].value(at: 0) == frame.columns[1].value(at: 0)
      for row in 0..<frame.rowCount {
        guard case .int(let n) = frame.columns[2].value(at: row) else { continue }
        let (start, end) = (frame.columns[0].value(at: row), frame.columns[1].value(at: row))
        labeled.append((Histogram.label(start, end, single: single, last: row == frame.rowCount - 1), Int(n)))
      }
    case .string, .bool, .list:
      let frame = try execute(Query(.countBy([column.name]), over: relation))
      var groups: [(value: Value, count: Int)] = []
      for row in 0..<frame.rowCount {
        let value = frame.columns[0].value(at: row)
        if value != .null, case .int(let n) = frame.columns[1].value(at: row) {
          groups.append((value, Int(n)))
        }
      }
      labeled = groups.prefix(Workspace.maxCategories).map { (Figures.text($0.value), $0.count) }
      let rest = groups.dropFirst(Workspace.maxCategories).reduce(0) { $0 + $1.count }
      if rest > 0 { labeled.append(("(other)", rest)) }
    }
    let sizes = try execute(Query(.countWhere([.isNull(column.name, negated: false)]), over: relation))
    let nulls = sizes.integer("n.0")
    if nulls > 0 { labeled.append(("(null)", nulls)) }
    let total = sizes.integer("rows")
    let largest = labeled.map(\.1).max() ?? 0
    let rows: [[Cell]] = labeled.map { label, n in
      [
        .text(label), .count(n), .share(total == 0 ? 0 : Double(n) / Double(total)),
        .text(Histogram.bar(n, of: largest)),
      ]
    }
    return ResultTable(
      title: "\(column.name) in \(label)",
      columns: [
        ResultColumn(
          column.type == .string || column.type == .bool || column.type == .list ? "value" : "bin"),
        ResultColumn("count", alignment: .right), ResultColumn("share", alignment: .right),
        ResultColumn("", isDecoration: true),
      ], rows: rows,
      footer: Figures.rows(total) + (column.type == .list ? "; a row counts once per item" : ""),
      chart: .bars(labels: [0], value: 1, note: 2))
  }
}

/// Bin labels and bars for `histogram`.
enum Histogram {
  static let barWidth = 30

  /// A bar of eighth-blocks, `n` in proportion to `largest`.
  static func bar(_ n: Int, of largest: Int) -> String {
    guard largest > 0, n > 0 else { return "" }
    let eighths = max(1, Int((Double(n) / Double(largest) * Double(barWidth * 8)).rounded()))
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
  }

  /// A bin's label: `lo – hi` for whole numbers and dates (just the value when bins are one value
  /// wide), `[lo, hi)` for decimals, the last bin closed: `[lo, hi]`.
  static func label(_ start: Value, _ end: Value, single: Bool, last: Bool) -> String {
    if case .double(let lo) = start, case .double(let hi) = end {
      return "[\(Figures.fixed(lo, decimals: 2)), \(Figures.fixed(hi, decimals: 2))\(last ? "]" : ")")"
    }
    return single ? Figures.text(start) : "\(Figures.text(start)) – \(Figures.text(end))"
  }
}
