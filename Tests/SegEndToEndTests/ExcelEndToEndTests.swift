import Foundation
import Testing

/// End-to-end tests of Excel workbooks: the built `seg` exports tables and segments to .xlsx and loads
/// them back.
@Suite("Excel end to end")
struct ExcelEndToEndTests {
  /// `output` with the sizes of written workbooks blanked: they follow the system zlib's version.
  func sizesBlanked(_ output: String) -> String {
    output.replacing(/xlsx \([0-9,]+ bytes\)/, with: "xlsx (N bytes)")
  }

  @Test func aTableAndASegmentRoundTripThroughExcel() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try SegBinary.run(
      [
        "-c",
        "load sample customers rows 500 seed 1; segment young = age < 30; "
          + "export customers to \"c.xlsx\"; export young to \"y.xlsx\"; "
          + "export customers to \"c.csv\"; export young to \"y.csv\"; "
          + "load \"c.xlsx\" as c2; load \"y.xlsx\" as y2; export c2 to \"c2.csv\"; export y2 to \"y2.csv\"",
      ], directory: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(
      sizesBlanked(result.stdout) == """
        loaded customers: 500 rows, 24 columns (sample, seed 1)
        segment young: 109 rows (21.8% of customers)
        wrote 500 rows of customers to c.xlsx (N bytes)
        wrote 109 rows of segment young (customers) to y.xlsx (N bytes)
        wrote 500 rows of customers to c.csv (88,889 bytes)
        wrote 109 rows of segment young (customers) to y.csv (19,657 bytes)
        loaded c2: 500 rows, 24 columns from c.xlsx
        loaded y2: 109 rows, 24 columns from y.xlsx
        wrote 500 rows of c2 to c2.csv (88,889 bytes)
        wrote 109 rows of y2 to y2.csv (19,657 bytes)

        """)
    // Same types, nulls, dates and text: the CSV of what came back from Excel is the original's, byte
    // for byte (CSV prints every type in one canonical way).
    for (a, b) in [("c.csv", "c2.csv"), ("y.csv", "y2.csv")] {
      let original = try Data(contentsOf: dir.appendingPathComponent(a))
      let again = try Data(contentsOf: dir.appendingPathComponent(b))
      #expect(original == again, "\(a) and \(b) differ")
    }
  }

  @Test func anUnknownSheetListsTheSheetsWithDidYouMean() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try SegBinary.run(
      [
        "-c",
        "load sample customers rows 20 seed 1; export customers to \"c.xlsx\"; "
          + "load \"c.xlsx\" sheet \"CUSTOMERS\" as a; load \"c.xlsx\" sheet \"cstomers\"",
      ], directory: dir)
    #expect(result.status == 1)
    #expect(
      sizesBlanked(result.stdout) == """
        loaded customers: 20 rows, 24 columns (sample, seed 1)
        wrote 20 rows of customers to c.xlsx (N bytes)
        loaded a: 20 rows, 24 columns from c.xlsx, sheet "CUSTOMERS"

        """)
    #expect(
      result.stderr == """
        error: 'c.xlsx' has no sheet named 'cstomers'; its sheets are 'customers'
          load "c.xlsx" sheet "cstomers"
                              ^^^^^^^^^^
          did you mean 'customers'?

        """)
  }

  @Test func csvOptionsOnAWorkbookAndASheetOnCSVAreRefused() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try SegBinary.run(
      ["--no-init", "run", "--keep-going", "/dev/stdin"],
      input: """
        load sample customers rows 20 seed 1
        export customers to "c.xlsx"
        export customers to "c.csv"
        load "c.xlsx" delimiter ";"
        load "c.csv" sheet "customers"

        """, directory: dir)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "error: delimiter is for CSV files; c.xlsx is an Excel workbook, whose cells need neither"),
      "\(result.stderr)")
    #expect(
      result.stderr.contains("error: sheet is for Excel workbooks (.xlsx, .xlsm); c.csv is read as CSV text"),
      "\(result.stderr)")
  }
}
