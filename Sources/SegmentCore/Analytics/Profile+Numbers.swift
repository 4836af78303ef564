import Columnar

extension ProfileScope {
  /// Whether a column is profiled by mean and median: numbers, dates and timestamps.
  static func isNumeric(_ column: Column) -> Bool {
    switch column.type {
    case .int, .double, .date, .timestamp: return true
    default: return false
    }
  }

  /// The profile line of a number, date or timestamp column: mean and median in the segment and in the
  /// base, their differences, and Welch's z for the segment's mean against the other group's (the rest
  /// of the table, or the comparison segment). Dates are measured in days.
  /// - Complexity: O(n / 64 + chosen rows) per group: quantiles come from the grouped aggregates kernel,
  ///   variances from one more pass.
  func numberLine(_ column: Column, position: Int) -> ProfileLine {
    // Dates and timestamps are whole numbers underneath; viewing them as Int columns shares the buffers.
    let view: Column
    var unit = 1.0
    switch column.storage {
    case .date(let days):
      view = Column(name: column.name, storage: .int(.int32(days)), validity: column.validity)
    case .timestamp(let seconds):
      view = Column(name: column.name, storage: .int(.int64(seconds)), validity: column.validity)
      unit = 86_400
    default: view = column
    }
    let segmentFigures = view.numericAggregates(groups: nil, groupCount: 1, rows: segment, quantiles: [0.5])[
      0]
    let baseFigures = view.numericAggregates(groups: nil, groupCount: 1, rows: base, quantiles: [0.5])[0]
    let shift = baseFigures.mean ?? 0
    let segmentSquares = Self.squares(view, rows: segment, shift: shift)
    let baseSquares = Self.squares(view, rows: base, shift: shift)
    let sample1 = Moments(
      count: segmentFigures.count, sum: segmentFigures.sum, squares: segmentSquares, shift: shift)
    var sample2 = Moments(count: baseFigures.count, sum: baseFigures.sum, squares: baseSquares, shift: shift)
    if comparison == nil {
      // The rest of the table is the base without the segment.
      sample2 = Moments(
        count: baseFigures.count - segmentFigures.count, sum: baseFigures.sum - segmentFigures.sum,
        squares: baseSquares - segmentSquares, shift: shift)
    }
    let z = ProfileStatistics.welchZ(
      mean1: sample1.mean, variance1: sample1.variance, count1: sample1.count, mean2: sample2.mean,
      variance2: sample2.variance, count2: sample2.count)
    let small = min(sample1.count, sample2.count) < ProfileStatistics.smallCount
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
    let m1 = segmentFigures.mean
    let m2 = baseFigures.mean
    let q1 = segmentFigures.quantiles[0]
    let q2 = baseFigures.quantiles[0]
    let index = !isTime ? m1.flatMap { a in m2.flatMap { $0 > 0 && a >= 0 ? 100 * a / $0 : nil } } : nil
    let cells: [Cell] = [
      .text(column.name), .count(segmentFigures.count), show(m1), show(m2), difference(m1, m2), show(q1),
      show(q2),
      difference(q1, q2), z.map { .number($0, decimals: 1) } ?? .text(""),
      .text(small ? ProfileLine.smallMarker : ""),
    ]
    let finding = ProfileFinding(
      column: column.name,
      kind: .number(
        mean: Renderer.displayText(cells[2]), baseMean: Renderer.displayText(cells[3]),
        higher: (m1 ?? 0) > (m2 ?? 0), isTime: isTime),
      count: segmentFigures.count, isSmall: small)
    return ProfileLine(cells: cells, finding: finding, z: z, index: index, position: (position, 0))
  }

  /// The sum of (x − shift)² over the chosen non-null rows; shifting by the base's mean keeps the
  /// variance free of cancellation.
  static func squares(_ column: Column, rows: Bitmap?, shift: Double) -> Double {
    let valid = column.validRows(within: rows)
    switch column.storage {
    case .int(.int8(let a)): return squares(a, valid, shift) { Double($0) }
    case .int(.int16(let a)): return squares(a, valid, shift) { Double($0) }
    case .int(.int32(let a)): return squares(a, valid, shift) { Double($0) }
    case .int(.int64(let a)): return squares(a, valid, shift) { Double($0) }
    case .double(let a): return squares(a, valid, shift) { $0 }
    default: return 0
    }
  }

  private static func squares<T>(_ values: [T], _ valid: Bitmap?, _ shift: Double, _ read: (T) -> Double)
    -> Double
  {
    var total = 0.0
    values.withUnsafeBufferPointer { v in
      if let valid {
        valid.forEachSetBit { row in
          let d = read(v[row]) - shift
          total += d * d
        }
      } else {
        for x in v {
          let d = read(x) - shift
          total += d * d
        }
      }
    }
    return total
  }

  /// Whether a whole-number column looks like a row number: every value distinct and the values dense
  /// (a range at most twice the count), so that small tables of ordinary numbers are still profiled.
  /// - Complexity: O(n).
  static func isDenseDistinct(_ column: Column) -> Bool {
    let figures = column.numericAggregates(groups: nil, groupCount: 1, rows: nil, quantiles: [])[0]
    guard let lo = figures.min, let hi = figures.max, figures.count > 1,
      hi - lo + 1 <= 2 * Double(figures.count)
    else { return false }
    var seen = Bitmap(count: Int(hi - lo) + 1, allSet: false)
    guard case .int(let buffer) = column.storage else { return false }
    for row in 0..<column.count where !column.isNull(row) {
      let slot = Int(buffer[row] - Int64(lo))
      if seen[slot] { return false }
      seen[slot] = true
    }
    return true
  }
}

/// Count, mean and sample variance of a group, from sums taken about a shift.
struct Moments {
  var count: Int
  /// The plain sum of the values.
  var sum: Double
  /// The sum of (x − shift)².
  var squares: Double
  var shift: Double

  var mean: Double { count == 0 ? 0 : sum / Double(count) }

  /// The sample variance: (Σ(x − s)² − n(m − s)²) / (n − 1), never below 0.
  var variance: Double {
    guard count > 1 else { return 0 }
    let d = mean - shift
    return max(0, (squares - Double(count) * d * d) / Double(count - 1))
  }
}
