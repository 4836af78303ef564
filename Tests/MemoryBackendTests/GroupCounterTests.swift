import Columnar
import MemoryBackend
import SegmentPlan
import Testing

/// `count by` many columns (issue 18, item 4): the product of the columns' distinct counts passed 64
/// bits and the combined key trapped.
@Suite("Group counting")
struct GroupCounterTests {
  static func count(_ columns: [Column], by names: [String]) throws -> Frame {
    var engine = MemoryEngine()
    engine.put(try Table(name: "t", columns: columns))
    return try engine.execute(
      Query(.countBy(names), over: Relation(table: "t")), interruption: Interruption())
  }

  /// Seven columns of 1,000 distinct values (10^21 combinations); rows r and r + 1,000 agree.
  @Test(arguments: [3, 7])
  func groupsPastSixtyFourBitsKeepTheOrder(columnCount: Int) throws {
    let rows = 1_200
    let names = (0..<columnCount).map { "c\($0)" }
    let values: [[Int64]] = (0..<columnCount).map { c in
      (0..<rows).map { (r: Int) -> Int64 in Int64(((r % 1_000) * 7 + c * 13) % 1_000) }
    }
    let frame = try Self.count(
      names.indices.map { Column.int(names[$0], values[$0].map { $0 }) }, by: names)
    var expected: [([Int64], Int64)] = (0..<1_000).map { r in (values.map { $0[r] }, r < 200 ? 2 : 1) }
    expected.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.lexicographicallyPrecedes($1.0) }
    #expect(frame.rowCount == 1_000)
    for (row, (key, count)) in expected.enumerated() {
      let got = names.map { name -> Int64 in
        if case .int(let n) = frame.value(name, at: row) { n } else { -1 }
      }
      #expect(got == key && frame.value("count", at: row) == .int(count), "row \(row)")
      if got != key { break }
    }
  }
}
