import Columnar

/// A parsed `trend SEG by PERIOD of c`.
public struct TrendCommand: Sendable, Equatable {
  /// The segment (or table) whose rows are counted.
  public var source: Name
  /// The length of a period.
  public var period: TrendPeriod
  /// The date or timestamp column that places a row in a period.
  public var column: Name

  /// Creates a trend command.
  public init(source: Name, period: TrendPeriod, column: Name) {
    self.source = source
    self.period = period
    self.column = column
  }
}

/// The periods `trend` counts by. Each period has a whole-number key, consecutive periods having
/// consecutive keys, so that the empty periods between two others are simply the keys between.
public enum TrendPeriod: String, Sendable, Equatable, CaseIterable {
  /// ISO 8601 weeks, Monday to Sunday, labelled by ISO week-year: `2026-W05`.
  case week
  /// Calendar months: `2026-08`.
  case month
  /// Calendar quarters: `2026-Q3`.
  case quarter
  /// Calendar years: `2026`.
  case year

  /// The key of the period holding a day (days since 1970-01-01).
  func key(days: Int32) -> Int {
    switch self {
    case .week:
      // 1970-01-01 was a Thursday, so day −3 was a Monday: weeks start where (days + 3) is a multiple of 7.
      return TrendPeriod.floorDivide(Int(days) + 3, 7)
    case .month:
      let date = CivilDate.components(days: days)
      return date.year * 12 + date.month - 1
    case .quarter:
      let date = CivilDate.components(days: days)
      return date.year * 4 + (date.month - 1) / 3
    case .year:
      return CivilDate.components(days: days).year
    }
  }

  /// The label of a period key.
  func label(_ key: Int) -> String {
    switch self {
    case .week:
      // A week belongs to the ISO week-year of its Thursday; its number counts Thursdays in that year.
      let thursday = Int32(key * 7)
      let year = CivilDate.components(days: thursday).year
      let dayOfYear = Int(thursday - CivilDate.days(year: year, month: 1, day: 1)!)
      return "\(TrendPeriod.padded(year, 4))-W\(TrendPeriod.padded(dayOfYear / 7 + 1, 2))"
    case .month:
      let year = TrendPeriod.floorDivide(key, 12)
      return "\(TrendPeriod.padded(year, 4))-\(TrendPeriod.padded(key - year * 12 + 1, 2))"
    case .quarter:
      let year = TrendPeriod.floorDivide(key, 4)
      return "\(TrendPeriod.padded(year, 4))-Q\(key - year * 4 + 1)"
    case .year:
      return TrendPeriod.padded(key, 4)
    }
  }

  static func floorDivide(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  private static func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n.magnitude)
    return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

extension Workspace {
  /// How many of a segment's rows fall in each period of a date column, beside every row of the table
  /// in that period; the periods between the segment's first and last are all listed, empty or not.
  /// - Complexity: O(n): one pass over the table's dates and one over the segment's.
  func trend(_ command: TrendCommand) throws(EvalError) -> ResultTable {
    let selection = try select(RowSource(name: command.source))
    let column = try resolveColumn(command.column, in: selection.table)
    let day: (Int) -> Int32
    switch column.storage {
    case .date(let days): day = { days[$0] }
    case .timestamp(let seconds): day = { CivilDate.splitTimestamp(seconds[$0]).days }
    default:
      throw EvalError(
        .unsupported("trend needs a date column; \(column.name) is \(column.type.displayName)"),
        at: command.column.range)
    }
    let period = command.period
    var first = Int.max
    var last = Int.min
    var undated = 0
    selection.forEachRow { row in
      if column.isNull(row) {
        undated += 1
      } else {
        let key = period.key(days: day(row))
        first = min(first, key)
        last = max(last, key)
      }
    }
    let columns = [
      ResultColumn(period.rawValue), ResultColumn(command.source.text, alignment: .right),
      ResultColumn("all \(selection.table.name)", alignment: .right),
      ResultColumn("share", alignment: .right),
      ResultColumn("", isDecoration: true),
    ]
    let undatedNote = undated > 0 ? "; \(Figures.rows(undated)) with no \(column.name)" : ""
    guard first <= last else {
      return ResultTable(
        title: "\(selection.label) by \(period.rawValue) of \(column.name)", columns: columns, rows: [],
        footer: "no dated rows in \(selection.label)\(undatedNote)")
    }
    var counts = [Int](repeating: 0, count: last - first + 1)
    var all = counts
    selection.forEachRow { row in if !column.isNull(row) { counts[period.key(days: day(row)) - first] += 1 } }
    for row in 0..<selection.table.rowCount where !column.isNull(row) {
      let key = period.key(days: day(row))
      if key >= first && key <= last { all[key - first] += 1 }
    }
    let largest = counts.max() ?? 0
    let rows: [[Cell]] = counts.indices.map { i in
      [
        .text(period.label(first + i)), .count(counts[i]), .count(all[i]),
        .share(all[i] == 0 ? 0 : Double(counts[i]) / Double(all[i])),
        .text(Histogram.bar(counts[i], of: largest)),
      ]
    }
    return ResultTable(
      title: "\(selection.label) by \(period.rawValue) of \(column.name)", columns: columns, rows: rows,
      footer:
        "\(Figures.rows(selection.count - undated)) in \(counts.count) \(period.rawValue)s\(undatedNote); "
        + "share = of all \(selection.table.name) rows in the \(period.rawValue)")
  }
}
