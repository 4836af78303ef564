import Testing

@testable import Columnar

/// Exact duplicate rows (issue 16): counted by `describe`, dropped by `load ... distinct`.
@Suite("Duplicate rows")
struct DuplicateRowTests {
  static func table(_ columns: [Column]) throws -> Table { try Table(name: "t", columns: columns) }

  @Test func marksEveryRepeatButTheFirst() throws {
    let t = try Self.table([
      .int("a", [1, 2, 1, 1, nil, nil, 3]),
      .string("b", ["x", "y", "x", "z", nil, nil, "x"]),
      .double("c", [0.0, 1.5, -0.0, 0.0, .nan, .nan, 2]),
    ])
    #expect(t.duplicateRows().setIndices() == [2, 5])
    let (kept, dropped) = t.droppingDuplicateRows()
    #expect(dropped == 2)
    #expect(kept.column(named: "a")!.values == [.int(1), .int(2), .int(1), .null, .int(3)])
    #expect(
      kept.column(named: "b")!.values == [.string("x"), .string("y"), .string("z"), .null, .string("x")])
  }

  @Test func nullIsNotZero() throws {
    let t = try Self.table([.int("a", [0, nil, 0]), .date("d", days: [nil, 0, nil])])
    #expect(t.duplicateRows().setIndices() == [2])
  }

  @Test func listsCompareTheirItems() throws {
    let t = try Self.table([
      .list("l", [["a", "b"], ["a"], ["a", "b"], ["b", "a"], []]), .bool("f", [true, true, true, true, nil]),
    ])
    #expect(t.duplicateRows().setIndices() == [2])
  }

  /// Edge counts, with every row the same and every row different.
  @Test(arguments: [0, 1, 2, 63, 64, 65, 1000])
  func edgeCounts(rows: Int) throws {
    let same = try Self.table([.int("a", Array(repeating: 7, count: rows))])
    #expect(same.duplicateRows().popcount() == max(rows - 1, 0))
    let different = try Self.table([.int("a", (0..<rows).map { Int64($0) })])
    #expect(different.duplicateRows().popcount() == 0)
    #expect(different.droppingDuplicateRows().table.rowCount == rows)
  }

  /// A table with a timestamp, where rows repeat every 1,000: exactly the repeats are marked.
  @Test func manyRowsAgainstACountBySet() throws {
    let n = 50_000
    let t = try Self.table([
      .int("k", (0..<n).map { Int64($0 % 1000) }),
      .timestamp("ts", seconds: (0..<n).map { Int64($0 % 1000) * 60 }),
      .string("s", (0..<n).map { $0 % 3000 < 1500 ? "a" : "b" }),
    ])
    var seen = Set<[Value]>()
    var expected = 0
    for row in 0..<n where !seen.insert(t.columns.map { $0.value(at: row) }).inserted { expected += 1 }
    #expect(t.duplicateRows().popcount() == expected)
  }
}
