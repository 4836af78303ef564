/// One column's figures for `describe`: nulls, distinct values, range, centre and most frequent values.
public struct ColumnSummary: Sendable, Equatable {
  /// A value with how many rows hold it.
  public struct Frequency: Sendable, Equatable {
    /// The value.
    public var value: Value
    /// How many rows hold it (for lists: how many rows contain the item).
    public var count: Int
  }

  /// The number of null rows.
  public var nullCount: Int
  /// The number of distinct non-null values (for lists: distinct items).
  public var distinctCount: Int
  /// The smallest value, for numbers, dates and timestamps.
  public var min: Value?
  /// The largest value, for numbers, dates and timestamps.
  public var max: Value?
  /// The mean, for numbers.
  public var mean: Double?
  /// The median (the mean of the two middle values when there is an even number), for numbers and dates.
  public var median: Value?
  /// The most frequent values, most frequent first, ties in value order; for text, bools and lists.
  public var topValues: [Frequency]
}

extension Column {
  /// How many top values `summary()` reports.
  public static let summaryTopCount = 3

  /// The column's figures for `describe`.
  /// - Complexity: O(n log n) for numbers and dates (one sort of the valid values), O(n) otherwise.
  public func summary() -> ColumnSummary {
    var s = ColumnSummary(
      nullCount: nullCount, distinctCount: 0, min: nil, max: nil, mean: nil, median: nil, topValues: [])
    switch storage {
    case .int(let buffer):
      let sorted = validValues { buffer[$0] }.sorted()
      fillOrdered(
        &s, sorted, wrap: Value.int,
        midpoint: { a, b in
          // In 128 bits: a + b overflows Int64 for two large values, and Doubles round them.
          let sum = Int128(a) + Int128(b)
          return sum % 2 == 0 ? .int(Int64(sum / 2)) : .double(Double(sum) / 2)
        })
      // Summed exactly, as `stats` does, so the mean of huge values is not a rounding error.
      if !sorted.isEmpty {
        s.mean = Double(sorted.reduce(Int128(0)) { $0 + Int128($1) }) / Double(sorted.count)
      }
    case .double(let values):
      let sorted = validValues { values[$0] }.filter { !$0.isNaN }.sorted()
      fillOrdered(&s, sorted, wrap: Value.double, midpoint: { .double(($0 + $1) / 2) })
      if !sorted.isEmpty { s.mean = sorted.reduce(0.0, +) / Double(sorted.count) }
    case .date(let days):
      let sorted = validValues { days[$0] }.sorted()
      fillOrdered(&s, sorted, wrap: Value.date, midpoint: { .date(Int32((Int64($0) + Int64($1)) / 2)) })
    case .timestamp(let seconds):
      let sorted = validValues { seconds[$0] }.sorted()
      fillOrdered(&s, sorted, wrap: Value.timestamp, midpoint: { .timestamp($0 / 2 + $1 / 2) })
    case .bool(let bits):
      var trues = 0
      var falses = 0
      for row in 0..<count where !isNull(row) {
        if bits[row] { trues += 1 } else { falses += 1 }
      }
      let counts = [(Value.bool(false), falses), (Value.bool(true), trues)].filter { $0.1 > 0 }
      s.distinctCount = counts.count
      s.topValues = Column.top(counts)
    case .string(let codes, let dictionary):
      var counts = [Int](repeating: 0, count: dictionary.count)
      for row in 0..<count where !isNull(row) { counts[Int(codes[row])] += 1 }
      s.distinctCount = counts.filter { $0 > 0 }.count
      s.topValues = Column.top(
        dictionary.indices.filter { counts[$0] > 0 }.map { (.string(dictionary[$0]), counts[$0]) })
    case .list(let offsets, let codes, let dictionary):
      var counts = [Int](repeating: 0, count: dictionary.count)
      for row in 0..<count where !isNull(row) {
        for i in Int(offsets[row])..<Int(offsets[row + 1]) { counts[Int(codes[i])] += 1 }
      }
      s.distinctCount = counts.filter { $0 > 0 }.count
      s.topValues = Column.top(
        dictionary.indices.filter { counts[$0] > 0 }.map { (.string(dictionary[$0]), counts[$0]) })
    }
    return s
  }

  private func validValues<T>(_ read: (Int) -> T) -> [T] {
    var out: [T] = []
    out.reserveCapacity(count - nullCount)
    for row in 0..<count where !isNull(row) { out.append(read(row)) }
    return out
  }

  private func fillOrdered<T: Comparable>(
    _ s: inout ColumnSummary, _ sorted: [T], wrap: (T) -> Value, midpoint: (T, T) -> Value
  ) {
    guard let first = sorted.first, let last = sorted.last else { return }
    s.min = wrap(first)
    s.max = wrap(last)
    let n = sorted.count
    s.median = n % 2 == 1 ? wrap(sorted[n / 2]) : midpoint(sorted[n / 2 - 1], sorted[n / 2])
    var distinct = 1
    for i in 1..<n where sorted[i] != sorted[i - 1] { distinct += 1 }
    s.distinctCount = distinct
  }

  /// The most frequent values: count descending, then value ascending, so ties never depend on hashing.
  static func top(_ counts: [(Value, Int)]) -> [ColumnSummary.Frequency] {
    let ordered = counts.sorted { a, b in
      if a.1 != b.1 { return a.1 > b.1 }
      return Column.sortKey(a.0) < Column.sortKey(b.0)
    }
    return ordered.prefix(summaryTopCount).map { ColumnSummary.Frequency(value: $0.0, count: $0.1) }
  }

  private static func sortKey(_ v: Value) -> String {
    switch v {
    case .string(let s): return s
    case .bool(let b): return b ? "1" : "0"
    default: return ""
    }
  }
}
