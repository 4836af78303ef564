import Columnar
import SegmentPlan

/// Equal-width histograms of a column's non-null chosen values (`Operation.bins`).
enum Bins {
  /// The frame of `start`, `end` and `count` per bin.
  /// - Complexity: two passes over the chosen rows.
  static func frame(_ column: Column, count bins: Int, chosen: Chosen) throws(EngineError) -> Frame {
    switch column.storage {
    case .int(let buffer):
      return whole(column, bins, chosen, type: .int) { buffer[$0] }
    case .date(let days):
      return whole(column, bins, chosen, type: .date) { Int64(days[$0]) }
    case .timestamp(let seconds):
      return whole(column, bins, chosen, type: .date) { Int64(CivilDate.splitTimestamp(seconds[$0]).days) }
    case .double(let values):
      return decimal(column, bins, chosen, values: values)
    case .string, .bool, .list:
      throw EngineError(
        .unsupported("bins need numbers or dates; \(column.name) is \(column.type.displayName)"))
    }
  }

  /// Whole-number bins (ints, days): the smallest whole width that covers the range in `bins` bins.
  private static func whole(
    _ column: Column, _ bins: Int, _ chosen: Chosen, type: ColumnType, read: (Int) -> Int64
  ) -> Frame {
    var lo = Int64.max
    var hi = Int64.min
    chosen.forEachRow { row in
      if !column.isNull(row) {
        let v = read(row)
        lo = min(lo, v)
        hi = max(hi, v)
      }
    }
    var starts: [Value] = []
    var ends: [Value] = []
    var counts: [Int64] = []
    if lo <= hi {
      let (width, count) = BinLayout.whole(lo: lo, hi: hi, bins: bins)
      counts = [Int64](repeating: 0, count: count)
      chosen.forEachRow { row in
        if !column.isNull(row) { counts[BinLayout.bin(of: read(row), lo: lo, width: width)] += 1 }
      }
      let box = { (v: Int64) -> Value in type == .date ? .date(Int32(v)) : .int(v) }
      for i in counts.indices {
        let (start, end) = BinLayout.bounds(ofBin: i, lo: lo, hi: hi, width: width)
        starts.append(box(start))
        ends.append(box(end))
      }
    }
    return Frame(columns: [
      Column.of("start", type: type, starts), Column.of("end", type: type, ends), Column.int("count", counts),
    ])
  }

  /// Decimal bins between the minimum and the maximum, the last one closed.
  private static func decimal(_ column: Column, _ bins: Int, _ chosen: Chosen, values: [Double]) -> Frame {
    var lo = Double.infinity
    var hi = -Double.infinity
    chosen.forEachRow { row in
      if !column.isNull(row) {
        lo = min(lo, values[row])
        hi = max(hi, values[row])
      }
    }
    var starts: [Double?] = []
    var ends: [Double?] = []
    var counts: [Int64] = []
    if lo <= hi {
      let (width, n) = BinLayout.decimal(lo: lo, hi: hi, bins: bins)
      counts = [Int64](repeating: 0, count: n)
      chosen.forEachRow { row in
        if !column.isNull(row) { counts[BinLayout.bin(of: values[row], lo: lo, width: width, count: n)] += 1 }
      }
      for i in 0..<n {
        starts.append(BinLayout.start(ofBin: i, lo: lo, hi: hi, width: width, count: n))
        ends.append(i == n - 1 ? hi : BinLayout.start(ofBin: i + 1, lo: lo, hi: hi, width: width, count: n))
      }
    }
    return Frame(columns: [
      Column.double("start", starts), Column.double("end", ends), Column.int("count", counts),
    ])
  }
}
