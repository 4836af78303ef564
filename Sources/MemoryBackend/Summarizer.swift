import Columnar
import SegmentPlan

/// Count, sum, mean, extremes, quantiles and variance of number, date and timestamp columns, per group
/// (`Operation.summarize`).
enum Summarizer {
  /// - Complexity: one pass per measured column for all groups (Columnar's grouped aggregates kernel),
  ///   one more for variances, plus O(n log n) to number the groups.
  static func frame(
    _ table: Table, chosen: Chosen, columns names: [String], by: String?, quantiles: [Double], variance: Bool,
    wholeDays: Bool = false
  ) throws(EngineError) -> Frame {
    var measured: [Column] = []
    for name in names {
      let column = try MemoryEngine.column(name, of: table)
      guard let view = measurable(column, wholeDays: wholeDays) else {
        throw EngineError(.unsupported("\(column.name) is \(column.type.displayName), not a number"))
      }
      measured.append(view)
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
      if variance {
        let spread = variances(
          column, groups: index?.keys, means: figures.map { $0.mean ?? 0 }, counts: figures.map(\.count),
          chosen: chosen)
        frame.append(Column.double(Operation.summaryColumn(.variance, of: i), order.map { spread[$0] }))
      }
    }
    return Frame(columns: frame)
  }

  /// The column as numbers: itself for numbers, a date's day numbers or a timestamp's seconds (its
  /// day's number when `wholeDays`) as whole numbers (sharing the buffers); nil for anything else.
  private static func measurable(_ column: Column, wholeDays: Bool) -> Column? {
    switch column.storage {
    case .int, .double: return column
    case .date(let days):
      return Column(name: column.name, storage: .int(.int32(days)), validity: column.validity)
    case .timestamp(let seconds) where wholeDays:
      let days = seconds.map { CivilDate.splitTimestamp($0).days }
      return Column(name: column.name, storage: .int(.int32(days)), validity: column.validity)
    case .timestamp(let seconds):
      return Column(name: column.name, storage: .int(.int64(seconds)), validity: column.validity)
    default: return nil
    }
  }

  /// Each group's sample variance, Σ(x − mean)² / (n − 1) over its non-null chosen values, taken about
  /// the group's own mean so that large values do not cancel; nil for a group under two values.
  /// - Complexity: O(chosen rows).
  private static func variances(
    _ column: Column, groups: [UInt32]?, means: [Double], counts: [Int], chosen: Chosen
  ) -> [Double?] {
    var squares = [Double](repeating: 0, count: means.count)
    // The non-null chosen rows, visited once; one group needs no group lookup per row.
    let rows = Chosen(rowCount: column.count, mask: column.validRows(within: chosen.mask))
    func add<T>(_ values: [T], _ read: (T) -> Double) {
      values.withUnsafeBufferPointer { v in
        squares.withUnsafeMutableBufferPointer { s in
          if let groups {
            groups.withUnsafeBufferPointer { g in
              rows.forEachRow { row in
                let k = Int(g[row])
                let d = read(v[row]) - means[k]
                s[k] += d * d
              }
            }
          } else {
            let mean = means[0]
            var total = 0.0
            rows.forEachRow { row in
              let d = read(v[row]) - mean
              total += d * d
            }
            s[0] = total
          }
        }
      }
    }
    switch column.storage {
    case .int(.int8(let a)): add(a) { Double($0) }
    case .int(.int16(let a)): add(a) { Double($0) }
    case .int(.int32(let a)): add(a) { Double($0) }
    case .int(.int64(let a)): add(a) { Double($0) }
    case .double(let a): add(a) { $0 }
    default: break
    }
    return squares.indices.map { counts[$0] > 1 ? squares[$0] / Double(counts[$0] - 1) : nil }
  }
}
