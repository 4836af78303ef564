import Testing

@testable import Spreadsheet

@Suite("Cell formats and Excel dates")
struct CellFormatTests {
  @Test(arguments: [
    ("yyyy-mm-dd", CellFormat.date), ("d/m/yy", .date), ("mmm", .date), ("[$-409]mmmm d, yyyy;@", .date),
    ("dd/mm/yyyy hh:mm", .dateTime), ("yyyy-mm-dd hh:mm:ss", .dateTime), ("h:mm AM/PM", .time),
    ("mm:ss", .time), ("[h]:mm:ss", .time), ("[mm]", .time), ("General", .number), ("0.00", .number),
    ("#,##0 \"days\"", .number), ("[Red]0.00;[Blue]-0.00", .number), ("0.00E+00", .number),
    ("\\d0", .number), ("_(* #,##0_)", .number), ("0;yyyy", .number),
  ])
  func aFormatCodeSaysWhatItShows(code: String, expected: CellFormat) {
    #expect(CellFormat.of(code: code) == expected)
  }

  @Test func builtInFormats() {
    #expect((14...17).allSatisfy { CellFormat.builtIn($0) == .date })
    #expect(CellFormat.builtIn(22) == .dateTime)
    #expect((18...21).allSatisfy { CellFormat.builtIn($0) == .time })
    #expect([0, 1, 2, 9, 10, 11, 49].allSatisfy { CellFormat.builtIn($0) == .number })
  }

  @Test(arguments: [
    (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-28"), (61.0, "1900-03-01"),
    (25_569.0, "1970-01-01"), (45_000.0, "2023-03-15"), (2_958_465.0, "9999-12-31"),
  ])
  func serialsIn1900System(serial: Double, expected: String) {
    #expect(ExcelDate.text(serial: serial, format: .date, uses1904: false) == expected)
  }

  @Test func serialsIn1904SystemDateTimesAndTimes() {
    #expect(ExcelDate.text(serial: 0, format: .date, uses1904: true) == "1904-01-01")
    #expect(ExcelDate.text(serial: 43_538, format: .date, uses1904: true) == "2023-03-15")
    #expect(ExcelDate.text(serial: 45_000.5, format: .dateTime, uses1904: false) == "2023-03-15 12:00:00")
    // A second short of midnight in binary fractions rounds to the second, not to the day before.
    #expect(
      ExcelDate.text(serial: 45_000 + 86_399.0 / 86_400, format: .dateTime, uses1904: false)
        == "2023-03-15 23:59:59")
    #expect(ExcelDate.text(serial: 45_000.2 - 1e-11, format: .date, uses1904: false) == "2023-03-15")
    #expect(ExcelDate.text(serial: 0.75, format: .time, uses1904: false) == "18:00:00")
    #expect(ExcelDate.text(serial: 1.5, format: .time, uses1904: false) == "36:00:00")
    #expect(ExcelDate.text(serial: .nan, format: .date, uses1904: false) == nil)
  }
}
