import Foundation
import Testing

/// End-to-end tests of `export`: the built `seg` writes a table or a segment's rows to CSV.
@Suite("Export end to end")
struct ExportEndToEndTests {
  @Test func exportingASegmentWritesItsRows() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try SegBinary.run(
      [
        "-c",
        "load sample customers rows 500 seed 1; segment young = age < 30; "
          + "export young to \"y.csv\"; export customers to \"c.csv\"",
      ], directory: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout == """
        loaded customers: 500 rows, 24 columns (sample, seed 1)
        segment young: 109 rows (21.8% of customers)
        wrote 109 rows of segment young (customers) to y.csv (19,657 bytes)
        wrote 500 rows of customers to c.csv (88,889 bytes)

        """)
    let lines = try String(contentsOf: dir.appendingPathComponent("y.csv"), encoding: .utf8)
      .split(separator: "\n")
    #expect(lines.count == 1 + 109)
    #expect(lines.first?.hasPrefix("customer_id,first_name,") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["c.csv", "y.csv"])
  }

  /// A Bool column read from `yes`/`no` is written back with its file's words, not true and false.
  @Test func aSegmentWithAYesNoColumnKeepsItsWords() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "id,member\n1,Yes\n2,No\n3,\n4,Yes\n".write(
      to: dir.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
    let result = try SegBinary.run(
      [
        "--no-init", "-c",
        "load \"members.csv\" as words; segment later = id >= 2; export later to \"later.csv\"",
      ], directory: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasSuffix("wrote 3 rows of segment later (words) to later.csv (24 bytes)\n"))
    let written = try String(contentsOf: dir.appendingPathComponent("later.csv"), encoding: .utf8)
    #expect(written == "id,member\n2,No\n3,\n4,Yes\n")
  }

  @Test func anUnknownFormatIsRefusedOnExportACutWorkbookIsNamedOnLoadAndATSVGetsTabs() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Once, export wrote CSV text into x.xlsx and said it succeeded, and load read a workbook as CSV.
    try Data([0x50, 0x4B, 3, 4, 0x14, 0, 0, 0]).write(to: dir.appendingPathComponent("book.xlsx"))
    let result = try SegBinary.run(
      [
        "--no-init", "run", "--keep-going", "/dev/stdin",
      ],
      input: """
        load sample customers rows 20 seed 1
        export customers to "x.ods"
        export customers to "x.tsv"
        load "book.xlsx"

        """, directory: dir)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "error: export writes CSV (.csv, .tsv or .txt) or Excel (.xlsx); seg cannot write .ods files, so x.ods was not written"
      ), "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "error: 'book.xlsx' is cut short: it starts as a workbook (a zip archive) but its directory at the end is missing"
      ), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.ods").path))
    let tsv = try String(contentsOf: dir.appendingPathComponent("x.tsv"), encoding: .utf8)
    #expect(tsv.hasPrefix("customer_id\tfirst_name\tlast_name\t"))
  }

  @Test func anUnknownNameFailsWithDidYouMean() throws {
    let dir = try SegBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try SegBinary.run(
      ["-c", "load sample customers rows 50 seed 1; segment young = age < 30; export yuong to \"y.csv\""],
      directory: dir)
    #expect(result.status == 1)
    #expect(
      result.stdout
        == "loaded customers: 50 rows, 24 columns (sample, seed 1)\nsegment young: 14 rows (28.0% of customers)\n"
    )
    #expect(
      result.stderr == """
        error: no table or segment named 'yuong'
          export yuong to "y.csv"
                 ^^^^^
          did you mean 'young'?

        """)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.csv").path))
  }
}
