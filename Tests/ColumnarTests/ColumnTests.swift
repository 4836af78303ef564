import Testing

@testable import Columnar

@Suite("Column and Table")
struct ColumnTests {
  @Test func intNarrowsStorage() throws {
    let small = Column.int("a", [1, nil, -3])
    guard case .int(.int8(let v)) = small.storage else {
      Issue.record("expected Int8 storage")
      return
    }
    #expect(v == [1, 0, -3])
    #expect(small.nullCount == 1)
    #expect(small.value(at: 1) == .null)
    #expect(small.value(at: 2) == .int(-3))
    guard case .int(.int32) = Column.int("b", [70_000]).storage else {
      Issue.record("expected Int32 storage")
      return
    }
    guard case .int(.int64) = Column.int("c", [Int64.max]).storage else {
      Issue.record("expected Int64 storage")
      return
    }
  }

  @Test func everyTypeRoundTrips() {
    let cols: [(Column, [Value])] = [
      (.double("d", [1.5, nil]), [.double(1.5), .null]),
      (.bool("b", [true, false, nil]), [.bool(true), .bool(false), .null]),
      (.date("dt", days: [0, nil]), [.date(0), .null]),
      (.timestamp("ts", seconds: [86_400, nil]), [.timestamp(86_400), .null]),
      (.string("s", ["x", nil, "y", "x"]), [.string("x"), .null, .string("y"), .string("x")]),
      (.list("l", [["a", "b"], [], nil]), [.list(["a", "b"]), .list([]), .null]),
    ]
    for (c, expected) in cols {
      #expect(c.values == expected, "\(c.name)")
      #expect(c.count == expected.count)
      #expect(c.nullCount == expected.filter { $0 == .null }.count)
    }
  }

  @Test func stringsAreDictionaryEncoded() {
    let c = Column.string("s", ["b", "a", "b", nil])
    guard case .string(let codes, let dictionary) = c.storage else {
      Issue.record("expected string storage")
      return
    }
    #expect(dictionary == ["b", "a"])
    #expect(codes == [0, 1, 0, 0])
  }

  @Test func noNullsMeansNoBitmap() {
    #expect(Column.int("a", [1, 2]).validity == nil)
    #expect(Column.int("a", []).validity == nil)
  }

  /// Issue 18, item 7: names were checked by a scan per column, so 16,000 columns took 13 s to load.
  @Test func tablesOfManyColumnsAreMadeInLinearTime() throws {
    let columns = (0..<16_000).map { Column.int("Column_\($0)", [1]) }
    let start = ContinuousClock.now
    let table = try Table(name: "t", columns: columns)
    #expect(ContinuousClock.now - start < .seconds(2))
    #expect(table.columns.count == 16_000)
    #expect(throws: TableError.duplicateName("COLUMN_7")) {
      try Table(name: "t", columns: columns + [.int("COLUMN_7", [1])])
    }
  }

  @Test func tableChecksLengthsAndNames() throws {
    #expect(throws: TableError.lengthMismatch(column: "b", expected: 2, found: 1)) {
      try Table(name: "t", columns: [.int("a", [1, 2]), .int("b", [1])])
    }
    #expect(throws: TableError.duplicateName("AGE")) {
      try Table(name: "t", columns: [.int("age", [1]), .int("AGE", [1])])
    }
    var t = try Table(name: "t", columns: [.int("Age", [1, 2])])
    #expect(t.column(named: "age")?.name == "Age")
    #expect(t.columnIndex(named: "AGE") == 0)
    #expect(t.column(named: "nope") == nil)
    try t.addColumn(.string("age", ["x", "y"]))
    #expect(t.columns.count == 1)
    #expect(t.columns[0].type == .string)
    try t.addColumn(.bool("flag", [true, nil]))
    #expect(t.columns.count == 2)
    #expect(t.rowCount == 2)
    #expect(throws: TableError.self) { try t.addColumn(.int("z", [1])) }
  }

  @Test func displayNames() {
    #expect(
      ColumnType.allCases.map(\.displayName) == [
        "Int", "Double", "Bool", "Date", "Timestamp", "String", "List",
      ])
  }
}
