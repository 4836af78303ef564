import Columnar

/// Per named RFM segment: size, revenue and mean recency, for the table `rfm` prints.
struct RFMSummary {
  /// Per segment of `RFMSegment.all`: members, sum of the monetary column, sum of recency days.
  var sizes: [Int]
  var revenue: [Double]
  var recencyDays: [Double]

  /// The table's rows, scored or not.
  var tableRows = 0
  /// The rows that have scores.
  var scoredCount: Int { sizes.reduce(0, +) }

  /// Adds up the groups of a `summarize` of the monetary and the recency column (in that order, a
  /// timestamp in whole days) by the `rfm` column: each score combination goes to its segment.
  /// - Parameter recencyAsOf: the day recency counts to for a date or timestamp column; nil for a
  ///   column that already holds days.
  init(frame: Frame, recencyAsOf: Int32?) {
    let k = RFMSegment.all.count
    sizes = [Int](repeating: 0, count: k)
    revenue = [Double](repeating: 0, count: k)
    recencyDays = [Double](repeating: 0, count: k)
    let money = Operation.summaryColumn(.sum, of: 0)
    let recency = Operation.summaryColumn(.sum, of: 1)
    for row in 0..<frame.rowCount {
      let rows = frame.integer("rows", at: row)
      tableRows += rows
      guard case .string(let combination) = frame.value("rfm", at: row) else { continue }
      let digits = combination.utf8.map { UInt8($0 - UInt8(ascii: "0")) }
      let s = RFMSegment.index(r: digits[0], f: digits[1], m: digits[2])
      sizes[s] += rows
      revenue[s] += frame.double(money, at: row) ?? 0
      let days = frame.double(recency, at: row) ?? 0
      // Days since, summed: the as-of day once per row, less the sum of the rows' day numbers.
      recencyDays[s] += recencyAsOf.map { Double(rows) * Double($0) - days } ?? days
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
