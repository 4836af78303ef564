import Columnar
import Foundation
import Testing

@testable import Spreadsheet

@Suite("Workbook reader")
struct WorkbookReaderTests {
  /// Every kind of cell: shared, inline and formula strings, numbers, booleans, dates by built-in and
  /// custom formats, a time, an error, an empty cell, a sparse row, cells with no `r`.
  static let everyKind = HandMadeWorkbook(
    sheets: [
      (
        "Customers",
        #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>joined</t></is></c>"#
          + #"<c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c>"#
          + #"<c r="F1" t="s"><v>4</v></c><c r="G1" t="s"><v>5</v></c></row>"#
          + #"<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" s="1"><v>45000</v></c><c r="C2"><v>1.5</v></c>"#
          + #"<c r="D2" t="b"><v>1</v></c><c r="E2" s="2"><v>45000.75</v></c>"#
          + #"<c r="F2" t="str"><f>A2&amp;"!"</f><v>Ada &amp; co!</v></c><c r="G2" s="3"><v>0.5</v></c></row>"#
          + #"<row r="3"><c r="A3" t="inlineStr"><is><r><t>Gr</t></r><r><t>ace</t></r></is></c>"#
          + #"<c r="B3" s="1"><v>45001</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#
          + #"<c r="D3" t="b"><v>0</v></c><c r="E3" s="2"/><c r="G3" s="3"><v>0.25</v></c></row>"#
          + #"<row r="5"><c t="s"><v>7</v></c><c s="1"><v>45003</v></c><c><v>-2E-3</v></c></row>"#
      )
    ],
    sharedStrings: ["name", "amount", "member", "seen", "note", "slot", "Ada", "Lin"],
    numberFormats: [(164, "yyyy/mm/dd hh:mm"), (165, "h:mm")],
    cellFormats: [0, 14, 164, 165])

  @Test func everyKindOfCellLoadsAsCSVWouldType() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try Self.everyKind.write(to: dir, "kinds.xlsx")
    let report = try WorkbookReader.load(path: path, tableName: "k")
    #expect(
      contents(report.table) == [
        "name: String = Ada | Grace | null | Lin",
        "joined: Date = 2023-03-15 | 2023-03-16 | null | 2023-03-18",
        "amount: Double = 1.5 | null | null | -0.002",
        "member: Bool = true | false | null | null",
        "seen: Timestamp = 2023-03-15 18:00:00 | null | null | null",
        "note: String = Ada & co! | null | null | null",
        "slot: String = 12:00:00 | 06:00:00 | null | null",
      ])
  }

  @Test func theSheetIsChosenByNameExactlyOrIgnoringCase() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let book = HandMadeWorkbook(
      sheets: [
        (
          "First",
          #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>"#
        ),
        (
          "Second",
          #"<row r="1"><c r="B1" t="inlineStr"><is><t>b</t></is></c></row><row r="2"><c r="B2"><v>2</v></c></row>"#
        ),
      ])
    let path = try book.write(to: dir, "two.xlsx")
    #expect(contents(try WorkbookReader.load(path: path, tableName: "t").table) == ["a: Int = 1"])
    #expect(
      contents(try WorkbookReader.load(path: path, tableName: "t", sheet: "second").table)
        == ["column_1: String = null", "b: Int = 2"])
    #expect(try WorkbookReader.sheetNames(path: path) == ["First", "Second"])
    #expect(throws: LoadError.self) { try WorkbookReader.load(path: path, tableName: "t", sheet: "Third") }
    do {
      _ = try WorkbookReader.load(path: path, tableName: "t", sheet: "Secnod")
    } catch {
      #expect(error.kind == .unknownSheet("Secnod", sheets: ["First", "Second"]))
      #expect(error.message == "'\(path)' has no sheet named 'Secnod'; its sheets are 'First', 'Second'")
    }
  }

  @Test func the1904DateSystemIsHonoured() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var book = HandMadeWorkbook(
      sheets: [
        (
          "S",
          #"<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row><row r="2"><c r="A2" s="1"><v>43538</v></c></row>"#
        )
      ],
      cellFormats: [0, 14])
    book.uses1904 = true
    let path = try book.write(to: dir, "mac.xlsx")
    #expect(contents(try WorkbookReader.load(path: path, tableName: "t").table) == ["d: Date = 2023-03-15"])
  }

  @Test func textThatNeedsQuotingInCSVComesThroughWhole() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let tricky = [#"a, "quoted" b"#, "two\nlines", " padded ", "tab\tin", "NA"]
    let cells = tricky.enumerated().map { i, s in
      #"<row r="\#(i + 2)"><c r="A\#(i + 2)" t="inlineStr"><is><t xml:space="preserve">\#(s.replacingOccurrences(of: "\"", with: "&quot;"))</t></is></c></row>"#
    }.joined()
    let book = HandMadeWorkbook(
      sheets: [("S", #"<row r="1"><c r="A1" t="inlineStr"><is><t>text</t></is></c></row>"# + cells)])
    let path = try book.write(to: dir, "tricky.xlsx")
    // `NA` is a null placeholder, as it is in CSV.
    #expect(
      contents(try WorkbookReader.load(path: path, tableName: "t").table)
        == [#"text: String = a, "quoted" b | two\#nlines |  padded  | tab\#tin | null"#])
  }

  @Test func headerOffNamesColumnsByNumber() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let book = HandMadeWorkbook(sheets: [
      ("S", #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#)
    ])
    let path = try book.write(to: dir, "h.xlsx")
    #expect(
      contents(try WorkbookReader.load(path: path, tableName: "t", header: false).table) == [
        "column_1: Int = 1 | 2"
      ])
  }

  @Test func workbooksAreRecognisedByNameOrFirstBytes() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let zip = dir.appendingPathComponent("book.dat")
    try Data(HandMadeWorkbook(sheets: [("S", "")]).bytes()).write(to: zip)
    let csv = dir.appendingPathComponent("plain.csv")
    try Data("a\n1\n".utf8).write(to: csv)
    #expect(WorkbookReader.isWorkbook(path: zip.path))
    #expect(!WorkbookReader.isWorkbook(path: csv.path))
    #expect(WorkbookReader.isWorkbook(path: dir.appendingPathComponent("missing.XLSX").path))
    #expect(!WorkbookReader.isWorkbook(path: dir.appendingPathComponent("missing.csv").path))
  }
}
