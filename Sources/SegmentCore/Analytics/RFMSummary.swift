import Columnar

/// Per named RFM segment: size, revenue and mean recency, for the table `rfm` prints.
struct RFMSummary {
  /// Per segment of `RFMSegment.all`: members, sum of the monetary column, sum of recency days.
  var sizes: [Int]
  var revenue: [Double]
  var recencyDays: [Double]

  /// Adds up the scored rows of each segment.
  /// - Parameters:
  ///   - recencyAsOf: the day recency counts to for a date or timestamp column; nil for a column that
  ///     already holds days.
  /// - Complexity: O(n).
  init(scores: RFMScores, recency: Column, monetary: Column, recencyAsOf: Int32?) {
    let k = RFMSegment.all.count
    sizes = [Int](repeating: 0, count: k)
    revenue = [Double](repeating: 0, count: k)
    recencyDays = [Double](repeating: 0, count: k)
    let money = RFMSummary.numbers(monetary)
    let days = RFMSummary.days(recency, asOf: recencyAsOf)
    for row in 0..<scores.segment.count where scores.segment[row] != RFMScores.unscored {
      let s = Int(scores.segment[row])
      sizes[s] += 1
      revenue[s] += money[row]
      recencyDays[s] += days[row]
    }
  }

  /// A number column's values as doubles (nulls hold 0).
  private static func numbers(_ column: Column) -> [Double] {
    switch column.storage {
    case .int(.int8(let a)): return a.map { Double($0) }
    case .int(.int16(let a)): return a.map { Double($0) }
    case .int(.int32(let a)): return a.map { Double($0) }
    case .int(.int64(let a)): return a.map { Double($0) }
    case .double(let a): return a
    default: return [Double](repeating: 0, count: column.count)
    }
  }

  /// Days from each row's date to `asOf`, or a number column's own values (already days).
  private static func days(_ column: Column, asOf: Int32?) -> [Double] {
    let end = Int64(asOf ?? 0)
    switch column.storage {
    case .date(let a): return a.map { Double(end - Int64($0)) }
    case .timestamp(let a):
      return a.map { Double(end - Int64(CivilDate.splitTimestamp($0).days)) }
    default: return numbers(column)
    }
  }

  /// The result table: one row per segment, in `RFMSegment.all` order, named by `segmentNames`.
  func table(revenueDecimals: Int, recencyHeader: String, segmentNames: [String]) -> ResultTable {
    let scored = sizes.reduce(0, +)
    let total = revenue.reduce(0, +)
    let rows: [[Cell]] = RFMSegment.all.indices.map { s in
      [
        .text(segmentNames[s]), .text(RFMSegment.all[s].rule), .count(sizes[s]),
        .share(scored == 0 ? 0 : Double(sizes[s]) / Double(scored)),
        .number(revenue[s], decimals: revenueDecimals),
        .share(total <= 0 ? 0 : revenue[s] / total),
        sizes[s] == 0 ? .text("") : .number(recencyDays[s] / Double(sizes[s]), decimals: 1),
      ]
    }
    return ResultTable(
      columns: [
        ResultColumn("segment"), ResultColumn("rule"), ResultColumn("customers", alignment: .right),
        ResultColumn("share", alignment: .right), ResultColumn("revenue", alignment: .right),
        ResultColumn("revenue share", alignment: .right), ResultColumn(recencyHeader, alignment: .right),
      ], rows: rows, chart: .rfmGrid(cells: RFMSegment.grid, name: 0, customers: 2, revenueShare: 5))
  }
}
