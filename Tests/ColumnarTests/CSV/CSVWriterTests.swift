import Testing

@testable import Columnar

#if canImport(Glibc)
  import Glibc
#endif

@Suite("CSV writer")
struct CSVWriterTests {
  static func sample() throws -> Table {
    try Table(
      name: "t",
      columns: [
        .int("id", [1, 2, nil]),
        .double("amount", [2.5, 1_000_000, nil]),
        .bool("ok", [true, nil, false]),
        .date("day", days: [20_666, nil, 0]),
        .timestamp("at", seconds: [0, 3_600, nil]),
        .string("name", ["Ann, Jr", "say \"hi\"", nil]),
        .list("tags", [["a", "b"], [], nil]),
      ])
  }

  @Test func encodesRFC4180() throws {
    let text = String(decoding: try CSVWriter.encode(Self.sample()), as: UTF8.self)
    let expected = [
      "id,amount,ok,day,at,name,tags",
      "1,2.5,true,2026-08-01,1970-01-01 00:00:00,\"Ann, Jr\",a;b",
      "2,1000000.0,,,1970-01-01 01:00:00,\"say \"\"hi\"\"\",",
      ",,false,1970-01-01,,,",
    ]
    #expect(text == expected.joined(separator: "\n") + "\n")
  }

  @Test func selectsRowsAndColumns() throws {
    let text = String(
      decoding: try CSVWriter.encode(Self.sample(), rows: [2, 0], columns: ["ID", "ok"]), as: UTF8.self)
    #expect(text == "id,ok\n,false\n1,true\n")
    #expect(throws: WriteError(file: "<memory>", message: "no column 'nope' in table t")) {
      try CSVWriter.encode(Self.sample(), columns: ["nope"])
    }
  }

  @Test func roundTrip() throws {
    let path = "/tmp/seg-columnar-writer-\(getpid()).csv"
    defer { unlink(path) }
    let table = try Self.sample()
    let written = try CSVWriter.write(table, to: path)
    #expect(written > 0)
    let back = try CSVReader.load(path: path, tableName: "t").table
    #expect(back.columns.map(\.type) == [.int, .double, .bool, .date, .timestamp, .string, .list])
    for c in table.columns where c.type != .list {
      #expect(back.column(named: c.name)!.values == c.values, "\(c.name)")
    }
  }

  @Test func failedWriteLeavesNoFile() throws {
    #expect(throws: WriteError.self) {
      try CSVWriter.write(Self.sample(), to: "/nonexistent-dir/x.csv")
    }
  }
}
