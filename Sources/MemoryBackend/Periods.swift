import Columnar
import SegmentPlan

/// Rows per period of a date column (`Operation.countByPeriod`).
enum Periods {
  /// - Complexity: two passes over the chosen rows (the key range, then the counts).
  static func count(_ column: Column, by period: TrendPeriod, chosen: Chosen) throws(EngineError) -> Frame {
    let day: (Int) -> Int32
    switch column.storage {
    case .date(let days): day = { days[$0] }
    case .timestamp(let seconds): day = { CivilDate.splitTimestamp(seconds[$0]).days }
    default:
      throw EngineError(
        .unsupported("periods need a date column; \(column.name) is \(column.type.displayName)"))
    }
    var first = Int.max
    var last = Int.min
    chosen.forEachRow { row in
      if !column.isNull(row) {
        let key = period.key(days: day(row))
        first = min(first, key)
        last = max(last, key)
      }
    }
    guard first <= last else { return Frame(columns: [Column.int("period", []), Column.int("count", [])]) }
    var counts = [Int](repeating: 0, count: last - first + 1)
    chosen.forEachRow { row in if !column.isNull(row) { counts[period.key(days: day(row)) - first] += 1 } }
    let present = counts.indices.filter { counts[$0] > 0 }
    return Frame(columns: [
      Column.int("period", present.map { Int64(first + $0) }),
      Column.int("count", present.map { Int64(counts[$0]) }),
    ])
  }
}
