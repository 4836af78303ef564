import ArrowIPC
import Testing

@Suite("reading pyarrow fixtures")
struct ReaderFixtureTests {
  @Test func primitiveSchema() throws {
    let table = try Fixture.table("primitives")
    #expect(table.rowCount == 5)
    let types = table.schema.fields.map(\.type)
    #expect(
      types == [
        .int8, .int16, .int32, .int64, .float32, .float64, .bool, .utf8, .largeUtf8, .binary, .date32,
        .date64,
        .timestamp(unit: .second, timezone: nil),
        .timestamp(unit: .millisecond, timezone: "America/New_York"),
        .timestamp(unit: .microsecond, timezone: "UTC"), .timestamp(unit: .nanosecond, timezone: nil),
        .decimal128(precision: 10, scale: 2), .decimal128(precision: 38, scale: 10), .null,
      ])
    #expect(table.schema.fields.allSatisfy { $0.nullable })
    #expect(table.columns.allSatisfy { $0.length == 5 })
  }

  @Test func primitiveValues() throws {
    let table = try Fixture.table("primitives")
    func column(_ name: String) throws -> ArrowColumn { try #require(table.column(named: name)) }
    #expect(try column("i8").int64s == [-128, 127, nil, 0, 5])
    #expect(try column("i16").int64s == [-32768, 32767, nil, 0, 5])
    #expect(try column("i32").int64s == [-2_147_483_648, 2_147_483_647, nil, 0, 5])
    #expect(try column("i64").int64s == [.min, .max, nil, 0, 5])
    #expect(try column("f32").doubles == [1.5, -2.25, nil, 0, 3])
    #expect(try column("f64").doubles == [1.5, -2.25, nil, 1e300, .infinity])
    #expect(try column("flag").bools == [true, false, nil, true, true])
    #expect(try column("name").strings == ["ascii", "héllo wörld", nil, "", "日本語 🎉"])
    #expect(try column("large_name").strings == ["a", nil, "ß", "", "end"])
    #expect(try column("blob").byteArrays == [[0, 1], [], nil, [255], Array("xyz".utf8)])
    #expect(try column("day").int64s == [0, 19782, nil, -1, 2_932_896])
    #expect(try column("day64").int64s == [0, 86_400_000, nil, -86_400_000, 1_709_164_800_000])
    #expect(try column("ts_s").int64s == [0, 1, nil, -1, 1_700_000_000])
    #expect(try column("ts_ns").int64s == [0, 1, nil, -1, 1_700_000_000_000_000_000])
    let utc = try column("ts_us_utc")
    #expect(utc.int64s == [0, 1, nil, -1, 1_700_000_000_000_000])
    guard case .timestamp(_, let unit, let timezone) = try column("ts_ms_ny").data else {
      Issue.record("ts_ms_ny is not a timestamp column")
      return
    }
    #expect(unit == .millisecond && timezone == "America/New_York")
    let nothing = try column("nothing")
    #expect(nothing.data == .null && nothing.nullCount == 5 && nothing.isNull(0))
  }

  @Test func decimals() throws {
    let table = try Fixture.table("primitives")
    let price = try #require(table.column(named: "price"))
    #expect(price.decimalStrings == ["123.45", "-0.01", nil, "0.00", "99999999.99"])
    guard case .decimal128(let values) = price.data else { return }
    #expect(values.unscaledInt64(at: 0) == 12345 && values.unscaledInt64(at: 1) == -1)
    #expect(values.double(at: 0) == 123.45 && values.double(at: 1) == -0.01)
    #expect(values.precision == 10 && values.scale == 2)
    let big = try #require(table.column(named: "big"))
    #expect(
      big.decimalStrings == [
        "12345678901234567890.1234567890", "-1.0000000000", nil, "0.0000000000",
        "-99999999999999999999999999.9999999999",
      ])
    guard case .decimal128(let bigValues) = big.data else { return }
    #expect(bigValues.unscaledInt64(at: 0) == nil)
    #expect(bigValues.unscaledInt64(at: 1) == -10_000_000_000)
    #expect(abs(bigValues.double(at: 0) - 12345678901234567890.1234567890) < 1e5)
    #expect(abs(bigValues.double(at: 4) + 1e26) < 1e11)
  }

  @Test func lists() throws {
    let table = try Fixture.table("lists")
    #expect(table.schema.fields[0].type == .list(ArrowField(name: "item", type: .utf8)))
    #expect(table.schema.fields[2].type == .largeList(ArrowField(name: "item", type: .utf8)))
    let tags = try #require(table.column(named: "tags"))
    #expect(tags.lists(\.strings) == [["a", "b"], nil, [], ["ü", nil, ""], ["x"]])
    #expect(tags.nullCount == 1)
    #expect(
      try #require(table.column(named: "scores")).lists(\.int64s) == [[1, 2, 3], [], nil, [nil], [-5]])
    #expect(
      try #require(table.column(named: "large_tags")).lists(\.strings) == [
        ["p"], ["q", "r"], nil, [], [nil],
      ])
    let nested = try #require(table.column(named: "nested"))
    #expect(nested.lists { $0.lists(\.int64s) } == [[[1], [2, 3]], nil, [[]], [nil, [4]], []])
  }

  @Test func emptyBatchAndSchemaOnly() throws {
    for name in ["empty_batch", "schema_only"] {
      let table = try Fixture.table(name)
      #expect(table.rowCount == 0)
      #expect(table.schema.fields.map(\.name) == ["id", "name", "tags", "flag"])
      #expect(table.columns.allSatisfy { $0.length == 0 && $0.nullCount == 0 })
    }
  }

  @Test func allNull() throws {
    let table = try Fixture.table("all_null")
    #expect(table.rowCount == 4)
    for (field, column) in zip(table.schema.fields, table.columns) {
      #expect(column.nullCount == 4, "\(field.name)")
      #expect((0..<4).allSatisfy(column.isNull), "\(field.name)")
    }
  }

  /// Row r has id r, null when r % 7 == 3; see make_fixtures.py `multi_batch`.
  static func expectMultiBatch(_ table: ArrowTable, rows: Range<Int> = 0..<193) {
    let ids = rows.map { $0 % 7 == 3 ? nil : Int64($0) }
    #expect(table.rowCount == rows.count)
    #expect(table.columns[0].int64s == ids)
    #expect(table.columns[1].strings == ids.map { $0.map { "n\($0)" } })
    #expect(table.columns[2].bools == ids.map { $0.map { $0 % 2 == 0 } })
    #expect(
      table.columns[3].lists(\.strings)
        == ids.map { $0.map { Array(repeating: "\($0)", count: Int($0 % 3)) } })
  }

  @Test func multipleBatches() throws {
    Self.expectMultiBatch(try Fixture.table("multi_batch"))
  }

  @Test func listOfStreamPayloads() throws {
    let table = try ArrowStreamReader.readTable(fromStreams: [
      Fixture.bytes("stream_a"), Fixture.bytes("stream_b"),
    ])
    Self.expectMultiBatch(table)
  }

  @Test func concatenatedStreamsInOneBuffer() throws {
    let table = try ArrowStreamReader.readTable(from: Fixture.bytes("stream_a") + Fixture.bytes("stream_b"))
    Self.expectMultiBatch(table)
  }

  @Test func incrementalDecoder() throws {
    let decoder = ArrowTableDecoder()
    #expect(decoder.schema == nil)
    try decoder.append(stream: Fixture.bytes("stream_a"))
    #expect(decoder.schema?.fields.count == 4)
    try decoder.append(stream: Fixture.bytes("stream_b"))
    Self.expectMultiBatch(try decoder.finish())
  }

  @Test func slicedBatchWrittenByPyarrow() throws {
    let table = try Fixture.table("sliced")
    let rows = 3..<10
    #expect(table.columns[0].bools == [true, false, nil, true, true, false, true])
    #expect(table.columns[1].strings == rows.map { $0 % 4 != 0 ? "s\($0)" : nil })
    #expect(
      table.columns[2].lists(\.strings)
        == rows.map { $0 % 5 != 0 ? Array(repeating: "t\($0)", count: $0 % 3) : nil })
  }

  @Test func moreThan65536Rows() throws {
    let table = try Fixture.table("big_70000")
    #expect(table.rowCount == 70_000)
    let expected: [Int64?] = (0..<70_000).map { (row: Int) -> Int64? in
      row % 1000 == 999 ? nil : Int64(row % 256 - 128)
    }
    #expect(table.columns[0].int64s == expected)
    #expect(table.columns[0].nullCount == 70)
    #expect(table.columns[1].bools == (0..<70_000).map { $0 % 3 == 0 })
  }

  @Test(arguments: ["legacy_framing", "metadata_v4"])
  func olderFramings(name: String) throws {
    let table = try Fixture.table(name)
    #expect(table.columns[0].int64s == [1, 2, 3])
    #expect(table.columns[1].strings == ["a", nil, "c"])
  }

  @Test func mismatchedSchemasAreRefused() throws {
    #expect(throws: ArrowIPCError.self) {
      try ArrowStreamReader.readTable(fromStreams: [Fixture.bytes("stream_a"), Fixture.bytes("lists")])
    }
  }

  @Test func noInputHasNoSchema() {
    #expect(throws: ArrowIPCError.missingSchema) { try ArrowStreamReader.readTable(fromStreams: []) }
    #expect(throws: ArrowIPCError.missingSchema) { try ArrowStreamReader.readTable(from: []) }
  }
}
