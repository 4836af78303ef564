import ArrowIPC
import Testing

/// Payloads captured from a real Spark Connect server (Arrow Java 19) by `Fixtures/spark_check.py
/// fixtures`: one IPC stream per `ArrowBatch`, seven rows over three payloads.
@Suite("reading Spark Connect's own Arrow batches")
struct SparkFixtureTests {
  static func table() throws -> ArrowTable {
    try ArrowStreamReader.readTable(fromStreams: (0..<3).map { try Fixture.bytes("spark_batch_\($0)") })
  }

  @Test func schemaAsSparkWritesIt() throws {
    let table = try Self.table()
    let types = Dictionary(uniqueKeysWithValues: table.schema.fields.map { ($0.name, $0.type) })
    #expect(types["id"] == .int64 && types["i8"] == .int8 && types["f64"] == .float64)
    #expect(types["ts"] == .timestamp(unit: .microsecond, timezone: "UTC"))
    #expect(types["ts_ntz"] == .timestamp(unit: .microsecond, timezone: nil))
    #expect(types["price"] == .decimal128(precision: 10, scale: 2))
    #expect(types["tags"] == .list(ArrowField(name: "element", type: .utf8)))
    #expect(types["ints"] == .list(ArrowField(name: "element", type: .int64, nullable: false)))
    #expect(types["nothing"] == .null && types["blob"] == .binary)
    #expect(table.schema.fields[0].nullable == false)
  }

  @Test func valuesAsSparkComputedThem() throws {
    let table = try Self.table()
    func column(_ name: String) throws -> ArrowColumn { try #require(table.column(named: name)) }
    let ids = (0..<7).map { Int64($0) }
    #expect(table.rowCount == 7)
    #expect(try column("id").int64s == ids)
    #expect(try column("i8").int64s == ids)
    #expect(try column("f64").doubles == ids.map { Double($0) / 4 })
    #expect(try column("name").strings == ids.map { $0 % 3 == 0 ? nil : "név \($0) 🎉" })
    #expect(try column("even").bools == ids.map { $0 % 2 == 0 })
    #expect(try column("day").int64s == ids.map { $0 == 4 ? nil : 19781 + $0 })
    #expect(try column("ts").int64s == ids.map { $0 == 5 ? nil : 1_700_000_000_000_000 + $0 })
    #expect(try column("ts_ntz").int64s == ids.map { $0 == 5 ? nil : 1_700_000_000_000_000 + $0 })
    #expect(try column("price").decimalStrings == ["0.00", nil, "2.50", "3.75", "5.00", "6.25", "7.50"])
    #expect(
      try column("big").decimalStrings == ids.map { ($0 % 2 == 0 ? "" : "-") + "12345678901234567890.123457" }
    )
    #expect(
      try column("tags").lists(\.strings) == ids.map { $0 == 2 ? nil : $0 == 3 ? [] : ["t\($0)", nil, ""] })
    #expect(try column("ints").lists(\.int64s) == ids.map { [$0, $0 + 1] })
    #expect(try column("nothing").nullCount == 7)
    #expect(try column("blob").strings == ids.map { $0 == 6 ? nil : "b\($0)" })
  }

  @Test func writerReproducesSparkTables() throws {
    let table = try Self.table()
    #expect(
      try ArrowStreamReader.readTable(from: ArrowStreamWriter(maxRowsPerBatch: 2).write(table)) == table)
  }
}
