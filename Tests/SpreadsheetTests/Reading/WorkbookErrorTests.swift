import Columnar
import Foundation
import Testing

@testable import Spreadsheet

/// Files that are not readable workbooks fail with a `LoadError` that says what they are.
@Suite("Workbook reader errors")
struct WorkbookErrorTests {
  /// Writes `bytes` to `name` in a new directory and returns the load's error.
  func error(_ bytes: [UInt8], _ name: String = "book.xlsx", sheet: String? = nil) throws -> LoadError? {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    do {
      _ = try WorkbookReader.load(path: url.path, tableName: "t", sheet: sheet)
      return nil
    } catch {
      // The path is the test's own temporary one; the message is compared with it taken out.
      var found = error
      found.message = found.message.replacingOccurrences(of: url.path, with: name)
      return found
    }
  }

  static let valid = WorkbookReaderTests.everyKind.bytes()

  @Test func anOLEFileIsAnEncryptedWorkbookOrAnXLS() throws {
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
    let found = try #require(try error(ole, "old.xls"))
    #expect(found.kind == .notAWorkbook)
    #expect(
      found.message
        == "'old.xls' is a password-protected workbook or an Excel 97-2003 (.xls) file, which seg cannot read; "
        + "save it from Excel or LibreOffice as .xlsx with no password, then load that")
  }

  @Test func aTruncatedWorkbookIsCutShort() throws {
    let found = try #require(try error(Array(Self.valid.prefix(Self.valid.count / 2))))
    #expect(
      found.message
        == "'book.xlsx' is cut short: it starts as a workbook (a zip archive) but its directory at the end "
        + "is missing; copy or save it again, then load that")
  }

  @Test func aDamagedPartIsNamed() throws {
    var bytes = Self.valid
    // The first part's data starts after its 30-byte header and its name, `_rels/.rels`.
    bytes[30 + 11 + 2] ^= 0x55
    let found = try #require(try error(bytes))
    #expect(found.kind == .notAWorkbook)
    #expect(found.message.hasPrefix("'book.xlsx' is a damaged workbook: part '_rels/.rels' "))
    #expect(found.message.hasSuffix("; open it in Excel or LibreOffice and save it again"))
  }

  @Test func textIsNotAWorkbook() throws {
    let found = try #require(try error(Array("name,age\nAda,36\n".utf8)))
    #expect(
      found.message
        == "'book.xlsx' is not an Excel workbook (it is not a zip archive); give an .xlsx or .xlsm file, or CSV text"
    )
  }

  @Test func aZipOfSomethingElseIsNotAWorkbook() throws {
    var zip = ZipWriter()
    zip.add("notes.txt", Array("hello".utf8))
    let found = try #require(try error(zip.finish(), "notes.zip"))
    #expect(
      found.message
        == "'notes.zip' is a zip archive but not an Excel workbook: it has no workbook part listing sheets; "
        + "give an .xlsx or .xlsm file")
  }

  @Test func anEmptySheetSaysSo() throws {
    let found = try #require(
      try error(HandMadeWorkbook(sheets: [("Blank", #"<row r="1"><c r="A1" s="0"/></row>"#)]).bytes()))
    #expect(found.kind == .emptyFile)
    #expect(
      found.message == "sheet 'Blank' of 'book.xlsx' is empty; expected a header row and rows of values")
  }

  @Test func anUnknownSheetListsTheSheets() throws {
    let found = try #require(try error(Self.valid, sheet: "Customer"))
    #expect(found.kind == .unknownSheet("Customer", sheets: ["Customers"]))
    #expect(found.message == "'book.xlsx' has no sheet named 'Customer'; its sheets are 'Customers'")
  }

  @Test func aHeaderOnlySheetIsATableWithNoRowsAsInCSV() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let book = HandMadeWorkbook(
      sheets: [
        (
          "S",
          #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>"#
        )
      ])
    let path = try book.write(to: dir, "h.xlsx")
    let csv = dir.appendingPathComponent("h.csv")
    try Data("a,b\n".utf8).write(to: csv)
    let table = try WorkbookReader.load(path: path, tableName: "t").table
    #expect(contents(table) == ["a: String = ", "b: String = "])
    #expect(contents(table) == contents(try CSVReader.load(path: csv.path, tableName: "t").table))
  }
}

/// Damaged workbooks end in a `LoadError` or a table, never in a crash.
@Suite("Workbook reader on damaged files")
struct DamagedWorkbookTests {
  @Test func cellsBeyondExcelsLimitsOrTooSparseToLoad() throws {
    let beyond = HandMadeWorkbook(sheets: [
      ("S", #"<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>"#)
    ])
    let found = try #require(try WorkbookErrorTests().error(beyond.bytes()))
    #expect(
      found.message
        == "'book.xlsx' is a damaged workbook: sheet 'S' has cells past row 1048576 or column XFD; "
        + "open it in Excel or LibreOffice and save it again")
    let sparse = HandMadeWorkbook(
      sheets: [
        (
          "S",
          #"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#
        )
      ])
    let tooLarge = try #require(try WorkbookErrorTests().error(sparse.bytes()))
    #expect(tooLarge.kind == .tooLarge)
    #expect(
      tooLarge.message
        == "sheet 'S' of 'book.xlsx' spans 1048576 rows by 16384 columns, over the 2 GiB a loaded file may hold"
    )
  }

  /// Every byte of a small workbook changed in turn, in the zip structure and in deflated data.
  @Test func everyChangedByteGivesAnErrorOrATable() throws {
    let valid = WorkbookErrorTests.valid
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("x.xlsx").path
    var outcomes = [0, 0]
    for offset in stride(from: 0, to: valid.count, by: 3) {
      var bytes = valid
      bytes[offset] ^= 0xA5
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      do {
        _ = try WorkbookReader.load(path: path, tableName: "t")
        outcomes[0] += 1
      } catch {
        outcomes[1] += 1
      }
    }
    #expect(outcomes[1] > 0)
  }
}
