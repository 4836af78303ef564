import Columnar

/// One group's figures of a number, date or timestamp column, as the engine measured them
/// (`Operation.summarize` with the median and the variance): dates in days, timestamps in seconds.
struct MeasuredGroup {
  /// The group's non-null values.
  var count: Int
  var mean: Double?
  var median: Double?
  /// The sample variance; nil under two values.
  var variance: Double?

  /// The figures of the i-th measured column in a one-row `summarize` frame.
  init(_ frame: Frame, column i: Int) {
    let figure = { (f: SummaryFigure) in frame.double(Operation.summaryColumn(f, of: i), at: 0) }
    count = frame.integer(Operation.summaryColumn(.count, of: i))
    mean = figure(.mean)
    median = figure(.quantile(0))
    variance = figure(.variance)
  }

  private init(count: Int, mean: Double?, variance: Double?) {
    self.count = count
    self.mean = mean
    self.variance = variance
  }

  /// The figures of this group's rows less those of `part`, a subset of them (the rest of a table
  /// outside a segment): counts and sums subtract, and the squares about the mean by the parallel-axis
  /// rule, SS(rest) = SS(all) − SS(part) − n(part)·(m(part) − m(all))² − n(rest)·(m(rest) − m(all))².
  /// No median: the rest is only tested against.
  func without(_ part: MeasuredGroup) -> MeasuredGroup {
    let n = count - part.count
    guard n > 0, let mean, let partMean = part.count > 0 ? part.mean : mean else {
      return MeasuredGroup(count: max(0, n), mean: nil, variance: nil)
    }
    let restMean = (mean * Double(count) - partMean * Double(part.count)) / Double(n)
    guard n > 1 else { return MeasuredGroup(count: n, mean: restMean, variance: nil) }
    let squares = { (g: MeasuredGroup) in (g.variance ?? 0) * Double(max(0, g.count - 1)) }
    let own =
      squares(self) - squares(part) - Double(part.count) * (partMean - mean) * (partMean - mean)
      - Double(n) * (restMean - mean) * (restMean - mean)
    return MeasuredGroup(count: n, mean: restMean, variance: max(0, own) / Double(n - 1))
  }
}

extension ProfileScope {
  /// Whether a column is profiled by mean and median: numbers, dates and timestamps.
  static func isNumeric(_ type: ColumnType) -> Bool {
    switch type {
    case .int, .double, .date, .timestamp: return true
    default: return false
    }
  }

  /// The profile line of a number, date or timestamp column: mean and median in the segment and in the
  /// base, their differences, and Welch's z for the segment's mean against the other group's (the rest
  /// of the table, or the comparison segment). Dates are measured in days.
  func numberLine(
    _ column: ColumnSchema, position: Int, segment: MeasuredGroup, base: MeasuredGroup, other: MeasuredGroup
  ) -> ProfileLine {
    let unit = column.type == .timestamp ? 86_400.0 : 1
    let z = ProfileStatistics.welchZ(
      mean1: segment.mean ?? 0, variance1: segment.variance ?? 0, count1: segment.count,
      mean2: other.mean ?? 0, variance2: other.variance ?? 0, count2: other.count)
    let small = min(segment.count, other.count) < ProfileStatistics.smallCount
    let isTime = column.type == .date || column.type == .timestamp
    let show = { (x: Double?) -> Cell in
      guard let x else { return .text("") }
      switch column.type {
      case .date: return .text(CivilDate.format(days: Int32((x).rounded(.down))))
      case .timestamp: return .text(CivilDate.formatTimestamp(Int64(x.rounded(.down))))
      default: return .number(x, decimals: 2)
      }
    }
    let difference = { (a: Double?, b: Double?) -> Cell in
      guard let a, let b else { return .text("") }
      let d = (a - b) / unit
      return isTime
        ? .text("\(d > 0 ? "+" : "")\(Figures.fixed(d, decimals: 1)) days") : .number(d, decimals: 2)
    }
    let m1 = segment.mean
    let m2 = base.mean
    let q1 = segment.median
    let q2 = base.median
    let index = !isTime ? m1.flatMap { a in m2.flatMap { $0 > 0 && a >= 0 ? 100 * a / $0 : nil } } : nil
    let cells: [Cell] = [
      .text(column.name), .count(segment.count), show(m1), show(m2), difference(m1, m2), show(q1),
      show(q2),
      difference(q1, q2), z.map { .number($0, decimals: 1) } ?? .text(""),
      .text(small ? ProfileLine.smallMarker : ""),
    ]
    let finding = ProfileFinding(
      column: column.name,
      kind: .number(
        mean: Renderer.displayText(cells[2]), baseMean: Renderer.displayText(cells[3]),
        higher: (m1 ?? 0) > (m2 ?? 0), isTime: isTime),
      count: segment.count, isSmall: small)
    return ProfileLine(cells: cells, finding: finding, z: z, index: index, position: (position, 0))
  }
}
