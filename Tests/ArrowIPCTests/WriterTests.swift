import ArrowIPC
import Foundation
import Testing

/// The table seg uploads to Spark: its stored types, each nullable, nulls in every column.
enum WriterFixture {
  static let schema = ArrowSchema(fields: [
    ArrowField(name: "id", type: .int64),
    ArrowField(name: "score", type: .float64),
    ArrowField(name: "name", type: .utf8),
    ArrowField(name: "active", type: .bool),
    ArrowField(name: "joined", type: .date32),
    ArrowField(name: "seen", type: .timestamp(unit: .microsecond, timezone: "UTC")),
    ArrowField(name: "tags", type: .list(ArrowField(name: "element", type: .utf8))),
  ])

  static func table() -> ArrowTable {
    ArrowTable(
      schema: schema,
      columns: [
        .int64([1, nil, -9_223_372_036_854_775_808, 42]),
        .float64([0.5, -1e300, nil, .infinity]),
        .utf8(["ascii", "héllo wörld 日本語 🎉", "", nil]),
        .bool([true, nil, false, true]),
        .date32([0, 19782, nil, -1]),
        .timestamp([1_700_000_000_123_456, nil, 0, -1]),
        .utf8Lists([["a", "b"], nil, [], ["ü", nil, ""]]),
      ],
      rowCount: 4)
  }

  /// `rows` rows of the same columns, for batch splitting; row r is derived from r alone.
  static func large(rows: Int) -> ArrowTable {
    let r = 0..<rows
    return ArrowTable(
      schema: schema,
      columns: [
        .int64(r.map { $0 % 10 == 0 ? nil : Int64($0) }),
        .float64(r.map { $0 % 11 == 0 ? nil : Double($0) / 4 }),
        .utf8(r.map { $0 % 12 == 0 ? nil : "row \($0)" }),
        .bool(r.map { $0 % 13 == 0 ? nil : $0 % 2 == 0 }),
        .date32(r.map { $0 % 14 == 0 ? nil : Int32($0 % 30_000) }),
        .timestamp(r.map { $0 % 15 == 0 ? nil : Int64($0) * 1_000_000 }),
        .utf8Lists(
          r.map { $0 % 16 == 0 ? nil : ($0 % 5 == 0 ? [nil] : Array(repeating: "t\($0 % 7)", count: $0 % 4)) }
        ),
      ],
      rowCount: rows)
  }
}

@Suite("writing Arrow IPC streams")
struct WriterTests {
  @Test func roundTripThroughTheReader() throws {
    let table = WriterFixture.table()
    let bytes = try ArrowStreamWriter().write(table)
    #expect(try ArrowStreamReader.readTable(from: bytes) == table)
    #expect(Array(bytes.suffix(8)) == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
  }

  @Test(arguments: [0, 1, 63, 64, 65, 200])
  func roundTripOfEdgeRowCounts(rows: Int) throws {
    let table = WriterFixture.large(rows: rows)
    for batchRows in [1, 7, 64, 65_536] where batchRows <= max(rows, 1) || batchRows == 65_536 {
      let bytes = try ArrowStreamWriter(maxRowsPerBatch: batchRows).write(table)
      #expect(try ArrowStreamReader.readTable(from: bytes) == table, "rows \(rows), batch \(batchRows)")
    }
  }

  @Test func moreThan65536RowsSplitIntoBatches() throws {
    let table = WriterFixture.large(rows: 70_000)
    let bytes = try ArrowStreamWriter().write(table)
    #expect(try ArrowStreamReader.readTable(from: bytes) == table)
    // Start, schema, two record batches (65,536 + 4,464 rows) and the end-of-stream marker.
    #expect(try CorruptionTests.messageBoundaries(bytes).count == 5)
  }

  @Test func everyReadableTypeRoundTrips() throws {
    for name in ["primitives", "lists", "all_null", "multi_batch", "empty_batch", "sliced"] {
      let table = try Fixture.table(name)
      let bytes = try ArrowStreamWriter(maxRowsPerBatch: 3).write(table)
      #expect(try ArrowStreamReader.readTable(from: bytes) == table, "\(name)")
    }
  }

  @Test func inconsistentTablesAreErrors() {
    var table = WriterFixture.table()
    table.columns[0] = .float64([1, 2, 3, 4])
    #expect(throws: ArrowIPCError.invalidTable("column 'id': its values do not match the field type int64")) {
      try ArrowStreamWriter().write(table)
    }
    table = WriterFixture.table()
    table.rowCount = 5
    #expect(throws: ArrowIPCError.self) { try ArrowStreamWriter().write(table) }
    table = WriterFixture.table()
    table.columns.removeLast()
    #expect(throws: ArrowIPCError.self) { try ArrowStreamWriter().write(table) }
  }

  /// The committed golden file pins the exact bytes, so format changes are deliberate.
  /// Set SEG_ARROW_UPDATE_GOLDEN=1 to rewrite it in the source tree instead of comparing.
  @Test func matchesTheGoldenFile() throws {
    let bytes = try ArrowStreamWriter().write(WriterFixture.table())
    if ProcessInfo.processInfo.environment["SEG_ARROW_UPDATE_GOLDEN"] != nil {
      let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      try Data(bytes).write(to: source.appendingPathComponent("Fixtures/writer_golden.arrows"))
      return
    }
    #expect(bytes == (try Fixture.bytes("writer_golden")))
  }

  /// pyarrow reads the writer's output with the expected values (set SEG_ARROW_PYTHON to a python with pyarrow).
  @Test(.enabled(if: ProcessInfo.processInfo.environment["SEG_ARROW_PYTHON"] != nil))
  func pyarrowReadsTheOutput() throws {
    let python = try #require(ProcessInfo.processInfo.environment["SEG_ARROW_PYTHON"])
    // SEG_ARROW_WRITER_OUTPUT keeps the files (for `spark_check.py writer DIR`); otherwise a temporary directory.
    let kept = ProcessInfo.processInfo.environment["SEG_ARROW_WRITER_OUTPUT"]
    let directory =
      kept.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("arrow-ipc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
    let outputs: [(String, ArrowTable, Int)] = [
      ("small", WriterFixture.table(), 65_536), ("large", WriterFixture.large(rows: 70_000), 65_536),
      ("batched", WriterFixture.large(rows: 200), 64), ("empty", WriterFixture.large(rows: 0), 65_536),
    ]
    for (name, table, batchRows) in outputs {
      let bytes = try ArrowStreamWriter(maxRowsPerBatch: batchRows).write(table)
      try Data(bytes).write(to: directory.appendingPathComponent("\(name).arrows"))
    }
    let script = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/check_writer.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, script.path, directory.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(output.contains("check_writer: ok"), "\(output)")
  }
}
