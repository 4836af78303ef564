import Testing

@testable import SegmentCore

@Suite("Parser")
struct ParserTests {
  @Test func loadFileWithOptions() throws {
    let command = try Parser.parse(
      #"LOAD "data/bank.csv" as bank delimiter ";" header on encoding latin1 skip bad rows"#)
    guard case .load(let load) = command else {
      Issue.record("expected load, got \(command)")
      return
    }
    #expect(load.source == .file(path: "data/bank.csv", range: SourceRange(5, 20)))
    #expect(load.alias?.text == "bank")
    #expect(load.options.delimiter == UInt8(ascii: ";"))
    #expect(load.options.header == true)
    #expect(load.options.latin1)
    #expect(load.options.skipBadRows)
  }

  @Test func loadSampleDefaultsAndOptions() throws {
    #expect(
      try Parser.parse("load sample")
        == .load(LoadCommand(source: .sample(kind: .customers, rows: 5_000, seed: 42))))
    let command = try Parser.parse("load sample orders rows 100 seed 7 as o")
    guard case .load(let load) = command else {
      Issue.record("expected load")
      return
    }
    #expect(load.source == .sample(kind: .orders, rows: 100, seed: 7))
    #expect(load.alias?.text == "o")
  }

  @Test func showWithEveryClause() throws {
    let command = try Parser.parse("show customers columns age, `first name` sort by age desc, city limit 5")
    guard case .show(let show) = command else {
      Issue.record("expected show")
      return
    }
    #expect(show.source.name?.text == "customers")
    #expect(show.columns?.map(\.text) == ["age", "first name"])
    #expect(show.sort.map(\.column.text) == ["age", "city"])
    #expect(show.sort.map(\.descending) == [true, false])
    #expect(show.limit == 5)
  }

  @Test func createTableOnAConnection() throws {
    let command = try Parser.parse(
      #"create table buyers on spark from "s3a://bucket/buyers.parquet" replace"#)
    guard case .create(let create) = command else {
      Issue.record("expected create")
      return
    }
    #expect(create.table.text == "buyers")
    #expect(create.connection.text == "spark")
    #expect(create.path == "s3a://bucket/buyers.parquet")
    #expect(create.pathRange == SourceRange(34, 63))
    #expect(create.replace)
  }

  @Test func settings() throws {
    #expect(try Parser.parse("set format json") == .set(.format(.json)))
    #expect(try Parser.parse("set today 2026-11-01") == .set(.today(20758)))
    #expect(try Parser.parse("set today off") == .set(.today(nil)))
    #expect(try Parser.parse("set timer on") == .set(.timer(true)))
    #expect(try Parser.parse("exit") == .quit)
  }

  struct BadCase: Sendable, CustomStringConvertible {
    var source: String
    var message: String
    var range: SourceRange
    var suggestions: [String] = []
    var description: String { source }
  }

  @Test(arguments: [
    BadCase(
      source: "lod sample", message: "unknown command 'lod'", range: SourceRange(0, 3), suggestions: ["load"]),
    BadCase(
      source: "show limit -1", message: "-1: a row limit must be zero or more", range: SourceRange(11, 13)),
    BadCase(
      source: "show limit ten", message: "expected a row limit, found 'ten'", range: SourceRange(11, 14)),
    BadCase(
      source: "set formt json", message: "expected format, today, timer, explain or safe, found 'formt'",
      range: SourceRange(4, 9), suggestions: ["format"]),
    BadCase(
      source: "set format xml", message: "expected table, csv, json or markdown, found 'xml'",
      range: SourceRange(11, 14)),
    BadCase(
      source: "load customers.csv",
      message:
        "expected a file name in quotes, 'sample', or a connection's table such as pg.customers, found 'customers'",
      range: SourceRange(5, 14)),
    BadCase(
      source: "show where age @ 3", message: "unexpected character '@'", range: SourceRange(15, 16)),
    BadCase(
      source: "show sort age", message: "expected 'by', found 'age'", range: SourceRange(10, 13)),
    BadCase(
      source: "tables now", message: "expected the end of the command, found 'now'", range: SourceRange(7, 10)
    ),
    BadCase(
      source: "load \"x.csv\" delimiter \";;\"", message: "\";;\": a delimiter is one character",
      range: SourceRange(23, 27)),
    BadCase(
      source: "create buyers on spark",
      message: #"expected 'table', as in create table NAME on CONNECTION from "PATH", found 'buyers'"#,
      range: SourceRange(7, 13)),
    BadCase(
      source: "create table b on spark from x.csv",
      message: #"expected the file's path or URI in quotes, such as "/data/customers.csv", found 'x'"#,
      range: SourceRange(29, 30)),
    BadCase(
      source: "load sample rowz 10",
      message: "expected customers, orders, rows N, seed S or as NAME, found 'rowz'",
      range: SourceRange(12, 16), suggestions: ["rows"]),
  ])
  func badCommandsNameTheProblem(_ bad: BadCase) {
    do {
      let command = try Parser.parse(bad.source)
      Issue.record("expected an error, parsed \(command)")
    } catch {
      #expect(error.message == bad.message)
      #expect(error.range == bad.range)
      #expect(error.suggestions == bad.suggestions)
    }
  }

  @Test func everyRegisteredCommandParses() throws {
    for spec in CommandRegistry.all {
      for line in spec.example.split(separator: "\n") {
        _ = try Parser.parse(String(line))
      }
    }
  }
}
