import Columnar
import Foundation
import Testing

@testable import Spreadsheet

@Suite("Workbook writer")
struct WorkbookWriterTests {
  /// Text that XML, CSV or Office escapes could each get wrong.
  static let trickyText = [
    #"say "hi", & <wave>"#, "two\nlines", "carriage\r\nreturn", "  padded  ", "Zoë 😀 中文", "_x0041_ stays",
    "a;b", "'quote", "=1+1",
  ]

  /// A table of every column type, `rows` long, with nulls, read from CSV text so its types are the
  /// CSV reader's.
  static func table(rows: Int) throws -> Table {
    var csv = "id,name,score,member,joined,seen,tags,note\n"
    for i in 0..<rows {
      let note = trickyText[i % trickyText.count]
      let quoted = "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      let score = i % 5 == 4 ? "" : String(Double(i) * 1.25 - 3)
      let member = i % 3 == 0 ? "true" : "false"
      let day = 1 + i % 28
      let joined = i % 7 == 6 ? "" : "2024-02-\(day < 10 ? "0" : "")\(day)"
      let seen = "2023-11-05 \(10 + i % 10):0\(i % 10):59"
      let tags = ["a;b", "c", "a;c;d"][i % 3]
      csv += "\(i),\(i % 4 == 0 ? "Ada" : "Lin"),\(score),\(member),\(joined),\(seen),\(tags),\(quoted)\n"
    }
    return try CSVReader.load(bytes: Array(csv.utf8), source: "t.csv", tableName: "t").table
  }

  @Test(arguments: [1, 2, 63, 64, 65, 1_000])
  func exportThenLoadGivesTheSameTable(rows: Int) throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try Self.table(rows: rows)
    #expect(
      original.columns.map(\.type) == [.int, .string, .double, .bool, .date, .timestamp, .list, .string])
    let path = dir.appendingPathComponent("t.xlsx").path
    try WorkbookWriter.write(original, to: path)
    let loaded = try WorkbookReader.load(path: path, tableName: "t").table
    #expect(contents(loaded) == contents(original))
  }

  @Test func chosenRowsAreWrittenInTheirOrder() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try Self.table(rows: 20)
    let path = dir.appendingPathComponent("t.xlsx").path
    try WorkbookWriter.write(original, rows: [19, 3, 4], to: path)
    let loaded = try WorkbookReader.load(path: path, tableName: "t").table
    #expect(loaded.rowCount == 3)
    #expect(loaded.column(named: "id").map { (0..<3).map($0.value(at:)) } == [.int(19), .int(3), .int(4)])
  }

  @Test func theSheetHasABoldFrozenHeaderTypedCellsAndWidths() throws {
    let bytes = try WorkbookWriter.encode(try Self.table(rows: 3), sheetName: "young: [men]")
    try bytes.withUnsafeBytes { raw in
      let archive = try ZipArchive(raw)
      let sheet = String(
        decoding: try #require(try archive.contents(of: "xl/worksheets/sheet1.xml")), as: UTF8.self)
      #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
      #expect(sheet.contains(#"<c r="A1" s="1" t="s"><v>0</v></c>"#), "the header is bold shared strings")
      #expect(sheet.contains(#"<c r="A2"><v>0</v></c>"#), "an Int is a number")
      #expect(sheet.contains(#"<c r="C2"><v>-3.0</v></c>"#), "a Double is a number")
      #expect(sheet.contains(#"<c r="D2" t="b"><v>1</v></c>"#))
      #expect(sheet.contains(#"<c r="F2" s="3"><v>"#), "a timestamp has the date-time style")
      #expect(sheet.contains(#"<col min="8" max="8" width="20" customWidth="1"/>"#))
      let workbook = String(
        decoding: try #require(try archive.contents(of: "xl/workbook.xml")), as: UTF8.self)
      #expect(workbook.contains(#"<sheet name="young men" sheetId="1" r:id="rId1"/>"#))
      let styles = String(decoding: try #require(try archive.contents(of: "xl/styles.xml")), as: UTF8.self)
      #expect(styles.contains(#"formatCode="yyyy-mm-dd""#))
    }
  }

  @Test func charactersXMLForbidsAreDropped() throws {
    let csv = "note\n\"bell\u{7}here\"\n\"nul\u{1}\u{1F}\"\n"
    let table = try CSVReader.load(bytes: Array(csv.utf8), source: "t.csv", tableName: "t").table
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.xlsx").path
    try WorkbookWriter.write(table, to: path)
    #expect(
      contents(try WorkbookReader.load(path: path, tableName: "t").table) == ["note: String = bellhere | nul"]
    )
  }

  @Test func nonFiniteNumbersAndDatesExcelCannotHold() throws {
    let column = Column(name: "x", storage: .double([1.5, .infinity, .nan]), validity: nil)
    let days = Column(name: "d", storage: .date([-30_000, 0, 19_000]), validity: nil)
    let table = try Table(name: "t", columns: [column, days])
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.xlsx").path
    try WorkbookWriter.write(table, to: path)
    // Excel has no infinity or NaN (left out, so null); 1887 precedes its calendar (written as text).
    #expect(
      contents(try WorkbookReader.load(path: path, tableName: "t").table)
        == ["x: Double = 1.5 | null | null", "d: Date = 1887-11-12 | 1970-01-01 | 2022-01-08"])
  }

  @Test func moreRowsOrColumnsThanExcelHoldsAreRefused() throws {
    let table = try Table(name: "t", columns: [Column(name: "a", storage: .int(.int8([1])), validity: nil)])
    let rows = [Int](repeating: 0, count: WorkbookWriter.maxRows)
    #expect(
      throws: WriteError(
        file: "big.xlsx",
        message: "1048576 rows do not fit in an Excel worksheet, which holds 1048575 under its header; "
          + "export a segment, or write .csv")
    ) {
      try WorkbookWriter.encode(table, rows: rows, file: "big.xlsx")
    }
    let wide = try Table(
      name: "w",
      columns: (0...WorkbookWriter.maxColumns).map {
        Column(name: "c\($0)", storage: .int(.int8([])), validity: nil)
      })
    #expect(
      throws: WriteError(
        file: "wide.xlsx",
        message: "16385 columns do not fit in an Excel worksheet, which holds 16384; write .csv instead")
    ) {
      try WorkbookWriter.encode(wide, file: "wide.xlsx")
    }
    // One row fewer fits.
    #expect(try WorkbookWriter.encode(table, rows: Array(rows.dropLast())).count > 0)
  }

  @Test(arguments: [
    ("customers", "customers"), ("a/b\\c?d*e[f]g:h", "abcdefgh"), ("'quoted'", "quoted"), ("", "Sheet1"),
    (String(repeating: "x", count: 40), String(repeating: "x", count: 31)),
  ])
  func sheetNamesAreMadeValid(name: String, expected: String) {
    #expect(WorkbookWriter.validSheetName(name) == expected)
  }
}
