import Columnar
import SegmentPlan

/// Count, sum, mean, extremes and quantiles of number columns, per group (`Operation.summarize`).
enum Summarizer {
  /// - Complexity: one pass per measured column for all groups (Columnar's grouped aggregates kernel),
  ///   plus O(n log n) to number the groups.
  static func frame(
    _ table: Table, chosen: Chosen, columns names: [String], by: String?, quantiles: [Double]
  ) throws(EngineError) -> Frame {
    var measured: [Column] = []
    for name in names {
      let column = try MemoryEngine.column(name, of: table)
      guard column.type.isNumeric else {
        throw EngineError(.unsupported("\(column.name) is \(column.type.displayName), not a number"))
      }
      measured.append(column)
    }
    var index: GroupIndex?
    var keyColumn: Column?
    var order = [0]
    var sizes = [chosen.mask?.popcount() ?? chosen.rowCount]
    if let by {
      let column = try MemoryEngine.column(by, of: table)
      guard column.type != .list else {
        throw EngineError(.unsupported("cannot group by list \(column.name)"))
      }
      let groups = column.groupIndex()
      sizes = [Int](repeating: 0, count: groups.values.count)
      groups.keys.withUnsafeBufferPointer { keys in chosen.forEachRow { sizes[Int(keys[$0])] += 1 } }
      order = sizes.indices.filter { sizes[$0] > 0 }.sorted {
        sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1
      }
      index = groups
      keyColumn = column
    }
    var frame: [Column] = []
    if let index, let keyColumn {
      frame.append(Column.of(keyColumn.name, type: keyColumn.type, order.map { index.values[$0] }))
    }
    frame.append(Column.int("rows", order.map { Int64(sizes[$0]) }))
    for (i, column) in measured.enumerated() {
      let figures = column.numericAggregates(
        groups: index?.keys, groupCount: index?.values.count ?? 1, rows: chosen.mask, quantiles: quantiles)
      let chosenFigures = order.map { figures[$0] }
      frame.append(Column.int(Operation.summaryColumn(.count, of: i), chosenFigures.map { Int64($0.count) }))
      frame.append(
        Column.double(
          Operation.summaryColumn(.sum, of: i), chosenFigures.map { $0.count == 0 ? nil : $0.sum }))
      frame.append(Column.double(Operation.summaryColumn(.mean, of: i), chosenFigures.map(\.mean)))
      frame.append(Column.double(Operation.summaryColumn(.min, of: i), chosenFigures.map(\.min)))
      frame.append(Column.double(Operation.summaryColumn(.max, of: i), chosenFigures.map(\.max)))
      for j in quantiles.indices {
        frame.append(
          Column.double(Operation.summaryColumn(.quantile(j), of: i), chosenFigures.map { $0.quantiles[j] }))
      }
    }
    return Frame(columns: frame)
  }
}
