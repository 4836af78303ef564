import Columnar
import Testing

@testable import Spreadsheet

#if canImport(Glibc)
  import Glibc
#endif

/// Where this file's folder is, to find the fixtures by path.
private let testsFolder: String = {
  var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(2)  // Reading/LibreOfficeFixtureTests.swift
  return parts.joined(separator: "/")
}()

/// `../shared/data` next to the repository, when this machine has it.
private let sharedData: String? = {
  let dir = testsFolder + "/../../../shared/data"
  var st = stat()
  return stat(dir, &st) == 0 ? dir : nil
}()

private func fixture(_ name: String) -> String { testsFolder + "/Fixtures/" + name }

/// Workbooks LibreOffice Calc wrote (`Scripts/excel-fixtures` makes them again).
@Suite("Workbooks written by LibreOffice")
struct LibreOfficeFixtureTests {
  static let handmade = [
    "name: String = Ada | Zoë | 李",
    "joined: Date = 2024-03-01 | 1999-12-31 | null",
    "last_seen: Timestamp = 2024-03-05 14:30:00 | null | 2024-02-29 00:00:01",
    "member: Bool = true | false | null",
    // The third spend is a formula's #DIV/0! error.
    "spend: Double = 120.5 | null | null",
    "visits: Int = 3 | 0 | 7",
    #"note: String = Fish & chips, "large" <3 | two\#nlines | null"#,
  ]

  @Test(arguments: ["handmade.xlsx", "handmade_1904.xlsx"])
  func aHandMadeWorkbookLoadsWithItsTypes(file: String) throws {
    let report = try WorkbookReader.load(path: fixture(file), tableName: "h")
    #expect(contents(report.table) == Self.handmade)
    #expect(try WorkbookReader.sheetNames(path: fixture(file)) == ["Customers", "Orders"])
  }

  @Test func theSecondSheet() throws {
    let report = try WorkbookReader.load(path: fixture("handmade.xlsx"), tableName: "o", sheet: "Orders")
    #expect(
      contents(report.table) == [
        "order: Int = 1 | 2", "customer: String = Ada | Zoë", "day: Date = 2024-03-02 | 2024-03-03",
      ])
  }

  /// Each data set's CSV and the workbook LibreOffice made of it.
  static let dataSets = [
    ("wholesale.xlsx", "wholesale_customers/Wholesale customers data.csv"),
    ("marketing_campaign.xlsx", "customer_personality/marketing_campaign.csv"),
    ("bank.xlsx", "bank_marketing/bank.csv"),
  ]

  @Test(.enabled(if: sharedData != nil), arguments: dataSets)
  func aDataSetLoadsAsItsCSVDoes(workbook: String, csv: String) throws {
    let fromExcel = try WorkbookReader.load(path: fixture(workbook), tableName: "t").table
    let fromCSV = try CSVReader.load(path: sharedData! + "/" + csv, tableName: "t").table
    #expect(fromExcel.rowCount == fromCSV.rowCount)
    #expect(fromExcel.columnNames == fromCSV.columnNames)
    #expect(fromExcel.columns.map(\.type) == fromCSV.columns.map(\.type))
    // Wholesale's last column holds notes with bytes that are not UTF-8: LibreOffice made them U+FFFD
    // and the CSV reader reads them as Windows-1252, so only that column's text differs.
    let compared = workbook == "wholesale.xlsx" ? fromCSV.columns.count - 1 : fromCSV.columns.count
    for j in 0..<compared {
      #expect(contents(try table(fromExcel.columns[j])) == contents(try table(fromCSV.columns[j])))
    }
  }

  @Test func knownValuesOfTheMarketingCampaign() throws {
    let table = try WorkbookReader.load(path: fixture("marketing_campaign.xlsx"), tableName: "t").table
    let joined = try #require(table.column(named: "Dt_Customer"))
    #expect(joined.type == .date)
    #expect(joined.value(at: 0) == .date(CivilDate.days(year: 2012, month: 9, day: 4)!))
    #expect(table.column(named: "Income")?.nullCount == 24)
  }

  private func table(_ column: Column) throws -> Table { try Table(name: "c", columns: [column]) }
}
