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

  /// One text, Bool or list key is counted on its codes or bits, apart from the general path: the same
  /// groups in the same order (largest first, ties in byte order, false before true, null last),
  /// within a filter too.
  @Test func oneTextBoolOrListKeyCountsAsTheGeneralPathDoes() throws {
    let columns: [Column] = [
      .string("city", ["b", "a", nil, "b", "a", "c", nil, "é", "Z"]),
      .bool("vip", [true, nil, false, true, false, nil, true, false, true]),
      .list("tags", [["x", "y"], ["y"], nil, [], ["x"], nil, ["y", "y"], ["Y"], ["x"]]),
      .int("n", [1, 2, 3, 4, 5, 6, 7, 8, 9]),
    ]
    func groups(_ frame: Frame) -> [String] {
      (0..<frame.rowCount).map { row in
        let value = frame.columns[0].value(at: row)
        return "\(value == .null ? "null" : "\(value)") \(frame.integer("count", at: row))"
      }
    }
    let city = try Self.count(columns, by: ["city"])
    #expect(
      groups(city) == [
        "a 2", "b 2", "null 2", "Z 1", "c 1",
        "é 1",
      ])
    let vip = try Self.count(columns, by: ["vip"])
    #expect(groups(vip) == ["true 4", "false 3", "null 2"])
    let tags = try Self.count(columns, by: ["tags"])
    #expect(groups(tags) == ["y 4", "x 3", "null 2", "Y 1"])
    // The same through valueCounts within a filter (n > 4): rows 5 to 9.
    var engine = MemoryEngine()
    engine.put(try Table(name: "t", columns: columns))
    let within = try engine.execute(
      Query(
        .valueCounts("vip", conditions: [], limit: 10),
        over: Relation(table: "t", filter: .compare("n", .greater, .int(4)))),
      interruption: Interruption())
    #expect(
      groups(
        Frame(columns: [
          within.columns[0],
          Column.int(
            "count",
            (0..<within.rowCount).map {
              Int64(within.integer("rows", at: $0))
            }),
        ])) == ["false 2", "true 2", "null 1"])
  }
}
