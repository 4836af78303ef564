import Columnar

extension Workspace {
  /// Bins shown when `histogram` has no `bins`.
  static let defaultBins = 10
  /// Categories shown before the rest are summed as "(other)".
  static let maxCategories = 20

  func histogram(_ command: HistogramCommand) throws(EvalError) -> ResultTable {
    let selection = try select(command.source)
    let column = try resolveColumn(command.column, in: selection.table)
    let bins = command.bins ?? Workspace.defaultBins
    var labeled: [(String, Int)]
    var nulls = 0
    selection.forEachRow { if column.isNull($0) { nulls += 1 } }
    switch column.storage {
    case .int(let buffer):
      labeled = Histogram.integerBins(
        selection, column, bins: bins, read: { buffer[$0] }, label: { String($0) })
    case .date(let days):
      labeled = Histogram.integerBins(
        selection, column, bins: bins, read: { Int64(days[$0]) }, label: { CivilDate.format(days: Int32($0)) }
      )
    case .double(let values):
      labeled = Histogram.doubleBins(selection, column, bins: bins, values: values)
    case .timestamp(let seconds):
      labeled = Histogram.integerBins(
        selection, column, bins: bins,
        read: { Int64(CivilDate.splitTimestamp(seconds[$0]).days) },
        label: { CivilDate.format(days: Int32($0)) })
    case .string, .bool, .list:
      let frame = try execute(Query(.countBy([column.name]), over: try relation(command.source).0))
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
    if nulls > 0 { labeled.append(("(null)", nulls)) }
    let total = selection.count
    let largest = labeled.map(\.1).max() ?? 0
    let rows: [[Cell]] = labeled.map { label, n in
      [
        .text(label), .count(n), .share(total == 0 ? 0 : Double(n) / Double(total)),
        .text(Histogram.bar(n, of: largest)),
      ]
    }
    return ResultTable(
      title: "\(column.name) in \(selection.label)",
      columns: [
        ResultColumn(
          column.type == .string || column.type == .bool || column.type == .list ? "value" : "bin"),
        ResultColumn("count", alignment: .right), ResultColumn("share", alignment: .right),
        ResultColumn("", isDecoration: true),
      ], rows: rows,
      footer: Figures.rows(total) + (column.type == .list ? "; a row counts once per item" : ""))
  }
}

/// Binning and bars for `histogram`.
enum Histogram {
  static let barWidth = 30

  /// A bar of eighth-blocks, `n` in proportion to `largest`.
  static func bar(_ n: Int, of largest: Int) -> String {
    guard largest > 0, n > 0 else { return "" }
    let eighths = max(1, Int((Double(n) / Double(largest) * Double(barWidth * 8)).rounded()))
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
  }

  /// Equal-width bins of whole numbers (ints, days), labelled `lo-hi`; one bin per value when few.
  static func integerBins(
    _ selection: RowSelection, _ column: Column, bins: Int, read: (Int) -> Int64, label: (Int64) -> String
  ) -> [(String, Int)] {
    var lo = Int64.max
    var hi = Int64.min
    selection.forEachRow { row in
      if !column.isNull(row) {
        let v = read(row)
        lo = min(lo, v)
        hi = max(hi, v)
      }
    }
    guard lo <= hi else { return [] }
    let span = hi - lo + 1
    let width = max(1, (span + Int64(bins) - 1) / Int64(bins))
    let count = Int((span + width - 1) / width)
    var counts = [Int](repeating: 0, count: count)
    selection.forEachRow { row in
      if !column.isNull(row) { counts[Int((read(row) - lo) / width)] += 1 }
    }
    return counts.enumerated().map { i, n in
      let start = lo + Int64(i) * width
      let end = min(hi, start + width - 1)
      return (width == 1 ? label(start) : "\(label(start)) – \(label(end))", n)
    }
  }

  /// Equal-width bins of decimals between the minimum and the maximum, the last bin closed.
  static func doubleBins(_ selection: RowSelection, _ column: Column, bins: Int, values: [Double]) -> [(
    String, Int
  )] {
    var lo = Double.infinity
    var hi = -Double.infinity
    selection.forEachRow { row in
      if !column.isNull(row) {
        lo = min(lo, values[row])
        hi = max(hi, values[row])
      }
    }
    guard lo <= hi else { return [] }
    let n = lo == hi ? 1 : bins
    let width = (hi - lo) / Double(n)
    var counts = [Int](repeating: 0, count: n)
    selection.forEachRow { row in
      if !column.isNull(row) {
        let i = width == 0 ? 0 : Int((values[row] - lo) / width)
        counts[min(n - 1, max(0, i))] += 1
      }
    }
    return counts.enumerated().map { i, c in
      let start = lo + Double(i) * width
      let end = i == n - 1 ? hi : lo + Double(i + 1) * width
      let close = i == n - 1 ? "]" : ")"
      return ("[\(Figures.fixed(start, decimals: 2)), \(Figures.fixed(end, decimals: 2))\(close)", c)
    }
  }
}
